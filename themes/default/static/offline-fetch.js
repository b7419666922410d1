// For the offline copy (a zip of the site opened from disk): a page on
// file:// may not fetch() the files beside it, so the build packs each
// language's search files into `_offline/<lang>.js`, which hands them to
// signpostOfflineFiles(); fetch() then answers from them. URLs below this
// script's folder that the copy does not hold answer 404, as a server would.
(() => {
  "use strict";
  const root = new URL("./", document.currentScript.src).href;
  const files = new Map();
  window.signpostOfflineFiles = (added) => {
    for (const [path, value] of Object.entries(added)) files.set(path, value);
  };
  const bytes = (b64) => Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
  const online = window.fetch.bind(window);
  window.fetch = (input, init) => {
    const url = new URL(typeof input === "string" ? input : input.url, document.baseURI);
    url.hash = "";
    if (!url.href.startsWith(root)) return online(input, init);
    const value = files.get(decodeURIComponent(url.href.slice(root.length)));
    if (value === undefined) return Promise.resolve(new Response(null, { status: 404 }));
    return Promise.resolve(new Response(typeof value === "string" ? value : bytes(value[0])));
  };
  // Search results name pages by their site path (`/fr/guide/#how`); in the
  // copy that is a file below this folder. The site's base path is that of
  // this script's own URL on the site, kept in its `data-base` attribute.
  const base = document.currentScript.dataset.base || "/";
  window.signpostOffline = {
    link(url) {
      const [path, hash] = url.split("#");
      let rel = path.startsWith(base) ? path.slice(base.length) : path.replace(/^\//, "");
      if (rel === "" || rel.endsWith("/")) rel += "index.html";
      return root + rel + (hash ? "#" + hash : "");
    },
  };
})();
