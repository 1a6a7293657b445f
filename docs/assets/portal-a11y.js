// Keyboard access the theme leaves out (WCAG 2.1.1, 2.1.2, 2.4.3). Nothing is loaded from other hosts.
(function () {
  "use strict";

  // The phone menu button is a <label> for a hidden checkbox: not focusable in the theme. A real <button> takes
  // its place: Enter and Space open the menu, focus moves into it; Escape closes it and returns to the button.
  // Without this script the label stays and the menu still opens by mouse or touch.
  function drawerButton() {
    var toggle = document.getElementById("__drawer");
    var label = document.querySelector(".md-header label[for='__drawer']");
    if (!toggle || !label) { return; }
    var button = document.createElement("button");
    button.type = "button";
    button.className = label.className + " kp-drawer-button";
    button.setAttribute("aria-label", "Nabídka webu");
    Array.prototype.forEach.call(label.childNodes, function (node) { button.appendChild(node.cloneNode(true)); });   // the theme's menu icon
    label.parentNode.insertBefore(button, label);
    label.hidden = true;
    function sync() { button.setAttribute("aria-expanded", toggle.checked ? "true" : "false"); }
    sync();
    toggle.addEventListener("change", sync);
    button.addEventListener("click", function () {
      toggle.click();
      if (toggle.checked) {
        var first = document.querySelector(".md-sidebar--primary a, .md-sidebar--primary label[tabindex='0']");
        if (first) { setTimeout(function () { first.focus(); }, 50); }
      }
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && toggle.checked) {
        toggle.click();
        button.focus();
      }
    });
  }

  // Labels of the nested navigation open their section with Space as well (the theme handles Enter).
  function navLabels() {
    document.querySelectorAll("label.md-nav__link[tabindex='0']").forEach(function (label) {
      label.addEventListener("keydown", function (event) {
        if (event.key === " ") { event.preventDefault(); label.click(); }
      });
    });
  }

  // The catalogue filters apply as they change; "Zobrazit příklady" takes the reader to the results
  // (without this script the form is hidden, and a plain submit would load the same filtered URL).
  function catalogueSubmit() {
    var form = document.getElementById("kp-filters");
    var heading = document.getElementById("seznam-prikladu");
    if (!form || !heading) { return; }
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      heading.focus();
    });
    // Escape inside the open filter box closes it and leaves focus on its summary.
    form.addEventListener("keydown", function (event) {
      var box = form.querySelector("details");
      if (event.key === "Escape" && box && box.open) {
        box.open = false;
        box.querySelector("summary").focus();
      }
    });
  }

  function ready(fn) {
    if (document.readyState !== "loading") { fn(); } else { document.addEventListener("DOMContentLoaded", fn); }
  }
  ready(function () {
    drawerButton();
    navLabels();
    catalogueSubmit();
  });
})();
