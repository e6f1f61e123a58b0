// Couple Dash service worker (release __RELEASE__; written to assets/sw.js by couple_dash/pwa.py).
//
// What it does:
//   - keeps the app's code, styles and icons in a cache so the app starts fast (hashed build files: cache
//     first; our own unhashed files: from the cache, refreshed in the background);
//   - pages always come from the network (their data arrives live over the websocket anyway); when the server
//     can't be reached, it shows the offline page instead;
//   - shows reminders pushed by the server (Web Push) and opens the app on a tap.
// What it never does: touch the live connection (/_event), uploads, the calendar feed, health checks, any
// request that isn't a same-origin GET, or anything else not listed below. It caches no signed-in data.
"use strict";

var RELEASE = "__RELEASE__";
var STATIC_CACHE = "couple-dash-static-" + RELEASE;
var OFFLINE_URL = "/offline.html";
var PRECACHE = [
  OFFLINE_URL,
  "/styles.css",
  "/pwa.js",
  "/timers.js",
  "/icon.svg",
  "/icon-192.png",
  "/badge-72.png",
  "/manifest.json",
];
var OWN_STATIC = /^\/(styles\.css|pwa\.js|timers\.js|manifest\.json|favicon\.ico|[\w-]+\.(png|svg))$/;
var HASHED = /^\/assets\/[\w.-]+\.(js|css|woff2?|png|svg)$/;
var NEVER = /^\/(_event|_upload|_health|ping|calendar|api|report\/shared)(\/|$)/;
var NAVIGATION_TIMEOUT_MS = 5000;

self.addEventListener("install", function (event) {
  event.waitUntil(
    caches
      .open(STATIC_CACHE)
      .then(function (cache) {
        return cache.addAll(PRECACHE.map(function (url) { return new Request(url, { cache: "reload" }); }));
      })
      .then(function () {
        return self.skipWaiting(); // a new release takes over at once; the page offers a reload
      })
  );
});

self.addEventListener("activate", function (event) {
  event.waitUntil(
    caches
      .keys()
      .then(function (names) {
        return Promise.all(
          names
            .filter(function (name) { return name.indexOf("couple-dash-") === 0 && name !== STATIC_CACHE; })
            .map(function (name) { return caches.delete(name); })
        );
      })
      .then(function () {
        return self.clients.claim();
      })
  );
});

function networkWithTimeout(request) {
  return new Promise(function (resolve, reject) {
    var timer = setTimeout(function () { reject(new Error("timeout")); }, NAVIGATION_TIMEOUT_MS);
    fetch(request).then(
      function (response) { clearTimeout(timer); resolve(response); },
      function (error) { clearTimeout(timer); reject(error); }
    );
  });
}

function page(request) {
  return networkWithTimeout(request).catch(function () {
    return caches.match(OFFLINE_URL);
  });
}

function cacheFirst(request) {
  return caches.open(STATIC_CACHE).then(function (cache) {
    return cache.match(request).then(function (hit) {
      return (
        hit ||
        fetch(request).then(function (response) {
          if (response.ok) cache.put(request, response.clone());
          return response;
        })
      );
    });
  });
}

function staleWhileRevalidate(event) {
  var request = event.request;
  return caches.open(STATIC_CACHE).then(function (cache) {
    return cache.match(request).then(function (hit) {
      var fresh = fetch(request).then(function (response) {
        if (response.ok) cache.put(request, response.clone());
        return response;
      });
      if (hit) {
        event.waitUntil(fresh.catch(function () {}));
        return hit;
      }
      return fresh;
    });
  });
}

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET") return;
  var url = new URL(request.url);
  if (url.origin !== self.location.origin || NEVER.test(url.pathname)) return;
  if (request.headers.has("Authorization")) return;
  if (request.mode === "navigate") {
    event.respondWith(page(request));
  } else if (HASHED.test(url.pathname)) {
    event.respondWith(cacheFirst(request));
  } else if (OWN_STATIC.test(url.pathname) && !url.search) {
    event.respondWith(staleWhileRevalidate(event));
  }
  // Anything else goes to the network untouched.
});

self.addEventListener("push", function (event) {
  var data = {};
  try {
    data = event.data ? event.data.json() : {};
  } catch (e) {
    data = { body: event.data ? event.data.text() : "" };
  }
  event.waitUntil(
    self.registration.showNotification(data.title || "Couple Dash", {
      body: data.body || "",
      tag: data.tag || undefined,
      icon: "/icon-192.png",
      badge: "/badge-72.png",
      data: { url: data.url || "/" },
    })
  );
});

self.addEventListener("notificationclick", function (event) {
  event.notification.close();
  var path = (event.notification.data && event.notification.data.url) || "/";
  var target = new URL(path, self.location.origin).href;
  event.waitUntil(
    self.clients.matchAll({ type: "window", includeUncontrolled: true }).then(function (windows) {
      for (var i = 0; i < windows.length; i++) {
        var client = windows[i];
        if (new URL(client.url).origin === self.location.origin && "focus" in client) {
          return client.focus().then(function (focused) {
            return focused && "navigate" in focused ? focused.navigate(target) : focused;
          });
        }
      }
      return self.clients.openWindow(target);
    })
  );
});
