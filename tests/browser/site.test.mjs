// The bundled site opened in Chromium in each language: direction, the
// language switcher, the root page's redirect (and its no-JavaScript list),
// collapsible sections opened by a link to them, the fallback notice.
import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { SITE, browserContext } from "./support.mjs";

let env;
before(async () => {
  env = await browserContext();
});
after(async () => env.close());

for (const [lang, dir] of [["en", "ltr"], ["fr", "ltr"], ["es", "ltr"], ["ar", "rtl"]]) {
  test(`home page in ${lang}`, async () => {
    const page = await env.context.newPage();
    const response = await page.goto(`${SITE}/${lang}/`);
    assert.equal(response.status(), 200);
    assert.equal(await page.getAttribute("html", "lang"), lang);
    assert.equal(await page.getAttribute("html", "dir"), dir);
    assert.equal(await page.evaluate(() => getComputedStyle(document.body).direction), dir);
    // The toolkit navigation lists the home page, three steps and three components.
    assert.equal(await page.locator(".toolkit-nav li").count(), 7);
    // Every switcher link leads to a page that exists.
    for (const href of await page.locator(".langs a").evaluateAll((as) => as.map((a) => a.href))) {
      const r = await page.request.get(href);
      assert.equal(r.status(), 200, href);
    }
    await page.close();
  });
}

test("the switcher keeps the reader on the same page", async () => {
  const page = await env.context.newPage();
  await page.goto(`${SITE}/en/guidance/build-capacity/`);
  await page.click('.langs a[lang="ar"]');
  assert.equal(new URL(page.url()).pathname, "/ar/guidance/build-capacity/");
  assert.equal(await page.getAttribute("html", "dir"), "rtl");
  await page.close();
});

test("in Arabic the navigation sits on the right", async () => {
  const page = await env.context.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`${SITE}/ar/guidance/build-capacity/`);
  const nav = await page.locator(".toolkit-nav").boundingBox();
  const main = await page.locator("main").boundingBox();
  assert.ok(nav.x > main.x, `nav at ${nav.x}, main at ${main.x}`);
  await page.close();
});

test("root page sends the visitor to their language", async (t) => {
  const { context, close } = await browserContext({ locale: "fr-FR" });
  t.after(close);
  const page = await context.newPage();
  await page.goto(`${SITE}/`);
  await page.waitForURL(`${SITE}/fr/`);
  assert.equal(await page.getAttribute("html", "lang"), "fr");
});

test("root page works without JavaScript", async (t) => {
  const { context, close } = await browserContext({ javaScriptEnabled: false, locale: "ar" });
  t.after(close);
  const page = await context.newPage();
  await page.goto(`${SITE}/`);
  assert.equal(new URL(page.url()).pathname, "/");
  const links = await page.locator(".language-list a").evaluateAll((as) => as.map((a) => a.getAttribute("lang")));
  assert.deepEqual(links, ["en", "fr", "es", "ar"]);
  await page.click('.language-list a[lang="es"]');
  assert.equal(new URL(page.url()).pathname, "/es/");
});

test("untranslated page shows a notice in the reader's language", async () => {
  const page = await env.context.newPage();
  await page.goto(`${SITE}/ar/guidance/monitoring-evaluation/`);
  const notice = page.locator(".notice");
  assert.ok(await notice.isVisible());
  assert.match(await notice.innerText(), /العربية/);
  assert.equal(await page.getAttribute(".content", "lang"), "en");
  await page.close();
});

test("unknown pages get the 404 page", async () => {
  const page = await env.context.newPage();
  const response = await page.goto(`${SITE}/en/no-such-page/`);
  assert.equal(response.status(), 404);
  assert.match(await page.innerText("h1"), /not found/i);
  await page.close();
});

test("a link to a section opens it, without JavaScript", async (t) => {
  const { context, close } = await browserContext({ javaScriptEnabled: false });
  t.after(close);
  const page = await context.newPage();
  await page.goto(`${SITE}/fr/guidance/build-capacity/#how`);
  const open = await page.locator("details.section").evaluateAll((ds) => ds.map((d) => d.open));
  // why, how, minimum, comprehensive, key considerations, resources
  assert.deepEqual(open, [false, true, false, false, false, false]);
  // Clicking a summary opens and closes its section.
  await page.locator("details.section summary").first().click();
  assert.equal(await page.locator("details.section").first().evaluate((d) => d.open), true);
});
