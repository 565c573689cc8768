// The live preview's script, added to every page it serves (scripts/preview/server.py): reloads
// the page when it was rendered again, and shows the build's problems over the last good page.
(function () {
  "use strict";
  var BOX_ID = "preview-problems";
  var here = location.pathname.replace(/index\.html$/, "");

  function showProblems(text) {
    var box = document.getElementById(BOX_ID);
    if (!text) {
      if (box) box.remove();
      return;
    }
    if (!box) {
      box = document.createElement("pre");
      box.id = BOX_ID;
      box.setAttribute("role", "alert");
      box.style.cssText = "position:fixed;left:0;right:0;bottom:0;z-index:10000;margin:0;max-height:50vh;" +
        "overflow:auto;padding:1em;background:#fff3f3;color:#8b0000;border-top:3px solid #b00020;" +
        "font:14px/1.4 monospace;white-space:pre-wrap";
      document.body.appendChild(box);
    }
    box.textContent = text; // text, never markup
  }

  var source = new EventSource("/__preview/events?page=" + encodeURIComponent(here)); // rendered first
  source.onmessage = function (event) {
    var state = JSON.parse(event.data);
    document.documentElement.setAttribute("data-preview-connected", state.version);
    var changed = state.changed || [];
    if (changed.indexOf("*") >= 0 || changed.indexOf(here) >= 0) {
      location.reload();
      return;
    }
    showProblems(state.problems);
  };
})();
