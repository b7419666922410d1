// The resource library in Chromium: combined filters (items and counts
// checked against the pre-rendered single-filter pages), pagination, the
// pages without JavaScript, shared URLs, right-to-left layout, and no data
// downloaded before a reader filters.
import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { SITE, browserContext } from "./support.mjs";

let env;
before(async () => {
  env = await browserContext();
});
after(async () => env.close());

// Resource URLs listed by a pre-rendered listing, all its pages, in order.
async function staticListing(path) {
  const urls = [];
  for (let page = 1; ; page++) {
    const response = await fetch(`${SITE}${path}${page > 1 ? `page/${page}/` : ""}`);
    if (response.status !== 200) break;
    const html = await response.text();
    const main = html.slice(html.indexOf("<main"), html.indexOf("</main>"));
    urls.push(...[...main.matchAll(/class="resource-title"><a href="([^"]+)"/g)].map((m) => m[1]));
    if (!main.includes('rel="next"')) break;
  }
  return urls;
}

async function shownUrls(page) {
  return page.locator(".resource-list .resource-title a").evaluateAll((as) => as.map((a) => new URL(a.href).pathname));
}

async function facetCounts(page) {
  return page.locator(".facet").evaluateAll((facets) =>
    Object.fromEntries(facets.map((f) => [f.dataset.facet, Object.fromEntries([...f.querySelectorAll("[data-value]")].map((v) => [v.dataset.value, Number(v.querySelector(".count").textContent)]))])),
  );
}

test("no library data is downloaded until a reader filters", async () => {
  const page = await env.context.newPage();
  const requests = [];
  page.on("request", (r) => requests.push(new URL(r.url()).pathname));
  await page.goto(`${SITE}/en/resources/`, { waitUntil: "networkidle" });
  assert.deepEqual(requests.filter((p) => p.startsWith("/_library/")), []);
  await page.close();
});

test("combined filters give the right items and counts, without a reload", async () => {
  const all = await staticListing("/en/resources/");
  const kg = new Set(await staticListing("/en/resources/category/key-guidance/"));
  const donors = new Set(await staticListing("/en/resources/audience/donors/"));
  const english = new Set(await staticListing("/en/resources/language/en/"));
  const expected = all.filter((u) => kg.has(u) && donors.has(u) && english.has(u));
  assert.ok(expected.length > 0, "the bundled catalogue has Key Guidance for donors in English");

  const page = await env.context.newPage();
  const data = [];
  page.on("request", (r) => { if (new URL(r.url()).pathname.startsWith("/_library/")) data.push(new URL(r.url()).pathname); });
  await page.goto(`${SITE}/en/resources/`);
  await page.evaluate(() => (window.__notReloaded = true));
  await page.click('.facet[data-facet="category"] a[data-value="key-guidance"]');
  await page.waitForFunction(() => document.querySelector('.facet[data-facet="category"] [aria-current]'));
  await page.click('.facet[data-facet="audience"] a[data-value="donors"]');
  await page.waitForFunction(() => document.querySelector('.facet[data-facet="audience"] [aria-current]'));
  await page.click('.facet[data-facet="language"] a[data-value="en"]');
  await page.waitForFunction((n) => document.querySelector(".displaying").textContent.endsWith(`of ${n}`), expected.length);
  // A first page: the pack of combinations holding it, and the card chunks
  // of its resources, each fetched once.
  assert.ok(data.every((p) => /^\/_library\/(states\/_|en)\/\d+\.json$/.test(p)), data.join(" "));
  assert.ok(data.length <= 6 && data[0].startsWith("/_library/states/_/"), data.join(" "));
  assert.equal(new Set(data).size, data.length, "fetched once");
  assert.equal(await page.evaluate(() => window.__notReloaded), true, "no page reload");
  const url = new URL(page.url());
  assert.equal(url.pathname, "/en/resources/");
  assert.equal(url.searchParams.get("category"), "key-guidance");
  assert.equal(url.searchParams.get("audience"), "donors");
  assert.equal(url.searchParams.get("language"), "en");
  assert.deepEqual(await shownUrls(page), expected.slice(0, 10));

  // Each value's count is what choosing it instead would give.
  const counts = await facetCounts(page);
  for (const [value, n] of Object.entries(counts.category)) {
    const set = new Set(await staticListing(`/en/resources/category/${value}/`));
    assert.equal(n, all.filter((u) => set.has(u) && donors.has(u) && english.has(u)).length, `category ${value}`);
  }
  for (const [value, n] of Object.entries(counts.language)) {
    const set = new Set(await staticListing(`/en/resources/language/${value}/`));
    assert.equal(n, all.filter((u) => set.has(u) && donors.has(u) && kg.has(u)).length, `language ${value}`);
  }
  // A value with no match is shown as unavailable, not hidden.
  const unavailable = await page.locator(".facet .unavailable").count();
  const zero = Object.values(counts).flatMap((f) => Object.values(f)).filter((n) => n === 0).length;
  assert.equal(unavailable, zero);
  assert.ok(zero > 0, "some value has no match in this combination");
  // Choosing a value again removes it; "clear" removes them all.
  await page.click('.facet[data-facet="language"] a[data-value="en"]');
  await page.waitForFunction(() => !location.search.includes("language="));
  await page.click(".clear a");
  await page.waitForFunction(() => location.search === "");
  // The URL changes at once, the list when its file has arrived.
  await page.waitForFunction((n) => document.querySelector(".displaying").textContent.endsWith(`of ${n}`), all.length);
  await page.close();
});

test("combined results are paginated", async () => {
  const all = await staticListing("/en/resources/");
  const gov = new Set(await staticListing("/en/resources/audience/governments/"));
  const english = new Set(await staticListing("/en/resources/language/en/"));
  const expected = all.filter((u) => gov.has(u) && english.has(u));
  assert.ok(expected.length > 10);
  const page = await env.context.newPage();
  const data = [];
  page.on("request", (r) => { if (new URL(r.url()).pathname.startsWith("/_library/")) data.push(new URL(r.url()).pathname); });
  await page.goto(`${SITE}/en/resources/?audience=governments&language=en`);
  await page.waitForFunction(() => document.querySelector(".displaying").textContent.includes("of"));
  await page.waitForFunction((n) => document.querySelector(".displaying").textContent.endsWith(`of ${n}`), expected.length);
  assert.match(data[0], /^\/_library\/states\/_\/\d+\.json$/);
  const first = data.length;
  await page.click('.pagination a[data-page="2"]');
  await page.waitForFunction(() => new URLSearchParams(location.search).get("page") === "2");
  await page.waitForFunction(() => document.querySelector(".displaying").textContent.startsWith("Displaying 11–"));
  assert.deepEqual(await shownUrls(page), expected.slice(10, 20));
  // A later page: the pack of the result list, then the card chunks not yet fetched.
  assert.match(data[first], /^\/_library\/list\/_\/\d+\.json$/);
  const chunks = data.slice(first + 1);
  assert.ok(chunks.every((p) => /^\/_library\/en\/\d+\.json$/.test(p)), chunks.join(" "));
  // Back goes to page 1 of the same filters.
  await page.goBack();
  await page.waitForFunction(() => document.querySelector(".displaying").textContent.startsWith("Displaying 1–"));
  assert.deepEqual(await shownUrls(page), expected.slice(0, 10));
  await page.close();
});

test("a shared URL restores the filters", async () => {
  const page = await env.context.newPage();
  await page.goto(`${SITE}/fr/resources/?category=tools-materials&audience=implementing-agencies`);
  await page.waitForSelector('.facet[data-facet="category"] [data-value="tools-materials"][aria-current]');
  await page.waitForSelector('.facet[data-facet="audience"] [data-value="implementing-agencies"][aria-current]');
  assert.match(await page.locator(".displaying").textContent(), /^Affichage de 1 à \d+ sur \d+$/);
  assert.equal(await page.locator(".clear").isVisible(), true);
  // A value the library does not have is left out, not fetched.
  const data = [];
  page.on("request", (r) => { if (new URL(r.url()).pathname.startsWith("/_library/")) data.push(new URL(r.url()).pathname); });
  await page.goto(`${SITE}/fr/resources/?category=nothing&audience=donors`);
  await page.waitForSelector('.facet[data-facet="audience"] [data-value="donors"][aria-current]');
  assert.match(data[0], /^\/_library\/states\/_\/\d+\.json$/);
  assert.ok(data.slice(1).every((p) => /^\/_library\/fr\/\d+\.json$/.test(p)), data.join(" "));
  await page.close();
});

test("without JavaScript, single filters and pages are plain links", async (t) => {
  const { context, close } = await browserContext({ javaScriptEnabled: false });
  t.after(close);
  const page = await context.newPage();
  await page.goto(`${SITE}/es/resources/`);
  await page.click('.facet[data-facet="audience"] a[data-value="donors"]');
  assert.equal(new URL(page.url()).pathname, "/es/resources/audience/donors/");
  const expected = await staticListing("/es/resources/audience/donors/");
  assert.match(await page.locator(".displaying").textContent(), new RegExp(`^Mostrando 1–10 de ${expected.length}$`));
  await page.click('.pagination a[rel="next"]');
  assert.equal(new URL(page.url()).pathname, "/es/resources/audience/donors/page/2/");
  assert.deepEqual(await shownUrls(page), expected.slice(10, 20));
});

test("the Arabic library is laid out right to left", async () => {
  const page = await env.context.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`${SITE}/ar/resources/`);
  assert.equal(await page.getAttribute("html", "dir"), "rtl");
  const filters = await page.locator(".filters").boundingBox();
  const results = await page.locator(".results").boundingBox();
  assert.ok(filters.x > results.x, "filters on the right, results on the left");
  const count = await page.locator(".facet a .count").first().boundingBox();
  const label = await page.locator(".facet a").first().boundingBox();
  assert.ok(count.x < label.x + label.width / 2, "counts at the left end of each filter");
  await page.click('.facet[data-facet="audience"] a[data-value="donors"]');
  await page.waitForFunction(() => location.search.includes("audience=donors"));
  assert.match(await page.locator(".displaying").textContent(), /^عرض 1–10 من أصل \d+/);
  await page.close();
});

test("a component page filters its own resources", async () => {
  const expected = await staticListing("/en/resources/component/advocate-coordinate-network/");
  const page = await env.context.newPage();
  await page.goto(`${SITE}/en/guidance/advocate-coordinate-network/#resources`);
  assert.equal(await page.locator(".resources-section").evaluate((d) => d.open), true);
  assert.match(await page.locator("#resources .displaying").textContent(), new RegExp(`of ${expected.length}$`));
  const data = [];
  page.on("request", (r) => { if (new URL(r.url()).pathname.startsWith("/_library/")) data.push(new URL(r.url()).pathname); });
  await page.click('#resources .facet[data-facet="language"] a[data-value="fr"]');
  const french = new Set(await staticListing("/en/resources/language/fr/"));
  const both = expected.filter((u) => french.has(u));
  await page.waitForFunction((n) => document.querySelector("#resources .displaying").textContent.endsWith(`of ${n}`), both.length);
  assert.equal(new URL(page.url()).pathname, "/en/guidance/advocate-coordinate-network/");
  assert.match(data[0], /^\/_library\/states\/advocate-coordinate-network\/\d+\.json$/);
  assert.ok(data.slice(1).every((p) => /^\/_library\/en\/\d+\.json$/.test(p)), data.join(" "));
  assert.deepEqual(await shownUrls(page), both.slice(0, 10));
  await page.close();
});
