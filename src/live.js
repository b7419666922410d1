// Live reload, added by `signpost serve` to the pages it sends (never
// written to the built site). Reloads the page when its file changed and
// shows build errors over the page until they are fixed.
(() => {
  "use strict";
  const here = location.pathname.replace(/index\.html$/, "");
  let overlay = null;
  const hide = () => {
    if (overlay) overlay.remove();
    overlay = null;
  };
  const show = (lines) => {
    hide();
    overlay = document.createElement("div");
    overlay.id = "signpost-error-overlay";
    overlay.setAttribute("role", "alert");
    overlay.setAttribute("dir", "ltr");
    overlay.style.cssText =
      "position:fixed;inset:auto 0 0 0;max-height:60vh;overflow:auto;z-index:2147483647;" +
      "background:#2b0b0b;color:#fff;font:14px/1.5 ui-monospace,monospace;padding:1rem 1.25rem;" +
      "border-top:4px solid #e5484d;box-shadow:0 -4px 16px rgba(0,0,0,.4)";
    const title = document.createElement("strong");
    title.textContent = "Build failed: the last good version of the site is shown. Fix the file and save.";
    const list = document.createElement("pre");
    list.style.cssText = "white-space:pre-wrap;margin:.75rem 0 0";
    list.textContent = lines.join("\n");
    overlay.append(title, list);
    document.body.append(overlay);
  };
  const events = new EventSource("/_signpost/events");
  // Tests and benchmarks wait for this before they edit a file.
  events.onopen = () => (document.documentElement.dataset.signpostLive = "connected");
  events.onmessage = (message) => {
    const event = JSON.parse(message.data);
    if (event.kind === "error") {
      show(event.diagnostics);
    } else if (event.kind === "reload") {
      const mine = event.pages.length === 0 || event.pages.some((page) => here.endsWith("/" + page));
      if (mine) location.reload();
      else hide();
    }
  };
})();
