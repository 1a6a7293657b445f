/* The "Navrhnout příklad" form: builds a case file from the fields and checks it as `portal check` does.
   The schema, the message table and the validator's patterns come from the form's data-spec (generated
   from src/portal at build time); tests/data/form_agreement.json proves that both give the same messages. */
(function () {
  "use strict";
  var form = document.getElementById("kp-proposal");
  if (!form) return;
  var spec = JSON.parse(form.getAttribute("data-spec"));
  var M = spec.messages;
  var STORE = "kp-navrh-v1";
  var EMAIL = new RegExp(spec.email);
  var DATE = new RegExp(spec.date);
  var touched = {};
  var submitted = false;

  // ---------------------------------------------------------------- helpers shared with the Python side
  function msg(name, values) {
    return M[name].replace(/\{(\w+)\}/g, function (_, key) { return values && key in values ? String(values[key]) : ""; });
  }
  function shown(value) {  // portal.czech.text.shown
    var text = typeof value === "boolean" ? (value ? "true" : "false") : String(value instanceof Num ? value.text : value);
    var chars = Array.from(text);
    if (chars.length > 60) text = chars.slice(0, 59).join("") + "…";
    return "'" + text + "'";
  }
  function Num(text) { this.text = text; }  // a number exactly as typed, written to YAML unquoted
  var NUMBER = /^-?(0|[1-9]\d*)(\.\d+)?$/;
  function fold(text) { return text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase(); }
  function slugify(text) { return fold(text).replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, ""); }
  function dotted(path) {  // portal.content.frontmatter.dotted
    var out = "";
    path.forEach(function (part) { out += typeof part === "number" ? "[" + part + "]" : (out ? "." + part : part); });
    return out;
  }
  function daysIn(y, m) { return new Date(Date.UTC(y, m, 0)).getUTCDate(); }
  function dateRange(value) {  // portal.content.schema_check.date_range as [first, last] day numbers
    if (!DATE.test(value)) return null;
    var m = [value].concat(value.split("-"));  // the form is checked: year, then month and day when given
    var y = +m[1];
    if (y < 1) return null;
    if (m[2] === undefined) return [Date.UTC(y, 0, 1), Date.UTC(y, 11, 31)];
    var mo = +m[2];
    if (mo < 1 || mo > 12) return null;
    if (m[3] === undefined) return [Date.UTC(y, mo - 1, 1), Date.UTC(y, mo - 1, daysIn(y, mo))];
    var d = +m[3];
    if (d < 1 || d > daysIn(y, mo)) return null;
    return [Date.UTC(y, mo - 1, d), Date.UTC(y, mo - 1, d)];
  }
  function pad(n) { return (n < 10 ? "0" : "") + n; }
  function isoDate(value) {  // portal.content.schema_check.iso_date
    var m = /^\s*(\d{1,2})\.\s*(\d{1,2})\.\s*(\d{4})\s*$/.exec(value), c = null;
    if (m) c = m[3] + "-" + pad(+m[2]) + "-" + pad(+m[1]);
    if (!c && (m = /^\s*(\d{1,2})\s*[./]\s*(\d{4})\s*$/.exec(value))) c = m[2] + "-" + pad(+m[1]);
    return c && dateRange(c) ? c : null;
  }
  function didYouMean(c) { return c ? msg("did_you_mean", { candidate: c }) : ""; }
  function isWebUrl(value) {  // portal.weburl.is_web_url: http(s) with a host, as browsers parse it
    if (/[\s\u0000-\u001f]/.test(value)) return false;
    try {
      var u = new URL(value);
      return (u.protocol === "https:" || u.protocol === "http:") && !!u.hostname && !u.username && !u.password;
    } catch (e) { return false; }
  }
  function decimalText(cleaned) {  // str(Decimal(cleaned)) for plain digits with an optional dot
    if (!/^\d+(\.\d+)?$|^\d+\.$|^\.\d+$/.test(cleaned)) return null;
    var parts = cleaned.split(".");
    var whole = parts[0].replace(/^0+(?=\d)/, "") || "0";
    return parts.length > 1 ? whole + "." + parts[1] : whole;
  }
  function numberHint(value) {  // portal.content.schema_check._type_hint for numbers
    var cleaned = value.replace(/\u00a0/g, "").replace(/ /g, "").replace(/Kč/g, "").replace(/[.-]+$/, "");
    if (/^\d{1,3}(\.\d{3})+(,\d+)?$/.test(cleaned)) cleaned = cleaned.replace(/\./g, "");
    cleaned = cleaned.replace(/,/g, ".");
    var text = decimalText(cleaned);
    return text === null ? "" : msg("number_hint", { number: text });
  }
  function cents(num) {  // exact haléře as BigInt, or null with more than two decimal places
    var m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(num.text);
    var frac = (m[3] || "").replace(/0+$/, "");
    if (frac.length > 2) return null;
    var v = BigInt(m[2]) * 100n + BigInt((frac + "00").slice(0, 2));
    return m[1] ? -v : v;
  }
  function czk(c) {  // portal.czech.formats.czk from haléře
    var whole = (c / 100n).toString(), rest = c % 100n;
    var grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, "\u00a0");
    return rest === 0n ? grouped + "\u00a0Kč" : grouped + "," + String(rest).padStart(2, "0") + "\u00a0Kč";
  }
  function roundHalfUp(num) {  // Decimal.quantize(0.01, ROUND_HALF_UP) as text
    var m = /^(-?)(\d+)\.(\d+)$/.exec(num.text);
    var v = BigInt(m[2] + m[3].slice(0, 2).padEnd(2, "0"));
    if (m[3].length > 2 && +m[3][2] >= 5) v += 1n;
    var s = v.toString().padStart(3, "0");
    return m[1] + s.slice(0, -2) + "." + s.slice(-2);
  }
  function expected(node) { return node["x-expected"] || spec.types[node.type] || ""; }
  function kindOf(value) {
    if (typeof value === "boolean") return "logická hodnota";
    if (value instanceof Num) return "číslo";
    if (typeof value === "string") return "text";
    if (Array.isArray(value)) return "seznam";
    return "skupina polí";
  }

  // ---------------------------------------------------------------- reading the form into a document
  function fieldValue(el) {
    var raw = el.value;
    var kind = el.getAttribute("data-kind");
    if (kind === "boolean") return raw === "" ? undefined : raw === "true";
    var text = el.tagName === "TEXTAREA" ? raw.replace(/\r\n?/g, "\n").trim() : raw.trim();
    if (text === "") return undefined;
    if ((kind === "number" || kind === "integer") && NUMBER.test(text)) return new Num(text);
    return text;
  }
  function read(node, path) {
    var key = dotted(path);
    if (node.type === "object") {
      var out = {}, any = false;
      Object.keys(node.properties).forEach(function (k) {
        var v = read(node.properties[k], path.concat([k]));
        if (v !== undefined) { out[k] = v; any = true; }
      });
      return any ? out : undefined;
    }
    if (node.type === "array") {
      var list = form.querySelector('[data-list="' + key + '"]');
      var items = [];
      list.querySelectorAll(":scope > .kp-items > .kp-item").forEach(function (_, i) {
        var v = read(node.items, path.concat([i]));
        if (v !== undefined) items.push(v);
      });
      return items.length ? items : undefined;
    }
    var el = form.querySelector('[data-path="' + key + '"]');
    return el ? fieldValue(el) : undefined;
  }
  function readBody() {
    var parts = [];
    form.querySelectorAll("[data-body]").forEach(function (el) {
      var text = el.value.replace(/\r\n?/g, "\n").trim();
      if (text) parts.push("## " + el.getAttribute("data-body") + "\n\n" + text + "\n");
    });
    return parts.join("\n");
  }

  // ---------------------------------------------------------------- the checks (portal.content.validate and schema_check, same order of ideas)
  function check(meta, body) {
    var errors = [];
    function add(path, text, section) { errors.push([dotted(path), text, section]); }
    function walk(node, value, path) {
      if (node.type === "object") {
        if (typeof value !== "object" || Array.isArray(value) || value instanceof Num) return add(path, typeError(node, value));
        (node.required || []).forEach(function (k) {
          if (!(k in value)) {
            var sub = node.properties[k] || {}, hint = sub["x-example"], ex = "";
            if (typeof hint === "string" || (typeof hint === "number" && Number.isInteger(hint))) ex = msg("missing_example", { key: k, example: hint });
            else if (sub["x-expected"]) ex = msg("missing_expected", { expected: sub["x-expected"] });
            add(path.concat([k]), msg("missing", { title: sub.title || k, example: ex }));
          }
        });
        Object.keys(value).forEach(function (k) { if (node.properties[k]) walk(node.properties[k], value[k], path.concat([k])); });
        return;
      }
      if (node.type === "array") {
        if (!Array.isArray(value)) return add(path, typeError(node, value));
        if (node.minItems && value.length < node.minItems) add(path, node["x-expected"] ? msg("minItems_expected", { expected: node["x-expected"] }) : msg("minItems"));
        if (node.uniqueItems) {
          var seen = {}, dupe = null;
          value.forEach(function (v) { var k = JSON.stringify(v); if (seen[k] && dupe === null) dupe = v; seen[k] = true; });
          if (dupe !== null) add(path, msg("uniqueItems", { value: shown(dupe) }));
        }
        value.forEach(function (v, i) { walk(node.items, v, path.concat([i])); });
        return;
      }
      if (node.type === "number" || node.type === "integer") {
        if (!(value instanceof Num) || (node.type === "integer" && value.text.indexOf(".") >= 0)) return add(path, typeError(node, value));
        var n = Number(value.text);
        if ("minimum" in node && n < node.minimum) add(path, msg("minimum", { value: shown(value), limit: node.minimum }));
        if ("exclusiveMinimum" in node && n <= node.exclusiveMinimum) add(path, msg("exclusiveMinimum", { value: shown(value), limit: node.exclusiveMinimum }));
        return;
      }
      if (node.type === "boolean") {
        if (typeof value !== "boolean") add(path, typeError(node, value));
        return;
      }
      if (typeof value !== "string") return add(path, typeError(node, value));
      if (node["enum"] && node["enum"].indexOf(value) < 0) return add(path, msg("invalid", { value: shown(value), expected: node["enum"].join(", "), hint: "" }));
      if (node.maxLength && Array.from(value).length > node.maxLength) add(path, msg("maxLength", { length: Array.from(value).length, limit: node.maxLength }));
      if (node.pattern && !node["x-reference"] && !new RegExp(node.pattern).test(value) && !(node.format === "uri" && !isWebUrl(value))) {
        add(path, msg("invalid", { value: shown(value), expected: expected(node), hint: "" }));
      }
      var bad = (node.format === "uri" && !isWebUrl(value)) || (node.format === "email" && !EMAIL.test(value)) ||
                (node.format === "partial-date" && !dateRange(value));
      if (bad) add(path, msg("invalid", { value: shown(value), expected: expected(node), hint: node.format === "partial-date" ? didYouMean(isoDate(value)) : "" }));
    }
    function typeError(node, value) {
      var hint = node.type === "number" && typeof value === "string" ? numberHint(value) : "";
      return msg("type", { expected: spec.types[node.type] || node.type, kind: kindOf(value), value: shown(value), hint: hint });
    }
    walk(spec.schema, meta, []);
    rules(meta, body, add);
    return errors;
  }
  function sectionOf(line) {  // the body section (text area) a line of the body was typed in
    var found = null;
    form.querySelectorAll("[data-body]").forEach(function (el) { if (found === null && el.value.split(/\r?\n/).some(function (l) { return l.trim() === line.trim(); })) found = el.getAttribute("data-body"); });
    return found;
  }
  function rules(meta, body, add) {
    if (typeof meta.summary === "string" && /\n\s*\n/.test(meta.summary)) add(["summary"], msg("summary_paragraph"));
    var p = meta.project;
    if (p && typeof p.start === "string" && typeof p.end === "string") {
      var s = dateRange(p.start), e = dateRange(p.end);
      if (s && e && e[1] < s[0]) add(["project", "end"], msg("period", { end: shown(p.end), start: shown(p.start) }));
    }
    var f = meta.funding;
    if (f && typeof f === "object") {
      var places = [[["funding", "total"], f.total]];
      (Array.isArray(f.sources) ? f.sources : []).forEach(function (src, i) { places.push([["funding", "sources", i, "amount"], src && src.amount]); });
      places.forEach(function (pl) {
        if (pl[1] instanceof Num && cents(pl[1]) === null) add(pl[0], msg("halere", { value: shown(pl[1]), rounded: roundHalfUp(pl[1]) }));
      });
      if (f.total instanceof Num && Array.isArray(f.sources) && f.sources.length &&
          f.sources.every(function (x) { return x && x.amount instanceof Num; })) {
        var total = cents(f.total), added = 0n, ok = total !== null;
        f.sources.forEach(function (x) { var c = cents(x.amount); if (c === null) ok = false; else added += c; });
        if (ok && added !== total) {
          var diff = added - total;
          add(["funding", "total"], msg("funding_sum", { added: czk(added), total: czk(total), diff: diff > 0n ? czk(diff) : "−" + czk(-diff) }));
        }
      }
    }
    (Array.isArray(meta.contacts) ? meta.contacts : []).forEach(function (c, i) {
      if (typeof c.name === "string" && !("consent" in c)) add(["contacts", i, "name"], msg("consent", { name: shown(c.name) }));
      else if (!c.name && !c.office) add(["contacts", i], msg("contact_office"));
    });
    if (meta.municipality_count instanceof Num && Array.isArray(meta.municipalities)) {
      var named = new Set(meta.municipalities).size;
      if (Number(meta.municipality_count.text) < named) add(["municipality_count"], msg("municipality_count", { count: meta.municipality_count.text, named: named }));
    }
    spec.placeholders.forEach(function (pl) {
      leaves(meta, [], []).forEach(function (leaf) {
        if (typeof leaf[2] === "string" && leaf[2].trim() === pl[1] && leaf[1].join("/") === pl[0].join("/")) add(leaf[0], msg("placeholder", { value: shown(leaf[2]) }));
      });
    });
    body.split("\n").forEach(function (line) {
      if (/^#(?!#)\s*\S/.test(line)) add(["text"], msg("level_one_heading"), sectionOf(line));
      if (spec.placeholderLines.indexOf(line.trim()) >= 0) add(["text"], msg("placeholder_body", { value: shown(line.trim()) }), sectionOf(line));
    });
  }
  function leaves(value, path, spath) {
    if (Array.isArray(value)) return [].concat.apply([], value.map(function (v, i) { return leaves(v, path.concat([i]), spath.concat(["[]"])); }));
    if (value && typeof value === "object" && !(value instanceof Num)) {
      return [].concat.apply([], Object.keys(value).map(function (k) { return leaves(value[k], path.concat([k]), spath.concat([k])); }));
    }
    return [[path, spath, value]];
  }

  // ---------------------------------------------------------------- the file: YAML front matter and Markdown body
  function scalar(value) {
    if (value instanceof Num) return value.text;
    if (typeof value === "boolean") return value ? "true" : "false";
    // JSON is valid YAML; characters YAML reads as line breaks or controls are escaped too.
    return JSON.stringify(value).replace(/[\u007f-\u009f\u2028\u2029\ufeff]/g, function (c) { return "\\u" + c.charCodeAt(0).toString(16).padStart(4, "0"); });
  }
  function yaml(value, indent) {
    var lines = [];
    Object.keys(value).forEach(function (k) {
      var v = value[k];
      if (Array.isArray(v)) {
        if (v.every(function (x) { return typeof x !== "object" || x instanceof Num; })) lines.push(indent + k + ": [" + v.map(scalar).join(", ") + "]");
        else {
          lines.push(indent + k + ":");
          v.forEach(function (item) {
            var sub = yaml(item, indent + "    ");
            lines.push(indent + "  - " + sub[0].trim());
            lines.push.apply(lines, sub.slice(1));
          });
        }
      } else if (v && typeof v === "object" && !(v instanceof Num)) {
        lines.push(indent + k + ":");
        lines.push.apply(lines, yaml(v, indent + "  "));
      } else lines.push(indent + k + ": " + scalar(v));
    });
    return lines;
  }
  function fileText(meta, body) {
    return "---\n" + yaml(meta, "").join("\n") + "\n---\n\n" + body;
  }

  // ---------------------------------------------------------------- showing errors next to fields and in a summary
  function target(path) {  // the element that shows a path's message: the field, or its nearest group
    for (var p = path; p;) {
      var el = form.querySelector('[data-path="' + p + '"]');
      if (el) return el;
      var up = p.replace(/(\.[^.[\]]+|\[\d+\])$/, "");
      if (up === p) return null;
      p = up;
    }
    return null;
  }
  function slot(el) { return document.getElementById("e-" + el.id); }
  function labelOf(el) {
    var label = el.tagName === "FIELDSET" ? el.querySelector("legend") : form.querySelector('label[for="' + el.id + '"]');
    return label ? label.textContent.replace(/\s*\(povinné\)\s*/, "").trim() : "";
  }
  function show(errors, all) {
    form.querySelectorAll(".kp-error").forEach(function (p) { p.hidden = true; p.textContent = ""; });
    form.querySelectorAll("[aria-invalid]").forEach(function (el) { el.removeAttribute("aria-invalid"); });
    var listed = [];
    errors.forEach(function (err) {
      var el = err[0] === "text" ? (err[2] && form.querySelector('[data-body="' + err[2] + '"]')) || form.querySelector("[data-body]") : target(err[0]);
      if (!el || !(all || touched[el.id])) return;
      var p = slot(el);
      if (!p) return;
      var span = document.createElement("span");
      span.className = "kp-msg";
      span.setAttribute("data-error-for", err[0]);
      span.textContent = err[1];
      p.appendChild(span);
      p.hidden = false;
      el.setAttribute("aria-invalid", "true");
      listed.push([el, err]);
    });
    return listed;
  }
  function summary(listed) {
    var box = document.getElementById("kp-error-summary");
    box.textContent = "";
    if (!listed.length) { box.hidden = true; return; }
    var h = document.createElement("h2");
    h.textContent = listed.length === 1 ? "Návrh obsahuje 1 chybu" : "Návrh obsahuje " + listed.length + (listed.length < 5 ? " chyby" : " chyb");
    var ul = document.createElement("ul");
    listed.forEach(function (item) {
      var li = document.createElement("li"), a = document.createElement("a");
      a.href = "#" + item[0].id;
      a.textContent = (labelOf(item[0]) || item[1][0]) + ": " + item[1][1];
      a.addEventListener("click", function (ev) { ev.preventDefault(); item[0].focus(); item[0].scrollIntoView({ block: "center" }); });
      li.appendChild(a); ul.appendChild(li);
    });
    box.appendChild(h); box.appendChild(ul); box.hidden = false;
  }

  // ---------------------------------------------------------------- lists: add and remove items
  function addItem(list, values) {
    var ol = list.querySelector(":scope > .kp-items");
    var i = ol.children.length;
    var html = list.querySelector(":scope > template").innerHTML.replace(/__i__/g, String(i)).replace(/__n__/g, String(i + 1));
    var tmp = document.createElement("ol");
    tmp.innerHTML = html;
    var li = tmp.firstElementChild;
    ol.appendChild(li);
    if (values) Object.keys(values).forEach(function (k) { var el = li.querySelector('[data-path="' + k.replace(/^([^\]]*\[)\d+/, "$1" + i) + '"]'); if (el) el.value = values[k]; });
    return li;
  }
  function itemValues(li) {
    var out = {};
    li.querySelectorAll("[data-path]").forEach(function (el) { if ("value" in el && el.tagName !== "FIELDSET") out[el.getAttribute("data-path")] = el.value; });
    return out;
  }
  function removeItem(li) {
    var ol = li.parentElement, list = ol.parentElement;
    var keep = Array.prototype.filter.call(ol.children, function (x) { return x !== li; }).map(itemValues);
    var at = Array.prototype.indexOf.call(ol.children, li);
    ol.textContent = "";
    keep.forEach(function (v) { addItem(list, v); });
    var focus = ol.children[Math.min(at, ol.children.length - 1)];
    (focus ? focus.querySelector("input, select, textarea") : list.querySelector(":scope > .kp-add")).focus();
    announce("Položka odebrána.");
  }
  function announce(text) { document.getElementById("kp-out-status").textContent = text; }

  // ---------------------------------------------------------------- draft in localStorage
  function save() {
    var data = { values: {}, counts: {} };
    form.querySelectorAll("[data-list]").forEach(function (l) { data.counts[l.getAttribute("data-list")] = l.querySelector(":scope > .kp-items").children.length; });
    form.querySelectorAll("input[data-path], select[data-path], textarea[data-path]").forEach(function (el) { if (el.value) data.values[el.getAttribute("data-path")] = el.value; });
    form.querySelectorAll("[data-body]").forEach(function (el) { if (el.value) data.values["body:" + el.getAttribute("data-body")] = el.value; });
    // Nothing typed, nothing kept: a reader who only opens the form leaves no trace in the browser.
    try {
      if (Object.keys(data.values).length) { localStorage.setItem(STORE, JSON.stringify(data)); } else { localStorage.removeItem(STORE); }
    } catch (e) { /* private mode: the form still works */ }
  }
  function restore() {
    var data = null;
    try { data = JSON.parse(localStorage.getItem(STORE) || "null"); } catch (e) { data = null; }
    form.querySelectorAll("[data-list]").forEach(function (l) {
      var n = data && data.counts ? data.counts[l.getAttribute("data-list")] : undefined;
      for (var i = 0; i < (n === undefined ? 1 : n); i++) addItem(l);
    });
    if (!data) return false;
    Object.keys(data.values || {}).forEach(function (k) {
      var el = k.indexOf("body:") === 0 ? form.querySelector('[data-body="' + k.slice(5) + '"]') : form.querySelector('[data-path="' + k + '"]');
      if (el && "value" in el) el.value = data.values[k];
    });
    return Object.keys(data.values || {}).length > 0;
  }

  // ---------------------------------------------------------------- wiring
  var current = { text: "", slug: "", errors: [] };
  function update(all) {
    var meta = read(spec.schema, []) || {};
    var body = readBody();
    current.slug = slugify(typeof meta.title === "string" ? meta.title : "") || "novy-priklad";
    current.text = fileText(meta, body);
    current.errors = check(meta, body);
    document.getElementById("kp-preview").textContent = current.text;
    document.getElementById("kp-filename").textContent = spec.folder + "/" + current.slug + ".md";
    var listed = show(current.errors, all || submitted);
    if (all || submitted) summary(listed);
    save();
    return listed;
  }
  function ready() {
    var listed = update(true);
    submitted = true;
    if (listed.length) {
      var box = document.getElementById("kp-error-summary");
      box.focus();
      return false;
    }
    summary([]);
    return true;
  }
  form.addEventListener("input", function () { update(false); });
  form.addEventListener("change", function (ev) { if (ev.target.id) touched[ev.target.id] = true; markGroups(ev.target); update(false); });
  form.addEventListener("focusout", function (ev) { if (ev.target.id && ev.target.value) { touched[ev.target.id] = true; markGroups(ev.target); update(false); } });
  function markGroups(el) { for (var g = el.closest("fieldset"); g; g = g.parentElement && g.parentElement.closest("fieldset")) touched[g.id] = true; }
  form.addEventListener("click", function (ev) {
    var add = ev.target.closest("[data-add]");
    if (add) {
      var li = addItem(add.closest("[data-list]"));
      li.querySelector("input, select, textarea").focus();
      update(false);
      return;
    }
    var rm = ev.target.closest("[data-remove]");
    if (rm) { removeItem(rm.closest(".kp-item")); update(false); }
  });
  form.addEventListener("submit", function (ev) {
    ev.preventDefault();
    if (ready()) announce("Návrh je v pořádku. Vyberte níže, jak ho odeslat.");
  });
  document.getElementById("kp-clear").addEventListener("click", function () {
    if (!window.confirm("Smazat rozepsaný návrh?")) return;
    try { localStorage.removeItem(STORE); } catch (e) { /* nothing stored */ }
    form.querySelectorAll("input, select, textarea").forEach(function (el) { el.value = ""; });
    form.querySelectorAll("[data-list]").forEach(function (l) { l.querySelector(":scope > .kp-items").textContent = ""; addItem(l); });
    touched = {}; submitted = false; summary([]); update(false);
  });
  document.getElementById("kp-github").addEventListener("click", function () {
    if (!ready()) return;
    var repo = form.getAttribute("data-repo");
    var url = repo + "/new/" + encodeURIComponent(form.getAttribute("data-branch")) + "?filename=" +
      encodeURIComponent(spec.folder + "/" + current.slug + ".md") + "&value=" + encodeURIComponent(current.text);
    window.open(url, "_blank", "noopener");
  });
  document.getElementById("kp-download").addEventListener("click", function () {
    if (!ready()) return;
    var a = document.createElement("a");
    a.href = URL.createObjectURL(new Blob([current.text], { type: "text/markdown;charset=utf-8" }));
    a.download = current.slug + ".md";
    document.body.appendChild(a); a.click(); a.remove();
    announce("Soubor " + current.slug + ".md je stažený.");
  });
  document.getElementById("kp-copy").addEventListener("click", function () {
    if (!ready()) return;
    var done = function () { announce("Text souboru je zkopírovaný do schránky."); };
    if (navigator.clipboard && window.isSecureContext) navigator.clipboard.writeText(current.text).then(done, fallback);
    else fallback();
    function fallback() {
      var range = document.createRange();
      range.selectNodeContents(document.getElementById("kp-preview"));
      var sel = window.getSelection(); sel.removeAllRanges(); sel.addRange(range);
      announce(document.execCommand("copy") ? "Text souboru je zkopírovaný do schránky." : "Text je označený; zkopírujte ho klávesami Ctrl+C.");
    }
  });
  if (restore()) document.getElementById("kp-draft-note").textContent = "Pokračujete v rozepsaném návrhu uloženém v tomto prohlížeči.";
  update(false);
  window.kpProposal = { check: function () { update(true); return current.errors; }, text: function () { return current.text; } };
})();
