/* Trade-fair kiosk behaviour (only in the kiosk build, which adds this script to every page):
   - a "home" button on every page leads back to the language chooser;
   - after a period without touch, mouse or keys (and no video playing), the kiosk clears searches and
     filters and returns to the chooser (idle seconds: kiosk-config.js, or ?idle=N on the chooser, kept for the session);
   - links that would leave the kiosk show a QR code of their address instead of navigating. */
(function () {
  "use strict";
  var script = document.currentScript;
  var home = script.getAttribute("data-home");
  var labels = window.NGHEAN_KIOSK_LABELS || {};
  var lang = document.documentElement.lang || "vi";
  var text = labels[lang] || labels.vi || { home: "Home", close: "Close", scan: "Scan to open on your phone:" };
  var idleSeconds = Number(sessionStorage.getItem("kiosk-idle") || (window.NGHEAN_KIOSK || {}).idleSeconds || 120);

  function goHome() {
    try { localStorage.clear(); } catch (error) { /* storage may be unavailable from file:// */ }
    sessionStorage.removeItem("kiosk-state");
    window.location.href = home;
  }

  var framed = window.top !== window;
  if (framed) {
    /* Inside a kiosk page (the map): report activity to the page, which keeps the idle timer. */
    ["pointerdown", "keydown", "touchstart", "wheel", "input"].forEach(function (name) {
      document.addEventListener(name, function () { window.parent.postMessage("kiosk-activity", "*"); },
                                { capture: true, passive: true });
    });
    return;
  }
  window.addEventListener("message", function (event) { if (event.data === "kiosk-activity") restart(); });

  var timer = null;
  function restart() {
    if (timer) window.clearTimeout(timer);
    timer = window.setTimeout(idle, idleSeconds * 1000);
  }
  /* A video playing (it loops in the kiosk) keeps its page on screen: it is what draws visitors in. */
  function idle() {
    var playing = Array.prototype.some.call(document.querySelectorAll("video"), function (video) {
      return !video.paused && !video.ended;
    });
    if (playing) restart(); else goHome();
  }
  ["pointerdown", "keydown", "touchstart", "wheel", "input"].forEach(function (name) {
    document.addEventListener(name, restart, { capture: true, passive: true });
  });
  restart();

  function button() {
    var link = document.createElement("a");
    link.className = "kiosk-home";
    link.href = home;
    link.textContent = text.home;
    link.setAttribute("data-kiosk-home", "");
    // Styled here too: pages opened from embed/ (the full-screen map) do not load kiosk.css.
    link.style.cssText = "position:fixed;right:1rem;bottom:1rem;z-index:1000;padding:0.9rem 1.4rem;" +
      "border-radius:2rem;background:#0b5e3c;color:#fff;font-weight:700;text-decoration:none";
    document.body.appendChild(link);
  }

  function showQr(anchor) {
    var dialog = document.createElement("dialog");
    dialog.className = "kiosk-qr";
    var image = document.createElement("img");
    image.src = anchor.getAttribute("data-kiosk-qr");
    image.alt = anchor.href;
    image.width = 260;
    image.height = 260;
    var caption = document.createElement("p");
    caption.textContent = text.scan;
    var address = document.createElement("p");
    address.className = "kiosk-qr-url";
    address.textContent = anchor.href;
    var close = document.createElement("button");
    close.type = "button";
    close.textContent = text.close;
    close.addEventListener("click", function () { dialog.close(); dialog.remove(); });
    dialog.append(caption, image, address, close);
    document.body.appendChild(dialog);
    dialog.showModal();
  }

  document.addEventListener("click", function (event) {
    var anchor = event.target.closest && event.target.closest("a[data-kiosk-qr]");
    if (!anchor) return;
    event.preventDefault();
    showQr(anchor);
  }, true);

  if (document.body) { button(); } else { document.addEventListener("DOMContentLoaded", button); }
})();
