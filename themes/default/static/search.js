// Site search in the browser, on any static host.
//
// Loaded only when a reader starts to search. It reads the files written
// by Signpost's index stage (_search/<lang>/) and ranks exactly as
// `signpost search` does with tantivy: the same expansion of words (exact,
// prefix of the last word, one typo), the same BM25 in 32-bit floats, the
// same order of additions. Only the files a query needs are fetched: the
// lexicon file of each word's first two letters, the postings of its stems,
// positions for phrases, the filters' bit sets (one file, if the site has
// filters) and the text of the results shown.
(() => {
  "use strict";
  const K1 = Math.fround(1.2);
  const B = 0.75;
  const f32 = Math.fround;

  // Text analysis: src/index/analysis.rs (surface forms), its Arabic
  // tables read from meta.json ("arabic": articles, fewest letters left,
  // letter folds).
  const REMOVED = /[\u064B-\u065F\u0670\u0640\u0300-\u036F]/u;
  const ALNUM = /[\p{Alphabetic}\p{N}]/u;
  const SPECIAL = { "ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ı": "i" };
  const encoder = new TextEncoder();

  // The Arabic article with the particles attached to it, longest first,
  // stripped when enough letters remain (strip_arabic_article).
  function stripArabicArticle(word, arabic) {
    for (const prefix of arabic.articles) {
      if (word.startsWith(prefix) && [...word.slice(prefix.length)].length >= arabic.minStem) return word.slice(prefix.length);
    }
    return word;
  }

  function fold(word) {
    let out = "";
    for (const c of word) {
      if (SPECIAL[c]) out += SPECIAL[c];
      else if (c.codePointAt(0) < 0x250) out += c.normalize("NFD").replace(/[\u0300-\u036F]/g, "");
      else out += c;
    }
    return out;
  }

  // Words of `text` with their offsets: [surface, start, end].
  function words(text, arabic) {
    const out = [];
    let i = 0;
    const chars = [...text];
    let offset = 0;
    const offsets = chars.map((c) => { const o = offset; offset += c.length; return o; });
    while (i < chars.length) {
      while (i < chars.length && !(ALNUM.test(chars[i]) && !REMOVED.test(chars[i]))) i++;
      if (i >= chars.length) break;
      const start = i;
      let word = "";
      while (i < chars.length) {
        const c = chars[i];
        if (REMOVED.test(c)) { i++; continue; }
        if (!ALNUM.test(c)) break;
        word += arabic && arabic.folds[c] ? arabic.folds[c] : c;
        i++;
      }
      if (arabic) word = stripArabicArticle(word, arabic);
      if (word && encoder.encode(word).length < 40) {
        out.push([fold(word.toLowerCase()), offsets[start], i < chars.length ? offsets[i] : text.length]);
      }
    }
    return out;
  }

  // A query cut into words and "phrases": the mirror of search::parse.
  function parse(query, arabic) {
    const cleaned = [...query.replace(/[\u0000-\u001F\u007F-\u009F]/g, " ")].slice(0, 200).join("");
    const parsed = { words: [], phrases: [], lastIsPrefix: false };
    let lastInPhrase = false;
    cleaned.split('"').forEach((part, i) => {
      const ws = words(part, arabic).map((w) => w[0]);
      if (!ws.length) return;
      const isPhrase = i % 2 === 1;
      if (isPhrase && ws.length > 1) parsed.phrases.push(ws);
      lastInPhrase = isPhrase;
      parsed.words.push(...ws);
    });
    const endsOpen = !/\s$/.test(cleaned) && !cleaned.endsWith('"');
    parsed.lastIsPrefix = endsOpen && !lastInPhrase && parsed.words.length > 0;
    return parsed;
  }

  // Typos forgiven in a word: one from 4 letters, two from 8 (typo_budget).
  const typoBudget = (word) => { const n = [...word].length; return n < 4 ? 0 : n < 8 ? 1 : 2; };

  // Damerau-Levenshtein distance (optimal string alignment) if at most
  // `max`, else null (search::edit_distance).
  function editDistance(a, b, max) {
    a = [...a]; b = [...b];
    if (Math.abs(a.length - b.length) > max) return null;
    const w = b.length + 1;
    const rows = new Array((a.length + 1) * w).fill(0);
    for (let j = 0; j < w; j++) rows[j] = j;
    for (let i = 1; i <= a.length; i++) {
      rows[i * w] = i;
      let best = i;
      for (let j = 1; j < w; j++) {
        const cost = a[i - 1] !== b[j - 1] ? 1 : 0;
        let d = Math.min(rows[(i - 1) * w + j] + 1, rows[i * w + j - 1] + 1, rows[(i - 1) * w + j - 1] + cost);
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[(i - 2) * w + j - 2] + 1);
        rows[i * w + j] = d;
        best = Math.min(best, d);
      }
      if (best > max) return null;
    }
    const d = rows[a.length * w + b.length];
    return d <= max ? d : null;
  }

  const hex = (text) => [...encoder.encode(text)].map((b) => b.toString(16).padStart(2, "0")).join("");
  const shardKey = (surface) => hex([...surface].slice(0, 2).join(""));

  const cmp = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

  // The codec of src/index/pack.rs: unsigned LEB128 varints, and packs
  // (varint n, n varint lengths, the n entries). tests/codec-vectors.json
  // holds examples both sides' tests check.
  function varints(bytes) {
    let pos = 0;
    return {
      next() {
        let value = 0, shift = 0, byte;
        do { byte = bytes[pos++]; value += (byte & 0x7f) * 2 ** shift; shift += 7; } while (byte & 0x80);
        return value;
      },
      get pos() { return pos; },
      set pos(p) { pos = p; },
    };
  }

  function unpack(bytes) {
    const v = varints(bytes);
    const n = v.next();
    const lengths = [];
    for (let i = 0; i < n; i++) lengths.push(v.next());
    let at = v.pos;
    return lengths.map((len) => { const entry = bytes.subarray(at, at + len); at += len; return entry; });
  }

  // A documents pack (write_docs in src/index/export.rs): after a document
  // of the same page, a URL from the "#" on and the title as 0.
  function expandDocs(items) {
    const out = [];
    for (const [url, title, section, body] of items) {
      const previous = out[out.length - 1];
      out.push([
        previous && (url === "" || url.startsWith("#")) ? previous[0].split("#")[0] + url : url,
        title === 0 && previous ? previous[1] : title,
        section,
        body,
      ]);
    }
    return out;
  }

  // Each pack's first item, written as differences (gaps): running sums.
  function sums(gaps) {
    let total = 0;
    return gaps.map((gap) => (total += gap));
  }

  // One stem's postings (FieldPostings in src/index/export.rs), per field:
  // the documents (as gaps or as a bit set over `n` documents), then their
  // term frequencies, then their length ids.
  function decodePostings(bytes, n) {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const v = varints(bytes);
    const fields = [];
    for (let f = 0; f < 3; f++) {
      const count = v.next();
      const list = { idf: 0, docs: [], tfs: [], norms: [] };
      if (count > 0) {
        list.idf = view.getFloat32(v.pos, true);
        const layout = bytes[v.pos + 4];
        v.pos += 5;
        if (layout === 1) {
          const end = v.pos + Math.ceil(n / 8);
          for (let at = v.pos; at < end; at++) {
            for (let bit = 0, byte = bytes[at]; byte; bit++, byte >>= 1) if (byte & 1) list.docs.push((at - v.pos) * 8 + bit);
          }
          v.pos = end;
        } else {
          let doc = 0;
          for (let i = 0; i < count; i++) list.docs.push((doc += v.next()));
        }
        for (let i = 0; i < count; i++) list.tfs.push(v.next());
        list.norms = [...bytes.subarray(v.pos, v.pos + count)];
        v.pos += count;
      }
      fields.push(list);
    }
    return fields;
  }

  // The pack holding `key`, given each pack's first item (pack_of).
  function packOf(firsts, key) {
    let lo = 0, hi = firsts.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (firsts[mid] <= key) lo = mid + 1; else hi = mid; }
    return Math.max(0, lo - 1);
  }

  function Engine(base, lang) {
    const cache = new Map();
    const get = (path, kind) => {
      if (!cache.has(path)) {
        cache.set(path, fetch(base + path).then((r) => {
          if (r.status === 404) return kind === "json" ? [] : new Uint8Array(0);
          if (!r.ok) throw new Error(`${path}: ${r.status}`);
          if (kind === "json") return r.json();
          // Postings and facets.bin are published gzip-compressed (static
          // hosts send binary files as they are): export.rs, gzip.
          const body = kind === "gzip" ? new Response(r.body.pipeThrough(new DecompressionStream("gzip"))) : r;
          return body.arrayBuffer().then((b) => new Uint8Array(b));
        }));
      }
      return cache.get(path);
    };
    const meta = get("meta.json", "json").then((m) => {
      for (const kind of ["post", "pos", "docs"]) m[kind] = sums(m[kind]);
      return m;
    });
    let arabic = null;
    const unpacked = new Map();
    // Entry `id` of the pack of `kind` holding it (postings, positions).
    async function entry(kind, id) {
      const m = await meta;
      const k = packOf(m[kind], id);
      const path = `${kind}/${k}.bin`;
      if (!unpacked.has(path)) unpacked.set(path, get(path, kind === "post" ? "gzip" : "bin").then(unpack));
      return (await unpacked.get(path))[id - m[kind][k]] || new Uint8Array(0);
    }

    // The lexicon entries under a word's key, and every entry under a key
    // prefix (keys are in byte order: a run of packs).
    async function shard(word) {
      const m = await meta;
      const key = shardKey(word);
      return (await get(`lex/${packOf(m.lex, key)}.json`, "json"))[key] || [];
    }
    async function entriesUnder(prefix) {
      const m = await meta;
      const out = [];
      for (let k = packOf(m.lex, prefix); k <= packOf(m.lex, prefix + "g"); k++) {
        const pack = await get(`lex/${k}.json`, "json");
        for (const key of Object.keys(pack).filter((key) => key.startsWith(prefix)).sort()) out.push(...pack[key]);
      }
      return out;
    }
    // Snowball's generated JavaScript for the stemmer the index used,
    // loaded the first time a word is not in the lexicon.
    let stemmer = null;
    function stemWord(word) {
      // Opened from disk (the offline copy), a module cannot be imported:
      // the copy gives the same stemmer as a classic script instead.
      const offline = window.signpostStemmer;
      stemmer ??= offline
        ? Promise.resolve(new offline())
        : meta.then((m) => (m.stemmer ? import(new URL(m.stemmer, new URL(base, location.href)).href).then((mod) => new mod.default()) : null)).catch(() => null);
      return stemmer.then((s) => (s ? s.stemWord(word) : word));
    }

    // Words within the typo budget: those sharing the first letter, and
    // those beginning with the second letter or with the first two swapped
    // (LangIndex::typo_candidates).
    async function typoCandidates(word, budget) {
      const chars = [...word];
      const entries = await entriesUnder(hex(chars[0]));
      if (chars.length >= 3) {
        entries.push(...(await shard(chars[1] + chars[2])), ...(await shard(chars[1] + chars[0])));
      }
      const seen = new Set();
      const out = [];
      for (const e of entries) {
        if (seen.has(e[0])) continue;
        seen.add(e[0]);
        const d = editDistance(e[0], word, budget);
        if (d !== null) out.push([d, e]);
      }
      return out;
    }

    // The mirror of LangIndex::expand.
    async function expand(word, prefix, exactOnly) {
      const own = await shard(word);
      const entries = [...own];
      const exact = own.find((e) => e[0] === word);
      const stems = [];
      if (exact) stems.push(exact[1]);
      else {
        const stem = await stemWord(word);
        const theirs = await shard(stem);
        if (theirs.some((e) => e[1] === stem)) { stems.push(stem); entries.push(...theirs); }
      }
      let corrected = null;
      if (!exactOnly) {
        const others = prefix ? own.filter((e) => e[0].startsWith(word)) : [];
        others.sort((a, b) => b[3] - a[3] || cmp(a[1], b[1]));
        const budget = !stems.length && !others.length ? typoBudget(word) : 0;
        let typos = budget > 0 ? await typoCandidates(word, budget) : [];
        const closest = Math.min(...typos.map(([d]) => d));
        typos = typos.filter(([d]) => d === closest).map(([, e]) => e);
        typos.sort((a, b) => b[3] - a[3] || cmp(a[1], b[1]) || cmp(a[0], b[0]));
        if (typos.length) corrected = typos[0][0];
        entries.push(...typos);
        for (const e of [...others, ...typos]) {
          if (stems.length >= 10) break;
          if (!stems.includes(e[1])) stems.push(e[1]);
        }
      }
      const ids = new Map(entries.map((e) => [e[1], e[2]]));
      return { stems, ids, shard: entries, corrected };
    }

    async function postings(id) {
      return decodePostings(await entry("post", id), (await meta).n);
    }

    async function positions(id, fields) {
      const v = varints(await entry("pos", id));
      return fields.map((list) => list.docs.map(() => {
        const n = v.next();
        const out = [];
        let p = 0;
        for (let i = 0; i < n; i++) { p += v.next(); out.push(p); }
        return out;
      }));
    }

    // BM25 as tantivy computes it, step by step in f32.
    function tfCache(m) {
      return m.avg.map((avg) => m.norms.map((norm) => f32(K1 * f32(f32(1 - B) + f32(f32(B * norm) / f32(avg))))));
    }

    async function search(query, filters) {
      const m = await meta;
      m.cache ??= tfCache(m);
      arabic = m.arabic || null;
      const parsed = parse(query, arabic);
      const result = { total: 0, hits: [], facets: {}, stems: new Set(), surfaces: new Set(), corrected: null };
      if (!parsed.words.length) return result;
      // Every filter value's bit set, in one file, fetched while the words are.
      const facetFile = Object.values(m.facets).some((values) => values.length) ? get("facets.bin", "gzip") : null;
      const inPhrase = new Set(parsed.phrases.flat());
      const last = parsed.words.length - 1;
      const expanded = await Promise.all(parsed.words.map((w, i) => expand(w, i === last && parsed.lastIsPrefix, inPhrase.has(w))));
      if (expanded.some((e) => e.corrected)) result.corrected = parsed.words.map((w, i) => expanded[i].corrected || w).join(" ");
      if (expanded.some((e) => !e.stems.length)) return result;
      for (const e of expanded) {
        for (const s of e.stems) result.stems.add(s);
        for (const entry of e.shard) if (e.stems.includes(entry[1])) result.surfaces.add(entry[0]);
      }
      // Each word: a union of (stem, field) clauses, scores summed in clause order.
      const wordScores = await Promise.all(expanded.map(async ({ stems, ids }) => {
        const scores = new Map();
        // Documents with the word in their title, and the title's length (norm id).
        const titled = new Map();
        let cost = 0;
        for (const stem of stems) {
          const fields = await postings(ids.get(stem));
          fields[0].docs.forEach((doc, i) => titled.set(doc, fields[0].norms[i]));
          fields.forEach((list, f) => {
            if (!list.docs.length) return;
            cost += list.docs.length;
            let weight = f32(list.idf * f32(1 + K1));
            if (m.boosts[f] !== 1) weight = f32(weight * f32(m.boosts[f]));
            list.docs.forEach((doc, i) => {
              const tf = list.tfs[i];
              const s = f32(weight * f32(tf / f32(tf + m.cache[f][list.norms[i]])));
              scores.set(doc, scores.has(doc) ? f32(scores.get(doc) + s) : s);
            });
          });
        }
        return { scores, cost, titled };
      }));
      // All words must match; tantivy adds them cheapest first: (a + b) + (c + d ...).
      const order = wordScores.map((w, i) => [w, i]).sort((a, b) => a[0].cost - b[0].cost || a[1] - b[1]).map((x) => x[0]);
      let matches = [];
      for (const [doc, first] of order[0].scores) {
        if (!order.every((w) => w.scores.has(doc))) continue;
        let score = first;
        if (order.length > 1) {
          score = f32(first + order[1].scores.get(doc));
          let others = -0;
          for (const w of order.slice(2)) others = f32(others + w.scores.get(doc));
          if (order.length > 2) score = f32(score + others);
        }
        matches.push([score, doc]);
      }
      for (const phrase of parsed.phrases) {
        const docs = await phraseDocs(phrase);
        matches = matches.filter(([, doc]) => docs.has(doc));
      }
      const facetNames = Object.keys(m.facets);
      const bits = {};
      if (facetFile) {
        const all = await facetFile;
        for (const facet of facetNames) {
          for (const [value, , offset, length] of m.facets[facet]) bits[`${facet}/${value}`] = all.subarray(offset, offset + length);
        }
      }
      const has = (facet, value, doc) => { const b = bits[`${facet}/${value}`]; return !!b && (b[doc >> 3] & (1 << (doc & 7))) !== 0; };
      const passes = (doc, skip) => facetNames.every((facet) => facet === skip || !filters[facet] || has(facet, filters[facet], doc));
      const hits = matches.filter(([, doc]) => passes(doc, null));
      // A title the query is, then titles holding every word, then the
      // rest; by score within each (LangIndex::title_tiers).
      const tier = (doc) => {
        if (!wordScores.every((w) => w.titled.has(doc))) return 2;
        return m.norms[wordScores[0].titled.get(doc)] === parsed.words.length ? 0 : 1;
      };
      const tiers = new Map(hits.map(([, doc]) => [doc, tier(doc)]));
      hits.sort((a, b) => tiers.get(a[1]) - tiers.get(b[1]) || b[0] - a[0] || a[1] - b[1]);
      result.total = hits.length;
      for (const facet of facetNames) {
        result.facets[facet] = Object.fromEntries(m.facets[facet].map(([value]) => [value, matches.filter(([, doc]) => passes(doc, facet) && has(facet, value, doc)).length]));
      }
      const top = hits.slice(0, 10);
      const packs = await Promise.all([...new Set(top.map(([, d]) => packOf(m.docs, d)))].map(async (k) => [k, expandDocs(await get(`docs/${k}.json`, "json"))]));
      const docs = new Map(packs);
      result.hits = top.map(([score, doc]) => {
        const k = packOf(m.docs, doc);
        const [url, title, section, body] = docs.get(k)[doc - m.docs[k]];
        return { url, title, section, body, score, doc };
      });
      return result;
    }

    async function phraseDocs(phrase) {
      const found = new Set();
      const lists = [];
      for (const word of phrase) {
        const { stems, ids } = await expand(word, false, true);
        if (!stems.length) return found;
        const id = ids.get(stems[0]);
        const fields = await postings(id);
        lists.push({ fields, positions: await positions(id, fields) });
      }
      for (let f = 0; f < 3; f++) {
        const first = lists[0].fields[f];
        first.docs.forEach((doc, i) => {
          const starts = lists[0].positions[f][i];
          const ok = starts.some((p) => lists.every((l, k) => {
            const j = l.fields[f].docs.indexOf(doc);
            return j >= 0 && l.positions[f][j].includes(p + k);
          }));
          if (ok) found.add(doc);
        });
      }
      return found;
    }

    return { search, meta, words: (text) => words(text, arabic) };
  }

  // The search page.
  function snippet(engine, body, surfaces) {
    const ws = engine.words(body);
    const hit = ws.findIndex((w) => surfaces.has(w[0]));
    const from = Math.max(0, hit - 8);
    const shown = ws.slice(from, from + 26);
    const frag = document.createDocumentFragment();
    if (!shown.length) { frag.append(body.slice(0, 160)); return frag; }
    if (from > 0) frag.append("… ");
    let cursor = shown[0][1];
    for (const [surface, start, end] of shown) {
      frag.append(body.slice(cursor, start));
      if (surfaces.has(surface)) { const mark = document.createElement("mark"); mark.textContent = body.slice(start, end); frag.append(mark); }
      else frag.append(body.slice(start, end));
      cursor = end;
    }
    if (cursor < body.length) frag.append(" …");
    return frag;
  }

  function setup(root) {
    const cfg = JSON.parse(root.dataset.search);
    const engine = Engine(cfg.data, cfg.lang);
    const form = root.querySelector("form");
    const input = form.querySelector("input[name=q]");
    const status = root.querySelector(".search-status");
    // "Showing results for …", under the count, when typos were forgiven.
    const corrected = document.createElement("p");
    corrected.className = "search-corrected";
    corrected.hidden = true;
    status.after(corrected);
    // Postings arrive gzip-compressed: a browser without DecompressionStream
    // cannot read them, and says so instead of failing silently.
    if (typeof DecompressionStream === "undefined") {
      status.textContent = cfg.strings.old_browser;
      root.hidden = false;
      return;
    }
    const list = root.querySelector(".search-results");
    const facetsNode = root.querySelector(".search-facets");
    const fold = root.querySelector(".filters-fold");
    const plural = new Intl.PluralRules(cfg.lang);
    const filters = {};
    const params = new URLSearchParams(location.search);
    for (const facet of ["category", "audience", "language", "component"]) if (params.get(facet)) filters[facet] = params.get(facet);
    if (params.get("q")) input.value = params.get("q");
    let generation = 0;

    async function run() {
      const mine = ++generation;
      const query = input.value;
      const url = new URL(location.href);
      url.search = "";
      if (query) url.searchParams.set("q", query);
      for (const [k, v] of Object.entries(filters)) if (v) url.searchParams.set(k, v);
      history.replaceState(null, "", url);
      if (!query.trim()) { list.replaceChildren(); status.textContent = ""; facetsNode.replaceChildren(); if (fold) fold.hidden = true; return; }
      const result = await engine.search(query, filters);
      if (mine !== generation) return;
      const pattern = cfg.strings.results[plural.select(result.total)] || cfg.strings.results.other;
      status.textContent = pattern.replace("{count}", result.total);
      corrected.hidden = !result.corrected;
      corrected.textContent = result.corrected ? cfg.strings.corrected.replace("{query}", result.corrected) : "";
      // Results grouped by page, in the order of each page's best result:
      // the page's title once, its sections under it.
      const groups = new Map();
      for (const hit of result.hits) {
        const page = hit.url.split("#")[0];
        if (!groups.has(page)) groups.set(page, []);
        groups.get(page).push(hit);
      }
      const snippetOf = (hit) => {
        const p = document.createElement("p");
        p.className = "search-snippet";
        p.append(snippet(engine, hit.body, result.surfaces));
        return p;
      };
      // In the offline copy, offline-fetch.js turns a site path into a file link.
      const fileLink = (url) => (window.signpostOffline ? window.signpostOffline.link(url) : url);
      list.replaceChildren(...[...groups].map(([page, hits]) => {
        const a = document.createElement("a");
        a.href = fileLink(page);
        a.className = "search-title";
        a.textContent = hits[0].title;
        const li = document.createElement("li");
        li.append(a);
        const sections = document.createElement("ul");
        sections.className = "search-sections";
        for (const hit of hits) {
          if (!hit.section) { li.append(snippetOf(hit)); continue; }
          const link = document.createElement("a");
          link.href = fileLink(hit.url);
          link.className = "search-section";
          link.textContent = hit.section;
          const item = document.createElement("li");
          item.append(link, snippetOf(hit));
          sections.append(item);
        }
        if (sections.children.length) li.append(sections);
        return li;
      }));
      drawFacets(await engine.meta, result);
    }

    function drawFacets(meta, result) {
      if (fold) {
        const summary = fold.querySelector("summary");
        summary.textContent = summary.dataset.pattern.replace("{count}", Object.values(filters).filter(Boolean).length);
        fold.hidden = !Object.values(meta.facets).some((values) => values.length);
        if (matchMedia("(min-width: 48rem)").matches) fold.open = true;
      }
      facetsNode.replaceChildren(...Object.entries(meta.facets).filter(([, values]) => values.length).map(([facet, values]) => {
        const group = document.createElement("div");
        group.className = "facet";
        const h = document.createElement("h2");
        h.className = "facet-name";
        h.textContent = cfg.strings.facets[facet];
        const ul = document.createElement("ul");
        for (const [value, label] of values) {
          const count = result.facets[facet]?.[value] ?? 0;
          const button = document.createElement("button");
          button.type = "button";
          button.dataset.facet = facet;
          button.dataset.value = value;
          button.setAttribute("aria-pressed", String(filters[facet] === value));
          button.disabled = count === 0 && filters[facet] !== value;
          button.append(label + " ");
          const c = document.createElement("span");
          c.className = "count";
          c.textContent = count;
          button.append(c);
          const li = document.createElement("li");
          li.append(button);
          ul.append(li);
        }
        group.append(h, ul);
        return group;
      }));
    }

    facetsNode.addEventListener("click", (event) => {
      const button = event.target.closest("button[data-facet]");
      if (!button) return;
      const { facet, value } = button.dataset;
      filters[facet] = filters[facet] === value ? undefined : value;
      run().then(() => facetsNode.querySelector(`button[data-facet="${facet}"][data-value="${value}"]`)?.focus());
    });
    let timer;
    input.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(run, 120); });
    form.addEventListener("submit", (event) => { event.preventDefault(); clearTimeout(timer); run(); });
    root.hidden = false;
    run();
    window.signpostSearch = { search: (q, f = {}) => engine.search(q, f) };
  }

  // For tests/browser/codec.test.mjs, which runs this file outside a page.
  globalThis.signpostCodec = { varints, unpack, packOf, sums, decodePostings };
  if (typeof document !== "undefined") document.querySelectorAll("[data-search]").forEach(setup);
})();
