/* DOM helpers shared by the map scripts (assets/maps/investment-map.js, assets/maps/map-3d.js): text
   from data goes in with textContent only, and a link from data only when it is http(s). A classic
   script loaded just before them, not an ES module: the flat map also runs from file:// (the kiosk),
   where browsers refuse to load modules, and the site has no bundler. */
(function () {
  "use strict";

  window.NGHEAN_DOM = {
    el: function (tag, className, text) {
      var node = document.createElement(tag);
      if (className) node.className = className;
      if (text !== undefined && text !== null) node.textContent = String(text);
      return node;
    },
    safeHref: function (url) {
      return /^https?:\/\//.test(url) ? url : null;
    }
  };
})();
