// Reading off the network: the offline copy (a zip opened from disk, on
// file://), "Save for offline reading" (a service worker, then the server
// gone and the browser offline), and the whole-toolkit print page.
import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { createServer } from "node:http";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { extname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { SITE, browserContext } from "./support.mjs";

const OUTPUT = process.env.SITE_OUTPUT;
const QUERY = "الصحة النفسية";

let env;
let unzipped;
before(async () => {
  env = await browserContext();
  unzipped = mkdtempSync(join(tmpdir(), "signpost-offline-"));
});
after(async () => {
  await env.close();
  rmSync(unzipped, { recursive: true, force: true });
});

function cli(lang, query) {
  const args = ["search", query, "--lang", lang, "--json", "--output", OUTPUT, "--index-dir", process.env.SITE_INDEX];
  return JSON.parse(execFileSync(process.env.SIGNPOST_BIN, args, { encoding: "utf8" }));
}

const cliUrls = (lang, query) => cli(lang, query).results.map((r) => r.url);

// Every page of a folder, recursively.
function htmlFiles(dir) {
  return readdirSync(dir, { recursive: true }).map((f) => join(dir, f)).filter((f) => f.endsWith(".html"));
}

test("the Arabic offline copy works from disk: links, styles, search", async () => {
  const zip = readdirSync(join(OUTPUT, "ar")).find((f) => f.endsWith("-offline.zip"));
  assert.ok(zip, "ar/<slug>-offline.zip is built");
  execFileSync("unzip", ["-q", join(OUTPUT, "ar", zip), "-d", unzipped]);
  const [folder] = readdirSync(unzipped);
  const root = join(unzipped, folder);

  // Every link and script of every page either stays in the copy (and the
  // file is there) or leaves for the web: nothing points at file:///.
  for (const file of htmlFiles(root)) {
    const html = readFileSync(file, "utf8");
    for (const [, url] of html.matchAll(/\s(?:href|src|action)="([^"]*)"/g)) {
      if (/^(https?:|mailto:|#|data:)/.test(url)) continue;
      assert.ok(!url.startsWith("/"), `${file}: absolute path ${url}`);
      const target = fileURLToPath(new URL(url.replace(/[?#].*$/, ""), pathToFileURL(file)));
      assert.ok(existsSync(target) && statSync(target).isFile(), `${file}: ${url} is not in the copy`);
    }
  }

  const page = await env.context.newPage();
  const failed = [];
  page.on("requestfailed", (r) => failed.push(r.url()));
  await page.goto(pathToFileURL(join(root, "ar", "index.html")).href);
  const styled = () => page.evaluate(() => getComputedStyle(document.querySelector(".site-header")).borderBottomWidth);
  assert.equal(await styled(), "4px", "style.css applies");
  assert.equal(await page.getAttribute("html", "dir"), "rtl");

  // A guidance page, through the toolkit navigation.
  await page.click('.toolkit-nav a[href*="guidance/"]');
  assert.match(page.url(), /^file:.*\/ar\/guidance\/[^/]+\/index\.html$/);
  assert.equal(await styled(), "4px");
  assert.ok((await page.locator("main h1").textContent()).trim().length > 0);

  // The resource library, through the header; a filter leads to its listing.
  await page.click(".site-links li:first-child a");
  assert.match(page.url(), /\/ar\/resources\/index\.html$/);
  assert.ok((await page.locator(".resource-list > li").count()) > 0);
  await page.click(".filters .facet a[data-value]");
  assert.match(page.url(), /\/ar\/resources\/[a-z]+\/[^/]+\/index\.html$/);
  assert.ok((await page.locator(".resource-list > li").count()) > 0);

  // Search from the header's box: the same first results as the command line.
  await page.fill("#site-search", QUERY);
  await page.press("#site-search", "Enter");
  await page.waitForSelector("#search-results li");
  const expected = cliUrls("ar", QUERY);
  assert.ok(expected.length > 0);
  const found = await page.evaluate((q) => window.signpostSearch.search(q).then((r) => r.hits.map((h) => h.url)), QUERY);
  assert.deepEqual(found.slice(0, 5), expected.slice(0, 5));
  // A word form no page uses is found through Snowball's stemmer, which
  // the copy loads as a classic script (a module cannot be imported here).
  assert.equal(await page.evaluate(() => typeof window.signpostStemmer), "function");
  const form = "للمشرفين";
  const formExpected = cliUrls("ar", form);
  assert.ok(formExpected.length > 0);
  const formFound = await page.evaluate((q) => window.signpostSearch.search(q).then((r) => r.hits.map((h) => h.url)), form);
  assert.deepEqual(formFound.slice(0, 5), formExpected.slice(0, 5));
  // Its first result opens the page in the copy.
  const first = await page.locator("#search-results li a").first().getAttribute("href");
  assert.ok(first.startsWith("file:") && existsSync(fileURLToPath(first.replace(/#.*$/, ""))), first);
  assert.deepEqual(failed, [], "no file failed to load");
  await page.close();
});

// The built site, served by a server this test can stop.
function serve(dir) {
  const types = { ".html": "text/html; charset=utf-8", ".css": "text/css", ".js": "text/javascript", ".json": "application/json", ".svg": "image/svg+xml" };
  const server = createServer((req, res) => {
    let path = join(dir, decodeURIComponent(new URL(req.url, "http://x").pathname));
    if (existsSync(path) && statSync(path).isDirectory()) path = join(path, "index.html");
    if (!existsSync(path)) { res.writeHead(404).end(); return; }
    res.writeHead(200, { "content-type": types[extname(path)] ?? "application/octet-stream" }).end(readFileSync(path));
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

test("Save for offline reading: nothing cached before the click, then pages and search work offline", async () => {
  const server = await serve(OUTPUT);
  const site = `http://127.0.0.1:${server.address().port}`;
  const { browser, context, close } = await browserContext();
  try {
    const page = await context.newPage();
    await page.goto(`${site}/ar/`);
    const list = JSON.parse(readFileSync(join(OUTPUT, "ar", "offline.json"), "utf8"));
    const save = page.locator(".save-offline button");
    await save.waitFor();
    assert.ok((await save.textContent()).includes(String(Math.ceil(list.bytes / 1024))), "the button says how much");
    const before = await page.evaluate(async () => ({
      workers: (await navigator.serviceWorker.getRegistrations()).length,
      caches: (await caches.keys()).length,
    }));
    assert.deepEqual(before, { workers: 0, caches: 0 }, "no worker and no cache before the click");

    await save.click();
    await page.waitForSelector('.save-offline[data-state]', { timeout: 60000 });
    assert.equal(await page.getAttribute(".save-offline", "data-state"), "saved");

    // The server is gone and the browser offline.
    await new Promise((resolve) => server.close(resolve));
    server.closeAllConnections?.();
    await context.setOffline(true);
    await page.goto(`${site}/ar/guidance/build-capacity/`);
    assert.equal(await page.getAttribute("html", "dir"), "rtl");
    assert.ok((await page.locator("main h1").textContent()).trim().length > 0);
    assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector(".site-header")).borderBottomWidth), "4px");
    await page.goto(`${site}/ar/search/?q=${encodeURIComponent(QUERY)}`);
    await page.waitForSelector("#search-results li");
    const found = await page.evaluate((q) => window.signpostSearch.search(q).then((r) => r.hits.map((h) => h.url)), QUERY);
    assert.deepEqual(found.slice(0, 5), cliUrls("ar", QUERY).slice(0, 5));
  } finally {
    server.close();
    await close();
    void browser;
  }
});

test("the print page holds the navigation in order, with working anchors and open sections", async () => {
  const page = await env.context.newPage();
  for (const lang of ["en", "ar"]) {
    await page.goto(`${SITE}/${lang}/`);
    // A link's title without its label ("Cross-cutting component"), however the theme nests them.
    const title = (as) => as.map((a) => { const c = a.cloneNode(true); c.querySelectorAll(".nav-label").forEach((l) => l.remove()); return c.textContent.trim(); });
    const titles = await page.locator(".toolkit-nav a").evaluateAll(title);
    await page.goto(`${SITE}/${lang}/print/`);
    const chapters = await page.locator("article.chapter h1").evaluateAll((hs) => hs.map((h) => h.textContent.trim()));
    const toc = await page.locator(".print-toc a").evaluateAll(title);
    assert.deepEqual(chapters, titles, `${lang}: every navigation page, in order`);
    assert.deepEqual(toc, titles, `${lang}: the table of contents`);
    const problems = await page.evaluate(() => {
      const ids = [...document.querySelectorAll("[id]")].map((e) => e.id);
      const dupes = ids.filter((id, i) => ids.indexOf(id) !== i);
      const broken = [...document.querySelectorAll('a[href^="#"]')].map((a) => a.getAttribute("href").slice(1)).filter((id) => !document.getElementById(id));
      return { dupes, broken, details: document.querySelectorAll("details").length };
    });
    assert.deepEqual(problems, { dupes: [], broken: [], details: 0 }, lang);
    // Each component's resources, as a table with access links.
    assert.ok((await page.locator(".print-resources tbody tr").count()) > 0);
    assert.ok((await page.locator('.print-resources td a[href^="http"]').count()) > 0);
  }
  await page.close();
});
