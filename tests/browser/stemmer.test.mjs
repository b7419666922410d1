// The browser's stemmer is Snowball's generated JavaScript (the theme's
// snowball/ folder); the index's is the same Snowball algorithm compiled to
// Rust (tantivy's stemmer). Every word of the built site's lexicon, with
// the stem the build gave it, must stem the same in JavaScript.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const output = process.env.SITE_OUTPUT;

test("Snowball in JavaScript stems every word of the lexicon as the build did", async () => {
  for (const lang of ["en", "fr", "es", "ar"]) {
    const dir = join(output, "_search", lang);
    const meta = JSON.parse(readFileSync(join(dir, "meta.json"), "utf8"));
    const Stemmer = (await import(new URL(meta.stemmer, `file://${dir}/`).href)).default;
    const stemmer = new Stemmer();
    let words = 0;
    const differ = [];
    for (const file of readdirSync(join(dir, "lex"))) {
      const pack = JSON.parse(readFileSync(join(dir, "lex", file), "utf8"));
      for (const entries of Object.values(pack)) {
        for (const [surface, stem] of entries) {
          words++;
          if (surface !== stem && stemmer.stemWord(surface) !== stem) differ.push([surface, stem, stemmer.stemWord(surface)]);
        }
      }
    }
    assert.ok(words > 1000, `${lang}: ${words} words`);
    assert.deepEqual(differ, [], `${lang}: words stemmed differently`);
  }
});
