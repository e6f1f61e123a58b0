// Live clocks for the check-in: elements carry a deadline (or a start) as epoch milliseconds from the server,
// and this fills in "m:ss" every half second. React renders these elements empty, so it never fights this text.
(function () {
  function clock(ms) {
    var total = Math.max(0, Math.round(ms / 1000));
    var minutes = Math.floor(total / 60);
    var seconds = total % 60;
    return minutes + ":" + (seconds < 10 ? "0" : "") + seconds;
  }
  function show(el, text) {
    if (el.textContent !== text) el.textContent = text;  // unchanged text writes nothing (no observer loop)
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
  setInterval(tick, 500);
  tick();
  // Fill a clock in as soon as it appears, not up to half a second later.
  new MutationObserver(tick).observe(document.documentElement, {
    childList: true, subtree: true, attributes: true, attributeFilter: ["data-timer-until", "data-timer-since"]
  });
})();
