// Portal search: Czech inflection (lemma keys built by src/portal/search/), search as you type (combobox) and the results page.
// Nothing is loaded from other hosts; the index files (search-index/, src/portal/search/writer.py) are fetched
// only when a reader searches, each once, and only those the query needs.
(function () {
  "use strict";

  var script = document.currentScript;
  var siteRoot = script ? new URL("../", script.src).href : "/";
  var SEP = "\u01c2";  // the index writes every word as "key<SEP>form<SEP>marks" (src/portal/search/lemmas.py)
  var MIN_STEM = 3;
  // The same endings, in the same order, as ENDINGS in src/portal/search/lemmas.py (longest first).
  var ENDINGS = ["ach", "ami", "ech", "eho", "emi", "emu", "ich", "ima", "imi", "imu", "ovi", "ych", "ymi", "ymu",
                 "am", "em", "es", "im", "mi", "ou", "um", "ym", "a", "e", "i", "o", "u", "y"];
  var FILTERS = [["druh", "Druh"], ["kraj", "Kraj"], ["metoda", "Metoda"], ["skupina", "Cílová skupina"], ["program", "Program"]];
  var TOKEN = new RegExp("([a-z]+)" + SEP + "([a-z]*)" + SEP + "([a-z]*)", "g");
  // Mark codes of src/portal/search/lemmas.py: [combining mark, capital letter].
  var CODES = { a: ["\u0301", false], b: ["\u0301", true], c: ["\u030c", false], d: ["\u030c", true],
                r: ["\u030a", false], s: ["\u030a", true], e: ["\u0308", false], f: ["\u0308", true], u: ["", true] };

  function fold(text) {
    return text.toLowerCase().normalize("NFD").replace(/\p{M}/gu, "").normalize("NFC");
  }
  function lightStem(folded) {
    for (var i = 0; i < ENDINGS.length; i++) {
      var e = ENDINGS[i];
      if (folded.length - e.length >= MIN_STEM && folded.slice(-e.length) === e) { return folded.slice(0, -e.length); }
    }
    return folded;
  }
  // 'hamrǂhamruǂauer' (as indexed) -> 'Hamrů' (as written), as decode() in src/portal/search/lemmas.py.
  function written(key, form, marks) {
    var chars = Array.from(form || key);
    for (var j = 0; j + 1 < marks.length; j += 2) {
      var i = marks.charCodeAt(j) - 97, code = CODES[marks[j + 1]];
      if (code && i < chars.length) {
        chars[i] = ((code[1] ? chars[i].toUpperCase() : chars[i]) + code[0]).normalize("NFC");
      }
    }
    return chars.join("");
  }
  function decode(text) {
    return (text || "").replace(TOKEN, function (all, key, form, marks) { return written(key, form, marks); });
  }
  function chunkName(folded) {
    return Array.from(folded).slice(0, 2).map(function (c) { return (c >= "a" && c <= "z") || (c >= "0" && c <= "9") ? c : "_"; }).join("");
  }
  // File name of a key's postings, as key_file() in src/portal/search/writer.py.
  function keyFile(key) {
    if (/^[a-z0-9]+$/.test(key)) { return key; }
    return "_" + Array.from(new TextEncoder().encode(key)).map(function (b) { return (b < 16 ? "0" : "") + b.toString(16); }).join("");
  }

  // Every index file is fetched once and kept: a query after the first costs no download for the same words.
  var indexRoot = siteRoot + "search-index/";
  var files = {};
  function indexFile(path, parse) {
    if (!files[path]) {
      files[path] = fetch(indexRoot + path).then(function (r) { return r.ok ? r.json() : null; })
        .catch(function () { return null; }).then(function (data) { return parse(data); });
    }
    return files[path];
  }
  function pagesInfo() {
    return indexFile("pages.json", function (d) {
      d = d || { n: 0, avg: 1, len: [], help: [], filters: {} };
      d.isHelp = new Uint8Array(d.n);
      d.help.forEach(function (i) { d.isHelp[i] = 1; });
      return d;
    });
  }
  // Form -> keys map of the words beginning with two letters; "k" lists the index's keys, on most pages first.
  function formChunk(name) {
    return indexFile("f/" + name + ".json", function (data) {
      var forms = {}, byKey = (data && data.f) || {}, keys = (data && data.k) || [], known = {};
      Object.keys(byKey).forEach(function (key) { byKey[key].forEach(function (f) { (forms[f] || (forms[f] = [])).push(key); }); });
      keys.forEach(function (k) { known[k] = true; });
      return { forms: forms, keys: keys, known: known, byKey: byKey, inline: (data && data.p) || {} };
    });
  }
  // One key's postings: for each of its folded forms, the pages that have it and the weight it has there.
  // A rare key's postings come with its form chunk; a key on many pages has a file of its own.
  var decoded = {};
  function postings(key) {
    if (!decoded[key]) {
      decoded[key] = formChunk(chunkName(key)).then(function (chunk) {
        return chunk.inline[key] || indexFile("k/" + keyFile(key) + ".json", function (d) { return d; });
      }).then(function (data) {
        var forms = (data && data.f) || [], lists = (data && data.p) || [], gaps = (data && data.t) || [];
        var titles = new Int32Array(gaps.length), at = 0;
        gaps.forEach(function (g, j) { at += g; titles[j] = at; });
        return { titles: titles, forms: forms.map(function (form, i) {
          var flat = lists[i], n = flat.length / 2, pages = new Int32Array(n), weights = new Float32Array(n), page = 0;
          for (var j = 0; j < n; j++) { page += flat[2 * j]; pages[j] = page; weights[j] = flat[2 * j + 1]; }
          return { form: form || key, pages: pages, weights: weights };
        }) };
      });
    }
    return decoded[key];
  }
  // The most frequent key with a form (or itself) beginning like a word being typed.
  function complete(chunk, prefix) {
    for (var i = 0; i < chunk.keys.length; i++) {
      var key = chunk.keys[i];
      if (key.indexOf(prefix) === 0 || (chunk.byKey[key] || []).some(function (f) { return f.indexOf(prefix) === 0; })) { return key; }
    }
    return null;
  }

  // The longest key of the index that a folded word begins with, at most MAX_ENDING letters shorter
  // ('nechanicku' -> nechanic, of Nechanice, which simplemma lemmatised by its rules at build time).
  var MAX_ENDING = 3, MIN_KEY = 4;
  function shorterKey(chunk, folded) {
    var best = null;
    for (var i = 0; i < chunk.keys.length; i++) {
      var k = chunk.keys[i];
      if (k.length >= MIN_KEY && k.length < folded.length && folded.length - k.length <= MAX_ENDING &&
          folded.indexOf(k) === 0 && (!best || k.length > best.length)) { best = k; }
    }
    return best;
  }
  // The parts of a query the index has keys for: words of letters, and the letter and digit runs of anything
  // else ("CZ.03/0010387" -> cz, 03, 0010387), as token_keys() in src/portal/search/index.py; one-letter
  // words ("v", "a") are not indexed.
  function parts(query) {
    var out = [];
    (query || "").trim().split(/\s+/).forEach(function (chunk) {
      var core = chunk.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "");
      var runs = /^\p{L}+$/u.test(core) ? [fold(core)] : (fold(chunk).match(/[\p{L}\p{N}]+/gu) || []);
      runs.forEach(function (r) { if (Array.from(r).length >= 2) { out.push(r); } });
    });
    return out;
  }
  // One query part -> the keys it can be a form of (all of them, when folding made two words one) and its
  // folded form (the exact form ranks first). The part being typed, if it is no known form, is completed to
  // the most frequent key beginning like it, so each keystroke fetches at most one key file.
  function terms(folded, typing) {
    return formChunk(chunkName(folded)).then(function (chunk) {
      var keys = (chunk.forms[folded] || []).slice();
      [folded, lightStem(folded)].forEach(function (k) { if (chunk.known[k] && keys.indexOf(k) < 0) { keys.push(k); } });
      if (!keys.length) {  // a form neither simplemma nor the light stem joins (stem changes, rules): the longest key it begins with
        var longest = shorterKey(chunk, folded);
        if (longest) { keys.push(longest); }
      }
      if (!keys.length && typing) {
        var guess = complete(chunk, folded);
        if (guess) { return { keys: [guess], exact: null }; }
      }
      return { keys: keys, exact: folded };
    });
  }

  // BM25; a word in the title adds more than any count of it in the text can (the most BM25 gives is K1 + 1).
  var K1 = 1.2, B = 0.75, TITLE = 2.5;
  // Scores of one query part over the pages (BM25 over the weighted counts of all its forms), which pages
  // have its exact form and which have it in their title.
  function partScores(info, lists, exact) {
    var tf = new Float32Array(info.n), exactTf = new Uint8Array(info.n), title = new Uint8Array(info.n), df = 0;
    lists.forEach(function (key) {
      key.titles.forEach(function (p) { title[p] = 1; });
      key.forms.forEach(function (f) {
        var isExact = f.form === exact;
        for (var j = 0; j < f.pages.length; j++) {
          var p = f.pages[j];
          if (!tf[p]) { df += 1; }
          tf[p] += f.weights[j];
          if (isExact) { exactTf[p] = 1; }
        }
      });
    });
    var idf = Math.log(1 + (info.n - df + 0.5) / (df + 0.5));
    return { tf: tf, exact: exactTf, title: title, idf: idf };
  }

  // Results for a query, best first: pages with more of the typed forms first, then by score; help pages after
  // every case and method; every part of the query must be on the page. The cost is bounded by the postings of
  // the query's keys (one file each, kept once fetched); results are kept per query, so a repeated query
  // (going back to a result list, the filters of the results page) is answered at once.
  var resultCache = {}, cached = [];
  function search(query, filters, options) {
    var typing = !/\s$/.test(query || "");
    var ps = parts(query);
    var cacheKey = ps.join(" ") + (typing ? "…" : "");
    var all = options && options.fresh ? null : resultCache[cacheKey];  // fresh: ranked again (benchmarks)
    if (!all) {
      all = resultCache[cacheKey] = rank(ps, typing);
      cached.push(cacheKey);
      if (cached.length > 50) { delete resultCache[cached.shift()]; }
    }
    return Promise.all([all, pagesInfo()]).then(function (both) {
      var results = both[0], info = both[1];
      var chosen = activeFilters(filters);
      return { results: chosen.length ? results.filter(function (r) { return passes(info, r.id, chosen, null); }) : results, all: results };
    });
  }
  function rank(ps, typing) {
    if (!ps.length) { return Promise.resolve([]); }
    return Promise.all([pagesInfo(), Promise.all(ps.map(function (p, i) { return terms(p, typing && i === ps.length - 1); }))]).then(function (both) {
      var info = both[0], ts = both[1];
      if (ts.some(function (t) { return !t.keys.length; })) { return []; }
      return Promise.all(ts.map(function (t) { return Promise.all(t.keys.map(postings)); })).then(function (lists) {
        var scored = ts.map(function (t, i) { return partScores(info, lists[i], t.exact); });
        var found = [], keys = {};
        ts.forEach(function (t) { t.keys.forEach(function (k) { keys[k] = true; }); });
        var first = scored[0].tf;
        for (var p = 0; p < info.n; p++) {
          if (!first[p]) { continue; }
          var score = 0, exact = 0, ok = true, norm = 1 - B + B * (info.len[p] || 0) / info.avg;
          for (var i = 0; i < scored.length; i++) {
            var tf = scored[i].tf[p];
            if (!tf) { ok = false; break; }
            score += scored[i].idf * ((tf * (K1 + 1)) / (tf + K1 * norm) + TITLE * scored[i].title[p]) + 1e-6 * tf;
            exact += scored[i].exact[p];
          }
          if (ok) { found.push(result(p, score, exact, info.isHelp[p], keys)); }
        }
        found.sort(function (a, b) { return a.help - b.help || b.exact - a.exact || b.score - a.score || a.id - b.id; });
        return found;
      });
    });
  }
  function result(id, score, exact, help, keys) {
    return { id: id, score: score, exact: exact, help: help, keys: keys, data: function () { return pageData(id); } };
  }
  // One page's title, address, metadata and excerpt text: fetched for the results shown only.
  function pageData(id) {
    return indexFile("s/" + id + ".json", function (d) {
      d = d || { url: "", title: "", meta: {}, content: "" };
      return { url: siteRoot + d.url, content: d.content, meta: Object.assign({ nazev: d.title }, d.meta) };
    });
  }

  // Filters as {name: {any: [values]}}: values of one filter add up, filters narrow each other.
  function activeFilters(filters) {
    return Object.keys(filters || {}).map(function (name) {
      var any = (filters[name] && filters[name].any) || [];
      return { name: name, values: any };
    }).filter(function (f) { return f.values.length; });
  }
  function passes(info, id, chosen, except) {
    for (var i = 0; i < chosen.length; i++) {
      var f = chosen[i];
      if (f.name === except) { continue; }
      var data = info.filters[f.name];
      var mine = data ? data.p[id].map(function (v) { return data.v[v]; }) : [];
      if (!f.values.some(function (v) { return mine.indexOf(v) >= 0; })) { return false; }
    }
    return true;
  }
  // Filter counts as the catalogue gives them: for each filter, how many results each of its values would
  // give with the other filters as they are. One pass over the results per filter.
  function facetCounts(found, filters, names) {
    return pagesInfo().then(function (info) {
      var chosen = activeFilters(filters), out = {};
      names.forEach(function (name) {
        var data = info.filters[name], counts = {};
        if (data) {
          data.v.forEach(function (v) { counts[v] = 0; });
          found.all.forEach(function (r) {
            if (!passes(info, r.id, chosen, name)) { return; }
            data.p[r.id].forEach(function (v) { counts[data.v[v]] += 1; });
          });
          Object.keys(counts).forEach(function (v) { if (!counts[v]) { delete counts[v]; } });
        }
        out[name] = counts;
      });
      return out;
    });
  }

  // A result as readers see it: title, region, an excerpt around the found words with them marked.
  function resultData(result) {
    return result.data().then(function (d) {
      var coded = d.content.split(" "), words = decode(d.content).split(" ");
      return { url: d.url, title: d.meta.nazev, region: d.meta.kraj || "", kind: d.meta.druh || "",
               excerpt: excerpt(words, locations(coded, result.keys)) };
    });
  }
  // Positions of the words with one of the query's keys: an indexed word carries its key, a code or
  // address has it in its letter and digit runs.
  var ONE_TOKEN = new RegExp("([a-z]+)" + SEP + "([a-z]*)" + SEP + "([a-z]*)");
  function locations(coded, keys) {
    var out = [];
    coded.forEach(function (w, i) {
      var m = ONE_TOKEN.exec(w);
      var hit = m ? !!keys[m[1]] : (fold(w).match(/[\p{L}\p{N}]+/gu) || []).some(function (r) { return keys[r] || keys[lightStem(r)]; });
      if (hit) { out.push(i); }
    });
    return out;
  }
  var EXCERPT_WORDS = 24;
  function excerpt(words, sorted) {
    var found = {};
    sorted.forEach(function (l) { found[l] = true; });
    var best = 0, bestCount = -1;
    sorted.forEach(function (l) {  // the window with most found words, starting a little before one of them
      var from = Math.max(0, l - 3), count = 0;
      for (var j = 0; j < sorted.length && sorted[j] < from + EXCERPT_WORDS; j++) { if (sorted[j] >= from) { count += 1; } }
      if (count > bestCount) { best = from; bestCount = count; }
    });
    return words.slice(best, best + EXCERPT_WORDS).map(function (w, i) { return { text: w, mark: !!found[best + i] }; });
  }
  function excerptNodes(parts, into) {
    parts.forEach(function (part, i) {
      if (i) { into.appendChild(document.createTextNode(" ")); }
      if (part.mark) { into.appendChild(el("mark", null, part.text)); } else { into.appendChild(document.createTextNode(part.text)); }
    });
    return into;
  }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text) { e.textContent = text; }
    return e;
  }
  function resultsUrl(query) { return siteRoot + "hledani/?q=" + encodeURIComponent(query); }
  function czechResults(n) {
    return n === 1 ? "1 výsledek" : n >= 2 && n <= 4 ? n + " výsledky" : n + " výsledků";
  }

  // ---------- search as you type: the ARIA 1.2 combobox pattern on any input[data-kp-search] ----------
  var comboCount = 0;
  function combobox(input) {
    if (input.getAttribute("data-kp-ready")) { return; }
    input.setAttribute("data-kp-ready", "1");
    var id = input.id || "kp-combo-" + (++comboCount);
    input.id = id;
    var limit = parseInt(input.getAttribute("data-kp-search") || "", 10) || 5;
    var panel = el("div", "kp-suggest");
    panel.hidden = true;
    var list = el("ul", "kp-suggest__list");
    list.id = id + "-list";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", "První výsledky hledání");
    var status = el("p", "kp-visually-hidden");
    status.setAttribute("aria-live", "polite");
    status.id = id + "-status";
    panel.appendChild(list);
    input.insertAdjacentElement("afterend", panel);
    panel.insertAdjacentElement("afterend", status);
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", list.id);
    input.setAttribute("autocomplete", "off");
    var options = [], active = -1, seq = 0, timer = null;

    function close() {
      panel.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }
    function open() {
      if (!options.length) { return; }
      panel.hidden = false;
      input.setAttribute("aria-expanded", "true");
    }
    function setActive(i) {
      options.forEach(function (o, j) { o.li.setAttribute("aria-selected", j === i ? "true" : "false"); });
      active = i;
      if (i >= 0) {
        input.setAttribute("aria-activedescendant", options[i].li.id);
        options[i].li.scrollIntoView({ block: "nearest" });
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    }
    function option(url, build) {
      var li = el("li", "kp-suggest__option");
      li.id = id + "-opt-" + options.length;
      li.setAttribute("role", "option");
      li.setAttribute("aria-selected", "false");
      build(li);
      var o = { li: li, url: url };
      li.addEventListener("click", function () { location.href = url; });
      options.push(o);
      list.appendChild(li);
    }
    function render(query, items, total) {
      list.textContent = "";
      list.setAttribute("data-kp-query", query);  // which query the options answer (tests wait for it)
      options = [];
      items.forEach(function (item) {
        option(item.url, function (li) {
          li.appendChild(el("span", "kp-suggest__title", item.title));
          if (item.region || item.kind) { li.appendChild(el("span", "kp-suggest__meta", item.region || item.kind)); }
          li.appendChild(excerptNodes(item.excerpt, el("span", "kp-suggest__excerpt")));
        });
      });
      option(resultsUrl(query), function (li) {
        li.classList.add("kp-suggest__all");
        li.textContent = total ? "Všechny výsledky (" + total + ")" : "Nic nenalezeno – hledat na stránce výsledků";
      });
      setActive(-1);
      open();
      status.textContent = total ? "Nalezeno " + czechResults(total) + ", šipkami dolů a nahoru je projdete." : "Nic nenalezeno.";
    }
    function update() {
      var query = input.value.trim();
      var mine = ++seq;
      if (query.length < 2) { close(); list.textContent = ""; options = []; return; }
      search(query).then(function (found) {
        if (mine !== seq) { return; }  // a newer keystroke: fetch nothing more for this query
        return Promise.all(found.results.slice(0, limit).map(resultData)).then(function (items) {
          if (mine === seq) { render(query, items, found.results.length); }
        });
      }).catch(function () { if (mine === seq) { close(); } });
    }
    // Debounced, and a keystroke makes any search still under way stale (its results are not drawn or fetched).
    input.addEventListener("input", function () { seq += 1; clearTimeout(timer); timer = setTimeout(update, 80); });
    input.addEventListener("focus", function () { pagesInfo(); if (input.value.trim().length >= 2 && options.length) { open(); } });
    input.addEventListener("keydown", function (event) {
      var n = options.length;
      if (event.key === "ArrowDown") {
        event.preventDefault();
        if (panel.hidden) { open(); } else if (n) { setActive((active + 1) % n); }
      } else if (event.key === "ArrowUp") {
        event.preventDefault();
        if (n && !panel.hidden) { setActive(active <= 0 ? n - 1 : active - 1); }
      } else if (event.key === "Enter") {
        if (active >= 0 && !panel.hidden) { event.preventDefault(); location.href = options[active].url; }
      } else if (event.key === "Escape") {
        if (!panel.hidden) { event.preventDefault(); close(); } else if (input.value) { event.preventDefault(); input.value = ""; }
      } else if (event.key === "Tab") {
        close();
      }
    });
    panel.addEventListener("mousedown", function (event) { event.preventDefault(); });  // keep focus in the field
    input.addEventListener("blur", function () { setTimeout(close, 100); });
  }

  // ---------- the results page /hledani/: query and filters in the URL, counts per filter value ----------
  function resultsPage(box) {
    var params = new URLSearchParams(location.search);
    box.textContent = "";
    var form = el("form", "kp-search__form");
    form.setAttribute("role", "search");
    form.action = "";
    var label = el("label", "kp-search__label", "Hledat v příkladech a metodikách");
    label.htmlFor = "kp-search-q";
    var input = el("input", "kp-search__input");
    input.id = "kp-search-q";
    input.type = "search";
    input.name = "q";
    input.autocomplete = "off";
    input.value = params.get("q") || "";
    var button = el("button", "md-button md-button--primary kp-search__submit", "Hledat");
    button.type = "submit";
    form.append(label, input, button);
    var facets = el("div", "kp-search__facets");
    var message = el("p", "kp-results__message");
    message.setAttribute("aria-live", "polite");
    message.setAttribute("role", "status");
    var list = el("ol", "kp-results");
    var more = el("button", "md-button kp-results__more", "Načíst další výsledky");
    more.type = "button";
    more.hidden = true;
    var layout = el("div", "kp-search__layout");
    var main = el("div", "kp-search__main");
    main.append(message, list, more);
    layout.append(facets, main);
    box.append(form, layout);
    if (!input.value) { input.focus(); }

    var selected = {};
    FILTERS.forEach(function (f) { selected[f[0]] = params.getAll(f[0]); });
    var shown = [], pageSize = 10, seq = 0, timer = null;

    function filterQuery() {
      var out = {};
      FILTERS.forEach(function (f) { if (selected[f[0]].length) { out[f[0]] = { any: selected[f[0]] }; } });
      return out;
    }
    function saveUrl() {
      var p = new URLSearchParams();
      if (input.value.trim()) { p.set("q", input.value.trim()); }
      FILTERS.forEach(function (f) { selected[f[0]].forEach(function (v) { p.append(f[0], v); }); });
      var qs = p.toString();
      history.replaceState(null, "", location.pathname + (qs ? "?" + qs : ""));
    }
    function renderFacets(counts) {
      facets.textContent = "";
      FILTERS.forEach(function (f) {
        var name = f[0], values = Object.keys(counts[name] || {}).concat(selected[name]).filter(function (v, i, a) { return a.indexOf(v) === i; });
        if (!values.length) { return; }
        values.sort(function (a, b) { return a.localeCompare(b, "cs"); });
        var set = el("fieldset", "kp-facet");
        set.appendChild(el("legend", "kp-facet__legend", f[1]));
        values.forEach(function (v) {
          var lab = el("label", "kp-facet__option");
          var box = document.createElement("input");
          box.type = "checkbox";
          box.name = name;
          box.value = v;
          box.checked = selected[name].indexOf(v) >= 0;
          box.addEventListener("change", function () {
            selected[name] = box.checked ? selected[name].concat([v]) : selected[name].filter(function (x) { return x !== v; });
            run();
          });
          var n = (counts[name] || {})[v] || 0;
          lab.append(box, document.createTextNode(" " + v + " "), el("span", "kp-facet__count", "(" + n + ")"));
          lab.lastChild.setAttribute("data-count-for", name + "=" + v);
          set.appendChild(lab);
        });
        facets.appendChild(set);
      });
    }
    function appendResults() {
      var mine = seq;
      var next = shown.slice(list.children.length, list.children.length + pageSize);
      more.hidden = list.children.length + next.length >= shown.length;
      return Promise.all(next.map(resultData)).then(function (items) {
        if (mine !== seq) { return; }  // a newer search has started: its results replace these
        items.forEach(function (item) {
          var li = el("li", "kp-result");
          var a = el("a", "kp-result__title", item.title);
          a.href = item.url;
          li.appendChild(el("h2", "kp-result__heading")).appendChild(a);
          var meta = [item.kind, item.region].filter(Boolean).join(" · ");
          if (meta) { li.appendChild(el("p", "kp-result__meta", meta)); }
          li.appendChild(excerptNodes(item.excerpt, el("p", "kp-result__excerpt")));
          list.appendChild(li);
        });
      });
    }
    function run() {
      var query = input.value.trim();
      var mine = ++seq;
      saveUrl();
      if (!query) {
        list.textContent = ""; shown = []; more.hidden = true; message.textContent = "Zadejte, co hledáte.";
        return;
      }
      message.textContent = "Hledám…";
      var filters = filterQuery();
      search(query, filters).then(function (found) {
        return facetCounts(found, filters, FILTERS.map(function (f) { return f[0]; })).then(function (c) { return [found, c]; });
      }).then(function (both) {
        var found = both[0];
        if (mine !== seq) { return; }
        shown = found.results;
        list.textContent = "";
        renderFacets(both[1]);
        return appendResults().then(function () {
          if (mine !== seq) { return; }
          var what = query ? "Hledání „" + query + "“ – " : "Výběr – ";
          message.textContent = shown.length ? what + czechResults(shown.length) : query ? "Pro „" + query + "“ nebylo nic nalezeno" : "Výběru nic neodpovídá";
        });
      });
    }
    form.addEventListener("submit", function (event) { event.preventDefault(); clearTimeout(timer); run(); });
    input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(run, 150); });
    more.addEventListener("click", appendResults);
    run();
  }

  window.KPSearch = { search: search, terms: terms, fold: fold, lightStem: lightStem, decode: decode, combobox: combobox };

  function ready() {
    document.querySelectorAll("input[data-kp-search]").forEach(combobox);
    var box = document.getElementById("kp-search");
    if (box) { resultsPage(box); }
  }
  if (document.readyState !== "loading") { ready(); } else { document.addEventListener("DOMContentLoaded", ready); }
})();
