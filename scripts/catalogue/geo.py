"""Is a point inside Nghệ An? Ray casting over the province outline (a GeoJSON MultiPolygon)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from scripts import folders

OUTLINE = Path("geo") / "nghe-an-outline.geojson"  # in the project's data/

Ring = tuple[tuple[float, float], ...]


@dataclass(frozen=True)
class Outline:
    polygons: tuple[tuple[Ring, ...], ...]  # each polygon: outer ring, then holes; points are (lon, lat)
    west: float
    south: float
    east: float
    north: float
    # (lon, lat) → inside: every save in the live preview checks each row's point again
    _answers: dict[tuple[float, float], bool] = field(default_factory=dict, compare=False, repr=False)

    def contains(self, lon: float, lat: float) -> bool:
        if not (self.west <= lon <= self.east and self.south <= lat <= self.north):
            return False
        if (lon, lat) not in self._answers:
            self._answers[(lon, lat)] = any(
                _in_ring(lon, lat, rings[0]) and not any(_in_ring(lon, lat, hole) for hole in rings[1:])
                for rings in self.polygons)
        return self._answers[(lon, lat)]


def _in_ring(x: float, y: float, ring: Ring) -> bool:
    inside = False
    x1, y1 = ring[-1]
    for x2, y2 in ring:
        if (y1 > y) != (y2 > y) and x < (x2 - x1) * (y - y1) / (y2 - y1) + x1:
            inside = not inside
        x1, y1 = x2, y2
    return inside


def outline_file() -> Path:
    return folders.current().data / OUTLINE


def load_outline(path: Path | None = None) -> Outline:
    """The province outline in `path` (by default the project's), read once per file until `reload_outlines`."""
    return _load_outline(path or outline_file())


def reload_outlines() -> None:
    _load_outline.cache_clear()


@lru_cache(maxsize=2)
def _load_outline(path: Path) -> Outline:
    data = json.loads(path.read_text("utf-8"))
    polygons = []
    for feature in data["features"]:
        geometry = feature["geometry"]
        parts = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
        for polygon in parts:
            polygons.append(tuple(tuple((float(x), float(y)) for x, y in ring) for ring in polygon))
    points = [point for polygon in polygons for point in polygon[0]]
    return Outline(
        polygons=tuple(polygons),
        west=min(x for x, _ in points),
        south=min(y for _, y in points),
        east=max(x for x, _ in points),
        north=max(y for _, y in points),
    )
