"""One folium map per language, lean and offline: vendored Leaflet, a vector basemap, no CDN.

folium builds the map, its layers and the layer control. The projects and places are not inlined:
assets/maps/investment-map.js fills the layers from the language's shared data file, so the map
page stays small and the data is downloaded (and cached) once.
"""

from __future__ import annotations

import json
import re
from html import escape

import folium
from branca.element import MacroElement
from jinja2 import Template

from scripts.catalogue.geo import outline_file
from scripts.languages import Language
from scripts.locales import gettext_for

ASSETS = "../assets/"  # embed pages live in /embed/, assets in /assets/
LAYER_KEYS = ("industrial-parks", "infrastructure", "culture")
# The map may not be panned beyond Nghệ An and its Lao neighbours.
BOUNDS = {"min_lat": 17.6, "max_lat": 20.8, "min_lon": 102.8, "max_lon": 106.8}
CENTRE = [19.25, 104.85]
OSM_TILES = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
OSM_ATTRIBUTION = '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors'


class LeanMap(folium.Map):
    """folium.Map without Bootstrap, jQuery and Awesome Markers, loading vendored Leaflet."""

    default_js = [  # noqa: RUF012 - folium's class attributes, overridden
        ("leaflet", ASSETS + "vendor/leaflet/leaflet.js"),
        ("markercluster", ASSETS + "vendor/leaflet-markercluster/leaflet.markercluster.js"),
    ]
    default_css = [  # noqa: RUF012 - folium's class attributes, overridden
        ("leaflet_css", ASSETS + "vendor/leaflet/leaflet.css"),
        ("markercluster_css", ASSETS + "vendor/leaflet-markercluster/MarkerCluster.css"),
        ("markercluster_default_css", ASSETS + "vendor/leaflet-markercluster/MarkerCluster.Default.css"),
        ("fonts_css", ASSETS + "stylesheets/fonts.css"),
        ("map_css", ASSETS + "maps/investment-map.css"),
    ]


class InvestmentLayers(MacroElement):
    """Calls NgheAnMap.init with the map, the folium layers it must fill and the layer control (which
    the script folds on narrow maps)."""

    _template = Template(
        "{% macro script(this, kwargs) %}"
        "NgheAnMap.init({{ this._parent.get_name() }}, {{ this.groups }}, window.NGHEAN_MAP_DATA,"
        " {{ this.layer_control }});"
        "{% endmacro %}"
    )

    def __init__(self, groups: dict[str, folium.FeatureGroup], layer_control: folium.LayerControl):
        super().__init__()
        self._name = "InvestmentLayers"
        # Only folium-generated variable names go into the script; all data comes from the data file.
        self.groups = "{" + ",".join(f"{json.dumps(key)}:{layer.get_name()}" for key, layer in groups.items()) + "}"
        self.layer_control = layer_control.get_name()


def build_map(language: Language, layer_labels: dict[str, str]) -> folium.Map:
    _ = gettext_for(language.locale)
    investment_map = LeanMap(location=CENTRE, zoom_start=8, min_zoom=7, max_zoom=16, tiles=None,
                             max_bounds=True, prefer_canvas=True, control_scale=True, **BOUNDS)
    investment_map.default_js = [*LeanMap.default_js,
                                 ("map_data", f"{ASSETS}maps/data-{language.locale}.js"),
                                 ("safe_dom", ASSETS + "javascripts/safe-dom.js"),
                                 ("map_app", ASSETS + "maps/investment-map.js")]
    # Leaflet's layer control shows names as HTML, so they are escaped here.
    street = folium.TileLayer(OSM_TILES, attr=OSM_ATTRIBUTION, name=escape(_("Street map (online, OpenStreetMap)")),
                              overlay=True, show=False, max_zoom=16)
    street.add_to(investment_map)
    outline = folium.GeoJson(
        outline_file().read_text("utf-8"), name="outline", control=False, interactive=False,
        style_function=lambda feature: {"color": "#0b5e3c", "weight": 2, "fillColor": "#e4efe8", "fillOpacity": 0.9},
    )
    outline.add_to(investment_map)
    groups = {"projects": folium.FeatureGroup(name=escape(_("Catalogue projects")))}
    for key in LAYER_KEYS:
        groups[key] = folium.FeatureGroup(name=escape(layer_labels[key]))
    groups["routes"] = folium.FeatureGroup(name=escape(_("Main roads (schematic)")))
    groups["labels"] = folium.FeatureGroup(name="labels", control=False)
    for group in groups.values():
        group.add_to(investment_map)
    layer_control = folium.LayerControl(collapsed=True)  # investment-map.js unfolds it on wide maps
    layer_control.add_to(investment_map)
    investment_map.add_child(InvestmentLayers({**groups, "outline": outline, "street": street}, layer_control))
    return investment_map


def _stable_ids(html: str) -> str:
    """folium names elements with random ids; number them instead so each build writes the same file."""
    numbers: dict[str, str] = {}
    return re.sub(r"(?<=_)[0-9a-f]{32}(?![0-9a-f])", lambda m: numbers.setdefault(m.group(0), str(len(numbers) + 1)), html)


def _scripts_inside_body(html: str) -> str:
    """folium writes its script after </body>, which is invalid HTML; move </body> after it."""
    return html.replace("</body>", "", 1).replace("</html>", "</body>\n</html>", 1)


def map_html(language: Language, layer_labels: dict[str, str]) -> str:
    """The standalone map page (used by the map page's iframe and by other sites' embeds)."""
    _ = gettext_for(language.locale)
    html = build_map(language, layer_labels).get_root().render()
    title = _("Investment map of Nghệ An")
    html = html.replace("<html>", f'<html lang="{language.locale}">', 1)
    description = _("Projects, industrial parks, infrastructure and places of culture in Nghệ An, on one map.")
    # The embed page is a frame of the map pages, which are the ones search engines should index.
    head = (f'<head>\n    <title>{escape(title)}</title>\n    <meta name="description" content="{escape(description)}">'
            f'\n    <meta name="robots" content="noindex">\n    <link rel="icon" href="{ASSETS}images/favicon.svg">')
    html = html.replace("<head>", head, 1)
    # Let readers zoom the page (WCAG 1.4.4); folium's default forbids it.
    html = re.sub(r",\s*maximum-scale=1.0,\s*user-scalable=no", "", html)
    # The map sits in a <main> landmark with a heading, for screen readers (axe: region).
    html = re.sub(r'(<div class="folium-map"[^>]*></div>)',
                  lambda match: f'<main><h1 class="map-heading">{escape(title)}</h1>{match.group(1)}</main>', html, count=1)
    return _scripts_inside_body(_stable_ids(html))
