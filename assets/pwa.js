// Couple Dash in the browser: registers the service worker, offers a reload after a release, and gives the
// app's events Web Push helpers.
// Every helper resolves (never rejects) to a plain object, because it is handed back to a server event.
(function () {
  "use strict";
  var supported = "serviceWorker" in navigator && "PushManager" in window && "Notification" in window;

  // A new release installs a new service worker; the page that was open keeps working and offers a reload
  // (never forced: someone may be typing).
  function offerReload() {
    if (document.getElementById("cd-update")) return;
    var bar = document.createElement("div");
    bar.id = "cd-update";
    bar.className = "cd-update";
    bar.setAttribute("role", "status");
    bar.innerHTML = '<span>Couple Dash was updated.</span> <button type="button">Reload</button>';
    bar.querySelector("button").addEventListener("click", function () { location.reload(); });
    document.body.appendChild(bar);
  }

  if ("serviceWorker" in navigator) {
    var hadController = !!navigator.serviceWorker.controller;
    navigator.serviceWorker.addEventListener("controllerchange", function () {
      if (hadController) offerReload();
      hadController = true;
    });
    var register = function () {
      navigator.serviceWorker.register("/sw.js").then(
        function (registration) {
          document.addEventListener("visibilitychange", function () {
            if (document.visibilityState === "visible") registration.update().catch(function () {});
          });
        },
        function (e) { console.warn("service worker not registered", e); }
      );
    };
    // This script is added by React after hydration, often after the load event: register now if so.
    if (document.readyState === "complete") register();
    else window.addEventListener("load", register);
  }

  function keyBytes(base64url) {
    var padded = (base64url + "===".slice((base64url.length + 3) % 4)).replace(/-/g, "+").replace(/_/g, "/");
    var raw = atob(padded);
    var bytes = new Uint8Array(raw.length);
    for (var i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
    return bytes;
  }

  function sameKey(subscription, bytes) {
    var current = subscription.options && subscription.options.applicationServerKey;
    if (!current) return true;
    var a = new Uint8Array(current);
    if (a.length !== bytes.length) return false;
    for (var i = 0; i < a.length; i++) if (a[i] !== bytes[i]) return false;
    return true;
  }

  function deviceName() {
    var ua = navigator.userAgent;
    var browser = /Edg\//.test(ua) ? "Edge" : /Firefox\//.test(ua) ? "Firefox" : /Chrome\//.test(ua) ? "Chrome"
      : /Safari\//.test(ua) ? "Safari" : "A browser";
    var system = /Android/.test(ua) ? "Android" : /iPhone|iPad/.test(ua) ? "iPhone or iPad"
      : /Mac OS X/.test(ua) ? "a Mac" : /Windows/.test(ua) ? "Windows" : /Linux/.test(ua) ? "Linux" : "";
    return system ? browser + " on " + system : browser;
  }

  async function currentSubscription() {
    var registration = await navigator.serviceWorker.getRegistration("/");
    return registration ? await registration.pushManager.getSubscription() : null;
  }

  window.coupleDashPush = {
    status: async function () {
      if (!supported) return { state: "unsupported", endpoint: "" };
      if (Notification.permission === "denied") return { state: "blocked", endpoint: "" };
      try {
        var subscription = await currentSubscription();
        return { state: subscription ? "subscribed" : "off", endpoint: subscription ? subscription.endpoint : "" };
      } catch (e) {
        return { state: "off", endpoint: "" };
      }
    },
    subscribe: async function (publicKey) {
      if (!supported) return { error: "unsupported" };
      try {
        var permission = await Notification.requestPermission();
        if (permission !== "granted") return { error: permission === "denied" ? "blocked" : "dismissed" };
        await navigator.serviceWorker.register("/sw.js");
        var registration = await navigator.serviceWorker.ready;
        var key = keyBytes(publicKey);
        var subscription = await registration.pushManager.getSubscription();
        if (subscription && !sameKey(subscription, key)) {
          await subscription.unsubscribe(); // the server's keys changed: the old subscription can't be used
          subscription = null;
        }
        if (!subscription) {
          subscription = await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: key });
        }
        var json = subscription.toJSON();
        return { endpoint: json.endpoint, p256dh: json.keys.p256dh, auth: json.keys.auth, device: deviceName() };
      } catch (e) {
        return { error: "failed", detail: String(e) };
      }
    },
    unsubscribe: async function () {
      try {
        var subscription = supported ? await currentSubscription() : null;
        if (!subscription) return { endpoint: "" };
        var endpoint = subscription.endpoint;
        await subscription.unsubscribe();
        return { endpoint: endpoint };
      } catch (e) {
        return { endpoint: "", error: String(e) };
      }
    },
  };
})();
