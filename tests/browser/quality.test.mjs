// Accessibility (axe-core, WCAG 2.2 AA, light and dark), valid HTML (the Nu
// Html Checker), and the weight of a guidance page on the wire.
import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";
import { SITE, browserContext } from "./support.mjs";

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

// One page of each type, in a left-to-right and a right-to-left language.
const PAGES = [
  "/",
  "/404.html",
  "/en/",
  "/en/guidance/",
  "/en/guidance/advocate-coordinate-network/",
  "/en/advocacy/",
  "/fr/stakeholder-dialogues/", // fallback: English text in the French site
  "/ar/",
  "/ar/guidance/",
  "/ar/guidance/advocate-coordinate-network/",
  "/ar/guidance/monitoring-evaluation/", // fallback in the Arabic site
  "/en/resources/",
  "/en/resources/category/key-guidance/page/2/",
  "/en/resources/who-2016-mhgap-intervention-guide/",
  "/en/audiences/donors/",
  "/en/print/", // the whole toolkit on one page
  "/ar/print/",
  "/ar/resources/",
  "/ar/resources/who-2016-mhgap-intervention-guide/",
  "/en/search/?q=advocacy",
  "/ar/search/?q=%D8%A7%D9%84%D8%B5%D8%AD%D8%A9",
];

let light, dark;
before(async () => {
  light = await browserContext();
  dark = await browserContext({ colorScheme: "dark" });
});
after(async () => {
  await light.close();
  await dark.close();
});

async function axeViolations(context, path) {
  const page = await context.newPage();
  await page.goto(SITE + path);
  if (path.includes("/search/")) await page.waitForSelector(".search-results li");
  // Closed sections are not checked by axe: open them all.
  await page.evaluate(() => document.querySelectorAll("details").forEach((d) => (d.open = true)));
  await page.addScriptTag({ content: AXE });
  const result = await page.evaluate(() =>
    axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] } }),
  );
  await page.close();
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
}

for (const path of PAGES) {
  test(`axe: no violations on ${path}`, async () => {
    assert.deepEqual(await axeViolations(light.context, path), []);
  });
  test(`axe: no violations on ${path} in dark mode`, async () => {
    assert.deepEqual(await axeViolations(dark.context, path), []);
  });
}

test("Nu Html Checker: no errors in any page of the site", () => {
  const jar = require.resolve("vnu-jar/build/dist/vnu.jar");
  let report;
  try {
    report = execFileSync("java", ["-jar", jar, "--errors-only", "--format", "json", "--skip-non-html", process.env.SITE_OUTPUT], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
      maxBuffer: 64 << 20,
    });
  } catch (e) {
    // vnu exits 1 when it found errors; its report is on stderr.
    report = e.stderr || e.stdout;
  }
  const messages = JSON.parse(report || '{"messages": []}').messages.filter((m) => m.type === "error");
  assert.deepEqual(
    messages.map((m) => `${m.url.replace(/^.*public/, "")}:${m.lastLine}: ${m.message}`),
    [],
  );
});

test("a guidance page with its CSS weighs under 30 KB compressed", async () => {
  const sizes = {};
  for (const path of ["/en/guidance/advocate-coordinate-network/", "/ar/guidance/advocate-coordinate-network/", "/style.css"]) {
    const body = Buffer.from(await (await fetch(SITE + path)).arrayBuffer());
    sizes[path] = {
      raw: body.length,
      gzip: gzipSync(body, { level: 9 }).length,
      brotli: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    };
  }
  for (const lang of ["en", "ar"]) {
    const page = sizes[`/${lang}/guidance/advocate-coordinate-network/`];
    const css = sizes["/style.css"];
    const total = { raw: page.raw + css.raw, gzip: page.gzip + css.gzip, brotli: page.brotli + css.brotli };
    console.log(`page weight ${lang}: HTML ${page.raw} B (gzip ${page.gzip}, br ${page.brotli}); CSS ${css.raw} B (gzip ${css.gzip}, br ${css.brotli}); total gzip ${total.gzip} B, brotli ${total.brotli} B`);
    assert.ok(total.gzip < 30 * 1024, `${lang}: ${total.gzip} bytes gzipped`);
  }
});
