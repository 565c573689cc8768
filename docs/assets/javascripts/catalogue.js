/* Catalogue filters, sorting and text search, on top of a list that works without JavaScript.
   The state lives in the URL query (?sector=…&status=…&locality=…&form=…&q=…&sort=…) so a
   filtered view can be shared. Reads only data-* attributes; writes no HTML from data. */
(function () {
  "use strict";

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

  function setup(root) {
    var form = root.querySelector(".catalogue-filters");
    var list = root.querySelector(".catalogue-list");
    var count = root.querySelector(".catalogue-count");
    if (!form || !list) return;
    var items = Array.prototype.slice.call(list.children);
    var controls = Array.prototype.slice.call(form.querySelectorAll("[data-filter]"));
    var params = new URLSearchParams(window.location.search);

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

    function apply() {
      var state = {};
      controls.forEach(function (control) { state[control.name] = control.value.trim(); });
      var words = fold(state.q || "").split(/\s+/).filter(Boolean);
      var shown = 0;
      items.forEach(function (item) {
        var visible = ["sector", "status", "locality", "form"].every(function (key) {
          return !state[key] || item.dataset[key] === state[key];
        }) && words.every(function (word) { return item.dataset.text.indexOf(word) !== -1; });
        item.hidden = !visible;
        if (visible) shown += 1;
      });
      var sorted = items.slice().sort(SORTS[state.sort] || SORTS.name);
      sorted.forEach(function (item) { list.appendChild(item); });
      count.textContent = count.dataset.template
        .replace("%(shown)s", String(shown)).replace("%(total)s", String(items.length));
      var query = new URLSearchParams();
      controls.forEach(function (control) {
        if (control.value && !(control.name === "sort" && control.value === "name")) query.set(control.name, control.value);
      });
      var search = query.toString();
      window.history.replaceState(null, "", window.location.pathname + (search ? "?" + search : "") + window.location.hash);
    }

    form.addEventListener("input", apply);
    form.addEventListener("change", apply);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.addEventListener("reset", function () { window.setTimeout(apply, 0); });
    form.hidden = false;
    apply();
  }

  document.querySelectorAll("[data-catalogue]").forEach(setup);
})();
