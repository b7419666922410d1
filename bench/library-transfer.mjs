// Bytes a browser transfers for a first combined filter on the library
// page, and the time from the last data arriving to the updated result.
//
//   node bench/library-transfer.mjs --base http://127.0.0.1:PORT --expect expect.json \
//        [--langs en,ar] [--reps 5] [--json out.json]
//
// Against a built site served without compression (bench/library.sh serves
// it with `python3 -m http.server`), in Debian's Chromium through
// playwright-core from tests/browser/node_modules (nothing is installed).
// For each language and each of REPS repetitions, in a fresh browser
// context (empty cache):
//
// 1. Clicks: opens /<lang>/resources/, waits for the network to be idle,
//    then clicks category key-guidance, audience donors, language ar, as a
//    reader would, waiting after each click for the "Displaying ..." text to
//    change and the network to be idle. Every response is counted with the
//    Chrome DevTools Protocol (Network.loadingFinished encodedDataLength:
//    body + response headers as received), per click and per kind of file.
//    Then (not part of the first combined filter) clicks page 2 of that
//    result, which reads a block of the result list and item chunks.
// 2. Shared URL: opens /<lang>/resources/?category=key-guidance&audience=donors&language=ar
//    and counts library.js and /_library/ responses (the HTML is reported apart).
//
// Timing, in the page (performance.now()): window.fetch is wrapped to note
// when each response's body has been read (json()/arrayBuffer() resolved,
// parsing included), Resource Timing gives when its last byte arrived
// (responseEnd), and a MutationObserver on .displaying notes when the result
// is written. Reported per click and for the shared URL:
//   after-body  = DOM update - last body read of that step's fetches
//   after-bytes = DOM update - last responseEnd of that step's fetches
//   match       = first item-chunk fetch - last list block read (decoding
//                 the block, which runs between them; page 2 only)
//   click-DOM   = DOM update - click event (whole step, network included)
//
// Every step is checked against expect.json (bench/library_expect.py, computed
// from resources.yaml): the total in "Displaying 1 - 10 of N", the resources
// shown, every facet count, and the data files fetched: for a first page
// exactly the combination's own file (`_library/<lang>/first/_/<state>.json`),
// for page 2 the list block 0 of that combination and exactly the item chunks
// holding the shown resources. Exit status 1 if any check failed.
import { createRequire } from "node:module";
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const HERE = dirname(fileURLToPath(import.meta.url));
const require = createRequire(resolve(HERE, "../tests/browser/package.json"));
const { chromium } = require("playwright-core");

const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, a, i, all) => (a.startsWith("--") ? [...pairs, [a.slice(2), all[i + 1]]] : pairs), []),
);
const BASE = (args.base ?? "http://127.0.0.1:8000").replace(/\/$/, "");
const LANGS = (args.langs ?? "en,ar").split(",");
const REPS = parseInt(args.reps ?? "5", 10);
const EXPECT = JSON.parse(readFileSync(args.expect, "utf8"));
const CLICKS = [
  ["category", "key-guidance"],
  ["audience", "donors"],
  ["language", "ar"],
];
const SHARED = "?category=key-guidance&audience=donors&language=ar";
const IDLE_MS = 500;
const KINDS = ["script", "first", "list", "chunk", "html", "other"];
const stateName = (state) => ["category", "audience", "language"].map((f) => state[f] || "_").join(".");

// Runs in the page before its own scripts.
const INSTRUMENT = () => {
  const sp = (window.__sp = { step: 0, clicks: [], fetches: [], mutations: [] });
  performance.setResourceTimingBufferSize(100000);
  document.addEventListener("click", () => { sp.step += 1; sp.clicks.push(performance.now()); }, true);
  const realFetch = window.fetch;
  window.fetch = function (input, init) {
    const rec = { url: new URL(typeof input === "string" ? input : input.url, location.href).href, step: sp.step, start: performance.now(), resolved: null, bodyRead: null };
    sp.fetches.push(rec);
    return realFetch.call(this, input, init).then((response) => {
      rec.resolved = performance.now();
      for (const method of ["json", "arrayBuffer", "text", "blob"]) {
        const real = response[method].bind(response);
        response[method] = () => real().then((value) => { rec.bodyRead = performance.now(); return value; });
      }
      return response;
    });
  };
  document.addEventListener("DOMContentLoaded", () => {
    for (const node of document.querySelectorAll(".displaying")) {
      new MutationObserver(() => sp.mutations.push({ t: performance.now(), step: sp.step, text: node.textContent }))
        .observe(node, { childList: true, characterData: true, subtree: true });
    }
  });
};

function kindOf(url) {
  const path = new URL(url).pathname;
  if (/\/_library\/[^/]+\/first\//.test(path)) return "first";
  if (path.includes("/_library/list/")) return "list";
  if (/\/_library\/[^/]+\/\d+\.json$/.test(path)) return "chunk";
  if (path.endsWith("/library.js")) return "script";
  if (path.endsWith("/") || path.endsWith(".html")) return "html";
  return "other";
}

// Every request of a page through CDP, tagged with the phase current when it was sent.
async function tracker(context, page) {
  const cdp = await context.newCDPSession(page);
  const t = { phase: "load", requests: new Map(), inflight: new Set(), last: Date.now() };
  const touch = () => (t.last = Date.now());
  cdp.on("Network.requestWillBeSent", (e) => {
    if (t.requests.has(e.requestId)) return; // a redirect: same id
    t.requests.set(e.requestId, { url: e.request.url, phase: t.phase, kind: kindOf(e.request.url), bytes: 0, body: 0, status: 0, cached: false, done: false });
    t.inflight.add(e.requestId);
    touch();
  });
  cdp.on("Network.requestServedFromCache", (e) => { const r = t.requests.get(e.requestId); if (r) r.cached = true; });
  cdp.on("Network.responseReceived", (e) => {
    const r = t.requests.get(e.requestId);
    if (!r) return;
    r.status = e.response.status;
    const length = Object.entries(e.response.headers).find(([k]) => k.toLowerCase() === "content-length");
    r.body = length ? parseInt(length[1], 10) : 0;
    if (e.response.fromDiskCache || e.response.fromServiceWorker || e.response.fromPrefetchCache) r.cached = true;
    touch();
  });
  cdp.on("Network.loadingFinished", (e) => {
    const r = t.requests.get(e.requestId);
    if (r) { r.bytes = e.encodedDataLength; r.done = true; }
    t.inflight.delete(e.requestId);
    touch();
  });
  cdp.on("Network.loadingFailed", (e) => {
    const r = t.requests.get(e.requestId);
    if (r) { r.failed = e.errorText; r.done = true; }
    t.inflight.delete(e.requestId);
    touch();
  });
  await cdp.send("Network.enable");
  t.idle = async (timeout = 60000) => {
    const until = Date.now() + timeout;
    while (t.inflight.size > 0 || Date.now() - t.last < IDLE_MS) {
      if (Date.now() > until) throw new Error(`network not idle after ${timeout} ms: ${[...t.inflight].map((id) => t.requests.get(id)?.url).join(", ")}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  };
  t.of = (phase) => [...t.requests.values()].filter((r) => r.phase === phase);
  t.list = (phase) => t.of(phase).map((r) => `${r.status}${r.cached ? " cached" : ""} ${r.bytes} ${new URL(r.url).pathname}`);
  return t;
}

function sumBy(requests) {
  const out = { requests: 0, bytes: 0, body: 0, cached: 0, failed: 0 };
  for (const k of KINDS) out[k] = { n: 0, bytes: 0, body: 0 };
  for (const r of requests) {
    if (r.cached) { out.cached += 1; continue; }
    if (r.failed || r.status >= 400) out.failed += 1;
    out.requests += 1;
    out.bytes += r.bytes;
    out.body += r.body;
    out[r.kind].n += 1;
    out[r.kind].bytes += r.bytes;
    out[r.kind].body += r.body;
  }
  return out;
}

// What the page shows: total, resource ids, facet counts.
async function shown(page) {
  return page.evaluate(() => {
    const text = document.querySelector(".displaying").textContent;
    const numbers = (text.match(/\d+/g) || []).map(Number);
    const ids = [...document.querySelectorAll(".resource-list .resource-title a")].map((a) => new URL(a.href).pathname.split("/").filter(Boolean).pop());
    const facets = {};
    for (const f of document.querySelectorAll(".facet")) {
      facets[f.dataset.facet] = Object.fromEntries([...f.querySelectorAll("[data-value]")].map((v) => [v.dataset.value, Number(v.querySelector(".count").textContent)]));
    }
    return { text, total: numbers.length ? numbers[numbers.length - 1] : null, ids, facets };
  });
}

// `want`: a step of expect.json; `page`: "first" or "second"; `requests`:
// the step's data requests (CDP), `chunksBefore`: chunks already cached.
function check(problems, where, got, want, page, lang, requests, chunksBefore) {
  if (got.total !== want.total) problems.push(`${where}: total ${got.total} ("${got.text}"), expected ${want.total}`);
  const ids = want[page].map((f) => f.id);
  if (JSON.stringify(got.ids) !== JSON.stringify(ids)) problems.push(`${where}: shows ${got.ids.join(" ")}, expected ${ids.join(" ")}`);
  for (const [facet, values] of Object.entries(want.facets)) {
    for (const [value, count] of Object.entries(values)) {
      if (got.facets[facet]?.[value] !== count) problems.push(`${where}: ${facet}=${value} shows ${got.facets[facet]?.[value]}, expected ${count}`);
    }
  }
  const paths = (kind) => requests.filter((r) => r.kind === kind).map((r) => new URL(r.url).pathname.replace(/^.*\/_library\//, "")).sort();
  const expect = (kind, wanted) => {
    if (JSON.stringify(paths(kind)) !== JSON.stringify(wanted)) problems.push(`${where}: fetched ${kind} ${paths(kind).join(",") || "none"}, expected ${wanted.join(",") || "none"}`);
  };
  const name = stateName(want.state);
  if (page === "first") {
    expect("first", [`${lang}/first/_/${name}.json`]);
    expect("list", []);
    expect("chunk", []);
  } else {
    expect("first", []);
    expect("list", [`list/_/${name}.0.bin`]);
    const needed = [...new Set(want[page].map((f) => Math.floor(f.ordinal / EXPECT.chunk)))].filter((k) => !chunksBefore.has(k));
    expect("chunk", needed.map((k) => `${lang}/${k}.json`).sort());
  }
}

const chunkNumbers = (requests) => new Set(requests.filter((r) => r.kind === "chunk").map((r) => Number(new URL(r.url).pathname.match(/(\d+)\.json$/)[1])));

// In-page timings of one step (click number `step`; 0 = page load).
async function timings(page, step) {
  return page.evaluate((step) => {
    const sp = window.__sp;
    const fetches = sp.fetches.filter((f) => f.step === step);
    const entries = performance.getEntriesByType("resource");
    const end = (url) => Math.max(...entries.filter((e) => e.name === url).map((e) => e.responseEnd));
    const mutation = sp.mutations.find((m) => m.step === step);
    if (!mutation || !fetches.length) return { error: `step ${step}: ${fetches.length} fetches, mutation ${!!mutation}` };
    const isChunk = (f) => /\/_library\/[^/]+\/\d+\.json$/.test(f.url);
    const lastBody = Math.max(...fetches.map((f) => f.bodyRead));
    const lastBytes = Math.max(...fetches.map((f) => end(f.url)));
    const chunks = fetches.filter(isChunk);
    const data = fetches.filter((f) => f.url.includes("/_library/list/"));
    const start = step > 0 ? sp.clicks[step - 1] : 0;
    return {
      afterBody: mutation.t - lastBody,
      afterBytes: mutation.t - lastBytes,
      match: chunks.length && data.length ? Math.min(...chunks.map((f) => f.start)) - Math.max(...data.map((f) => f.bodyRead)) : null,
      total: mutation.t - start,
      fetches: fetches.length,
    };
  }, step);
}

async function clickRun(browser, lang, problems) {
  const context = await browser.newContext();
  await context.addInitScript(INSTRUMENT);
  const page = await context.newPage();
  const t = await tracker(context, page);
  await page.goto(`${BASE}/${lang}/resources/`, { waitUntil: "networkidle" });
  await t.idle();
  const load = sumBy(t.of("load"));
  if (load.chunk.n + load.first.n + load.list.n > 0) problems.push(`${lang}: library data fetched before any click`);
  const steps = [];
  const chunksBefore = new Set();
  for (const [k, [facet, value]] of CLICKS.entries()) {
    const phase = `click${k + 1}`;
    t.phase = phase;
    const before = await page.locator(".displaying").textContent();
    await page.click(`.facet[data-facet="${facet}"] a[data-value="${value}"]`);
    await page.waitForFunction((before) => document.querySelector(".displaying").textContent !== before, before, { timeout: 60000 });
    await t.idle();
    const requests = t.of(phase);
    const got = await shown(page);
    check(problems, `${lang} click ${k + 1} (${facet}=${value})`, got, EXPECT.steps[k], "first", lang, requests, chunksBefore);
    steps.push({ phase, transfer: sumBy(requests), requests: t.list(phase), timing: await timings(page, k + 1), shown: got.text });
  }
  // Page 2 of the last result: a list block and item chunks.
  t.phase = "page2";
  const before = await page.locator(".displaying").textContent();
  await page.click('.pagination a[data-page="2"]');
  await page.waitForFunction((before) => document.querySelector(".displaying").textContent !== before, before, { timeout: 60000 });
  await t.idle();
  const requests = t.of("page2");
  const got = await shown(page);
  check(problems, `${lang} page 2`, got, EXPECT.steps[CLICKS.length - 1], "second", lang, requests, chunksBefore);
  const later = { phase: "page2", transfer: sumBy(requests), requests: t.list("page2"), timing: await timings(page, CLICKS.length + 1), shown: got.text };
  await context.close();
  return { load, steps, later };
}

async function sharedRun(browser, lang, problems) {
  const context = await browser.newContext();
  await context.addInitScript(INSTRUMENT);
  const page = await context.newPage();
  const t = await tracker(context, page);
  await page.goto(`${BASE}/${lang}/resources/${SHARED}`, { waitUntil: "load" });
  await page.waitForFunction(() => window.__sp.mutations.length > 0, null, { timeout: 60000 });
  await t.idle();
  const all = t.of("load");
  const data = all.filter((r) => r.kind === "script" || new URL(r.url).pathname.includes("/_library/"));
  const got = await shown(page);
  check(problems, `${lang} shared URL`, got, EXPECT.steps[2], "first", lang, data, new Set());
  const result = { transfer: sumBy(data), page: sumBy(all.filter((r) => !data.includes(r))), requests: t.list("load"), timing: await timings(page, 0), shown: got.text };
  await context.close();
  return result;
}

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const kb = (b) => (b / 1000).toFixed(1);
const range = (xs) => (Math.min(...xs) === Math.max(...xs) ? `${xs[0]}` : `${Math.min(...xs)}–${Math.max(...xs)}`);

async function main() {
  const everything = await (await fetch(`${BASE}/_library/en/first/_/_._._.json`)).json();
  if (everything.total !== EXPECT.n) throw new Error(`_library/en/first/_/_._._.json has total = ${everything.total}, resources.yaml ${EXPECT.n}`);
  const settings = await (await fetch(`${BASE}/en/resources/`)).text();
  EXPECT.chunk = Number(settings.match(/&quot;chunk&quot;:(\d+)/)?.[1]);
  if (!EXPECT.chunk) throw new Error("no chunk size in the library.js settings of /en/resources/");
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
  });
  const problems = [];
  const results = {};
  try {
    for (const lang of LANGS) {
      results[lang] = { clicks: [], shared: [] };
      for (let rep = 0; rep < REPS; rep++) {
        results[lang].clicks.push(await clickRun(browser, lang, problems));
        results[lang].shared.push(await sharedRun(browser, lang, problems));
        process.stderr.write(`   ${lang} repetition ${rep + 1}/${REPS} done\n`);
      }
    }
  } finally {
    await browser.close();
  }
  if (args.json) writeFileSync(args.json, JSON.stringify({ base: BASE, n: everything.total, chunk: EXPECT.chunk, expect: EXPECT, results, problems }, null, 1));

  // Tables. Bytes are from the first repetition; "(varies)" if any other differed.
  const lines = [];
  lines.push(`Transfer (kB = 1,000 bytes as received, response headers included; requests in parentheses; first repetition of ${REPS}; "other" is Chromium fetching /favicon.svg again after each history.pushState; "first page" = _library/<lang>/first/<scope>/<state>.json, "list" = _library/list/ blocks; "library data" = first page + list + chunks; "then page 2" is not part of the three clicks' total):`);
  lines.push("");
  lines.push("| lang | what | first page | list | item chunks | library.js | other | total | requests | of which library data | shown |");
  lines.push("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
  for (const lang of LANGS) {
    const runs = results[lang].clicks;
    const first = runs[0];
    const varies = (pick) => (new Set(runs.map((r) => JSON.stringify(pick(r)))).size > 1 ? " (varies)" : "");
    const row = (what, s, shownText, note = "") =>
      lines.push(`| ${lang} | ${what} | ${kb(s.first.bytes)} (${s.first.n}) | ${kb(s.list.bytes)} (${s.list.n}) | ${kb(s.chunk.bytes)} (${s.chunk.n}) | ${kb(s.script.bytes)} (${s.script.n}) | ${kb(s.other.bytes + s.html.bytes)} (${s.other.n + s.html.n}) | **${kb(s.bytes)}**${note} | ${s.requests} | ${kb(s.first.bytes + s.list.bytes + s.chunk.bytes)} | ${shownText ?? ""} |`);
    first.steps.forEach((s, k) => row(`click ${k + 1}: ${CLICKS[k].join("=")}`, s.transfer, s.shown, varies((r) => r.steps[k].transfer.bytes)));
    const total = sumBy([]);
    for (const s of first.steps) for (const key of ["requests", "bytes", "body", "cached", "failed"]) total[key] += s.transfer[key];
    for (const s of first.steps) for (const k of KINDS) for (const f of ["n", "bytes", "body"]) total[k][f] += s.transfer[k][f];
    row("**three clicks**", total, "", varies((r) => r.steps.map((s) => s.transfer.bytes)));
    row("then page 2", first.later.transfer, first.later.shown, varies((r) => r.later.transfer.bytes));
    const sh = results[lang].shared;
    row("shared URL (after the HTML)", sh[0].transfer, sh[0].shown, sh.some((r) => r.transfer.bytes !== sh[0].transfer.bytes) ? " (varies)" : "");
    lines.push(`| ${lang} | (page before clicking: HTML ${kb(first.load.html.bytes)} kB, all ${kb(first.load.bytes)} kB in ${first.load.requests} requests) | | | | | | | | | |`);
  }
  lines.push("");
  lines.push(`Result after the bytes (ms, median / max of ${REPS}; after-body = DOM update − last body read, after-bytes = DOM update − last responseEnd, match = decoding the list block before the chunk fetches, click→DOM = whole step):`);
  lines.push("");
  lines.push("| lang | step | after-body | after-bytes | match | click→DOM |");
  lines.push("| --- | --- | ---: | ---: | ---: | ---: |");
  const fmt = (xs) => { const v = xs.filter((x) => typeof x === "number"); return v.length ? `${median(v).toFixed(1)} / ${Math.max(...v).toFixed(1)}` : "–"; };
  for (const lang of LANGS) {
    const sh = results[lang].shared.map((r) => r.timing);
    lines.push(`| ${lang} | shared URL | ${fmt(sh.map((x) => x.afterBody))} | ${fmt(sh.map((x) => x.afterBytes))} | ${fmt(sh.map((x) => x.match))} | ${fmt(sh.map((x) => x.total))} (from navigation start) |`);
    CLICKS.forEach(([f, v], k) => {
      const ts = results[lang].clicks.map((r) => r.steps[k].timing);
      lines.push(`| ${lang} | click ${k + 1}: ${f}=${v} | ${fmt(ts.map((x) => x.afterBody))} | ${fmt(ts.map((x) => x.afterBytes))} | ${fmt(ts.map((x) => x.match))} | ${fmt(ts.map((x) => x.total))} |`);
    });
    const ls = results[lang].clicks.map((r) => r.later.timing);
    lines.push(`| ${lang} | then page 2 | ${fmt(ls.map((x) => x.afterBody))} | ${fmt(ls.map((x) => x.afterBytes))} | ${fmt(ls.map((x) => x.match))} | ${fmt(ls.map((x) => x.total))} |`);
  }
  for (const lang of LANGS) {
    for (const r of [...results[lang].clicks.flatMap((c) => [...c.steps, c.later].map((s) => s.timing)), ...results[lang].shared.map((s) => s.timing)]) {
      if (r.error) problems.push(`${lang}: timing ${r.error}`);
    }
  }
  lines.push("");
  const uniq = [...new Set(problems)];
  lines.push(uniq.length ? `Checks FAILED (${uniq.length}):\n${uniq.map((p) => `- ${p}`).join("\n")}` : `Checks passed: for every step and repetition, the total, the ${EXPECT.page_size} resources shown, every facet count and the data files fetched match bench/library_expect.py (${EXPECT.parser}).`);
  console.log(lines.join("\n"));
  process.exitCode = uniq.length ? 1 : 0;
}

await main();
