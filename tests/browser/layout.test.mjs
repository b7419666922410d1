// Reading on a phone and on paper (issue 15): where the title and the first
// result land at 390 × 844 and 1280 × 900 in English and Arabic, no page of
// the built site wider than a phone's screen, and a guidance page printed
// whole. Screenshots and PDFs go to target/layout/ for review.
import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { SITE, browserContext } from "./support.mjs";

const ROOT = process.env.SIGNPOST_ROOT ?? "../..";
const OUT = join(ROOT, "target", "layout");
const OUTPUT = process.env.SITE_OUTPUT ?? join(ROOT, "public");
const SIZES = { phone: { width: 390, height: 844 }, wide: { width: 1280, height: 900 } };
const GUIDANCE = "/guidance/advocate-coordinate-network/";
const QUERY = { en: "advocacy", ar: "الصحة" };

const browsers = {};
before(async () => {
  mkdirSync(OUT, { recursive: true });
  for (const [name, viewport] of Object.entries(SIZES)) browsers[name] = await browserContext({ viewport });
});
after(async () => {
  for (const b of Object.values(browsers)) await b.close();
});

async function open(size, path) {
  const page = await browsers[size].context.newPage();
  await page.goto(SITE + path);
  return page;
}

const top = (page, selector) => page.$eval(selector, (n) => n.getBoundingClientRect().top + scrollY);

for (const lang of ["en", "ar"]) {
  for (const [size, { height }] of Object.entries(SIZES)) {
    test(`${lang} ${size}: the page title is in the first quarter of the screen`, async () => {
      for (const path of ["/", GUIDANCE, "/resources/", "/search/"]) {
        const page = await open(size, `/${lang}${path}`);
        const y = await top(page, "h1");
        if (path === GUIDANCE) await page.screenshot({ path: join(OUT, `${lang}-guidance-${size}.png`) });
        await page.close();
        assert.ok(y < height / 4, `${lang}${path}: the title starts at ${y} px, below ${height / 4}`);
      }
    });

    test(`${lang} ${size}: the first resource and the first search result are on the first screen`, async () => {
      const library = await open(size, `/${lang}/resources/`);
      const card = await top(library, ".resource-list > li");
      await library.screenshot({ path: join(OUT, `${lang}-library-${size}.png`) });
      await library.close();
      const search = await open(size, `/${lang}/search/?q=${encodeURIComponent(QUERY[lang])}`);
      await search.waitForSelector(".search-results li");
      const hit = await top(search, ".search-results li");
      await search.screenshot({ path: join(OUT, `${lang}-search-${size}.png`) });
      await search.close();
      // Before the change: 1,050-1,140 px and 1,570-1,600 px on a phone.
      assert.ok(card < height * 0.6, `first resource at ${card} px`);
      assert.ok(hit < height * 0.6, `first search result at ${hit} px`);
    });

    test(`${lang} ${size}: the menu opens on the toolkit navigation with the current page marked and visible`, async () => {
      const page = await open(size, `/${lang}${GUIDANCE}`);
      if (size === "phone") {
        assert.equal(await page.isVisible(".toolkit-nav"), false, "the navigation is folded on a phone");
        await page.click("details.menu > summary");
      }
      const current = page.locator('.toolkit-nav a[aria-current="page"]');
      assert.equal(await current.count(), 1);
      assert.ok(await current.isVisible());
      const box = await current.boundingBox();
      const width = SIZES[size].width;
      assert.ok(box.x >= 0 && box.x + box.width <= width, `current page at x ${box.x}-${box.x + box.width}`);
      if (size === "phone") await page.screenshot({ path: join(OUT, `${lang}-menu-${size}.png`) });
      await page.close();
    });
  }
}

// Every built page at 390 px, every section opened: none wider than the screen.
test("phone: no page of the built site scrolls sideways", async () => {
  const files = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith(".html")) files.push(relative(OUTPUT, path).split(sep).join("/"));
    }
  };
  walk(OUTPUT);
  assert.ok(files.length > 100, `only ${files.length} pages found in ${OUTPUT}`);
  // Four tabs at once, without JavaScript (the pages are built whole; what
  // the scripts draw is measured above and in the other test files).
  const plain = await browserContext({ viewport: SIZES.phone, javaScriptEnabled: false });
  const wide = [];
  const queue = [...files];
  const worker = async () => {
    const page = await plain.context.newPage();
    for (let file = queue.shift(); file; file = queue.shift()) {
      await page.goto(`${SITE}/${file.replace(/index\.html$/, "")}`);
      const width = await page.evaluate(() => {
        document.querySelectorAll("details").forEach((d) => (d.open = true));
        return document.documentElement.scrollWidth;
      });
      if (width > 391) wide.push(`${file}: ${width} px`);
    }
  };
  await Promise.all([worker(), worker(), worker(), worker()]);
  await plain.close();
  wide.sort();
  assert.deepEqual(wide, []);
});

// A page of long URLs, long words and code, in both directions, in the
// site's own frame and style sheet.
const LONG = `
<h1>https://www.example.org/a/very/long/path/that/never/breaks/by/itself/because/it/has/no/spaces/at/all/index.html</h1>
<p>See <a href="https://www.example.org/x">https://www.example.org/documents/2024/mental-health-integration/annex-3-indicators-and-targets-final-version.pdf</a> and
<code>{{path/to/file}}/and/a/very/long/literal/markdown/fragment/with/no/spaces/whatsoever.md</code>.</p>
<p>Donaudampfschifffahrtselektrizitätenhauptbetriebswerkbauunterbeamtengesellschaftsmitgliedsausweisinhaber and ${"x".repeat(200)}</p>
<pre><code>curl -sSL https://www.example.org/a/very/long/command/line/that/should/scroll/inside/its/own/box/and/not/widen/the/page</code></pre>
<ul><li>الجهات المنفذة <code>{{path/to/file}}...</code> https://www.who.int/publications/i/item/9789241506021-very-long-identifier</li></ul>
<table><tr><td>${"wide-cell-".repeat(30)}</td><td>b</td></tr></table>`;

for (const lang of ["en", "ar"]) {
  test(`${lang} phone: long URLs, words and code do not widen the page`, async () => {
    const page = await open("phone", `/${lang}${GUIDANCE}`);
    await page.evaluate((html) => {
      document.querySelector("article .content").innerHTML = html;
    }, LONG);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    await page.screenshot({ path: join(OUT, `${lang}-long-text-phone.png`), fullPage: true });
    await page.close();
    assert.ok(width <= 390, `the page is ${width} px wide`);
  });
}

// Words of a text, for comparing the page with its PDF: letters and digits
// only, so that line breaks, hyphens and bidi reordering do not count.
// pdftotext gives a lam-alef ligature back in visual order ("اإل" for
// "الإ") and moves diacritics: Arabic words are compared without alef, lam,
// diacritics and tatweel.
const words = (text) =>
  (text.normalize("NFKC").toLowerCase().match(/[\p{L}\p{N}\p{M}]+/gu) ?? [])
    .map((w) => w.replace(/[\u064B-\u065F\u0670\u0640\u0622\u0623\u0625\u0627\u0644\u0671]/g, ""))
    .filter(Boolean);

for (const lang of ["en", "ar"]) {
  test(`${lang}: a guidance page prints whole`, async () => {
    const page = await open("wide", `/${lang}${GUIDANCE}`);
    // The whole text as a reader sees it with every section opened, less
    // what paper leaves out (navigation, menus, the screen-only controls).
    const text = await page.evaluate(() => {
      document.querySelectorAll("details").forEach((d) => (d.open = true));
      const article = document.querySelector("article").cloneNode(true);
      article.querySelectorAll(".toc, .pager, .toggle-all, .filters-fold, .pagination").forEach((n) => n.remove());
      document.body.append(article);
      const t = article.innerText;
      article.remove();
      document.querySelectorAll("details").forEach((d) => (d.open = false));
      return t;
    });
    // Printed with every section closed, as a reader would leave them.
    const pdf = join(OUT, `${lang}-guidance.pdf`);
    await page.pdf({ path: pdf, format: "A4", printBackground: true });
    await page.close();
    const printed = execFileSync("pdftotext", ["-enc", "UTF-8", pdf, "-"], { encoding: "utf8" });
    const have = new Map();
    for (const w of words(printed)) have.set(w, (have.get(w) ?? 0) + 1);
    const wanted = words(text);
    let found = 0;
    for (const w of wanted) {
      if (have.get(w) > 0) {
        found++;
        have.set(w, have.get(w) - 1);
      }
    }
    assert.ok(wanted.length > 500, `only ${wanted.length} words on the page`);
    assert.ok(found / wanted.length >= 0.95, `${found} of ${wanted.length} words printed`);
    execFileSync("pdftoppm", ["-png", "-r", "50", "-f", "1", "-l", "2", pdf, join(OUT, `${lang}-guidance-print`)]);
  });
}

test("the language switcher keeps the search query and the library's filters", async () => {
  const page = await open("wide", "/en/search/?q=advocacy");
  await page.click('.langs a[hreflang="fr"]');
  await page.waitForURL(/\/fr\/search\//);
  assert.equal(new URL(page.url()).searchParams.get("q"), "advocacy");
  await page.goto(`${SITE}/en/resources/?audience=governments&language=en`);
  await page.click('.langs a[hreflang="ar"]');
  await page.waitForURL(/\/ar\/resources\//);
  const query = new URL(page.url()).searchParams;
  assert.equal(query.get("audience"), "governments");
  assert.equal(query.get("language"), "en");
  await page.close();
});
