// Combined filters for the resource library, without reloading the page.
//
// The HTML already works on its own: every filter value is a link to a
// pre-rendered listing. This script only runs when a reader clicks a filter
// (or opens a shared URL with several), and then fetches just what that
// view needs: for a first page, one small file per combination of filters
// (total, counts and the page's cards); for a later page, one block of the
// combination's result list and the item chunks of the page shown. Text is
// always set with textContent, never parsed as HTML.
(() => {
  "use strict";
  const FACETS = ["category", "audience", "language"];
  const cache = new Map();
  const fetchOnce = (url, kind) => {
    if (!cache.has(url)) {
      cache.set(url, fetch(url).then((r) => {
        if (!r.ok) throw new Error(`${url}: ${r.status}`);
        return kind === "bin" ? r.arrayBuffer().then((b) => new Uint8Array(b)) : r.json();
      }));
    }
    return cache.get(url);
  };
  const el = (tag, attrs = {}, ...children) => {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) if (v !== null && v !== undefined && v !== false) node.setAttribute(k, v);
    for (const child of children) node.append(child);
    return node;
  };
  const fill = (pattern, values) => pattern.replace(/\{(\w+)\}/g, (m, k) => (k in values ? String(values[k]) : m));

  function setup(root) {
    const cfg = JSON.parse(root.dataset.library);
    const plural = new Intl.PluralRules(cfg.lang);
    const onListing = location.pathname.startsWith(cfg.library);
    const headingLevel = root.querySelector(".facet-name").tagName.toLowerCase();
    // Value ids per facet, in the order of the count lists in the data.
    const ids = FACETS.map((f) => [...root.querySelectorAll(`.facet[data-facet="${f}"] li > [data-value]`)].map((n) => n.dataset.value));
    const scope = cfg.scope || "_";
    const stateName = (state) => FACETS.map((f) => state[f] || "_").join(".");

    function initialState() {
      const state = { category: null, audience: null, language: null, page: cfg.page || 1 };
      if (cfg.selected) state[cfg.selected[0]] = cfg.selected[1];
      const query = new URLSearchParams(location.search);
      if (FACETS.some((f) => query.has(f)) || query.has("page")) {
        FACETS.forEach((f, i) => { state[f] = ids[i].includes(query.get(f)) ? query.get(f) : null; });
        state.page = Math.max(1, parseInt(query.get("page") || "1", 10) || 1);
      }
      return state;
    }

    function urlFor(state) {
      const query = new URLSearchParams();
      for (const f of FACETS) if (state[f]) query.set(f, state[f]);
      if (state.page > 1) query.set("page", state.page);
      const path = onListing ? cfg.library : location.pathname;
      const hash = onListing ? "" : "#resources";
      return path + (query.toString() ? "?" + query : "") + hash;
    }

    async function apply(state, focus) {
      const name = stateName(state);
      const first = await fetchOnce(`${cfg.data}${cfg.lang}/first/${scope}/${name}.json`);
      const pages = Math.max(1, Math.ceil(first.total / cfg.size));
      state.page = Math.min(state.page, pages);
      const items = state.page === 1 ? first.items : await laterPage(name, state.page);
      drawFacets(first.counts, state);
      drawResults(items, first.total, state, pages);
      if (focus) {
        const again = root.querySelector(focus);
        if (again) again.focus();
      }
    }

    // Page n > 1: its ordinals from the block holding it, then their cards.
    async function laterPage(name, n) {
      const start = (n - 1) * cfg.size;
      const b = Math.floor(start / cfg.block);
      const list = ordinals(await fetchOnce(`${cfg.data}list/${scope}/${name}.${b}.bin`, "bin"));
      const shown = list.slice(start - b * cfg.block, start - b * cfg.block + cfg.size);
      const chunk = (i) => Math.floor(i / cfg.chunk);
      const chunks = await Promise.all([...new Set(shown.map(chunk))].map((k) => fetchOnce(`${cfg.data}${cfg.lang}/${k}.json`).then((items) => [k, items])));
      const items = new Map(chunks);
      return shown.map((i) => items.get(chunk(i))[i % cfg.chunk]);
    }

    // Unsigned LEB128 numbers: the first ordinal, then the differences.
    function ordinals(bytes) {
      const out = [];
      let value = 0, scale = 1, last = 0;
      for (const byte of bytes) {
        value += (byte & 0x7f) * scale;
        if (byte & 0x80) { scale *= 128; continue; }
        last = out.length ? last + value : value;
        out.push(last);
        value = 0;
        scale = 1;
      }
      return out;
    }

    function drawFacets(counts, state) {
      root.querySelectorAll(".facet").forEach((facetNode) => {
        const f = FACETS.indexOf(facetNode.dataset.facet);
        facetNode.querySelectorAll("li").forEach((li, v) => {
          const count = counts[f][v];
          const id = ids[f][v];
          const label = cfg.labels[f][v];
          const selected = state[FACETS[f]] === id;
          const node = count > 0 || selected
            ? el("a", { href: `${cfg.library}${FACETS[f]}/${id}/`, "data-value": id, "aria-current": selected ? "true" : null }, label + " ", el("span", { class: "count" }, String(count)))
            : el("span", { class: "unavailable", "data-value": id, "aria-disabled": "true" }, label + " ", el("span", { class: "count" }, "0"));
          li.replaceChildren(node);
        });
      });
      root.querySelector(".clear").hidden = !FACETS.some((f) => state[f]);
    }

    function card(item) {
      const [url, citation, title, titleLang, summary, summaryLang, categories, audiences, links, fallbackDir] = item;
      const h = el(headingLevel, { class: "resource-title" }, el("a", { href: url }, el("span", { class: "citation", dir: "auto" }, citation), " ", el("span", { lang: titleLang, dir: titleLang ? fallbackDir : "auto" }, title)));
      const meta = el("p", { class: "resource-meta" }, el("span", {}, `${cfg.strings.categories}: ${categories.join(", ")}`), " ", el("span", {}, `${cfg.strings.audiences}: ${audiences.join(", ")}`));
      const access = el("ul", { class: "access" }, ...links.map(([href, label, language, hreflang]) => el("li", {}, el("a", { href, hreflang, rel: "noopener" }, label || fill(cfg.strings.access, { language })))));
      return el("li", { class: "resource" }, h, meta, el("p", { class: "resource-summary", lang: summaryLang, dir: summaryLang ? fallbackDir : null }, summary), access);
    }

    function drawResults(items, total, state, pages) {
      const start = items.length ? (state.page - 1) * cfg.size + 1 : 0;
      const patterns = cfg.strings.displaying;
      const pattern = patterns[plural.select(total)] || patterns.other;
      root.querySelector(".displaying").textContent = fill(pattern, { start, end: start ? start + items.length - 1 : 0, total });
      const list = root.querySelector(".resource-list");
      list.replaceChildren(...items.map(card));
      if (!items.length) list.append(el("li", { class: "no-results" }, cfg.strings.noResults));
      const old = root.querySelector(".pagination");
      const nav = pagination(state, pages);
      if (old) old.replaceWith(nav); else list.after(nav);
      const all = root.querySelector(".all-resources");
      if (all) all.hidden = true;
    }

    function pagination(state, pages) {
      const link = (n, text, attrs = {}) => el("a", { href: urlFor({ ...state, page: n }), "data-page": n, ...attrs }, text);
      const ul = el("ul");
      if (state.page > 1) ul.append(el("li", {}, link(state.page - 1, cfg.strings.previous, { rel: "prev" })));
      let gap = false;
      for (let n = 1; n <= pages; n++) {
        if (n === 1 || n === pages || Math.abs(n - state.page) <= 2) {
          ul.append(el("li", {}, link(n, String(n), { "aria-label": fill(cfg.strings.page, { number: n }), "aria-current": n === state.page ? "page" : null })));
          gap = false;
        } else if (!gap) {
          ul.append(el("li", {}, el("span", { class: "gap" }, "…")));
          gap = true;
        }
      }
      if (state.page < pages) ul.append(el("li", {}, link(state.page + 1, cfg.strings.next, { rel: "next" })));
      const nav = el("nav", { class: "pagination", "aria-label": root.dataset.paginationLabel || "" }, ul);
      nav.hidden = pages <= 1;
      return nav;
    }

    let state = initialState();
    const go = (next, focus) => {
      state = next;
      history.pushState({ signpost: true }, "", urlFor(state));
      apply(state, focus).catch(() => { location.href = urlFor(state); });
    };

    root.addEventListener("click", (event) => {
      const a = event.target.closest("a");
      if (!a || !root.contains(a) || event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
      const facetNode = a.closest(".facet");
      if (facetNode && a.dataset.value) {
        event.preventDefault();
        const facet = facetNode.dataset.facet;
        const value = state[facet] === a.dataset.value ? null : a.dataset.value;
        go({ ...state, [facet]: value, page: 1 }, `.facet[data-facet="${facet}"] [data-value="${a.dataset.value}"]`);
      } else if (a.dataset.page) {
        event.preventDefault();
        go({ ...state, page: parseInt(a.dataset.page, 10) }, null);
        root.querySelector(".displaying").scrollIntoView({ block: "nearest" });
      } else if (a.closest(".clear")) {
        event.preventDefault();
        go({ category: null, audience: null, language: null, page: 1 }, null);
      }
    });
    window.addEventListener("popstate", () => {
      state = initialState();
      apply(state, null);
    });
    const query = new URLSearchParams(location.search);
    if (FACETS.some((f) => query.has(f)) || query.has("page")) apply(state, null);
  }

  // Opened from disk (the offline copy), a page may not fetch() the
  // data: the filter links lead to the pre-rendered listings instead.
  if (location.protocol === "file:") return;
  document.querySelectorAll("[data-library]").forEach(setup);
})();
