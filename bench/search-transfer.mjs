// Bytes a browser transfers for a first search, Signpost against Pagefind,
// on one built site served without compression, and the time from the last
// byte to the result list in the page.
//
//   node bench/search-transfer.mjs --base http://127.0.0.1:PORT --root DIR --site NAME \
//        --queries '{"en": ["supervision", "mental health"], "ar": ["التدريب", "الصحة النفسية"]}' \
//        [--reps 5] [--json out.json]
//
// DIR is the served folder: Signpost's output with Pagefind's bundle in
// DIR/_pagefind/ and the test pages DIR/pagefind-test-<lang>.html written by
// bench/search-transfer.sh. Debian's Chromium through playwright-core from
// tests/browser/node_modules. For each language, query and tool, REPS
// times, each in a fresh browser context (empty cache):
//
// - Signpost: opens /<lang>/search/?q=QUERY (the page loads search.js
//   because of ?q=) and waits until .search-results has its items and the
//   network is idle. Counted: search.js and every /_search/ response (the
//   HTML, CSS and icon of the page are not).
// - Pagefind: opens /pagefind-test-<lang>.html?q=QUERY, a blank page with
//   <html lang> that imports /_pagefind/pagefind.js, calls options({}),
//   search(QUERY), then data() of the first 10 results, and draws them
//   (title link + excerpt) into an <ol>. Counted: every response after the
//   page's HTML. Pagefind runs its search in a Web Worker by default
//   (pagefind-worker.js): the worker's requests are counted too.
//
// Bytes: Chrome DevTools Protocol Network.loadingFinished encodedDataLength
// (body + response headers as received) for the page's own requests; the
// page's CDP session does not see a dedicated worker's requests, so for
// those Playwright's request.sizes() is used (Playwright reads the same CDP
// events on the worker's session: headers + body). The gzip columns
// compress each transferred file from DIR with zlib level 6 (Node): "all"
// compresses every file, "typical host" only .js/.json/.html/.css/.wasm (a
// host's usual list: Signpost's .bin and Pagefind's .pf_* / .pagefind files
// are then sent as they are; Pagefind's are already gzip inside).
//
// Time (milliseconds, on the renderer's clock: performance.timeOrigin +
// performance.now(), comparable between the page and its worker):
// - last byte: the latest Resource Timing responseEnd over the counted
//   responses, read from the page and, for Pagefind, from its worker;
// - drawn: when the result list got its items (Signpost: a MutationObserver
//   on .search-results; Pagefind test page: right after it appended them);
// - drawn after last byte = drawn - last byte (the issue's "< 100 ms").
// Cross-checks in a second table: the same with the last byte from the
// DevTools events (Playwright's request.timing(): request start wall time +
// monotonic duration), Signpost's after-body = drawn - the last /_search/
// response body read (window.fetch wrapped), Pagefind's data() resolved -
// last byte, and first request -> drawn (the whole first search).
import { createRequire } from "node:module";
import { readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const HERE = dirname(fileURLToPath(import.meta.url));
const require = createRequire(resolve(HERE, "../tests/browser/package.json"));
const { chromium } = require("playwright-core");

const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, a, i, all) => (a.startsWith("--") ? [...pairs, [a.slice(2), all[i + 1]]] : pairs), []),
);
const BASE = (args.base ?? "http://127.0.0.1:8000").replace(/\/$/, "");
const ROOT = args.root;
const SITE = args.site ?? "site";
const QUERIES = JSON.parse(args.queries);
const REPS = parseInt(args.reps ?? "5", 10);
const TOOLS = (args.tools ?? "signpost,pagefind").split(",");
const IDLE_MS = 500;
const TEXT_TYPES = /\.(js|mjs|json|html|css|wasm|svg)$/;

// Runs in Signpost's search page before its scripts.
const INSTRUMENT = () => {
  const sp = (window.__sp = { fetches: [], drawn: null, drawnPerf: null, items: 0 });
  performance.setResourceTimingBufferSize(100000);
  const realFetch = window.fetch;
  window.fetch = function (input, init) {
    const rec = { url: new URL(typeof input === "string" ? input : input.url, location.href).href, start: performance.now(), bodyRead: null };
    sp.fetches.push(rec);
    return realFetch.call(this, input, init).then((response) => {
      for (const method of ["json", "arrayBuffer", "text", "blob"]) {
        const real = response[method].bind(response);
        response[method] = () => real().then((value) => { rec.bodyRead = performance.now(); return value; });
      }
      return response;
    });
  };
  new MutationObserver((records) => {
    if (sp.drawn !== null) return;
    for (const r of records) {
      if (r.target.classList && r.target.classList.contains("search-results") && r.target.children.length > 0) {
        sp.drawnPerf = performance.now();
        sp.drawn = performance.timeOrigin + sp.drawnPerf;
        sp.drawnDate = Date.now();
        sp.items = r.target.children.length;
        return;
      }
    }
  }).observe(document, { childList: true, subtree: true });
};

function kindOf(tool, url) {
  const path = new URL(url).pathname;
  if (tool === "signpost") {
    if (path.endsWith("/search.js")) return "code";
    const m = path.match(/\/_search\/[^/]+\/(meta\.json|lex|post|pos|docs|facets)/);
    if (m) return m[1] === "meta.json" ? "meta" : m[1];
    return null; // the page itself (HTML, CSS, icon): not counted
  }
  if (path.endsWith(".html") || path === "/favicon.ico") return null;
  if (/\/_pagefind\/(pagefind\.js|pagefind-worker\.js|wasm\.[^/]+\.pagefind)$/.test(path)) return "code";
  if (path.endsWith("pagefind-entry.json")) return "entry";
  const m = path.match(/\.pf_(meta|index|fragment|filter)$/);
  return m ? m[1] : "other";
}

const gzCache = new Map();
function fileSizes(url) {
  const path = decodeURIComponent(new URL(url).pathname);
  if (gzCache.has(path)) return gzCache.get(path);
  let file = join(ROOT, path);
  try { if (statSync(file).isDirectory()) file = join(file, "index.html"); } catch { /* below */ }
  let out;
  try {
    const buf = readFileSync(file);
    const gz = gzipSync(buf, { level: 6 }).length;
    out = { file: buf.length, gzip: gz, typical: TEXT_TYPES.test(file) ? gz : buf.length };
  } catch {
    out = { file: 0, gzip: 0, typical: 0, missing: true };
  }
  gzCache.set(path, out);
  return out;
}

// Every request of the page: CDP for the page's own, Playwright for the rest (worker).
async function tracker(context, page, tool) {
  const cdp = await context.newCDPSession(page);
  const t = { cdp: new Map(), pw: [], inflight: 0, last: Date.now() };
  const touch = () => (t.last = Date.now());
  cdp.on("Network.requestWillBeSent", (e) => { if (!t.cdp.has(e.requestId)) t.cdp.set(e.requestId, { url: e.request.url, bytes: null }); });
  cdp.on("Network.loadingFinished", (e) => { const r = t.cdp.get(e.requestId); if (r) r.bytes = e.encodedDataLength; });
  await cdp.send("Network.enable");
  page.on("request", () => { t.inflight += 1; touch(); });
  const done = (failed) => async (request) => {
    const rec = { request, url: request.url(), failed };
    t.pw.push(rec);
    try {
      const timing = request.timing();
      rec.end = timing.responseEnd >= 0 ? timing.startTime + timing.responseEnd : null;
      rec.sizes = failed ? null : await request.sizes();
      rec.status = failed ? 0 : (await request.response())?.status() ?? 0;
    } catch (err) {
      rec.error = String(err);
    }
    t.inflight -= 1;
    touch();
  };
  page.on("requestfinished", done(false));
  page.on("requestfailed", done(true));
  t.idle = async (timeout = 120000) => {
    const until = Date.now() + timeout;
    while (t.inflight > 0 || Date.now() - t.last < IDLE_MS) {
      if (Date.now() > until) throw new Error(`network not idle after ${timeout} ms`);
      await new Promise((r) => setTimeout(r, 25));
    }
  };
  // The counted requests, with bytes from CDP where the page saw them.
  // `ends`: url -> the response's end on the wall clock from Resource Timing
  // (timeOrigin + responseEnd, of the page or of the worker that fetched it).
  t.counted = (ends = new Map()) => {
    const byUrl = new Map();
    for (const r of t.cdp.values()) if (r.bytes !== null) byUrl.set(r.url, [...(byUrl.get(r.url) ?? []), r.bytes]);
    const out = [];
    for (const r of t.pw) {
      const kind = kindOf(tool, r.url);
      if (kind === null) continue;
      const pwBytes = r.sizes ? r.sizes.responseHeadersSize + r.sizes.responseBodySize : 0;
      const cdpList = byUrl.get(r.url);
      const cdpBytes = cdpList && cdpList.length ? cdpList.shift() : null;
      const f = fileSizes(r.url);
      let bytes = cdpBytes ?? pwBytes;
      let source = cdpBytes !== null ? "cdp" : "playwright";
      // A worker's own script: the page's CDP session sees no loadingFinished and
      // Playwright reports its headers only; the body sent is the file (no compression).
      if (!r.failed && bytes < f.file) { bytes = (r.sizes ? r.sizes.responseHeadersSize : 0) + f.file; source += "+file"; }
      out.push({
        url: r.url, path: new URL(r.url).pathname, kind, status: r.status, failed: r.failed,
        end: r.end, endRT: ends.get(r.url)?.end ?? null, startRT: ends.get(r.url)?.start ?? null,
        bytes, source, pwBytes, cdpBytes, file: f.file, gzip: f.gzip, typical: f.typical,
      });
    }
    return out;
  };
  return t;
}

// Resource Timing of a page or worker: url -> timeOrigin + responseEnd (latest).
const RT = () => performance.getEntriesByType("resource").map((e) => [e.name, performance.timeOrigin + e.startTime, performance.timeOrigin + e.responseEnd]);
async function rtEnds(targets) {
  const ends = new Map();
  for (const target of targets) {
    for (const [url, start, end] of await target.evaluate(RT).catch(() => [])) {
      const old = ends.get(url);
      ends.set(url, { start: Math.min(start, old?.start ?? Infinity), end: Math.max(end, old?.end ?? 0) });
    }
  }
  return ends;
}

async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
  });
}

async function runSignpost(browser, lang, query) {
  const context = await browser.newContext();
  await context.addInitScript(INSTRUMENT);
  const page = await context.newPage();
  const t = await tracker(context, page, "signpost");
  await page.goto(`${BASE}/${lang}/search/?q=${encodeURIComponent(query)}`, { waitUntil: "load" });
  await page.waitForFunction(() => window.__sp.drawn !== null || (document.querySelector("#search-status")?.textContent ?? "") !== "", null, { timeout: 120000 });
  await t.idle();
  const inPage = await page.evaluate(async (query) => {
    const sp = window.__sp;
    const data = sp.fetches.filter((f) => f.url.includes("/_search/"));
    const entries = performance.getEntriesByType("resource").filter((e) => e.name.includes("/_search/"));
    const result = await window.signpostSearch.search(query, {});
    return {
      drawn: sp.drawn, drawnDate: sp.drawnDate, items: sp.items,
      afterBody: sp.drawn === null ? null : sp.drawnPerf - Math.max(...data.map((f) => f.bodyRead)),
      afterBytesRT: sp.drawn === null ? null : sp.drawnPerf - Math.max(...entries.map((e) => e.responseEnd)),
      status: document.querySelector("#search-status").textContent,
      total: result.total, hits: result.hits.length, first: result.hits[0]?.url ?? null,
      shown: [...document.querySelectorAll(".search-results li a.search-title")].map((a) => new URL(a.href).pathname + new URL(a.href).hash),
    };
  }, query);
  const requests = t.counted(await rtEnds([page]));
  await context.close();
  return { requests, ...inPage };
}

async function runPagefind(browser, lang, query) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const workers = [];
  page.on("worker", (w) => workers.push(w));
  const t = await tracker(context, page, "pagefind");
  await page.goto(`${BASE}/pagefind-test-${lang}.html?q=${encodeURIComponent(query)}`, { waitUntil: "load" });
  await page.waitForFunction(() => window.__pf && (window.__pf.drawn || window.__pf.error), null, { timeout: 120000 });
  await t.idle();
  const pf = await page.evaluate(() => window.__pf);
  if (pf.error) throw new Error(`pagefind test page: ${pf.error}`);
  const requests = t.counted(await rtEnds([page, ...workers]));
  await context.close();
  return { workers: workers.length, requests, drawn: pf.drawn, searchTime: pf.searched - pf.start, items: pf.items, total: pf.total, hits: pf.items, first: pf.first, shown: pf.shown, dataResolved: pf.dataResolved };
}

const median = (xs) => { const s = xs.filter((x) => typeof x === "number").sort((a, b) => a - b); if (!s.length) return null; const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const kb = (b) => (b / 1000).toFixed(1);
const ms = (x) => (x === null || x === undefined ? "–" : x.toFixed(1));

function summarise(run) {
  const ok = run.requests.filter((r) => !r.failed);
  const sum = (pick, rs = ok) => rs.reduce((a, r) => a + pick(r), 0);
  const code = ok.filter((r) => r.kind === "code");
  const data = ok.filter((r) => r.kind !== "code");
  const ends = ok.map((r) => r.end).filter((x) => typeof x === "number");
  const lastByte = ends.length ? Math.max(...ends) : null;
  const endsRT = ok.map((r) => r.endRT ?? r.end).filter((x) => typeof x === "number");
  const lastByteRT = endsRT.length ? Math.max(...endsRT) : null;
  const kinds = {};
  for (const r of ok) { const k = (kinds[r.kind] ??= { n: 0, bytes: 0, file: 0, gzip: 0 }); k.n += 1; k.bytes += r.bytes; k.file += r.file; k.gzip += r.gzip; }
  const biggest = [...ok].sort((a, b) => b.bytes - a.bytes)[0];
  return {
    requests: run.requests.length, failed: run.requests.length - ok.length,
    bytes: sum((r) => r.bytes), file: sum((r) => r.file), headers: sum((r) => r.bytes - r.file),
    gzip: sum((r) => r.gzip + Math.max(0, r.bytes - r.file)), typical: sum((r) => r.typical + Math.max(0, r.bytes - r.file)),
    code: sum((r) => r.bytes, code), data: sum((r) => r.bytes, data),
    codeGzip: sum((r) => r.gzip + Math.max(0, r.bytes - r.file), code), dataGzip: sum((r) => r.gzip + Math.max(0, r.bytes - r.file), data),
    kinds, biggest: biggest ? { path: biggest.path, bytes: biggest.bytes, gzip: biggest.gzip } : null,
    workerRequests: ok.filter((r) => r.source.startsWith("playwright")).length,
    cdpVsPlaywright: ok.filter((r) => r.source === "cdp").map((r) => r.bytes - r.pwBytes),
    afterLastByte: run.drawn && lastByteRT ? run.drawn - lastByteRT : null,
    startToDrawn: run.drawn ? run.drawn - Math.min(...ok.map((r) => r.startRT ?? Infinity)) : null,
    afterLastByteCDP: run.drawn && lastByte ? run.drawn - lastByte : null,
    withoutRT: ok.filter((r) => r.endRT === null).map((r) => r.path),
    completedFromFile: ok.filter((r) => r.source.endsWith("+file")).map((r) => r.path),
  };
}

async function main() {
  const browser = await launch();
  const results = [];
  const problems = [];
  try {
    for (const [lang, queries] of Object.entries(QUERIES)) {
      for (const query of queries) {
        for (const tool of TOOLS) {
          const reps = [];
          for (let rep = 0; rep < REPS; rep++) {
            const run = tool === "signpost" ? await runSignpost(browser, lang, query) : await runPagefind(browser, lang, query);
            run.summary = summarise(run);
            if (run.summary.failed) problems.push(`${SITE} ${lang} "${query}" ${tool}: ${run.summary.failed} failed requests`);
            if (!run.items) problems.push(`${SITE} ${lang} "${query}" ${tool}: no result drawn`);
            for (const r of run.requests) if (r.status >= 400) problems.push(`${SITE} ${lang} "${query}" ${tool}: ${r.status} ${r.path}`);
            reps.push(run);
          }
          results.push({ site: SITE, lang, query, tool, reps });
          const s = reps[0].summary;
          process.stderr.write(`   ${SITE} ${lang} "${query}" ${tool}: ${s.requests} requests, ${kb(s.bytes)} kB (gzip ${kb(s.gzip)} kB), total ${reps[0].total}, drawn ${ms(median(reps.map((r) => r.summary.afterLastByte)))} ms after the last byte\n`);
        }
      }
    }
  } finally {
    await browser.close();
  }
  if (args.json) writeFileSync(args.json, JSON.stringify({ base: BASE, root: ROOT, site: SITE, reps: REPS, results, problems }, null, 1));

  const lines = [];
  lines.push(`| site | lang | query | tool | results | requests | bytes raw (kB) | gzip all (kB) | gzip typical host (kB) | of which code (kB raw / gzip) | of which index + data (kB raw / gzip) | drawn after last byte (ms, median / max of ${REPS}) |`);
  lines.push("| --- | --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
  for (const r of results) {
    const s = r.reps[0].summary;
    const varies = new Set(r.reps.map((x) => x.summary.bytes)).size > 1 ? " (varies)" : "";
    const after = r.reps.map((x) => x.summary.afterLastByte).filter((x) => typeof x === "number");
    lines.push(`| ${r.site} | ${r.lang} | ${r.query} | ${r.tool} | ${r.reps[0].total} | ${s.requests} | **${kb(s.bytes)}**${varies} | ${kb(s.gzip)} | ${kb(s.typical)} | ${kb(s.code)} / ${kb(s.codeGzip)} | ${kb(s.data)} / ${kb(s.dataGzip)} | ${ms(median(after))} / ${after.length ? ms(Math.max(...after)) : "–"} |`);
  }
  lines.push("");
  // The goal is per language: the median over the benchmark's one-word
  // queries (issue 13 defines a first query as one word); queries of
  // several words get a row of their own.
  lines.push("Median over the queries, per language and number of words (kB raw / gzip all / gzip typical host):");
  lines.push("");
  lines.push("| site | lang | tool | words | queries | raw (kB) | gzip all (kB) | gzip typical host (kB) |");
  lines.push("| --- | --- | --- | --- | ---: | ---: | ---: | ---: |");
  const groups = new Map();
  for (const r of results) {
    const words = r.query.trim().split(/\s+/).length === 1 ? "one" : "several";
    const key = `${r.site}|${r.lang}|${r.tool}|${words}`;
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(r.reps[0].summary);
  }
  for (const [key, ss] of [...groups].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const [site, lang, tool, words] = key.split("|");
    lines.push(`| ${site} | ${lang} | ${tool} | ${words} | ${ss.length} | ${kb(median(ss.map((s) => s.bytes)))} | **${kb(median(ss.map((s) => s.gzip)))}** | ${kb(median(ss.map((s) => s.typical)))} |`);
  }
  lines.push("");
  lines.push("Per kind of file (first repetition; kB raw as received / gzip all; requests in parentheses) and the largest single file:");
  lines.push("");
  lines.push("| site | lang | query | tool | per kind | largest file (kB raw / gzip) |");
  lines.push("| --- | --- | --- | --- | --- | --- |");
  for (const r of results) {
    const s = r.reps[0].summary;
    const kinds = Object.entries(s.kinds).sort((a, b) => b[1].bytes - a[1].bytes).map(([k, v]) => `${k} ${kb(v.bytes)} / ${kb(v.gzip)} (${v.n})`).join("; ");
    lines.push(`| ${r.site} | ${r.lang} | ${r.query} | ${r.tool} | ${kinds} | ${s.biggest ? `\`${s.biggest.path.replace(/^.*\/(_search|_pagefind)\//, "$1/")}\` ${kb(s.biggest.bytes)} / ${kb(s.biggest.gzip)}` : ""} |`);
  }
  lines.push("");
  lines.push(`Timings (ms, median / max of ${REPS}). RT = drawn − last byte from Resource Timing (the column above); CDP = drawn − last byte from the DevTools events through Playwright (request start wall time + monotonic duration: a cross-check, off by some ms for queued requests); Signpost after-body = drawn − last /_search/ body read (fetch wrapped in the page); Pagefind data() = data() of the 10 results resolved − last byte (RT); first request → drawn = drawn − start of the first counted request (search.js, pagefind.js; RT), the whole first search on this unthrottled local server:`);
  lines.push("");
  lines.push("| site | lang | query | tool | after last byte, RT | after last byte, CDP | after-body (Signpost) / data() (Pagefind) | first request → drawn |");
  lines.push("| --- | --- | --- | --- | ---: | ---: | ---: | ---: |");
  const mm = (xs) => { const v = xs.filter((x) => typeof x === "number"); return v.length ? `${ms(median(v))} / ${ms(Math.max(...v))}` : "–"; };
  for (const r of results) {
    const third = r.tool === "signpost" ? r.reps.map((x) => x.afterBody) : r.reps.map((x) => (x.dataResolved && x.summary.afterLastByte !== null ? x.summary.afterLastByte - (x.drawn - x.dataResolved) : null));
    const fourth = r.reps.map((x) => x.summary.startToDrawn);
    lines.push(`| ${r.site} | ${r.lang} | ${r.query} | ${r.tool} | ${mm(r.reps.map((x) => x.summary.afterLastByte))} | ${mm(r.reps.map((x) => x.summary.afterLastByteCDP))} | ${mm(third)} | ${mm(fourth)} |`);
  }
  const noRT = [...new Set(results.flatMap((r) => r.reps.flatMap((x) => x.summary.withoutRT)))];
  const fromFile = [...new Set(results.flatMap((r) => r.reps.flatMap((x) => x.summary.completedFromFile)))];
  lines.push("");
  lines.push(`Responses without a Resource Timing entry (their CDP end was used): ${noRT.length ? noRT.map((p) => `\`${p}\``).join(", ") : "none"}. Bytes completed from the file size (worker script: headers seen, body not): ${fromFile.length ? fromFile.map((p) => `\`${p}\``).join(", ") : "none"}.`);
  const diffs = results.flatMap((r) => r.reps.flatMap((x) => x.summary.cdpVsPlaywright));
  const workers = results.filter((r) => r.reps[0].summary.workerRequests > 0).map((r) => `${r.tool} ${r.lang} "${r.query}" ${r.reps[0].summary.workerRequests}`);
  lines.push("");
  lines.push(`Bytes: CDP encodedDataLength for ${diffs.length} responses (Playwright's sizes() differed by ${diffs.length ? `${Math.min(...diffs)} to ${Math.max(...diffs)}` : "–"} bytes on them); Playwright sizes() for requests only a worker made (${workers.length ? workers.join(", ") : "none"}).`);
  const uniq = [...new Set(problems)];
  lines.push(uniq.length ? `\nProblems (${uniq.length}):\n${uniq.map((p) => `- ${p}`).join("\n")}` : "");
  console.log(lines.join("\n"));
  process.exitCode = uniq.length ? 1 : 0;
}

await main();
