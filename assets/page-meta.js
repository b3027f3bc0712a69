// Copies the page's language, title and description (#page-meta) onto the document.
(function () {
  function sync() {
    var meta = document.getElementById("page-meta");
    if (!meta) return;
    var lang = meta.getAttribute("data-lang"), title = meta.getAttribute("data-title");
    var text = meta.getAttribute("data-description");
    if (lang && document.documentElement.lang !== lang) document.documentElement.lang = lang;
    if (title && document.title !== title) document.title = title;
    var tag = document.querySelector('meta[name="description"]');
    if (text && tag && tag.getAttribute("content") !== text) tag.setAttribute("content", text);
  }
  new MutationObserver(sync).observe(document.documentElement, {
    subtree: true, childList: true, attributes: true,
    attributeFilter: ["data-lang", "data-title", "data-description"],
  });
  document.addEventListener("DOMContentLoaded", sync);
})();
