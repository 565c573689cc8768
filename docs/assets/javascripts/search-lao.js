/* Lao search queries: Lao is written without spaces, so a typed phrase is cut into words
   (Intl.Segmenter, the same ICU word break the index was built with) and the words are joined with
   U+200B, which the search separator splits on. Names in window.NGHEAN_LAO_NAMES stay whole, as in
   the index. The visible text of the field does not change. */
(function () {
  "use strict";
  if (typeof Intl === "undefined" || !Intl.Segmenter) return;
  var segmenter = new Intl.Segmenter("lo", { granularity: "word" });
  var names = window.NGHEAN_LAO_NAMES || [];
  var laoRun = /[\u0e80-\u0eff]+/g;

  function cut(run) {
    for (var i = 0; i < names.length; i++) {
      var at = run.indexOf(names[i]);
      if (at >= 0) {
        return cut(run.slice(0, at)).concat([names[i]], cut(run.slice(at + names[i].length)));
      }
    }
    if (!run) return [];
    return Array.from(segmenter.segment(run), function (part) { return part.segment; });
  }

  function segment(text) {
    return text.replace(/\u200b/g, "").replace(laoRun, function (run) { return cut(run).join("\u200b"); });
  }

  document.addEventListener("input", function (event) {
    var field = event.target;
    if (!field || field.getAttribute("data-md-component") !== "search-query") return;
    var value = segment(field.value);
    if (value !== field.value) {
      field.value = value;
      field.setSelectionRange(value.length, value.length);
    }
  }, true);
})();
