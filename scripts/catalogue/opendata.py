"""The merged catalogue as open data: CSV, JSON and GeoJSON, under CC BY 4.0, described by a Data
Package (`datapackage.json`: licence, fields and their types, update date) for open-data portals."""

from __future__ import annotations

import csv
import io
import json

from scripts.catalogue.model import Project
from scripts.catalogue.vocabularies import Vocabularies

LICENCE = {
    "name": "CC BY 4.0",
    "url": "https://creativecommons.org/licenses/by/4.0/",
    "attribution": "Nghệ An Investment Portal (and the source named in each record)",
}


def _record(project: Project, locales: list[str]) -> dict:
    record = {"id": project.id}
    for locale in locales:
        record[f"name_{locale}"] = project.names.get(locale, "")
    record.update(sector=project.sector, locality=project.locality, lat=project.lat, lon=project.lon,
                  area_ha=project.area_ha, investment_vnd_bn=project.investment_vnd_bn,
                  investment_usd_m=project.investment_usd_m, form=project.form or "", status=project.status)
    for locale in locales:
        record[f"summary_{locale}"] = project.summaries.get(locale, "")
    record.update(contact=project.contact or "", updated=project.updated.isoformat(),
                  department=project.department, agency=project.contact_agency, source=project.source or "",
                  position_note=project.position_note or "")
    return record


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value):
    """OWASP's rule against CSV injection: a text cell that a spreadsheet would read as a formula gets a
    leading apostrophe (numbers are written as they are)."""
    return "'" + value if isinstance(value, str) and value.startswith(FORMULA_STARTS) else value


def to_csv(projects: list[Project], locales: list[str]) -> str:
    records = [_record(project, locales) for project in projects]
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(_record(projects[0], locales)) if projects else ["id"],
                            lineterminator="\r\n")
    writer.writeheader()
    for record in records:
        writer.writerow({key: "" if value is None else spreadsheet_safe(value) for key, value in record.items()})
    return "\ufeff" + buffer.getvalue()  # BOM: Excel opens the file as UTF-8


def to_json(projects: list[Project], locales: list[str], vocabularies: Vocabularies) -> str:
    document = {
        "licence": LICENCE,
        "sectors": vocabularies.sectors,
        "statuses": vocabularies.statuses,
        "projects": [_record(project, locales) for project in projects],
    }
    return json.dumps(document, ensure_ascii=False, indent=1) + "\n"


def to_geojson(projects: list[Project], locales: list[str]) -> str:
    features = []
    for project in projects:
        properties = _record(project, locales)
        lon, lat = properties.pop("lon"), properties.pop("lat")
        features.append({"type": "Feature", "id": project.id, "properties": properties,
                         "geometry": {"type": "Point", "coordinates": [lon, lat]}})
    return json.dumps({"type": "FeatureCollection", "licence": LICENCE, "features": features},
                      ensure_ascii=False) + "\n"


NUMBER_FIELDS = ("lat", "lon", "area_ha", "investment_vnd_bn", "investment_usd_m")
DATE_FIELDS = ("updated",)
DATA_FILES = (("catalogue-csv", "catalogue.csv", "csv", "text/csv"),
              ("catalogue-json", "catalogue.json", "json", "application/json"),
              ("catalogue-geojson", "catalogue.geojson", "geojson", "application/geo+json"))


def field_type(name: str) -> str:
    return "number" if name in NUMBER_FIELDS else "date" if name in DATE_FIELDS else "string"


def to_datapackage(projects: list[Project], locales: list[str], title: str, site_url: str) -> str:
    """The Data Package (frictionless) describing the files above; the CSV with its table schema."""
    fields = list(_record(projects[0], locales)) if projects else ["id"]
    updated = max((project.updated for project in projects), default=None)
    schema = {"fields": [{"name": name, "type": field_type(name), **({"constraints": {"required": True, "unique": True}}
                                                                     if name == "id" else {})} for name in fields],
              "primaryKey": ["id"], "missingValues": [""]}
    resources = [{"name": name, "path": path, "format": fmt, "mediatype": mediatype, "encoding": "utf-8"}
                 for name, path, fmt, mediatype in DATA_FILES]
    resources[0].update(profile="tabular-data-resource", encoding="utf-8-sig", schema=schema,
                        dialect={"delimiter": ",", "header": True})
    package = {
        "profile": "data-package",
        "name": "nghe-an-investment-catalogue",
        "title": title,
        "homepage": f"{site_url.rstrip('/')}/catalogue/",
        "licenses": [{"name": "CC-BY-4.0", "path": LICENCE["url"], "title": "Creative Commons Attribution 4.0"}],
        "keywords": ["investment", "Nghệ An", "Vietnam"],
        **({"updated": updated.isoformat()} if updated else {}),
        "resources": resources,
    }
    return json.dumps(package, ensure_ascii=False, indent=1) + "\n"
