// Live reload timing: from saving a page's Markdown to the new text shown
// in Chromium, against a running `signpost serve`.
//
//   node bench/live-reload.mjs --base http://127.0.0.1:PORT --root SITE \
//        --page s000/p00001 [--langs en,ar] [--reps 10] [--log serve.log]
//
// For each language and repetition: opens /<lang>/<page>/, waits until the
// page has connected to /_signpost/events (live.js marks <html>), notes the wall clock (Date.now())
// and rewrites content/<lang>/<page>.md with a new sentence at the end of
// its first paragraph, then waits for that sentence in <main>. "shown" is
// the reloaded page's first contentful paint (performance.timeOrigin +
// paint entry, the same wall clock) minus the time of the write; the
// server's own "updated N pages in X ms" lines are read from --log.
// Uses playwright-core from tests/browser/node_modules and /usr/bin/chromium.
import { createRequire } from "node:module";
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(resolve(here, "../tests/browser/package.json"));
const { chromium } = require("playwright-core");

const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, a, i, all) => (a.startsWith("--") ? [...pairs, [a.slice(2), all[i + 1]]] : pairs), []),
);
const base = args.base;
const root = args.root;
const pageKey = args.page ?? "s000/p00001";
const langs = (args.langs ?? "en,ar").split(",");
const reps = Number(args.reps ?? 10);

const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const results = {};
for (const lang of langs) {
  const file = join(root, "content", lang, `${pageKey}.md`);
  const original = readFileSync(file, "utf8");
  const shown = [];
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${base}/${lang}/${pageKey}/`);
  for (let i = 0; i < reps; i++) {
    await page.waitForSelector("html[data-signpost-live=connected]", { timeout: 60000 });
    const marker = lang === "ar" ? `تعديل مباشر رقم ${i}.` : `Live edit number ${i}.`;
    const text = original.replace(/\n\n(?=[^\n#-])/, `\n\n${marker} `);
    const written = Date.now();
    writeFileSync(file, text);
    await page.waitForFunction((m) => document.querySelector("main")?.textContent.includes(m), marker, { timeout: 60000, polling: "raf" });
    const paint = await page.evaluate(() => {
      const fcp = performance.getEntriesByName("first-contentful-paint")[0];
      const nav = performance.getEntriesByType("navigation")[0];
      return performance.timeOrigin + (fcp ? fcp.startTime : nav.domContentLoadedEventEnd);
    });
    shown.push(paint - written);
  }
  writeFileSync(file, original);
  await context.close();
  results[lang] = { runs: shown.map((x) => Math.round(x)), median: Math.round(median(shown)), max: Math.round(Math.max(...shown)) };
}
await browser.close();
if (args.log) {
  const lines = readFileSync(args.log, "utf8").split("\n").filter((l) => /^updated \d+ pages? in \d+ ms/.test(l));
  const ms = lines.map((l) => Number(l.match(/in (\d+) ms/)[1]));
  results.server = { updates: ms.length, median: median(ms), max: Math.max(...ms) };
}
console.log(JSON.stringify(results, null, 2));
