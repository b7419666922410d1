// Search in the browser: the same results in the same order as
// `signpost search` for a list of queries in all four languages; the
// script and index load only once a reader searches; keyboard use, filters,
// escaping, right to left, and the page without JavaScript.
import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { SITE, browserContext } from "./support.mjs";

let env;
before(async () => {
  env = await browserContext();
});
after(async () => env.close());

// Words as written, word forms no page uses (the Snowball stemmer on both
// sides), typos (one or two edits, swaps, first letters) and prefixes.
const QUERIES = {
  en: ["mhgap training", "advocacy", "supervision", "integr", "helth", "strategies", "\"mental health\" policy", "primary care workers", "donors funding", "refugees",
    "evaluating", "coordinating", "advocating", "pyschosis", "epilespy", "mhGAP intervention guide", "sueprvision", "intergration", "psychological first aid", "referal pathways"],
  fr: ["stratégie", "strategie", "formation", "santé mentale", "plaidoyer", "soins primaires", "réfugiés", "mantale", "évaluations", "coordonner", "psychose", "epilepsie", "formations des agents"],
  es: ["capacitación", "salud mental", "incidencia", "atención primaria", "refugiados", "capacitaciones", "evaluando", "coordinación", "epilepsia", "psicosis", "salud mnetal"],
  ar: ["تدريب", "الصحة النفسية", "الصِّحَّة النَّفْسِيَّة", "المناصرة", "اللاجئين", "الرعاية الأولية", "المعارف", "معارف", "بالمعارف", "الباحثين", "والباحثين", "تقييم", "والتقييم", "للتحقق",
    "تدريبها", "تدريبهم", "برامجنا", "الصرع", "الذهان", "الاسعافات الاولية النفسية", "النفسيه"],
};
// The query set of tests/search_quality.rs (pages judged from the content).
for (const [lang, query] of JSON.parse(readFileSync(new URL("../search-queries.json", import.meta.url), "utf8")).queries) QUERIES[lang].push(query);
const FILTERED = [["en", "mental health", { audience: "donors" }], ["fr", "santé", { category: "key-guidance", language: "fr" }], ["ar", "الصحة", { audience: "governments" }]];

function cli(lang, query, filters = {}) {
  const args = ["search", query, "--lang", lang, "--json", "--output", process.env.SITE_OUTPUT, "--index-dir", process.env.SITE_INDEX];
  for (const [k, v] of Object.entries(filters)) args.push(`--${k}`, v);
  return JSON.parse(execFileSync(process.env.SIGNPOST_BIN, args, { encoding: "utf8" }));
}

async function browserSearch(page, lang, query, filters = {}) {
  if (!page.url().includes(`/${lang}/search/`)) {
    await page.goto(`${SITE}/${lang}/search/`);
    await page.focus("#search-input");
    await page.waitForFunction(() => window.signpostSearch);
  }
  return page.evaluate(([q, f]) => window.signpostSearch.search(q, f).then((r) => ({ total: r.total, urls: r.hits.map((h) => h.url), facets: r.facets, corrected: r.corrected })), [query, filters]);
}

test("the browser returns what signpost search returns, in the same order", async () => {
  const page = await env.context.newPage();
  let compared = 0;
  for (const [lang, queries] of Object.entries(QUERIES)) {
    for (const query of queries) {
      const expected = cli(lang, query);
      const got = await browserSearch(page, lang, query);
      assert.equal(got.total, expected.total, `${lang} ${query}: total`);
      assert.deepEqual(got.urls, expected.results.map((r) => r.url), `${lang} ${query}: top 10`);
      assert.deepEqual(got.facets, expected.facets, `${lang} ${query}: facet counts`);
      assert.equal(got.corrected, expected.corrected ?? null, `${lang} ${query}: showing results for`);
      if (expected.total > 0) compared++;
    }
  }
  for (const [lang, query, filters] of FILTERED) {
    const expected = cli(lang, query, filters);
    const got = await browserSearch(page, lang, query, filters);
    assert.equal(got.total, expected.total, `${lang} ${query} ${JSON.stringify(filters)}`);
    assert.deepEqual(got.urls, expected.results.map((r) => r.url));
  }
  assert.ok(compared >= 100, `only ${compared} queries had results`);
  await page.close();
});

test("nothing of search loads with a page, only when a reader searches", async () => {
  const page = await env.context.newPage();
  const requests = [];
  page.on("request", (r) => requests.push(new URL(r.url()).pathname));
  await page.goto(`${SITE}/en/guidance/build-capacity/`, { waitUntil: "networkidle" });
  await page.goto(`${SITE}/en/search/`, { waitUntil: "networkidle" });
  assert.deepEqual(requests.filter((p) => p.includes("search.js") || p.startsWith("/_search/")), []);
  await page.fill("#search-input", "supervision");
  await page.waitForSelector(".search-results li");
  assert.ok(requests.includes("/search.js"));
  assert.ok(requests.some((p) => p.startsWith("/_search/en/lex/")));
  assert.ok(!requests.some((p) => p.includes("/index/")), "the tantivy index is not published");
  await page.close();
});

test("typing, the keyboard and filters", async () => {
  const page = await env.context.newPage();
  await page.goto(`${SITE}/en/`);
  // The search box on every page leads to the search page.
  await page.fill("#site-search", "advocacy");
  await page.keyboard.press("Enter");
  await page.waitForURL(/\/en\/search\/\?q=advocacy/);
  await page.waitForSelector(".search-results li");
  const status = await page.locator("#search-status").textContent();
  assert.match(status, /^\d+ results$/);
  // Titles, sections and highlighted snippets.
  assert.ok(await page.locator(".search-results li a.search-title").count() > 0);
  assert.ok(await page.locator(".search-results mark").count() > 0);
  // Tab from the box reaches the filters and the results.
  await page.focus("#search-input");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  const focused = await page.evaluate(() => document.activeElement.closest(".search-facets, .search-results") !== null);
  assert.ok(focused);
  // A filter narrows the results and goes into the URL.
  const donors = page.locator('.search-facets button[data-facet="audience"][data-value="donors"]');
  const count = Number(await donors.locator(".count").textContent());
  await donors.click();
  await page.waitForFunction((n) => document.querySelector("#search-status").textContent.startsWith(`${n} result`), count);
  assert.ok(new URL(page.url()).searchParams.get("audience") === "donors");
  assert.equal(await page.locator('.search-facets button[data-value="donors"]').getAttribute("aria-pressed"), "true");
  await page.close();
});

test("a query with HTML is shown as text", async () => {
  const page = await env.context.newPage();
  let alerted = false;
  page.on("dialog", async (d) => { alerted = true; await d.dismiss(); });
  await page.goto(`${SITE}/en/search/?q=${encodeURIComponent('<img src=x onerror=alert(1)> health')}`);
  await page.waitForFunction(() => /result/.test(document.querySelector("#search-status").textContent));
  assert.equal(await page.locator(".search-results img").count(), 0);
  assert.equal(await page.inputValue("#search-input"), "<img src=x onerror=alert(1)> health");
  assert.equal(alerted, false);
  await page.close();
});

test("Arabic search reads right to left", async () => {
  const page = await env.context.newPage();
  await page.goto(`${SITE}/ar/search/?q=${encodeURIComponent("الصحة النفسية")}`);
  await page.waitForSelector(".search-results li");
  assert.equal(await page.getAttribute("html", "dir"), "rtl");
  assert.match(await page.locator("#search-status").textContent(), /نتيجة|نتائج/);
  const input = await page.locator("#search-input").boundingBox();
  const button = await page.locator(".search-row button").boundingBox();
  assert.ok(button.x < input.x, "the button sits at the left end in Arabic");
  await page.close();
});

test("without JavaScript the search page says so and links to the library", async (t) => {
  const { context, close } = await browserContext({ javaScriptEnabled: false });
  t.after(close);
  const page = await context.newPage();
  await page.goto(`${SITE}/fr/search/?q=formation`);
  const notice = page.locator("noscript, .notice").first();
  assert.match(await page.content(), /La recherche nécessite JavaScript/);
  assert.ok(await page.locator('.notice a[href="/fr/resources/"]').isVisible());
  assert.ok(notice);
});

test("a browser without DecompressionStream is told that search needs a newer one", async (t) => {
  const { context, close } = await browserContext();
  t.after(close);
  const page = await context.newPage();
  await page.addInitScript(() => { delete window.DecompressionStream; });
  await page.goto(`${SITE}/es/search/?q=salud`);
  await page.locator(".search-status").filter({ hasText: "navegador más reciente" }).waitFor();
  assert.equal(await page.locator(".search-results li").count(), 0);
});
