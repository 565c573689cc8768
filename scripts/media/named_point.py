"""A place drawn on a generated picture (the trailer's map, the compass panorama): its name in the
picture's language and where it is."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class NamedPoint:
    name: str
    lat: float
    lon: float
