// Portal scripts. Nothing is loaded from other hosts, and every page works without them.
(function () {
  "use strict";

  // The site's root, from this script's own address (…/assets/portal.js), so subpaths work.
  var script = document.currentScript;
  var siteRoot = script ? new URL("../", script.src).href : "/";

  // E-mail addresses are printed as "name (zavináč) domain"; the link is assembled only here,
  // so simple scrapers find no plain address or mailto: link in the HTML.
  function enhanceEmails(root) {
    root.querySelectorAll(".kp-email[data-u]").forEach(function (el) {
      var user = el.getAttribute("data-u").split("").reverse().join("");
      var domain = el.getAttribute("data-d").split("").reverse().join("");
      var a = document.createElement("a");
      a.textContent = user + "@" + domain;
      a.href = "mailto:" + user + "@" + domain;
      el.replaceWith(a);
    });
  }

  // The catalogue's facets live in assets/catalogue.js.

  // Search (header field and the page /hledani/) lives in assets/search.js.

  function ready(fn) {
    if (document.readyState !== "loading") { fn(); } else { document.addEventListener("DOMContentLoaded", fn); }
  }
  // Offline use on a phone: a service worker keeps the core pages and whatever the reader opened.
  if ("serviceWorker" in navigator && (location.protocol === "https:" || location.hostname === "localhost" || location.hostname === "127.0.0.1")) {
    navigator.serviceWorker.register(siteRoot + "sw.js", { scope: siteRoot }).catch(function () {});
  }

  // A table wider than the screen scrolls sideways: keyboard users must be able to focus it (WCAG 2.1.1).
  function focusableScrollAreas() {
    document.querySelectorAll(".md-typeset__scrollwrap, .md-typeset__table").forEach(function (box) {
      if (box.scrollWidth > box.clientWidth + 1 && !box.hasAttribute("tabindex")) {
        box.setAttribute("tabindex", "0");
        box.setAttribute("role", "region");
        box.setAttribute("aria-label", "Tabulka, posouvejte do stran");
      }
    });
  }
  if (window.document$ && window.document$.subscribe) { window.document$.subscribe(function () { setTimeout(focusableScrollAreas, 0); }); }
  window.addEventListener("load", focusableScrollAreas);
  window.addEventListener("resize", focusableScrollAreas);

  ready(function () {
    enhanceEmails(document);
  });
})();

// Allow-listed videos load their player only when the reader asks for it (no request before).
document.addEventListener("click", function (event) {
  var link = event.target.closest && event.target.closest(".kp-video a");
  if (!link) { return; }
  var box = link.closest(".kp-video");
  event.preventDefault();
  var frame = document.createElement("iframe");
  frame.src = box.getAttribute("data-video-src");
  frame.title = "Video";
  frame.allow = "fullscreen";
  frame.loading = "lazy";
  frame.width = "560";
  frame.height = "315";
  box.replaceWith(frame);
});
