// Combined filters for the resource library, without reloading the page.
//
// The HTML already works on its own: every filter value is a link to a
// pre-rendered listing. This script only runs when a reader clicks a filter
// (or opens a shared URL with several), and then fetches just what that
// view needs (src/render/library_data.rs): for a first page, the pack
// holding its combination of filters (total, counts and the page's
// resources) and the card chunks of those resources; for a later page, the
// pack of the combination's result list and the chunks of the page shown.
// Cards are drawn from the HTML the theme's card template rendered at build
// time (the same as the listing pages); other text is set with textContent.
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
  // Lists joined with the language's patterns from i18n/<lang>.ftl (CLDR's
  // two, start, middle and end), as the pages' templates join them.
  const list = (patterns, items) => {
    const pair = (k, a, b) => (patterns[k] || "{0}, {1}").replace("{0}", a).replace("{1}", b);
    if (items.length < 2) return items.join("");
    if (items.length === 2) return pair("two", items[0], items[1]);
    let tail = pair("end", items[items.length - 2], items[items.length - 1]);
    for (let i = items.length - 3; i >= 1; i--) tail = pair("middle", items[i], tail);
    return pair("start", items[0], tail);
  };

  function setup(root) {
    const cfg = JSON.parse(root.dataset.library);
    const plural = new Intl.PluralRules(cfg.lang);
    const onListing = location.pathname.startsWith(cfg.library);
    const headingLevel = root.querySelector(".facet-name").tagName.toLowerCase();
    // Value ids per facet, in the order of the count lists in the data.
    const ids = FACETS.map((f) => [...root.querySelectorAll(`.facet[data-facet="${f}"] li > [data-value]`)].map((n) => n.dataset.value));
    const scope = cfg.scope || "_";
    // A state's number: each facet's value index (0: not chosen), category slowest.
    const stateNumber = (state) => FACETS.reduce((n, f, i) => n * (ids[i].length + 1) + (state[f] ? ids[i].indexOf(state[f]) + 1 : 0), 0);
    const packed = async (kind, n) => (await fetchOnce(`${cfg.data}${kind}/${scope}/${Math.floor(n / cfg.pack)}.json`))[n % cfg.pack];
    const sums = (differences) => { let last = 0; return differences.map((d, i) => (last = i ? last + d : d)); };

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
      const n = stateNumber(state);
      const [total, counts, firstPage] = await packed("states", n);
      const pages = Math.max(1, Math.ceil(total / cfg.size));
      state.page = Math.min(state.page, pages);
      const shown = state.page === 1 ? sums(firstPage) : (sums(await packed("list", n))).slice((state.page - 1) * cfg.size, state.page * cfg.size);
      const items = await cards(shown);
      drawFacets(counts, state);
      drawResults(items, total, state, pages);
      if (focus) {
        const again = root.querySelector(focus);
        if (again) again.focus();
      }
    }

    // The cards of these resources (catalogue ordinals), from their chunks.
    async function cards(shown) {
      const chunk = (i) => Math.floor(i / cfg.chunk);
      const chunks = await Promise.all([...new Set(shown.map(chunk))].map((k) => fetchOnce(`${cfg.data}${cfg.lang}/${k}.json`).then((items) => [k, items])));
      const items = new Map(chunks);
      return shown.map((i) => items.get(chunk(i))[i % cfg.chunk]);
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
      const summary = root.querySelector(".filters-fold > summary");
      if (summary) summary.textContent = fill(cfg.strings.filters, { count: FACETS.filter((f) => state[f]).length });
    }

    // A card as the theme's template rendered it (heading level 2), its
    // heading renamed to the level of this list's headings.
    function card(html) {
      const template = document.createElement("template");
      template.innerHTML = html;
      const li = template.content.firstElementChild;
      const h = li.querySelector(".resource-title");
      if (h && h.tagName.toLowerCase() !== headingLevel) {
        const renamed = document.createElement(headingLevel);
        for (const a of h.attributes) renamed.setAttribute(a.name, a.value);
        renamed.append(...h.childNodes);
        h.replaceWith(renamed);
      }
      return li;
    }

    function drawResults(items, total, state, pages) {
      const start = items.length ? (state.page - 1) * cfg.size + 1 : 0;
      const patterns = cfg.strings.displaying;
      const pattern = patterns[plural.select(total)] || patterns.other;
      root.querySelector(".displaying").textContent = total ? fill(pattern, { start, end: start ? start + items.length - 1 : 0, total }) : "";
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
        // As render::library::window: a gap never hides a single page.
        const near = Math.abs(n - state.page) <= 2 || (n === 2 && state.page <= 5) || (n === pages - 1 && state.page >= pages - 4);
        if (n === 1 || n === pages || near) {
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
