"""The data file a map reads, one per language: assets/maps/data-<locale>.js.

All catalogue projects and map places with their texts already in the page's language, as compact
arrays. The map's script builds every popup and label with DOM text nodes, never as HTML, so text
from the spreadsheets cannot become markup or code.
"""

from __future__ import annotations

import json

from scripts.catalogue import formatting
from scripts.catalogue.model import Project
from scripts.catalogue.pages import FALLBACK_LOCALE, PageContext
from scripts.languages import Language
from scripts.locales import gettext_for
from scripts.maps.places import MapPlaces

VARIABLE = "NGHEAN_MAP_DATA"


def _labels(locale: str) -> dict[str, str]:
    _ = gettext_for(locale)
    return {
        "projects": _("Catalogue projects"), "routes": _("Main roads (schematic)"),
        "sector": _("Sector"), "status": _("Status"), "allSectors": _("All sectors"),
        "allStatuses": _("All statuses"), "legend": _("Project sectors"), "open": _("Open the project page"),
        "approximate": _("Approximate position"), "source": _("Source"), "page": _("Open its page"), "shown": _("%(shown)s of %(total)s projects shown"),
        "street": _("Street map (online, OpenStreetMap)"), "filter": _("Filter projects"),
        "boundary": _("Province boundary: Vietnam government administrative map, via dvhcvn (GPL-3.0)"),
        # Leaflet's own control titles, which it writes in English
        "zoomIn": _("Zoom in"), "zoomOut": _("Zoom out"), "layers": _("Map layers"),
        "leaflet": _("A JavaScript library for interactive maps"), "closePopup": _("Close popup"),
    }


def _figures(project: Project, locale: str) -> str:
    return " · ".join(formatting.key_figures(project.area_ha, project.investment_vnd_bn, project.investment_usd_m,
                                             locale))


def map_data(projects: list[Project], places: MapPlaces, language: Language, context: PageContext) -> dict:
    locale = language.locale
    vocabularies = context.vocabularies
    sectors = list(vocabularies.sectors)
    statuses = list(vocabularies.statuses)
    rows = []
    for project in projects:
        name, name_locale = project.name(locale, FALLBACK_LOCALE)
        rows.append([round(project.lat, 5), round(project.lon, 5), sectors.index(project.sector),
                     statuses.index(project.status), name, name_locale, project.locality,
                     _figures(project, locale), project.id, 1 if project.position_note else 0])
    return {
        "locale": locale,
        "projectBase": f"../{language.prefix}projects/",
        "labels": _labels(locale),
        "layers": {key: labels[locale] for key, labels in places.layers.items()},
        "sectors": [[key, vocabularies.label("sectors", key, locale), vocabularies.sectors[key]["colour"]] for key in sectors],
        "statuses": [[key, vocabularies.label("statuses", key, locale)] for key in statuses],
        "projects": rows,
        "places": [[p.layer, p.kind, p.lat, p.lon, p.text[locale]["name"], p.text[locale].get("facts", ""),
                    1 if p.approximate else 0, p.source, f"../{language.prefix}{p.page}" if p.page else "", p.id]
                   for p in places.places],
        "routes": [[r.text[locale]["name"], r.text[locale].get("facts", ""), r.source, [list(pt) for pt in r.points]]
                   for r in places.routes],
        "neighbours": [[n["lat"], n["lon"], n[locale]] for n in places.neighbours],
    }


def data_script(data: dict) -> str:
    """The data as a script that sets one global (a script, not JSON, so it also loads from file://)."""
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    payload = payload.replace("<", "\\u003c").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return f"window.{VARIABLE}={payload};\n"
