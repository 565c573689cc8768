/* 360° panoramas (Pannellum) and 3D models (<model-viewer>) behind their still images
   (scripts/templates/media-viewer.html). Nothing heavy is fetched until the reader presses the
   button; the button appears only where WebGL works, otherwise a note says why the still image stays.
   Every library and decoder is vendored under assets/vendor/: nothing is fetched from another host.
   Videos (scripts/templates/video-player.html, home-trailer.html) carry their poster as data-poster:
   it becomes the poster when the video comes near the screen, so a page whose video is further down
   does not download the picture while it loads (a browser fetches a poster at once). */
(function () {
  "use strict";

  function hasWebGL() {
    try {
      var canvas = document.createElement("canvas");
      return !!(window.WebGLRenderingContext && (canvas.getContext("webgl2") || canvas.getContext("webgl")));
    } catch (error) {
      return false;
    }
  }

  function absolute(url) {
    return new URL(url, document.baseURI).href;
  }

  var loaded = {};

  function loadOnce(url, make) {
    if (!loaded[url]) {
      loaded[url] = new Promise(function (resolve, reject) {
        var element = make(absolute(url));
        element.onload = resolve;
        element.onerror = function () { reject(new Error(url)); };
        document.head.appendChild(element);
      });
    }
    return loaded[url];
  }

  function script(url) {
    return loadOnce(url, function (href) {
      var element = document.createElement("script");
      element.src = href;
      return element;
    });
  }

  function stylesheet(url) {
    return loadOnce(url, function (href) {
      var element = document.createElement("link");
      element.rel = "stylesheet";
      element.href = href;
      return element;
    });
  }

  function viewerBox(figure) {
    var box = document.createElement("div");
    box.className = "media-viewer__canvas";
    box.setAttribute("role", "group");
    box.setAttribute("aria-label", figure.dataset.alt);
    return box;
  }

  function openPanorama(figure, box) {
    var data = figure.dataset;
    return Promise.all([stylesheet(data.libraryCss), script(data.library)]).then(function () {
      window.pannellum.viewer(box, {
        type: "equirectangular", panorama: absolute(data.src), autoLoad: true, showFullscreenCtrl: false,
        hfov: 100, strings: {loadingLabel: data.loading}
      });
    });
  }

  function openModel(figure, box) {
    var data = figure.dataset;
    // <model-viewer> reads its decoders' locations from this global when its first element is made
    // (otherwise it would fetch them from gstatic.com): the vendored copies beside it.
    window.ModelViewerElement = Object.assign(window.ModelViewerElement || {}, {
      dracoDecoderLocation: absolute(data.draco),
      ktx2TranscoderLocation: absolute(data.ktx2),
      meshoptDecoderLocation: absolute(data.meshopt)
    });
    return import(absolute(data.library)).then(function () {
      var model = document.createElement("model-viewer");
      model.setAttribute("alt", data.alt);
      model.setAttribute("camera-controls", "");
      model.setAttribute("camera-orbit", "0deg 55deg auto");
      model.setAttribute("interaction-prompt", "none");
      model.setAttribute("src", absolute(data.src));
      box.appendChild(model);
    });
  }

  function open(figure, button) {
    var frame = figure.querySelector(".media-viewer__frame");
    var still = figure.querySelector(".media-viewer__still");
    var note = figure.querySelector(".media-viewer__note");
    var box = viewerBox(figure);
    button.disabled = true;
    button.textContent = figure.dataset.loading;
    frame.appendChild(box);
    var opening = figure.dataset.mediaKind === "panorama" ? openPanorama(figure, box) : openModel(figure, box);
    opening.then(function () {
      still.hidden = true;
      button.hidden = true;
      figure.classList.add("media-viewer--open");
    }, function () {
      box.remove();
      button.hidden = true;
      note.textContent = figure.dataset.failed;
      note.hidden = false;
    });
  }

  function prepare(figure) {
    var button = figure.querySelector(".media-viewer__open");
    if (!hasWebGL()) {
      figure.querySelector(".media-viewer__note").hidden = false;
      return;
    }
    button.hidden = false;
    button.addEventListener("click", function () { open(figure, button); });
  }

  var POSTER_MARGIN = "300px";  // how near the screen a video's poster is fetched

  function showPoster(video) {
    video.setAttribute("poster", video.dataset.poster);
    video.removeAttribute("data-poster");
  }

  function preparePosters(videos) {
    if (!("IntersectionObserver" in window)) {
      videos.forEach(showPoster);
      return;
    }
    var observer = new IntersectionObserver(function (entries) {
      entries.forEach(function (entry) {
        if (!entry.isIntersecting) return;
        observer.unobserve(entry.target);
        showPoster(entry.target);
      });
    }, { rootMargin: POSTER_MARGIN });
    videos.forEach(function (video) { observer.observe(video); });
  }

  function prepareAll() {
    Array.prototype.forEach.call(document.querySelectorAll(".media-viewer[data-media-kind]"), prepare);
    preparePosters(Array.prototype.slice.call(document.querySelectorAll("video[data-poster]")));
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", prepareAll);
  } else {
    prepareAll();
  }
})();
