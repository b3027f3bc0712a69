// After a step change in a multi-step form ([data-focus-step] changes), focus the new step's
// heading: a keyboard or screen-reader user continues there and hears where she is
// (otherwise focus falls to the page's body when the button she pressed disappears).
(function () {
  var last = new WeakMap();
  function follow(box) {
    var step = box.getAttribute("data-focus-step");
    var before = last.get(box);
    last.set(box, step);
    if (before === undefined || before === step) return;
    var heading = box.querySelector("h2");
    if (!heading) return;
    if (!heading.hasAttribute("tabindex")) heading.setAttribute("tabindex", "-1");
    heading.focus({ preventScroll: true });
    heading.scrollIntoView({ block: "nearest" });
  }
  function scan() {
    document.querySelectorAll("[data-focus-step]").forEach(follow);
  }
  new MutationObserver(scan).observe(document.documentElement, {
    subtree: true, childList: true, attributes: true, attributeFilter: ["data-focus-step"],
  });
  document.addEventListener("DOMContentLoaded", scan);
})();
