// Portal scripts: no third-party requests, everything works without them too.
(function () {
  "use strict";
  // E-mail addresses are printed as "name (zavináč) domain"; the link is assembled only on demand,
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
  function ready(fn) {
    if (window.document$ && window.document$.subscribe) { window.document$.subscribe(fn); }
    else if (document.readyState !== "loading") { fn(); }
    else { document.addEventListener("DOMContentLoaded", fn); }
  }
  ready(function () { enhanceEmails(document); });
})();
