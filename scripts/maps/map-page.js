/* The map page around the map's frame, written inline after the frame by scripts/maps/embed.py. It
   loads the frame (address in data-src) after the page's first paint, with the page's
   ?sector=…&status=…&project=…, so that Leaflet and the map's data never hold up the page's text.
   The map posts its query whenever the reader filters or opens a project (investment-map.js); this
   page then writes it into its own address (history.replaceState) and points "Show these projects
   as a list" at the catalogue with the same filters. Only messages from this frame are read, and
   only these keys are kept. */
(function () {
  "use strict";

  var KEYS = ["sector", "status", "project", "park"];  // park: links from the industrial parks
  var LIST_KEYS = ["sector", "status"];  // the catalogue's filters the map shares
  var STATE_MESSAGE = "nghean-map-state";
  var frame = document.querySelector(".map-frame iframe");
  if (!frame) return;
  var listLink = document.querySelector("[data-map-list]");
  var fullLink = document.querySelector("[data-map-full]");
  var frameBase = frame.getAttribute("data-src").split("?")[0];
  var listBase = listLink ? listLink.getAttribute("href").split("?")[0] : "";

  function kept(search, keys) {
    var from = new URLSearchParams(search);
    var query = new URLSearchParams();
    keys.forEach(function (key) { if (from.get(key)) query.set(key, from.get(key)); });
    var text = query.toString();
    return text ? "?" + text : "";
  }

  function show(search) {
    window.history.replaceState(null, "", window.location.pathname + kept(search, KEYS) + window.location.hash);
    if (listLink) listLink.setAttribute("href", listBase + kept(search, LIST_KEYS));
    if (fullLink) fullLink.setAttribute("href", frameBase + kept(search, KEYS));
  }

  var start = kept(window.location.search, KEYS);
  window.requestAnimationFrame(function () {  // the next frame's work, after the page's first paint
    window.setTimeout(function () { frame.setAttribute("src", frameBase + start); }, 0);
  });
  // A link to one project or park (from its page): bring the whole map, and so its popup, into view.
  if (/[?&](project|park)=/.test(start)) {
    frame.addEventListener("load", function () { frame.scrollIntoView({ block: "nearest" }); });
  }
  show(window.location.search);

  window.addEventListener("message", function (event) {
    if (event.source !== frame.contentWindow || !event.data || event.data.type !== STATE_MESSAGE) return;
    show("?" + String(event.data.search || ""));
  });
})();
