/* Catalogue filters, sorting and text search, on top of a paged list that works without JavaScript.
   The state lives in the URL query (?sector=…&status=…&locality=…&form=…&text=…&sort=…) so a
   filtered view can be shared; not `q`, for which Material opens its site search over any page.
   The default order (the sort menu's first option) is the build's: the listing script and the pages
   hold the items in that order (listing.ordered), so it is kept as it is, never re-sorted here; the
   other sorts are stable, so ties keep it too. The "Show on the map" link carries sector and status.
   Until the reader filters, the page shows its own page of projects; the first filter loads every
   project of the language (data-listing: list items the build has already escaped), shows the first
   data-page-size matches and a "Show more projects" button.
   Reads only data-* attributes; writes no HTML from data. */
(function () {
  "use strict";

  var FIELDS = ["sector", "status", "locality", "form"];
  var MAP_FIELDS = ["sector", "status"];  // the filters the map has

  function fold(text) {
    return text.toLowerCase().replace(/đ/g, "d").normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  }

  var SORTS = {
    name: function (a, b) { return a.dataset.name.localeCompare(b.dataset.name); },
    investment: numeric("investment"),
    area: numeric("area"),
    updated: function (a, b) { return b.dataset.updated.localeCompare(a.dataset.updated); }
  };

  function numeric(key) {
    return function (a, b) {
      var x = a.dataset[key] === "" ? -1 : parseFloat(a.dataset[key]);
      var y = b.dataset[key] === "" ? -1 : parseFloat(b.dataset[key]);
      return y - x;
    };
  }

  /* Every item of the language, once: a script file (works from file:// in the kiosk too). */
  function loadListing(root, done) {
    if (root.everyItem) return done(root.everyItem);
    root.waiting = root.waiting || [];
    root.waiting.push(done);
    if (root.waiting.length > 1) return;  // already on its way
    var script = document.createElement("script");
    script.src = root.dataset.listing;
    script.onload = function () {
      var holder = document.createElement("ul");
      holder.innerHTML = (window.NGHEAN_CATALOGUE_LISTING || []).join("");
      root.everyItem = Array.prototype.slice.call(holder.children);
      var fromDisk = window.location.protocol === "file:";  // the kiosk: folders do not open index.html
      root.everyItem.forEach(function (item) {
        item.querySelectorAll("a[href]").forEach(function (link) {
          var href = root.dataset.root + link.getAttribute("href");
          link.setAttribute("href", fromDisk && /\/$/.test(href) ? href + "index.html" : href);
        });
      });
      root.waiting.splice(0).forEach(function (callback) { callback(root.everyItem); });
    };
    script.onerror = function () {  // the next filter tries again
      root.waiting.splice(0).forEach(function (callback) { callback(null); });
      script.remove();
    };
    document.head.appendChild(script);
  }

  function setup(root) {
    var form = root.querySelector(".catalogue-filters");
    var list = root.querySelector(".catalogue-list");
    var count = root.querySelector(".catalogue-count");
    var more = root.querySelector(".catalogue-more");
    var pages = root.querySelector(".catalogue-pages");
    if (!form || !list) return;
    var pageItems = Array.prototype.slice.call(list.children);
    var pageCount = count.textContent;
    var pageSize = parseInt(root.dataset.pageSize, 10) || 50;
    var limit = pageSize;
    var controls = Array.prototype.slice.call(form.querySelectorAll("[data-filter]"));
    var params = new URLSearchParams(window.location.search);
    var sortSelect = form.querySelector('select[name="sort"]');
    var defaultSort = sortSelect ? sortSelect.options[0].value : "";
    var active = root.querySelector("[data-filter-active]");
    var mapLink = root.querySelector("[data-map-link]");
    var mapBase = mapLink ? mapLink.getAttribute("href") : "";
    var box = root.querySelector(".catalogue-filter-box");
    // Wide screens show the form always (CSS ::details-content); this opens it where that is not known.
    if (box && window.matchMedia("(min-width: 60em)").matches) box.open = true;

    controls.forEach(function (control) {
      var value = params.get(control.name);
      if (value === null) return;
      if (control.tagName === "SELECT") {
        var known = Array.prototype.some.call(control.options, function (o) { return o.value === value; });
        if (known) control.value = value;
      } else {
        control.value = value;
      }
    });

    function currentState() {
      var state = {};
      controls.forEach(function (control) { state[control.name] = control.value.trim(); });
      return state;
    }

    function isFiltered(state) {
      return Boolean(state.text) || (state.sort && state.sort !== defaultSort) ||
        FIELDS.some(function (key) { return Boolean(state[key]); });
    }

    function show(items, shownCount, total) {
      list.replaceChildren.apply(list, items);
      count.textContent = count.dataset.template
        .replace("%(shown)s", String(shownCount)).replace("%(total)s", String(total));
    }

    function render(state, everyItem) {
      var words = fold(state.text || "").split(/\s+/).filter(Boolean);
      var matches = everyItem.filter(function (item) {
        return FIELDS.every(function (key) { return !state[key] || item.dataset[key] === state[key]; }) &&
          words.every(function (word) { return item.dataset.text.indexOf(word) !== -1; });
      });
      if (SORTS[state.sort]) matches.sort(SORTS[state.sort]);
      show(matches.slice(0, limit), matches.length, everyItem.length);
      more.hidden = matches.length <= limit;
      if (pages) pages.hidden = true;
    }

    var shownKey = null;  // what the list shows now; a text field's "change" on blur repeats its "input"

    function apply() {
      var state = currentState();
      var key = JSON.stringify([state, limit]);
      if (key === shownKey) return;
      shownKey = key;
      var query = new URLSearchParams();
      controls.forEach(function (control) {
        if (control.value && !(control.name === "sort" && control.value === defaultSort)) query.set(control.name, control.value);
      });
      var search = query.toString();
      showState(state);
      window.history.replaceState(null, "", window.location.pathname + (search ? "?" + search : "") + window.location.hash);
      if (!isFiltered(state)) {
        list.replaceChildren.apply(list, pageItems);
        count.textContent = pageCount;
        more.hidden = true;
        if (pages) pages.hidden = false;
        return;
      }
      loadListing(root, function (everyItem) {
        if (JSON.stringify([currentState(), limit]) !== shownKey) return;  // the reader has moved on
        if (!everyItem) {
          shownKey = null;
          count.textContent = count.dataset.error;
          return;
        }
        render(currentState(), everyItem);
      });
    }

    /* The number of active filters on the "Filter" button, and the map link with the same filters. */
    function showState(state) {
      var chosen = FIELDS.concat(["text"]).filter(function (key) { return Boolean(state[key]); });
      if (active) active.textContent = chosen.length ? String(chosen.length) : "";
      if (!mapLink) return;
      var query = new URLSearchParams();
      MAP_FIELDS.forEach(function (key) { if (state[key]) query.set(key, state[key]); });
      var search = query.toString();
      mapLink.setAttribute("href", mapBase + (search ? "?" + search : ""));
    }

    /* A status count filters the list by its status. */
    root.querySelectorAll(".catalogue-status-counts a[data-status]").forEach(function (link) {
      link.addEventListener("click", function (event) {
        var status = form.querySelector('select[name="status"]');
        if (!status) return;
        event.preventDefault();
        status.value = link.dataset.status;
        restart();
      });
    });

    function restart() {
      limit = pageSize;
      apply();
    }

    form.addEventListener("input", restart);
    form.addEventListener("change", restart);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.addEventListener("reset", function () { window.setTimeout(restart, 0); });
    more.addEventListener("click", function () {
      var next = list.children.length;
      limit += pageSize;
      apply();
      var first = list.children[next];
      if (first) first.querySelector("a").focus();
    });
    showState(currentState());
    if (isFiltered(currentState())) apply();
  }

  document.querySelectorAll("[data-catalogue]").forEach(setup);
})();
