// Live reload with `signpost serve`, as an author sees it: an edit to a
// page shows in the open tab without touching the others, a broken link
// shows an overlay with path:line while the last good page stays, and a
// fix clears it. Runs its own server on a copy of a fixture site, so the
// repository's files are never edited.
import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { browserContext } from "./support.mjs";

const REPO = process.env.SIGNPOST_ROOT;
const BIN = process.env.SIGNPOST_BIN;
let env, server, root, site;

async function ready(url) {
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not answer`);
}

before(async () => {
  const work = mkdtempSync(join(tmpdir(), "signpost-live-"));
  root = join(work, "site");
  cpSync(join(REPO, "tests/fixtures/site/multilingual"), root, { recursive: true });
  for (const dir of ["themes", "i18n"]) cpSync(join(REPO, dir), join(root, dir), { recursive: true });
  const port = 20000 + Math.floor(Math.random() * 20000);
  server = spawn(BIN, ["serve", "--port", String(port)], { cwd: root, stdio: ["ignore", "ignore", "inherit"] });
  site = `http://127.0.0.1:${port}`;
  await ready(`${site}/en/`);
  env = await browserContext();
});
after(async () => {
  await env?.close();
  server?.kill();
  if (root) rmSync(join(root, ".."), { recursive: true, force: true });
});

const file = (rel) => join(root, rel);
const edit = (rel, from, to) => {
  const text = readFileSync(file(rel), "utf8");
  assert.ok(text.includes(from), `${rel} contains ${from}`);
  writeFileSync(file(rel), text.replace(from, to));
};

test("an edit shows in the open page, and only that page reloads", async () => {
  const page = await env.context.newPage();
  await page.goto(`${site}/en/guide/one/`);
  const other = await env.context.newPage();
  await other.goto(`${site}/en/guide/two/`);
  await other.evaluate(() => (window.untouched = true));
  // Let the pages connect to the event stream before editing.
  await page.waitForSelector("html[data-signpost-live=connected]");
  await other.waitForSelector("html[data-signpost-live=connected]");
  const started = Date.now();
  edit("content/en/guide/one.md", "Map who does what.", "Map who does what, live.");
  await page.waitForFunction(() => document.querySelector("main").textContent.includes("Map who does what, live."), null, { timeout: 20000 });
  console.log(`# edit to text in the browser: ${Date.now() - started} ms (fixture site, debug build)`);
  assert.equal(await other.evaluate(() => window.untouched), true, "a page that did not change is not reloaded");
  // The French translation exists: it is not touched by an English edit.
  const fr = await (await fetch(`${site}/fr/guide/one/`)).text();
  assert.ok(!fr.includes("what, live."));
  // Arabic has no translation: its fallback copy shows the new English text.
  const ar = await (await fetch(`${site}/ar/guide/one/`)).text();
  assert.ok(ar.includes("what, live."));
  await page.close();
  await other.close();
});

test("a build error shows over the last good page, and a fix clears it", async () => {
  const page = await env.context.newPage();
  await page.goto(`${site}/en/guide/one/`);
  await page.waitForSelector("html[data-signpost-live=connected]");
  edit("content/en/guide/one.md", "[about](../about.md)", "[about](../nowhere.md)");
  const overlay = page.locator("#signpost-error-overlay");
  await overlay.waitFor({ timeout: 20000 });
  const text = await overlay.textContent();
  assert.match(text, /content\/en\/guide\/one\.md:\d+:\d+: error: link to a page that does not exist: `\.\.\/nowhere\.md`/);
  assert.equal(await overlay.getAttribute("role"), "alert");
  // The last good page is still served.
  const served = await (await fetch(`${site}/en/guide/one/`)).text();
  assert.ok(served.includes("../about/") || served.includes("/about/"), "the served page keeps its good link");

  // A page opened while the error stands shows it at once.
  const late = await env.context.newPage();
  await late.goto(`${site}/en/guide/two/`);
  await late.locator("#signpost-error-overlay").waitFor({ timeout: 20000 });
  await late.close();

  edit("content/en/guide/one.md", "[about](../nowhere.md)", "[about page](../about.md)");
  await page.waitForFunction(() => document.querySelector("main").textContent.includes("about page"), null, { timeout: 20000 });
  assert.equal(await page.locator("#signpost-error-overlay").count(), 0);
  await page.close();
});

test("a template change rebuilds every page", async () => {
  const page = await env.context.newPage();
  await page.goto(`${site}/fr/`);
  await page.waitForSelector("html[data-signpost-live=connected]");
  mkdirSync(file("templates"));
  const base = readFileSync(join(root, "themes/default/templates/base.html"), "utf8");
  writeFileSync(file("templates/base.html"), base.replace("</footer>", "<p id=\"live-note\">Live template</p></footer>"));
  await page.waitForSelector("#live-note", { timeout: 120000 });
  await page.close();
});

test("the server never serves a file outside the output folder", async () => {
  for (const path of ["/../signpost.yaml", "/%2e%2e/signpost.yaml", "/en/../../signpost.yaml"]) {
    const response = await fetch(`${site}${path}`);
    assert.ok(![200].includes(response.status) || !(await response.text()).includes("default_language"), path);
  }
});
