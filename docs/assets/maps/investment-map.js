/* The investment map's behaviour: fills the folium layers from the language's data file
   (window.NGHEAN_MAP_DATA), clusters the projects, adds a legend and a sector/status filter that
   also reads and writes the URL (?sector=…&status=…&project=…; the open popup is `project`). In a
   frame it also posts that query to the page around it (map-page.js keeps the page's address).
   On a small map (under 600 px either way) the layer list and the legend start folded, and the
   layer list also on a map under 900 px wide; popups are drawn in a pane
   above every control; Leaflet's own control titles come translated in the data file.
   Every text from data is inserted with textContent; nothing from data is parsed as HTML.
   The map is filled in steps, one task each (inTurn); .folium-map[data-ready] marks the end. */
(function () {
  "use strict";

  var SMALL = { width: 600, height: 600 };  // below either, the legend starts folded
  var WIDE = 900;  // the layer list starts open only on a map this wide (and not small)
  var STATE_MESSAGE = "nghean-map-state";

  var KIND_SHAPES = {
    zone: "star", park: "square", airport: "diamond", port: "diamond", "border-gate": "diamond", "public-works": "diamond",
    heritage: "triangle", nature: "triangle", beach: "triangle"
  };

  var el = window.NGHEAN_DOM.el;  // assets/javascripts/safe-dom.js, loaded just before
  var safeHref = window.NGHEAN_DOM.safeHref;

  function linkTarget(link) {
    var sameSite = false;
    try { sameSite = window.top.location.origin === window.location.origin; } catch (error) { sameSite = false; }
    if (window.top === window) return;
    if (sameSite) { link.target = "_top"; } else { link.target = "_blank"; link.rel = "noopener"; }
  }

  function projectPopup(data, row) {
    var box = el("div", "map-popup");
    var title = el("strong", "map-popup-title", row[4]);
    title.lang = row[5];
    box.appendChild(title);
    var sector = data.sectors[row[2]];
    var badge = el("span", "map-popup-sector", sector[1]);
    badge.style.background = sector[2];
    box.appendChild(el("div", null)).appendChild(badge);
    box.appendChild(el("div", null, data.statuses[row[3]][1]));
    box.appendChild(el("div", null, row[6] + (row[7] ? " · " + row[7] : "")));
    if (row[9]) box.appendChild(el("div", "map-popup-note", data.labels.approximate));
    var link = el("a", "map-popup-link", data.labels.open);
    link.href = data.projectBase + encodeURIComponent(row[8]) + "/" + (location.protocol === "file:" ? "index.html" : "");
    linkTarget(link);
    box.appendChild(link);
    return box;
  }

  function placePopup(data, name, facts, approximate, source, page) {
    var box = el("div", "map-popup");
    box.appendChild(el("strong", "map-popup-title", name));
    if (facts) box.appendChild(el("div", null, facts));
    if (approximate) box.appendChild(el("div", "map-popup-note", data.labels.approximate));
    if (page) {
      var own = el("a", "map-popup-link", data.labels.page);
      own.href = page + (location.protocol === "file:" ? "index.html" : "");
      linkTarget(own);
      box.appendChild(own);
    }
    var href = safeHref(source);
    if (href) {
      var link = el("a", "map-popup-link", data.labels.source);
      link.href = href;
      link.target = "_blank";
      link.rel = "noopener";
      box.appendChild(link);
    }
    return box;
  }

  function shapeIcon(layer, kind) {
    var shape = el("span", "map-symbol map-symbol-" + (KIND_SHAPES[kind] || "square") + " map-layer-" + layer);
    return L.divIcon({ html: shape, className: "map-symbol-icon", iconSize: [18, 18], iconAnchor: [9, 9] });
  }

  function isSmall(map) {
    var size = map.getSize();
    return size.x < SMALL.width || size.y < SMALL.height;
  }

  function isWide(map) {
    return !isSmall(map) && map.getSize().x >= WIDE;
  }

  /* Leaflet writes its control titles in English: the zoom buttons are made again with the data's
     titles, the layer list is made again unfolded on a wide map, and the attribution prefix is ours. */
  function translateControls(map, data, layerControl) {
    map.zoomControl.remove();
    map.zoomControl = L.control.zoom({ zoomInTitle: data.labels.zoomIn, zoomOutTitle: data.labels.zoomOut }).addTo(map);
    if (layerControl) {
      if (isWide(map)) {  // folium makes it folded: unfolding measures the page, so only where it opens
        layerControl.remove();
        layerControl.options.collapsed = false;
        layerControl.addTo(map);
      }
      var toggle = layerControl.getContainer().querySelector(".leaflet-control-layers-toggle");
      toggle.title = data.labels.layers;
      toggle.setAttribute("aria-label", data.labels.layers);
      layerControl.getContainer().setAttribute("aria-label", data.labels.layers);
    }
    var leaflet = el("a", null, "Leaflet");
    leaflet.href = "https://leafletjs.com";
    leaflet.title = data.labels.leaflet;
    leaflet.lang = "en";
    map.attributionControl.setPrefix(leaflet.outerHTML);
    map.on("popupopen", function (event) {
      var close = event.popup.getElement().querySelector(".leaflet-popup-close-button");
      if (close) { close.title = data.labels.closePopup; close.setAttribute("aria-label", data.labels.closePopup); }
    });
  }

  /* A pane for popups outside the map pane, whose stacking context sits under the controls; it
     follows the map pane's position, so popups stay where they belong and open above every panel. */
  function popupPane(map) {
    var pane = map.createPane("mapPopupPane", map.getContainer());
    function follow() { L.DomUtil.setPosition(pane, L.DomUtil.getPosition(map.getPane("mapPane"))); }
    map.on("move zoom viewreset zoomend moveend resize", follow);
    follow();
    return "mapPopupPane";
  }

  function legend(data) {
    var control = L.control({ position: "bottomleft" });
    control.onAdd = function (map) {
      var box = el("details", "map-legend leaflet-bar");
      box.open = !isSmall(map);
      box.appendChild(el("summary", null, data.labels.legend));
      L.DomEvent.disableClickPropagation(box);
      L.DomEvent.disableScrollPropagation(box);
      var list = el("ul");
      list.tabIndex = 0;  // the list scrolls when long: keyboard users must reach it too
      data.sectors.forEach(function (sector) {
        var item = el("li");
        var swatch = el("span", "map-swatch");
        swatch.style.background = sector[2];
        item.appendChild(swatch);
        item.appendChild(el("span", null, sector[1]));
        list.appendChild(item);
      });
      box.appendChild(list);
      return box;
    };
    return control;
  }

  function select(name, label, allLabel, options, value) {
    var wrapper = el("label", "map-filter-field");
    wrapper.appendChild(el("span", null, label));
    var input = el("select");
    input.name = name;
    input.appendChild(el("option", null, allLabel)).value = "";
    options.forEach(function (option) {
      var node = el("option", null, option[1]);
      node.value = option[0];
      input.appendChild(node);
    });
    if (options.some(function (option) { return option[0] === value; })) input.value = value;
    wrapper.appendChild(input);
    return wrapper;
  }

  /* Run `steps` in order, each in a task of its own after folium's script: filling the map in one
     go kept a phone's page from answering for about half a second (Lighthouse counts it as blocking). */
  function inTurn(steps) {
    if (!steps.length) return;
    window.setTimeout(function () {
      steps.shift()();
      inTurn(steps);
    }, 0);
  }

  function init(map, groups, data, layerControl) {
    var params = new URLSearchParams(window.location.search);
    var container = map.getContainer();
    var openId = null;  // the project whose popup is open
    if (!map.options.maxZoom) map.setMaxZoom(16);  // no tile layer sets it; clustering needs it
    var popups, cluster, markers, sectorSelect, statusSelect, count;
    var placeMarkers = {};

    function prepareControls() {
      translateControls(map, data, layerControl);
      // Popups no wider than a small map allows (a phone, the 520-px embed), panned clear of its edges.
      popups = { pane: popupPane(map), maxWidth: Math.min(300, map.getSize().x - 60),
                 autoPanPadding: L.point(10, 10) };
      map.attributionControl.addAttribution(el("span", null, data.labels.boundary).outerHTML);
    }

    // 1,000 projects must not block a phone: markers are plain canvas circles made in one pass, their
    // popup and tooltip bound on first use, and the cluster adds them in chunks of at most 8 ms.
    function makeProjects() {
      cluster = L.markerClusterGroup({ chunkedLoading: true, chunkInterval: 8, chunkDelay: 4,
                                          showCoverageOnHover: false, maxClusterRadius: 45 });
      cluster.addTo(groups.projects);
      markers = data.projects.map(function (row) {
        var sector = data.sectors[row[2]];
        var marker = L.circleMarker([row[0], row[1]], {
          radius: 8, color: "#ffffff", weight: 2, fillColor: sector[2], fillOpacity: 1
        });
        marker.projectRow = row;
        return { marker: marker, sector: sector[0], status: data.statuses[row[3]][0], id: row[8] };
      });
      cluster.on("mouseover", function (event) { if (!event.layer.getPopup()) bound(event.layer).openTooltip(); });
      cluster.on("click", function (event) { if (!event.layer.isPopupOpen()) bound(event.layer).openPopup(); });
    }

    /* A project marker's popup, tooltip and address updates, bound the first time it is used. */
    function bound(marker) {
      if (marker.getPopup()) return marker;
      var row = marker.projectRow;
      marker.bindPopup(function () { return projectPopup(data, row); }, popups);
      marker.bindTooltip(el("span", null, row[4]));
      marker.on("popupopen", function () { openId = row[8]; writeUrl(); });
      marker.on("popupclose", function () { if (openId === row[8]) { openId = null; writeUrl(); } });
      return marker;
    }

    function addPlaces() {
      data.places.forEach(function (place) {
        var group = groups[place[0]];
        if (!group) return;
        placeMarkers[place[9]] = L.marker([place[2], place[3]], { icon: shapeIcon(place[0], place[1]), title: place[4], alt: place[4] })
          .bindPopup(function () { return placePopup(data, place[4], place[5], place[6], place[7], place[8]); }, popups)
          .addTo(group);
      });
      data.routes.forEach(function (route) {
        L.polyline(route[3], { color: "#8a3b12", weight: 4, dashArray: "10 6" })
          .bindPopup(function () { return placePopup(data, route[0], route[1], false, route[2]); }, popups)
          .addTo(groups.routes);
      });
      data.neighbours.forEach(function (label) {
        L.marker([label[0], label[1]], {
          icon: L.divIcon({ html: el("span", null, label[2]), className: "map-area-label", iconSize: null }),
          interactive: false, keyboard: false
        }).addTo(groups.labels);
      });
    }

    var form = L.control({ position: "topleft" });
    form.onAdd = function () {
      var box = el("form", "map-filter leaflet-bar");
      box.setAttribute("aria-label", data.labels.filter);
      box.appendChild(select("sector", data.labels.sector, data.labels.allSectors, data.sectors, params.get("sector")));
      box.appendChild(select("status", data.labels.status, data.labels.allStatuses, data.statuses, params.get("status")));
      count = el("output", "map-count");
      count.setAttribute("aria-live", "polite");
      box.appendChild(count);
      sectorSelect = box.querySelector('select[name="sector"]');
      statusSelect = box.querySelector('select[name="status"]');
      box.addEventListener("change", apply);
      box.addEventListener("submit", function (event) { event.preventDefault(); });
      L.DomEvent.disableClickPropagation(box);
      L.DomEvent.disableScrollPropagation(box);
      return box;
    };

    function apply() {
      var sector = sectorSelect.value;
      var status = statusSelect.value;
      var shown = markers.filter(function (item) {
        return (!sector || item.sector === sector) && (!status || item.status === status);
      });
      cluster.clearLayers();
      cluster.addLayers(shown.map(function (item) { return item.marker; }));
      count.textContent = data.labels.shown.replace("%(shown)s", shown.length).replace("%(total)s", markers.length);
      container.dataset.projectsShown = String(shown.length);
      container.dataset.projectsTotal = String(markers.length);
      writeUrl();
    }

    /* The filters and the open project in the address, and in the page around the frame. */
    function writeUrl() {
      var query = new URLSearchParams(window.location.search);
      [["sector", sectorSelect.value], ["status", statusSelect.value], ["project", openId]].forEach(function (pair) {
        if (pair[1]) { query.set(pair[0], pair[1]); } else { query.delete(pair[0]); }
      });
      var search = query.toString();
      window.history.replaceState(null, "", window.location.pathname + (search ? "?" + search : ""));
      if (window.parent !== window) window.parent.postMessage({ type: STATE_MESSAGE, search: search }, "*");
    }

    function addFilters() {
      form.addTo(map);
      legend(data).addTo(map);
      if (groups.outline && groups.street) {
        map.on("overlayadd overlayremove", function () {
          groups.outline.setStyle({ fillOpacity: map.hasLayer(groups.street) ? 0.15 : 0.9 });
        });
      }
    }

    function showAskedFor() {
      // The project asked for stays in the address while its popup opens (no flicker to the page around).
      openId = markers.some(function (item) { return item.id === params.get("project"); }) ? params.get("project") : null;
      apply();
      openProject(params.get("project"));
      var place = placeMarkers[params.get("park")];
      if (place) { map.setView(place.getLatLng(), 12); place.openPopup(); }
      window.NgheAnMap.openProject = openProject;
      container.dataset.ready = "true";
    }

    /* ?project=<id> (links from project pages) opens that project's popup. */
    function openProject(id) {
      var found = markers.filter(function (item) { return item.id === id; })[0];
      if (!found) return false;
      if (!cluster.hasLayer(found.marker)) {
        sectorSelect.value = "";
        statusSelect.value = "";
        apply();
      }
      cluster.zoomToShowLayer(found.marker, function () { bound(found.marker).openPopup(); });
      return true;
    }

    inTurn([prepareControls, makeProjects, addPlaces, addFilters, showAskedFor]);
  }

  window.NgheAnMap = { init: init };
})();
