"""The 3D map's data, one file per language: assets/maps/columns-<locale>.json.

A square column around each catalogue project whose investment is published (height proportional
to the investment, colour of its sector), the province outline under them, and the texts of the
popups and of MapLibre's controls in the page's language. Projects without a published figure are
not drawn: the page counts them instead. The map's script builds every popup with DOM text nodes,
never as HTML, so text from the spreadsheets cannot become markup or code.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass

from scripts.catalogue import formatting
from scripts.catalogue.geo import Outline
from scripts.catalogue.model import Project
from scripts.catalogue.pages import FALLBACK_LOCALE, PageContext
from scripts.languages import Language
from scripts.locales import gettext_for

TALLEST_M = 40_000  # the tallest column, in metres: a fifth of the province's width, readable at 50° pitch
HALF_SIDE_M = 900  # a column's square is 1.8 km across: visible at the zoom that shows the whole province
METRES_PER_DEGREE = 111_320


@dataclass(frozen=True)
class Column:
    project: Project
    vnd_bn: float  # the investment in billion VND, converted from US$ where only dollars are published
    height_m: float


def columns(projects: list[Project], rate: formatting.ExchangeRate) -> list[Column]:
    """A column for each project with a published investment, in the catalogue's order; the tallest
    is TALLEST_M high and every other height is in proportion (a linear scale, starting at zero)."""
    figures = [(p, formatting.investment_in_vnd_bn(p.investment_vnd_bn, p.investment_usd_m, rate)) for p in projects]
    published = [(project, value) for project, value in figures if value is not None and value > 0]
    if not published:
        return []
    largest = max(value for _, value in published)
    return [Column(project, value, round(value / largest * TALLEST_M, 1)) for project, value in published]


def not_published(projects: list[Project], rate: formatting.ExchangeRate) -> list[Project]:
    drawn = {column.project.id for column in columns(projects, rate)}
    return [project for project in projects if project.id not in drawn]


def square(lon: float, lat: float, half_side_m: float = HALF_SIDE_M) -> list[list[float]]:
    """A closed ring, counter-clockwise, of the square of `half_side_m` around the point."""
    dlat = half_side_m / METRES_PER_DEGREE
    dlon = half_side_m / (METRES_PER_DEGREE * math.cos(math.radians(lat)))
    corners = [(lon - dlon, lat - dlat), (lon + dlon, lat - dlat), (lon + dlon, lat + dlat), (lon - dlon, lat + dlat)]
    ring = [[round(x, 5), round(y, 5)] for x, y in corners]
    return [*ring, ring[0]]


def _controls(locale: str) -> dict[str, str]:
    """MapLibre's own control texts (its `locale` option), which it writes in English."""
    _ = gettext_for(locale)
    return {
        "NavigationControl.ZoomIn": _("Zoom in"), "NavigationControl.ZoomOut": _("Zoom out"),
        "NavigationControl.ResetBearing": _("Drag to rotate the map, select to face north again"),
        "Popup.Close": _("Close popup"), "AttributionControl.ToggleAttribution": _("Show or hide the map credits"),
        "Map.Title": _("3D investment map"),
        "CooperativeGesturesHandler.WindowsHelpText": _("Use Ctrl + scroll to zoom the map"),
        "CooperativeGesturesHandler.MacHelpText": _("Use ⌘ + scroll to zoom the map"),
        "CooperativeGesturesHandler.MobileHelpText": _("Use two fingers to move the map"),
    }


def _labels(locale: str) -> dict[str, str]:
    _ = gettext_for(locale)
    return {"investment": _("Investment"), "source": _("Source"), "checked": _("Last checked"),
            "approximate": _("Approximate position"), "open": _("Open the project page")}


def _feature(index: int, column: Column, locale: str, context: PageContext) -> dict:
    project = column.project
    name, name_locale = project.name(locale, FALLBACK_LOCALE)
    return {"type": "Feature", "id": index, "geometry": {"type": "Polygon", "coordinates": [square(project.lon, project.lat)]},
            "properties": {
                "id": project.id, "name": name, "lang": name_locale, "height": column.height_m,
                "colour": context.vocabularies.sectors[project.sector]["colour"],
                "sector": context.vocabularies.label("sectors", project.sector, locale),
                "investment": formatting.investment(project.investment_vnd_bn, project.investment_usd_m,
                                                    context.rate, locale),
                "source": project.source or "", "checked": formatting.long_date(project.updated, locale),
                "approximate": 1 if project.position_note else 0}}


def outline_feature(outline: Outline) -> dict:
    """The province outline as one GeoJSON MultiPolygon feature (derived from data/geo/, GPL-3.0)."""
    coordinates = [[[list(point) for point in ring] for ring in polygon] for polygon in outline.polygons]
    return {"type": "Feature", "properties": {}, "geometry": {"type": "MultiPolygon", "coordinates": coordinates}}


def columns_data(projects: list[Project], language: Language, context: PageContext) -> dict:
    locale = language.locale
    _ = gettext_for(locale)
    outline = context.outline
    drawn = columns(projects, context.rate)
    return {
        "locale": locale,
        "bounds": [outline.west, outline.south, outline.east, outline.north],
        # data/geo/NOTICE.md: a copy of the outline carries its credit (the page shows it over the map)
        "notice": _("Province boundary: Vietnam government administrative map, via dvhcvn (GPL-3.0)"),
        "controls": _controls(locale),
        "labels": _labels(locale),
        "outline": outline_feature(outline),
        "columns": {"type": "FeatureCollection",
                    "features": [_feature(index, column, locale, context) for index, column in enumerate(drawn)]},
    }


def data_file(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"
