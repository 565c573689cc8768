/* The 3D investment map (map/3d pages, scripts/templates/map-3d.html). When the reader asks for it
   (the button over the outline: the library is 1.7 MB, 0.5 MB compressed, too much to load unasked on
   a phone's data plan, and its start-up would block the page's first seconds) it loads the vendored
   MapLibre GL JS and the language's columns file (assets/maps/columns-<locale>.json,
   scripts/maps/columns.py) and draws the province outline with one column per project whose investment
   is published. The style has no remote source: no tiles, no glyphs, no sprite; labels are popups.
   Where WebGL 2 is missing, or the map cannot load (e.g. from file://), it shows the flat Leaflet map
   instead, with a sentence saying why. Every text from data is inserted with textContent. */

const { el, safeHref } = window.NGHEAN_DOM;  // assets/javascripts/safe-dom.js, loaded just before
const holder = document.querySelector("[data-map-3d]");
const PITCH = 50;
// The province runs from west-north-west to east-south-east: seen from the south-south-west it lies
// across the screen, the way the pitch leaves the most room for it (a phone's map is less tall, map-3d.css).
const BEARING = 25;

function showMessage(name) {
  for (const message of holder.querySelectorAll("[data-map-3d-message]")) {
    message.hidden = message.getAttribute("data-map-3d-message") !== name;
  }
}

function hasWebGL2() {
  try {
    return Boolean(document.createElement("canvas").getContext("webgl2"));
  } catch (error) {
    return false;
  }
}

function showFlatMap(reason) {
  showMessage(reason);
  const canvas = holder.querySelector("[data-map-3d-canvas]");
  canvas.replaceChildren();
  const frame = document.createElement("iframe");
  frame.src = holder.dataset.flatMap;
  frame.title = holder.dataset.flatMapTitle;
  canvas.append(frame);
  holder.dataset.state = reason;
}

function popupContent(properties, labels) {
  const box = el("div", "map-3d-popup");
  const title = el("strong", "map-3d-popup__title");
  const link = el("a", null, properties.name);
  link.href = holder.dataset.projects + encodeURIComponent(properties.id) + "/";
  link.lang = properties.lang;
  title.append(link);
  const sector = el("span", "map-3d-popup__sector", properties.sector);
  sector.style.setProperty("--sector-colour", properties.colour);
  box.append(title, sector, el("span", null, labels.investment + ": " + properties.investment));
  const source = safeHref(properties.source);
  if (source) {
    const line = el("span", null, labels.source + ": ");
    const sourceLink = el("a", null, new URL(source).hostname);
    sourceLink.href = source;
    line.append(sourceLink);
    box.append(line);
  }
  box.append(el("span", null, labels.checked + ": " + properties.checked));
  if (properties.approximate) box.append(el("span", "map-3d-popup__note", labels.approximate));
  return box;
}

function style(data) {
  return {
    version: 8,
    sources: {
      outline: { type: "geojson", data: data.outline },
      columns: { type: "geojson", data: data.columns },
    },
    layers: [
      { id: "sea-and-neighbours", type: "background", paint: { "background-color": "#cfdde6" } },
      { id: "province", type: "fill", source: "outline", paint: { "fill-color": "#f3f0e6" } },
      { id: "province-edge", type: "line", source: "outline", paint: { "line-color": "#5d6e64", "line-width": 1.2 } },
      {
        id: "columns", type: "fill-extrusion", source: "columns",
        paint: {
          "fill-extrusion-color": ["get", "colour"], "fill-extrusion-height": ["get", "height"],
          "fill-extrusion-base": 0, "fill-extrusion-opacity": 0.92,
        },
      },
    ],
  };
}

async function draw() {
  const library = new URL(holder.dataset.library, document.baseURI);
  const stylesheet = document.createElement("link");
  stylesheet.rel = "stylesheet";
  stylesheet.href = new URL("maplibre-gl.css", library).href;
  document.head.append(stylesheet);
  const [maplibregl, data] = await Promise.all([
    import(new URL("maplibre-gl.mjs", library).href),
    fetch(new URL(holder.dataset.columns, document.baseURI)).then((response) => {
      if (!response.ok) throw new Error(response.status + " " + response.url);
      return response.json();
    }),
  ]);
  const container = holder.querySelector("[data-map-3d-canvas]");
  container.replaceChildren();  // the outline and the button
  const map = new maplibregl.Map({
    container, style: style(data), center: [(data.bounds[0] + data.bounds[2]) / 2, (data.bounds[1] + data.bounds[3]) / 2],
    zoom: 7, pitch: PITCH, maxPitch: 70, locale: data.controls, maplibreLogo: false,
    cooperativeGestures: true,
    attributionControl: false,  // the boundary's credit is the page's own line over the map (Material styles <details>)
  });
  // The whole province in view at this pitch, with room above it for the tallest columns.
  const height = container.clientHeight;
  map.jumpTo(map.cameraForBounds(data.bounds, {
    pitch: PITCH, bearing: BEARING, padding: { top: Math.round(height * 0.12), bottom: 40, left: 16, right: 16 },
  }));
  holder.map3d = map;  // the browser tests read the rendered columns from it
  map.addControl(new maplibregl.NavigationControl({ visualizePitch: true }), "top-right");
  map.on("error", (event) => console.error("3D map:", event.error && event.error.message));
  map.on("click", "columns", (event) => {  // every column under the point: neighbours' columns overlap
    const seen = new Set();
    const content = el("div", "map-3d-popups");
    for (const feature of event.features) {
      if (seen.has(feature.properties.id)) continue;
      seen.add(feature.properties.id);
      content.append(popupContent(feature.properties, data.labels));
    }
    new maplibregl.Popup({ maxWidth: "min(16rem, 62vw)" }).setLngLat(event.lngLat).setDOMContent(content).addTo(map);
  });
  map.on("mouseenter", "columns", () => { map.getCanvas().style.cursor = "pointer"; });
  map.on("mouseleave", "columns", () => { map.getCanvas().style.cursor = ""; });
  map.once("idle", () => {
    holder.dataset.state = "ready";
    showMessage("none");
    map.getCanvas().focus();  // where the button was: the keyboard moves the map from here
  });
}

function start() {
  if (!hasWebGL2()) {
    showFlatMap("no-webgl");
    return;
  }
  showMessage("none");
  const button = holder.querySelector("[data-map-3d-start]");
  button.hidden = false;
  button.addEventListener("click", () => {
    button.disabled = true;
    holder.dataset.state = "loading";
    showMessage("loading");
    draw().catch((error) => {
      console.error("3D map:", error);
      showFlatMap("failed");
    });
  }, { once: true });
}

if (holder) start();
