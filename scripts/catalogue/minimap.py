"""A small static map: the province outline as one SVG, and a project's position on it in percent.

Used on project pages and in print; it needs no JavaScript, no tiles and no network.
"""

from __future__ import annotations

import math
from html import escape

from scripts.catalogue.geo import Outline


def _scale(outline: Outline) -> float:
    return math.cos(math.radians((outline.south + outline.north) / 2))


def _size(outline: Outline) -> tuple[float, float]:
    return (outline.east - outline.west) * _scale(outline), outline.north - outline.south


def position_percent(outline: Outline, lat: float, lon: float) -> tuple[float, float]:
    """(left, top) of a point in percent of the SVG's width and height."""
    width, height = _size(outline)
    left = (lon - outline.west) * _scale(outline) / width * 100
    top = (outline.north - lat) / height * 100
    return round(left, 2), round(top, 2)


def _diamond(outline: Outline, factor: float, lat: float, lon: float, name: str) -> str:
    x = (lon - outline.west) * _scale(outline) * factor
    y = (outline.north - lat) * factor
    return (f'<g><title>{escape(name)}</title><rect x="{x - 14:.1f}" y="{y - 14:.1f}" width="28" height="28" '
            f'transform="rotate(45 {x:.1f} {y:.1f})" fill="#1d3557" stroke="#fff" stroke-width="4"/></g>')


def simplified(points: list[tuple[float, float]], tolerance: float) -> list[tuple[float, float]]:
    """Ramer–Douglas–Peucker: drop the points closer than `tolerance` to the line their neighbours keep."""
    if tolerance <= 0 or len(points) < 3:
        return points
    keep, stack = {0, len(points) - 1}, [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (x1, y1), (x2, y2) = points[first], points[last]
        length = math.hypot(x2 - x1, y2 - y1)
        farthest, distance = None, tolerance
        for index in range(first + 1, last):
            x, y = points[index]
            away = (abs((x2 - x1) * (y1 - y) - (x1 - x) * (y2 - y1)) / length if length
                    else math.hypot(x - x1, y - y1))
            if away > distance:
                farthest, distance = index, away
        if farthest is not None:
            keep.add(farthest)
            stack += [(first, farthest), (farthest, last)]
    return [points[index] for index in sorted(keep)]


def outline_path(outline: Outline, tolerance: float = 0) -> tuple[str, float]:
    """The outline as one SVG path (1000 units wide) and its height in those units; `tolerance`
    (in those units) simplifies it."""
    width, height = _size(outline)
    factor = 1000 / width
    paths = []
    for polygon in outline.polygons:
        for ring in polygon:
            projected = [((x - outline.west) * _scale(outline) * factor, (outline.north - y) * factor) for x, y in ring]
            paths.append("M" + " ".join(f"{x:.1f},{y:.1f}" for x, y in simplified(projected, tolerance)) + "Z")
    return " ".join(paths), height * factor


def point_position(outline: Outline, lat: float, lon: float) -> tuple[float, float]:
    """(x, y) of a point in the units of outline_path."""
    factor = 1000 / _size(outline)[0]
    return (round((lon - outline.west) * _scale(outline) * factor, 1), round((outline.north - lat) * factor, 1))


def outline_svg(outline: Outline, title: str = "Nghệ An", landmarks: tuple[tuple[float, float, str], ...] = (),
                tolerance: float = 0) -> str:
    """The province outline, 1000 units wide, with small diamonds at `landmarks` (lat, lon, name):
    airport, ports, gates. `tolerance` (in those units) simplifies the outline, for print."""
    path, height = outline_path(outline, tolerance)
    factor = 1000 / _size(outline)[0]
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1000 {height:.0f}" role="img">'
        f"<title>{title}</title>"
        f'<path d="{path}" fill="#e4efe8" stroke="#0b5e3c" stroke-width="3" fill-rule="evenodd"/>'
        + "".join(_diamond(outline, factor, *landmark) for landmark in landmarks)
        + "</svg>\n"
    )
