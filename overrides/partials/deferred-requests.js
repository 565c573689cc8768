{#- Requests Material sends on every page load that a reader may never need.
   Inlined in <head> (overrides/main.html) so it runs before Material's bundle.
   - The search index (several MB with a large catalogue) is requested when the reader first goes to
     the search field (focus, the search button or a keyboard shortcut), not on load.
   - The sitemaps Material's language switcher asks for are never requested. It reads sitemap.xml
     beside each rel="alternate" link, taking the link for a language's home page; ours are the
     page's own translations (scripts/seo.py, for search engines), so below a language's home it
     asked for /en/projects/<id>/sitemap.xml and the like, which do not exist (404). All it would
     learn is where this page is in the other languages, and our language links already point there;
     once it had an answer, even an empty one, it took over their clicks and went to the translation's
     address without its final slash (one redirect more).
   Material reads both through XMLHttpRequest; nothing else is changed.
   (A template comment: it is not sent with every page.) -#}
(function () {
  "use strict";
  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  var waiting = [];
  var released = false;

  function releaseSearch() {
    if (released) return;
    released = true;
    waiting.splice(0).forEach(function (start) {
      try { start(); } catch (error) { /* a request Material gave up on meanwhile */ }
    });
  }

  function kindOf(url) {
    var path = String(url).split(/[?#]/)[0];
    if (/\/search\/search_index\.json$/.test(path)) return "search";
    if (/\/sitemap\.xml$/.test(path)) return "never";
    return null;
  }

  XMLHttpRequest.prototype.open = function (method, url) {
    this.deferredKind = method === "GET" ? kindOf(url) : null;
    return open.apply(this, arguments);
  };

  XMLHttpRequest.prototype.send = function () {
    var request = this, args = arguments, kind = request.deferredKind;
    if (kind === "never") return;
    if (kind !== "search" || released) return send.apply(request, args);
    waiting.push(function () { send.apply(request, args); });
  };

  function isSearch(target) {
    return target && target.closest && target.closest("[data-md-component=search], label[for=__search]");
  }

  document.addEventListener("focusin", function (event) {
    if (isSearch(event.target)) releaseSearch();
  }, true);
  ["pointerdown", "keydown", "touchstart"].forEach(function (name) {
    document.addEventListener(name, function (event) {
      if (isSearch(event.target)) releaseSearch();
    }, { capture: true, passive: true });
  });
  if (/[?&]q=/.test(window.location.search)) releaseSearch();
})();
