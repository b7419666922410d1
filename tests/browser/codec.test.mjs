// The browser's decoders of src/index/pack.rs (varints, packs, gaps) and of
// the postings of src/index/export.rs, in search.js, against the byte-exact
// examples the Rust tests check too.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import vm from "node:vm";

const root = new URL("../../", import.meta.url);
const vectors = JSON.parse(readFileSync(new URL("tests/codec-vectors.json", root), "utf8"));
const context = { TextEncoder };
vm.runInNewContext(readFileSync(new URL("themes/default/static/search.js", root), "utf8"), context);
const { varints, unpack, packOf, sums, decodePostings } = context.signpostCodec;

test("varints decode as the Rust side encodes them", () => {
  for (const [value, bytes] of vectors.varint) assert.equal(varints(Uint8Array.from(bytes)).next(), value);
});

test("packs unpack into the entries the Rust side packed", () => {
  for (const [entries, bytes] of vectors.pack) {
    // Arrays of the script's realm: compared as JSON.
    assert.equal(JSON.stringify(unpack(Uint8Array.from(bytes)).map((e) => [...e])), JSON.stringify(entries));
  }
});

test("a pack is found by its first item", () => {
  assert.deepEqual([0, 9, 10, 24, 25, 1000].map((k) => packOf([0, 10, 25], k)), [0, 0, 1, 1, 2, 2]);
  assert.equal(packOf(["00", "6162"], "6161"), 0);
});

test("gaps add up to the numbers the Rust side wrote", () => {
  for (const [firsts, gaps] of vectors.gaps) assert.equal(JSON.stringify(sums(gaps)), JSON.stringify(firsts));
});

test("postings decode, as gaps and as bit sets, into the lists the Rust side wrote", () => {
  for (const [n, fields, bytes] of vectors.postings) {
    const decoded = decodePostings(Uint8Array.from(bytes), n);
    const expected = fields.map((f) => (f ? { idf: f[0], docs: f[1], tfs: f[2], norms: f[3] } : { idf: 0, docs: [], tfs: [], norms: [] }));
    assert.equal(JSON.stringify(decoded), JSON.stringify(expected));
  }
});
