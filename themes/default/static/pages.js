// Small helpers that the pages work without, on every page: printing opens
// every closed section (CSS cannot open <details>) and closes them again;
// the language switcher keeps the library's filters and the search query.
(function () {
  var opened = [];
  addEventListener("beforeprint", function () {
    document.querySelectorAll("details:not([open])").forEach(function (d) { d.open = true; opened.push(d); });
  });
  addEventListener("afterprint", function () {
    opened.forEach(function (d) { d.open = false; });
    opened = [];
  });
  document.querySelectorAll(".langs a[hreflang]").forEach(function (a) {
    a.addEventListener("click", function () {
      if (/\/(resources|search)\//.test(location.pathname) && location.search) a.search = location.search;
    });
  });
})();
