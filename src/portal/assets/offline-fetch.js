// Offline edition only: on file:// browsers refuse fetch(), so every JSON file of the copy has a twin
// "<file>.json.js" that a <script> element may load. This shim answers fetch() of a local .json from it,
// so the portal's own scripts (catalogue index, card chunks …) work unchanged from disk.
(function () {
  "use strict";
  if (location.protocol !== "file:" || !window.fetch) { return; }
  var data = window.KP_OFFLINE_DATA = window.KP_OFFLINE_DATA || {};
  var loading = {};
  var realFetch = window.fetch.bind(window);

  function load(url) {
    if (!loading[url]) {
      loading[url] = new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = url + ".js";
        script.onload = function () { return url in data ? resolve(data[url]) : reject(new Error("missing " + url)); };
        script.onerror = function () { delete loading[url]; reject(new TypeError("Failed to fetch " + url)); };
        document.head.appendChild(script);
      });
    }
    return loading[url];
  }

  window.fetch = function (input, init) {
    var href = typeof input === "string" || input instanceof URL ? String(input) : input && input.url;
    var url = href ? new URL(href, location.href) : null;
    if (!url || url.protocol !== "file:" || !/\.json$/.test(url.pathname)) { return realFetch(input, init); }
    url.search = "";
    url.hash = "";
    return load(url.href).then(function (text) {
      return new Response(text, { status: 200, headers: { "Content-Type": "application/json" } });
    });
  };
})();
