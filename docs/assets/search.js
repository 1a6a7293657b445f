// Portal search: Czech inflection over Pagefind, search as you type (combobox) and the results page.
// Nothing is loaded from other hosts; Pagefind and the form map are fetched only when a reader searches.
(function () {
  "use strict";

  var script = document.currentScript;
  var siteRoot = script ? new URL("../", script.src).href : "/";
  var SEP = "\u01c2";  // the index writes every word as "key<SEP>form" (src/portal/search_lemmas.py)
  var MIN_STEM = 3;
  // The same endings, in the same order, as ENDINGS in src/portal/search_lemmas.py (longest first).
  var ENDINGS = ["ach", "ami", "ech", "eho", "emi", "emu", "ich", "ima", "imi", "imu", "ovi", "ych", "ymi", "ymu",
                 "am", "em", "es", "im", "mi", "ou", "um", "ym", "a", "e", "i", "o", "u", "y"];
  var FILTERS = [["druh", "Druh"], ["kraj", "Kraj"], ["metoda", "Metoda"], ["skupina", "Cílová skupina"], ["program", "Program"]];
  var TOKEN = new RegExp("([a-z]+)" + SEP + "([a-z]*)" + SEP + "([a-z]*)", "g");
  // Mark codes of src/portal/search_lemmas.py: [combining mark, capital letter].
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
  // 'hamrǂhamruǂauer' (as indexed) -> 'Hamrů' (as written); a sentence starts with a capital (as decode()
  // in src/portal/search_lemmas.py).
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
  var SENTENCE_START = /(?:^|[.!?:]\s+)[^\p{L}\p{N}_]*$/u;
  function decode(text) {
    text = text || "";
    var parts = [], last = 0, m;
    TOKEN.lastIndex = 0;
    while ((m = TOKEN.exec(text)) !== null) {
      var before = text.slice(last, m.index);
      var word = written(m[1], m[2], m[3]);
      var first = word.charAt(0);
      if (SENTENCE_START.test(parts.slice(-2).join("") + before) && first !== first.toUpperCase()) {
        word = first.toUpperCase() + word.slice(1);
      }
      parts.push(before, word);
      last = m.index + m[0].length;
    }
    parts.push(text.slice(last));
    return parts.join("");
  }
  function chunkName(folded) {
    return Array.from(folded).slice(0, 2).map(function (c) { return c >= "a" && c <= "z" ? c : "_"; }).join("");
  }

  // Form -> key map, one small file per first two letters, each fetched once; "k" lists keys, most frequent first.
  var chunks = {};
  function formChunk(name) {
    if (!chunks[name]) {
      chunks[name] = fetch(siteRoot + "search-forms/" + name + ".json").then(function (r) {
        return r.ok ? r.json() : {};
      }).then(function (data) {
        var forms = {}, byKey = data.f || {};
        Object.keys(byKey).forEach(function (key) { byKey[key].forEach(function (f) { forms[f] = key; }); });
        return { forms: forms, keys: data.k || [], byKey: byKey };
      }).catch(function () { return { forms: {}, keys: [], byKey: {} }; });
    }
    return chunks[name];
  }
  // The most frequent key with a form (or itself) beginning like a word being typed.
  function complete(chunk, prefix) {
    for (var i = 0; i < chunk.keys.length; i++) {
      var key = chunk.keys[i];
      if (key.indexOf(prefix) === 0 || (chunk.byKey[key] || []).some(function (f) { return f.indexOf(prefix) === 0; })) { return key; }
    }
    return null;
  }

  // One query word -> the Pagefind term for all its forms (loose) and for the form as typed (exact).
  // The word being typed (typing) is completed to one key, so each keystroke fetches one range of the index.
  function terms(word, typing) {
    var m = /^([^\p{L}\p{N}]*)(.*?)([^\p{L}\p{N}]*)$/u.exec(word);
    var core = m ? m[2] : word;
    if (core.length < 2 || !/^\p{L}+$/u.test(core)) { return Promise.resolve({ loose: word, exact: word }); }
    var folded = fold(core);
    return formChunk(chunkName(folded)).then(function (chunk) {
      var key = chunk.forms[folded];
      if (key) { return { loose: key + SEP, exact: key + SEP + (folded === key ? "" : folded) + SEP }; }
      var stem = lightStem(folded);  // a word simplemma does not know: the index has its light stem as key
      if (typing && chunk.keys.indexOf(stem) < 0) {
        var guess = complete(chunk, folded);
        if (guess) { return { loose: guess + SEP, exact: guess + SEP }; }
      }
      return { loose: stem, exact: stem + SEP + (folded === stem ? "" : folded) + SEP };
    });
  }

  var pagefindPromise = null;
  function pagefind() {
    if (!pagefindPromise) {
      pagefindPromise = import(siteRoot + "pagefind/pagefind.js").then(function (pf) {
        return pf.options({ bundlePath: siteRoot + "pagefind/", excerptLength: 24, ranking: { termSimilarity: 0 } }).then(function () { return pf.init(); })
          .then(function () { return pf; });
      });
    }
    return pagefindPromise;
  }

  // Filter counts as the catalogue gives them: for each filter, how many results each of its values would
  // give with the other filters as they are (values of one filter add up, filters narrow each other).
  function facetCounts(query, selected, names) {
    return Promise.all([pagefind(), looseQuery(query)]).then(function (parts) {
      var pf = parts[0], loose = parts[1];
      return pf.filters().then(function () {
        return Promise.all(names.map(function (name) {
          var others = {};
          Object.keys(selected).forEach(function (k) { if (k !== name && selected[k].length) { others[k] = { any: selected[k] }; } });
          if (!loose) { return {}; }  // a filter-only search would fetch the whole index: the catalogue does that
          return pf.search(loose, { filters: others }).then(function (found) { return (found.filters || {})[name] || {}; });
        }));
      }).then(function (lists) {
        var out = {};
        names.forEach(function (name, i) { out[name] = lists[i]; });
        return out;
      });
    });
  }

  function queryWords(query) {
    var words = (query || "").trim().split(/\s+/).filter(Boolean);
    // One-letter prepositions and conjunctions ("v", "a") are in nearly every page: their index chunks
    // would cost more than they say, so a query with other words leaves them out.
    var longer = words.filter(function (w) { return Array.from(w).length > 1; });
    return longer.length ? longer : words;
  }
  function looseQuery(query) {
    var words = queryWords(query);
    return Promise.all(words.map(function (w, i) { return terms(w, i === words.length - 1); }))
      .then(function (t) { return t.map(function (x) { return x.loose; }).join(" "); });
  }

  // Results for a query, best first: pages with more of the typed forms as written first, then pages with
  // other forms of the same words; help pages after every case and method. One Pagefind search per word
  // (Pagefind is many times slower on several words at once) and one for the word as typed; pages must have
  // every word, their scores add up.
  function search(query, filters) {
    var words = queryWords(query);
    var options = { filters: filters || {} };
    var typing = !/\s$/.test(query || "");
    var wordTerms = words.map(function (w, i) { return terms(w, typing && i === words.length - 1); });
    return Promise.all([pagefind(), Promise.all(wordTerms), helpPages()]).then(function (parts) {
      var pf = parts[0], t = parts[1], help = parts[2];
      if (!t.length) { return { results: [] }; }
      return Promise.all(t.map(function (x) {
        return Promise.all([pf.search(x.loose, options), x.exact !== x.loose ? pf.search(x.exact, options) : null]);
      })).then(function (perWord) {
        var pages = {};
        perWord.forEach(function (pair) {
          var ids = {};
          pair[0].results.forEach(function (r) {
            ids[r.id] = true;
            var p = pages[r.id] || (pages[r.id] = { id: r.id, first: r, data: r.data, score: 0, hits: 0, exact: 0, words: [] });
            p.score += r.score;
            p.hits += 1;
            p.words = p.words.concat(r.words);
          });
          // Pagefind answers a word it does not have with shorter and shorter prefixes of it: trust the
          // search for the typed form only when every page it found has the word in some form.
          var ex = pair[1];
          if (ex && ex.results.every(function (r) { return ids[r.id]; })) {
            ex.results.forEach(function (r) { if (pages[r.id]) { pages[r.id].exact += 1; } });
          }
        });
        var results = Object.keys(pages).map(function (id) { return pages[id]; })
          .filter(function (p) { return p.hits === t.length; });
        results.sort(function (a, b) {
          return (help[a.id] ? 1 : 0) - (help[b.id] ? 1 : 0) || b.exact - a.exact || b.score - a.score;
        });
        return { results: results };
      });
    });
  }

  // Ids of help pages (listed at build time by hooks/search.py): they rank after cases and methods.
  var helpPromise = null;
  function helpPages() {
    if (!helpPromise) {
      helpPromise = fetch(siteRoot + "search-forms/help.json").then(function (r) { return r.ok ? r.json() : []; })
        .catch(function () { return []; }).then(function (ids) {
          var out = {};
          ids.forEach(function (id) { out[id] = true; });
          return out;
        });
    }
    return helpPromise;
  }

  // A result as readers see it: title, region, an excerpt around the found words with them marked.
  function resultData(result) {
    return result.first.data().then(function (d) {
      return { url: d.url, title: d.meta.nazev || decode(d.meta.title), region: d.meta.kraj || "", kind: d.meta.druh || "",
               excerpt: excerpt(decode(d.content), result.words) };
    });
  }
  var EXCERPT_WORDS = 24;
  function excerpt(content, locations) {
    var words = content.split(/\s+/);
    var found = {};
    locations.forEach(function (l) { found[l] = true; });
    var sorted = locations.slice().sort(function (a, b) { return a - b; });
    var best = 0, bestCount = -1;
    sorted.forEach(function (l) {  // the window with most found words, starting a little before one of them
      var from = Math.max(0, l - 3), count = 0;
      sorted.forEach(function (m) { if (m >= from && m < from + EXCERPT_WORDS) { count += 1; } });
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
        return Promise.all(found.results.slice(0, limit).map(resultData)).then(function (items) {
          if (mine === seq) { render(query, items, found.results.length); }
        });
      }).catch(function () { if (mine === seq) { close(); } });
    }
    input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(update, 80); });
    input.addEventListener("focus", function () { pagefind(); if (input.value.trim().length >= 2 && options.length) { open(); } });
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
      Promise.all([search(query, filterQuery()), facetCounts(query, selected, FILTERS.map(function (f) { return f[0]; }))]).then(function (both) {
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
