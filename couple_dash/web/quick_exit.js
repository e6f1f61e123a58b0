/* Quick exit: leave Couple Dash for a neutral page at once, on a click of the header button or Esc pressed three
   times within 1.5 seconds. location.replace swaps this page's history entry, so Back doesn't lead straight back.
   It runs in the page itself (no round trip to the server), so it works even while the connection is down, and
   couple_dash.py inlines it into every page's head, so it works from the first paint, before the app hydrates. */
(function () {
  "use strict";
  var FALLBACK = "https://www.bbc.com/weather";
  var WINDOW_MS = 1500;
  var presses = [];

  function leave(href) {
    var link = document.querySelector("[data-quick-exit]");
    var target = href || (link && link.getAttribute("href")) || FALLBACK;
    try {
      document.documentElement.style.visibility = "hidden"; // nothing of this page stays on screen meanwhile
      document.title = "Weather";
    } catch (e) { /* keep going */ }
    window.location.replace(target);
  }
  window.coupleDashQuickExit = leave;

  document.addEventListener("click", function (event) {
    var link = event.target && event.target.closest ? event.target.closest("[data-quick-exit]") : null;
    if (!link) return;
    event.preventDefault();
    event.stopPropagation();
    leave(link.getAttribute("href"));
  }, true);

  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape" || event.repeat) return;
    var now = Date.now();
    presses = presses.filter(function (t) { return now - t < WINDOW_MS; });
    presses.push(now);
    if (presses.length >= 3) {
      presses = [];
      leave();
    }
  }, true);
})();
