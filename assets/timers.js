// Times the server sends as epoch milliseconds and the browser writes in; React renders these elements empty, so
// it never fights this text.
// - Live clocks for the check-in: elements carry a deadline (or a start), filled in as "m:ss" every half second.
// - When something was shared (transparency updates, bids): the moment, in the reader's own time zone ("just now",
//   "12 min ago", "18:05", "Yesterday 18:05", "Mon 24 Nov 18:05"), so two partners in different zones each read
//   their own clock; refreshed every 20 seconds.
(function () {
  function show(el, text) {
    if (el.textContent !== text) el.textContent = text;  // unchanged text writes nothing (no observer loop)
  }

  function clock(ms) {
    var total = Math.max(0, Math.round(ms / 1000));
    var minutes = Math.floor(total / 60);
    var seconds = total % 60;
    return minutes + ":" + (seconds < 10 ? "0" : "") + seconds;
  }
  function tick() {
    var now = Date.now();
    document.querySelectorAll("[data-timer-until]").forEach(function (el) {
      var until = Number(el.getAttribute("data-timer-until"));
      if (!until) { show(el, ""); return; }
      var left = until - now;
      show(el, clock(left));
      if (el.classList.contains("cd-timer-done") !== left <= 0) el.classList.toggle("cd-timer-done", left <= 0);
    });
    document.querySelectorAll("[data-timer-since]").forEach(function (el) {
      var since = Number(el.getAttribute("data-timer-since"));
      show(el, since ? clock(now - since) : "");
    });
  }

  function two(n) { return (n < 10 ? "0" : "") + n; }
  function label(ms, now) {
    var at = new Date(ms);
    var minutes = Math.floor((now - ms) / 60000);
    if (minutes < 1) return "just now";
    if (minutes < 60) return minutes + " min ago";
    var clock = two(at.getHours()) + ":" + two(at.getMinutes());
    var today = new Date(now); today.setHours(0, 0, 0, 0);
    var day = new Date(ms); day.setHours(0, 0, 0, 0);
    var days = Math.round((today - day) / 86400000);
    if (days === 0) return clock;
    if (days === 1) return "Yesterday " + clock;
    return at.toLocaleDateString("en-GB", { weekday: "short", day: "numeric", month: "short" }).replace(",", "")
      + " " + clock;
  }
  function fill() {
    var now = Date.now();
    document.querySelectorAll("[data-local-time]").forEach(function (el) {
      var ms = Number(el.getAttribute("data-local-time"));
      show(el, ms ? label(ms, now) : "");
    });
  }

  function all() { tick(); fill(); }
  setInterval(tick, 500);
  setInterval(fill, 20000);
  all();
  // Fill a time in as soon as it appears, not up to one interval later.
  new MutationObserver(all).observe(document.documentElement, {
    childList: true, subtree: true, attributes: true,
    attributeFilter: ["data-timer-until", "data-timer-since", "data-local-time"]
  });
})();
