/* Requests Material sends on every page load that a reader may never need, held back until they are.
   Inlined in <head> (overrides/main.html) so it runs before Material's bundle.
   - The search index (several MB with a large catalogue) is requested when the reader first goes to
     the search field (focus, the search button or a keyboard shortcut), not on load.
   - The sitemaps Material reads for each rel="alternate" link (to map the current page to its other
     languages; our language links already point at the right page) wait for the first interaction.
   Material reads both through XMLHttpRequest; nothing else is changed. */
(function () {
  "use strict";
  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  var waiting = { search: [], interaction: [] };
  var released = { search: false, interaction: false };

  function release(kind) {
    if (released[kind]) return;
    released[kind] = true;
    waiting[kind].splice(0).forEach(function (start) {
      try { start(); } catch (error) { /* a request Material gave up on meanwhile */ }
    });
  }

  function kindOf(url) {
    var path = String(url).split(/[?#]/)[0];
    if (/\/search\/search_index\.json$/.test(path)) return "search";
    if (/\/sitemap\.xml$/.test(path)) return "interaction";
    return null;
  }

  XMLHttpRequest.prototype.open = function (method, url) {
    this.deferredKind = method === "GET" ? kindOf(url) : null;
    return open.apply(this, arguments);
  };

  XMLHttpRequest.prototype.send = function () {
    var request = this, args = arguments, kind = request.deferredKind;
    if (!kind || released[kind]) return send.apply(request, args);
    waiting[kind].push(function () { send.apply(request, args); });
  };

  function isSearch(target) {
    return target && target.closest && target.closest("[data-md-component=search], label[for=__search]");
  }

  document.addEventListener("focusin", function (event) {
    if (isSearch(event.target)) release("search");
  }, true);
  ["pointerdown", "keydown", "touchstart"].forEach(function (name) {
    document.addEventListener(name, function (event) {
      release("interaction");
      if (isSearch(event.target)) release("search");
    }, { capture: true, passive: true });
  });
  if (/[?&]q=/.test(window.location.search)) release("search");
})();
