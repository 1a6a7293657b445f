// Search of the offline edition: runs on file://, over window.KP_OFFLINE_INDEX (assets/offline-index.js).
// Diacritics are folded ("socialni" finds "sociální"); each word of the query must start a word of the page;
// longer words are shortened by two letters, so Czech endings still match ("centrum" finds "centra").
(function () {
  "use strict";
  var index = window.KP_OFFLINE_INDEX || [];
  var form = document.querySelector(".kp-offline-search");
  var input = document.getElementById("kp-offline-q");
  var status = document.getElementById("kp-offline-status");
  var list = document.getElementById("kp-offline-results");
  if (!form || !input || !status || !list) { return; }

  // One folded character per character, so positions in the folded text are positions in the original.
  function fold(text) {
    return text.replace(/[^\u0000-\u007f]/g, function (c) {
      var f = c.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
      return f.length === 1 ? f : c;
    }).toLowerCase();
  }
  function stem(word) { return word.length > 5 ? word.slice(0, Math.max(4, word.length - 2)) : word; }
  function escapeRe(s) { return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); }

  var pages = index.map(function (p) { return { url: p.u, title: p.t, text: p.x, ft: fold(p.t), fx: fold(p.x) }; });
  // The index's addresses are from the site's root; this page is one folder below it (hledani/).
  var root = "../";

  function czechCount(n) {
    return n === 1 ? "jeden výsledek" : (n >= 2 && n <= 4 ? n + " výsledky" : n + " výsledků");
  }

  function excerpt(page, res) {
    var first = -1;
    res.forEach(function (re) { re.lastIndex = 0; var m = re.exec(page.fx); if (m && (first < 0 || m.index < first)) { first = m.index + m[1].length; } });
    var start = Math.max(0, first - 80);
    var end = Math.min(page.text.length, start + 240);
    var box = document.createElement("p");
    box.className = "kp-offline-search__excerpt";
    var folded = page.fx.slice(start, end);
    var original = page.text.slice(start, end);
    // Mark every match of every word (in the folded text, shown from the original text).
    var marks = [];
    res.forEach(function (re) {
      var r = new RegExp(re.source, "g"), m;
      while ((m = r.exec(folded)) !== null) { marks.push([m.index + m[1].length, m.index + m[0].length]); }
    });
    marks.sort(function (a, b) { return a[0] - b[0]; });
    var at = 0;
    if (start > 0) { box.appendChild(document.createTextNode("… ")); }
    marks.forEach(function (mk) {
      if (mk[0] < at) { return; }
      box.appendChild(document.createTextNode(original.slice(at, mk[0])));
      var mark = document.createElement("mark");
      mark.textContent = original.slice(mk[0], mk[1]);
      box.appendChild(mark);
      at = mk[1];
    });
    box.appendChild(document.createTextNode(original.slice(at) + (end < page.text.length ? " …" : "")));
    return box;
  }

  function search(query) {
    var words = fold(query).split(/[^0-9a-z\u00c0-\u024f]+/).filter(Boolean).map(stem);
    list.textContent = "";
    if (!words.length) { status.textContent = ""; return; }
    var res = words.map(function (w) { return new RegExp("(^|[^0-9a-z\\u00c0-\\u024f])" + escapeRe(w) + "[0-9a-z\\u00c0-\\u024f]*", "g"); });
    var hits = [];
    pages.forEach(function (page) {
      var score = 0;
      var all = res.every(function (re) {
        re.lastIndex = 0;
        var inTitle = re.test(page.ft);
        re.lastIndex = 0;
        var n = (page.fx.match(re) || []).length;
        score += n + (inTitle ? 50 : 0);
        return inTitle || n > 0;
      });
      if (all) { hits.push({ page: page, score: score }); }
    });
    hits.sort(function (a, b) { return b.score - a.score; });
    status.textContent = hits.length ? "Hledání „" + query + "“ – " + czechCount(hits.length) + "." : "Pro „" + query + "“ nebylo nic nalezeno.";
    hits.slice(0, 50).forEach(function (hit) {
      var li = document.createElement("li");
      li.className = "kp-offline-search__result";
      var h = document.createElement("h2");
      h.className = "kp-offline-search__title";
      var a = document.createElement("a");
      a.href = root + hit.page.url;
      a.textContent = hit.page.title || hit.page.url;
      h.appendChild(a);
      li.appendChild(h);
      li.appendChild(excerpt(hit.page, res));
      list.appendChild(li);
    });
  }

  var q = new URLSearchParams(location.search).get("q") || "";
  input.value = q;
  search(q);
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    search(input.value);
    try { history.replaceState(null, "", "?q=" + encodeURIComponent(input.value)); } catch (e) { /* file:// may refuse */ }
  });
})();
