// Offline support: the core pages are kept on install, every page, script and search chunk a reader
// fetches is kept as it comes, and with no network the kept copy is served. Same origin only.
"use strict";
var CACHE = "kp-offline-v1";
var CORE = ["./", "dobra-praxe/", "metodiky/", "kraje/", "hledani/", "statistiky/", "ke-stazeni/",
            "assets/portal.css", "assets/portal.js", "assets/catalogue.js", "data/katalog.json", "assets/search.js", "assets/search.css"];

self.addEventListener("install", function (event) {
  event.waitUntil(caches.open(CACHE).then(function (cache) {
    return cache.addAll(CORE.map(function (path) { return new URL(path, self.registration.scope).href; }));
  }).then(function () { return self.skipWaiting(); }));
});

self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys().then(function (keys) {
    return Promise.all(keys.filter(function (k) { return k !== CACHE; }).map(function (k) { return caches.delete(k); }));
  }).then(function () { return self.clients.claim(); }));
});

// Network first, so readers online always see the current content; the cache answers offline.
self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) { return; }
  // Videos stream with range requests: the browser fetches them itself and they are never kept on the phone.
  if (/\.(mp4|webm)$/.test(new URL(request.url).pathname)) { return; }
  // The CMS at /admin/ talks to the repository host and must always be current: never kept.
  if (new URL(request.url).href.indexOf(new URL("admin/", self.registration.scope).href) === 0) { return; }
  event.respondWith(fetch(request).then(function (response) {
    if (response.ok && !/\.pdf$/.test(new URL(request.url).pathname)) {
      var copy = response.clone();
      caches.open(CACHE).then(function (cache) { cache.put(request, copy); });
    }
    return response;
  }).catch(function () {
    return caches.match(request, { ignoreSearch: request.mode === "navigate" }).then(function (hit) {
      return hit || new Response("Jste offline a tato stránka zatím není uložená.", { status: 503, headers: { "Content-Type": "text/plain; charset=utf-8" } });
    });
  }));
});
