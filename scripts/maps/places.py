"""Map places (parks, infrastructure, culture), schematic routes and neighbour labels from data/places.yml."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from scripts import folders
from scripts.catalogue.geo import Outline
from scripts.parsed_files import parsed, yaml_data
from scripts.problems import Problem

PLACES_FILE = "places.yml"  # in the project's data/
KINDS = ("zone", "park", "airport", "port", "border-gate", "public-works", "heritage", "nature", "beach")
GATEWAY_KINDS = ("airport", "port", "border-gate")  # shown as diamonds on the project pages' mini-map


@dataclass(frozen=True)
class Place:
    id: str
    layer: str
    kind: str
    lat: float
    lon: float
    approximate: bool
    text: dict[str, dict[str, str]]  # locale → {"name": …, "facts": …}
    source: str
    area_ha: float | None = None
    page: str = ""  # site path of the place's own page within a language, e.g. "parks/vsip-nghe-an/"


@dataclass(frozen=True)
class Route:
    id: str
    text: dict[str, dict[str, str]]
    source: str
    points: tuple[tuple[float, float], ...]  # (lat, lon)


@dataclass(frozen=True)
class MapPlaces:
    layers: dict[str, dict[str, str]]  # layer key → locale → label
    places: tuple[Place, ...]
    routes: tuple[Route, ...]
    neighbours: tuple[dict, ...]


def _text(entry: dict, locales: list[str]) -> dict[str, dict[str, str]]:
    return {locale: entry[locale] for locale in locales}


def _item_lines(text: str, key: str) -> list[int]:
    """Line number of each item of the top-level list `key` (for messages)."""
    root = yaml.compose(text)
    for key_node, value_node in root.value:
        if key_node.value == key:
            return [item.start_mark.line + 1 for item in value_node.value]
    return []


def _place_lines(path: Path) -> list[int]:
    return _item_lines(path.read_text("utf-8"), "places")


def load_places(locales: list[str], outline: Outline, path: Path | None = None) -> tuple[MapPlaces, list[Problem]]:
    """Read and check the file; a place outside the province or with an unknown kind is a problem."""
    path = path or folders.current().data / PLACES_FILE
    root = folders.current().root
    shown = path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
    data = yaml_data(path)
    lines = parsed(path, _place_lines)
    problems, places = [], []
    for index, entry in enumerate(data["places"]):
        number = lines[index]
        where = entry.get("id", "?")
        if entry.get("layer") not in data["layers"]:
            problems.append(Problem(shown, number, f"{where} layer", "one of " + ", ".join(data["layers"]),
                                    repr(entry.get("layer"))))
        if entry.get("kind") not in KINDS:
            problems.append(Problem(shown, number, f"{where} kind", "one of " + ", ".join(KINDS), repr(entry.get("kind"))))
        missing = [locale for locale in locales if not entry.get(locale, {}).get("name")]
        if missing:
            problems.append(Problem(shown, number, where, "a name in " + ", ".join(locales),
                                    "none in " + ", ".join(missing)))
        if not outline.contains(float(entry["lon"]), float(entry["lat"])):
            problems.append(Problem(shown, number, f"{where} lat, lon", "a point inside Nghệ An",
                                    f"{entry['lat']}, {entry['lon']}"))
        if not missing:
            places.append(Place(entry["id"], entry["layer"], entry["kind"], float(entry["lat"]), float(entry["lon"]),
                                bool(entry.get("approximate", True)), _text(entry, locales), entry["source"],
                                entry.get("area_ha")))
    routes = tuple(Route(r["id"], _text(r, locales), r["source"], tuple((float(a), float(b)) for a, b in r["points"]))
                   for r in data.get("routes", []))
    return MapPlaces(data["layers"], tuple(places), routes, tuple(data.get("neighbours", []))), problems
