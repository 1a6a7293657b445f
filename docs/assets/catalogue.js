// Catalogue facets at any size. OR within one facet, AND across facets; each value's count says how many
// cases it would give with the other facets as they are; the state lives in the URL (?kraj=…&metoda=…).
// The page carries the first PAGE_SIZE cards; counting runs over a compact index (data/katalog.json, per
// facet a column of fixed-width codes, fetched once), and the cards of matching cases come in chunks of
// PAGE_SIZE (data/katalog/karty-<n>.json) as the reader asks for them. Without JavaScript the static list
// pages (/dobra-praxe/strana/<n>/) and the region pages keep the catalogue complete.
(function () {
  "use strict";

  function init() {
    var form = document.getElementById("kp-filters");
    var list = document.getElementById("kp-catalogue");
    if (!form || !list || !window.fetch) { return; }
    var status = document.getElementById("kp-result-count");
    var empty = document.getElementById("kp-empty");
    var more = document.getElementById("kp-more");
    var pager = document.getElementById("kp-pager");
    var ul = list.querySelector("ul.kp-cards");
    var firstPage = ul ? ul.innerHTML : "";
    var indexUrl = new URL(list.getAttribute("data-index"), location.href);
    var boxes = Array.prototype.slice.call(form.querySelectorAll("input[type=checkbox]"));
    var index = null;       // {facets: [{key, values, kind, width, column}], cases: [[[value numbers] per facet] per case]}
    var chunks = {};        // chunk number -> promise of its card HTML list
    var loaded = {};        // chunk number -> its card HTML list, once it is here
    var outputs = [];       // per facet, per value: the count element
    var boxOf = [];         // per facet, per value: the checkbox
    var limit = 0;
    var renderToken = 0;
    var replaced = false;   // the list shows other cards than the page came with

    if (ul) {  // the cards on the page are the first chunk: no request for them
      loaded[1] = Array.prototype.map.call(ul.children, function (li) { return li.outerHTML; });
      chunks[1] = Promise.resolve(loaded[1]);
    }

    function chunk(n) {
      if (!chunks[n]) {
        chunks[n] = fetch(new URL(index.chunks + n + ".json", indexUrl)).then(function (r) {
          if (!r.ok) { throw new Error(r.status); }
          return r.json();
        }).then(function (cards) { loaded[n] = cards; return cards; });
        chunks[n].catch(function () { delete chunks[n]; });
      }
      return chunks[n];
    }

    function selected() {
      return index.facets.map(function (facet, f) {
        var on = [];
        boxOf[f].forEach(function (box, v) { if (box && box.checked) { on.push(v); } });
        return on.length ? on : null;
      });
    }

    // One pass over the cases: a case that fails no facet counts for all its values and is shown; one that
    // fails exactly one facet counts only for that facet's values (ticking one of them would bring it in).
    function count(sel) {
      var facetsN = index.facets.length;
      var counts = index.facets.map(function (facet) { return new Array(facet.values.length).fill(0); });
      var shown = [];
      var cases = index.cases;
      for (var i = 0; i < cases.length; i += 1) {
        var row = cases[i];
        var failed = -1;
        var fails = 0;
        for (var f = 0; f < facetsN && fails < 2; f += 1) {
          var want = sel[f];
          if (!want) { continue; }
          var have = row[f];
          var hit = false;
          for (var k = 0; k < have.length && !hit; k += 1) { hit = want.indexOf(have[k]) >= 0; }
          if (!hit) { fails += 1; failed = f; }
        }
        if (fails === 0) {
          shown.push(i);
          for (var g = 0; g < facetsN; g += 1) {
            var vals = row[g];
            for (var j = 0; j < vals.length; j += 1) { counts[g][vals[j]] += 1; }
          }
        } else if (fails === 1) {
          var only = row[failed];
          for (var m = 0; m < only.length; m += 1) { counts[failed][only[m]] += 1; }
        }
      }
      return { counts: counts, shown: shown };
    }

    function render(shown, filtered) {
      var token = ++renderToken;
      if (!filtered) {  // the page as it came: its cards and the pager
        if (ul && replaced) { ul.innerHTML = firstPage; replaced = false; }
        more.hidden = true;
        if (pager) { pager.hidden = false; }
        list.removeAttribute("aria-busy");
        return;
      }
      if (pager) { pager.hidden = true; }
      var wanted = shown.slice(0, limit);
      var needed = [];
      wanted.forEach(function (i) {
        var n = Math.floor(i / index.pageSize) + 1;
        if (needed.indexOf(n) < 0) { needed.push(n); }
      });
      function fill() {
        replaced = true;
        ul.innerHTML = wanted.map(function (i) {
          return loaded[Math.floor(i / index.pageSize) + 1][i % index.pageSize];
        }).join("");
        more.hidden = shown.length <= limit;
        list.removeAttribute("aria-busy");
      }
      if (needed.every(function (n) { return loaded[n]; })) { fill(); return; }
      // Cards still to fetch: the request starts after the next paint (starting one costs tens of ms on a phone),
      // so the count announced above shows at once; the list is marked busy meanwhile.
      list.setAttribute("aria-busy", "true");
      afterPaint(function () {
        if (token !== renderToken) { return; }
        Promise.all(needed.map(chunk)).then(function () {
          if (token === renderToken) { fill(); }
        }).catch(function () {
          if (token === renderToken) {
            list.removeAttribute("aria-busy");
            status.textContent += " Seznam se nepodařilo načíst; zkuste to znovu, nebo použijte stránky katalogu.";
          }
        });
      });
    }

    function afterPaint(job) {
      if (window.requestAnimationFrame && !document.hidden) {
        requestAnimationFrame(function () { setTimeout(job, 0); });
      } else {
        setTimeout(job, 0);
      }
    }

    function apply(pushUrl, keepLimit) {
      var sel = selected();
      var filtered = sel.some(Boolean);
      var result = count(sel);
      index.facets.forEach(function (facet, f) {
        outputs[f].forEach(function (out, v) { if (out) { out.textContent = "(" + result.counts[f][v] + ")"; } });
      });
      status.textContent = "Zobrazeno " + result.shown.length + " z " + index.cases.length + " příkladů.";
      empty.hidden = result.shown.length !== 0;
      if (!keepLimit) { limit = index.pageSize; }
      render(result.shown, filtered);
      if (pushUrl) {
        var params = new URLSearchParams();
        index.facets.forEach(function (facet, f) {
          (sel[f] || []).forEach(function (v) { params.append(facet.key, facet.values[v]); });
        });
        var query = params.toString();
        history.replaceState(null, "", location.pathname + (query ? "?" + query : "") + location.hash);
      }
    }

    // The index's columns (src/portal/web/catalogue.py, ALPHABET) as rows: per case, per facet, its value numbers.
    var ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_";
    function rows(data) {
      var digit = {};
      for (var a = 0; a < ALPHABET.length; a += 1) { digit[ALPHABET.charAt(a)] = a; }
      var cases = [];
      for (var i = 0; i < data.total; i += 1) { cases.push([]); }
      data.facets.forEach(function (facet, f) {
        var w = facet.width;
        var col = facet.column;
        for (var i = 0; i < data.total; i += 1) {
          var have = [];
          if (facet.kind === "one") {
            var n = 0;
            for (var j = w - 1; j >= 0; j -= 1) { n = n * 64 + digit[col.charAt(i * w + j)]; }
            if (n > 0) { have.push(n - 1); }
          } else {
            for (var k = 0; k < w; k += 1) {
              var d = digit[col.charAt(i * w + k)];
              for (var b = 0; b < 6; b += 1) { if (d & (1 << b)) { have.push(k * 6 + b); } }
            }
          }
          cases[i][f] = have;
        }
      });
      return cases;
    }

    fetch(indexUrl).then(function (r) {
      if (!r.ok) { throw new Error(r.status); }
      return r.json();
    }).then(function (data) {
      index = data;
      index.cases = rows(data);
      var params = new URLSearchParams(location.search);
      index.facets.forEach(function (facet, f) {
        outputs[f] = [];
        boxOf[f] = [];
        facet.values.forEach(function (value, v) {
          outputs[f][v] = form.querySelector('[data-count-for="' + facet.key + "=" + CSS.escape(value) + '"]');
          boxOf[f][v] = form.querySelector('input[name="' + facet.key + '"][value="' + CSS.escape(value) + '"]');
        });
      });
      boxes.forEach(function (b) { b.checked = params.getAll(b.name).indexOf(b.value) >= 0; });
      form.hidden = false;
      if (window.matchMedia && window.matchMedia("(max-width: 44em)").matches && !location.search) {
        form.querySelector("details").open = false;
      }
      form.addEventListener("change", function () { apply(true, false); });
      form.addEventListener("reset", function (event) {  // cleared here, so the list follows in the same task
        event.preventDefault();
        boxes.forEach(function (b) { b.checked = false; });
        apply(true, false);
      });
      more.querySelector("button").addEventListener("click", function () {
        limit += index.pageSize;
        apply(false, true);
      });
      apply(false, false);
    }).catch(function () { /* no index (offline, first visit): the static pages still list every case */ });
  }

  if (document.readyState !== "loading") { init(); } else { document.addEventListener("DOMContentLoaded", init); }
})();
