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


def outline_svg(outline: Outline, title: str = "Nghệ An", landmarks: tuple[tuple[float, float, str], ...] = ()) -> str:
    """The province outline, with small diamonds at `landmarks` (lat, lon, name): airport, ports, gates."""
    width, height = _size(outline)
    factor = 1000 / width
    paths = []
    for polygon in outline.polygons:
        for ring in polygon:
            points = " ".join(
                f"{(x - outline.west) * _scale(outline) * factor:.1f},{(outline.north - y) * factor:.1f}"
                for x, y in ring
            )
            paths.append(f"M{points}Z")
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1000 {height * factor:.0f}" role="img">'
        f"<title>{title}</title>"
        f'<path d="{" ".join(paths)}" fill="#e4efe8" stroke="#0b5e3c" stroke-width="3" fill-rule="evenodd"/>'
        + "".join(_diamond(outline, factor, *landmark) for landmark in landmarks)
        + "</svg>\n"
    )
