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

  // Catalogue facets: OR within one facet, AND across facets; counts show how many cases each
  // value would give with the other facets as they are; the state lives in the URL.
  function czechCount(n) {
    return n + (n === 1 ? " příklad" : n >= 2 && n <= 4 ? " příklady" : " příkladů");
  }

  function initCatalogue() {
    var form = document.getElementById("kp-filters");
    if (!form) { return; }
    var cards = Array.prototype.slice.call(document.querySelectorAll("#kp-catalogue .kp-card"));
    var boxes = Array.prototype.slice.call(form.querySelectorAll("input[type=checkbox]"));
    var status = document.getElementById("kp-result-count");
    var empty = document.getElementById("kp-empty");
    var keys = [];
    boxes.forEach(function (b) { if (keys.indexOf(b.name) < 0) { keys.push(b.name); } });
    var values = cards.map(function (card) {
      var v = {};
      keys.forEach(function (k) { v[k] = (card.getAttribute("data-" + k) || "").split(" ").filter(Boolean); });
      return v;
    });

    function selected() {
      var s = {};
      keys.forEach(function (k) { s[k] = []; });
      boxes.forEach(function (b) { if (b.checked) { s[b.name].push(b.value); } });
      return s;
    }
    function matches(v, s, skip) {
      return keys.every(function (k) {
        if (k === skip || s[k].length === 0) { return true; }
        return s[k].some(function (x) { return v[k].indexOf(x) >= 0; });
      });
    }
    function apply(pushUrl) {
      var s = selected();
      var shown = 0;
      cards.forEach(function (card, i) {
        var ok = matches(values[i], s, null);
        card.parentElement.hidden = !ok;
        if (ok) { shown += 1; }
      });
      boxes.forEach(function (b) {
        var n = 0;
        values.forEach(function (v) { if (v[b.name].indexOf(b.value) >= 0 && matches(v, s, b.name)) { n += 1; } });
        var out = form.querySelector('[data-count-for="' + b.name + "=" + b.value + '"]');
        if (out) { out.textContent = "(" + n + ")"; }
      });
      status.textContent = "Zobrazeno " + shown + " z " + cards.length + " příkladů.";
      empty.hidden = shown !== 0;
      if (pushUrl) {
        var params = new URLSearchParams();
        keys.forEach(function (k) { s[k].forEach(function (x) { params.append(k, x); }); });
        var query = params.toString();
        history.replaceState(null, "", location.pathname + (query ? "?" + query : "") + location.hash);
      }
    }
    var params = new URLSearchParams(location.search);
    boxes.forEach(function (b) { b.checked = params.getAll(b.name).indexOf(b.value) >= 0; });
    form.hidden = false;
    if (window.matchMedia && window.matchMedia("(max-width: 44em)").matches && !location.search) {
      form.querySelector("details").open = false;
    }
    form.addEventListener("change", function () { apply(true); });
    form.addEventListener("reset", function () { setTimeout(function () { apply(true); }, 0); });
    apply(false);
  }

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
    initCatalogue();
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
