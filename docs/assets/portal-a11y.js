// Keyboard access the theme leaves out (WCAG 2.1.1, 2.1.2, 2.4.3). Nothing is loaded from other hosts.
(function () {
  "use strict";

  // The phone menu button is a <label> for a hidden checkbox: not focusable in the theme. Here it becomes a
  // button: Enter opens it (the theme clicks a focused label on Enter), Space too; focus moves into the menu;
  // Escape closes the menu and returns focus to the button.
  function drawerButton() {
    var toggle = document.getElementById("__drawer");
    var button = document.querySelector(".md-header label[for='__drawer']");
    if (!toggle || !button) { return; }
    button.setAttribute("role", "button");
    button.setAttribute("tabindex", "0");
    button.setAttribute("aria-label", "Nabídka webu");
    function sync() { button.setAttribute("aria-expanded", toggle.checked ? "true" : "false"); }
    sync();
    toggle.addEventListener("change", function () {
      sync();
      if (toggle.checked && document.activeElement === button) {
        var first = document.querySelector(".md-sidebar--primary a, .md-sidebar--primary label[tabindex='0']");
        if (first) { setTimeout(function () { first.focus(); }, 50); }
      }
    });
    button.addEventListener("keydown", function (event) {
      if (event.key === " ") { event.preventDefault(); toggle.click(); }
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
      label.setAttribute("role", "button");
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
