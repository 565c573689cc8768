"""The merged catalogue as open data: CSV, JSON and GeoJSON, under CC BY 4.0."""

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
                  department=project.department, source=project.source or "",
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
