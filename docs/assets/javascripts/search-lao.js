/* Lao search queries: Lao is written without spaces, so a typed phrase is cut into words
   (Intl.Segmenter, the same ICU word break the index was built with) and the words are joined with
   U+200B, which the search separator splits on. Names in window.NGHEAN_LAO_NAMES stay whole and the
   noun prefixes in window.NGHEAN_LAO_NOUN_PREFIXES are cut off, as in the index. The visible text of the field does not change. */
(function () {
  "use strict";
  if (typeof Intl === "undefined" || !Intl.Segmenter) return;
  var segmenter = new Intl.Segmenter("lo", { granularity: "word" });
  var names = window.NGHEAN_LAO_NAMES || [];
  var prefixes = window.NGHEAN_LAO_NOUN_PREFIXES || [];  // cut off as the index cuts them
  var laoRun = /[\u0e80-\u0eff]+/g;

  function cut(run) {
    for (var i = 0; i < names.length; i++) {
      var at = run.indexOf(names[i]);
      if (at >= 0) {
        return cut(run.slice(0, at)).concat([names[i]], cut(run.slice(at + names[i].length)));
      }
    }
    if (!run) return [];
    return Array.from(segmenter.segment(run), function (part) { return part.segment; }).flatMap(withoutPrefix);
  }

  function withoutPrefix(word) {
    for (var i = 0; i < prefixes.length; i++) {
      if (word.length > prefixes[i].length && word.indexOf(prefixes[i]) === 0) {
        return [prefixes[i], word.slice(prefixes[i].length)];
      }
    }
    return [word];
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
