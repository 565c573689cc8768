"""The demonstration 3D model: the province outline (data/geo) as a flat slab, with a column on each
industrial park (data/industrial-parks.yml), written as a binary glTF 2.0 file (GLB) with struct and json.

No elevation data is used or invented: the slab is flat. A column's height follows the park's
published land area; a park whose area no source publishes gets a short grey marker instead.
Coordinates are kilometres from the outline's centre: x east, y up, z south (glTF's axes).
"""

from __future__ import annotations

import json
import math
import struct
from dataclasses import dataclass

from scripts.catalogue.geo import Outline

KM_PER_DEGREE = 111.32
SLAB_KM = 4.0
COLUMN_HALF_WIDTH_KM = 2.5
COLUMN_MAX_KM = 45.0  # the largest published area; the others in proportion
MARKER_KM = 3.0  # parks without a published area
OUTLINE_STEP = 3  # keep every third outline point: the 100 m outline is far finer than the model needs
COLOURS = {"land": (0.55, 0.70, 0.50, 1.0), "area": (0.85, 0.45, 0.10, 1.0), "no-area": (0.55, 0.55, 0.55, 1.0)}

Vector = tuple[float, float, float]


@dataclass(frozen=True)
class Column:
    lat: float
    lon: float
    area_ha: float | None


class Projection:
    """Longitude/latitude to model kilometres around the outline's centre (equirectangular)."""

    def __init__(self, outline: Outline):
        self.lon0 = (outline.west + outline.east) / 2
        self.lat0 = (outline.south + outline.north) / 2
        self.scale_x = KM_PER_DEGREE * math.cos(math.radians(self.lat0))

    def __call__(self, lon: float, lat: float) -> tuple[float, float]:
        return (lon - self.lon0) * self.scale_x, -(lat - self.lat0) * KM_PER_DEGREE  # (x east, z south)


def _sub(a: Vector, b: Vector) -> Vector:
    return a[0] - b[0], a[1] - b[1], a[2] - b[2]


def _cross(a: Vector, b: Vector) -> Vector:
    return a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]


def _unit(v: Vector) -> Vector:
    length = math.sqrt(sum(c * c for c in v)) or 1.0
    return v[0] / length, v[1] / length, v[2] / length


class Triangles:
    """Triangles with flat normals, each turned so that its front faces `outward`."""

    def __init__(self):
        self.positions: list[Vector] = []
        self.normals: list[Vector] = []

    def add(self, a: Vector, b: Vector, c: Vector, outward: Vector) -> None:
        normal = _cross(_sub(b, a), _sub(c, a))
        if sum(n * o for n, o in zip(normal, outward)) < 0:
            b, c, normal = c, b, tuple(-n for n in normal)
        self.positions += [a, b, c]
        self.normals += [_unit(normal)] * 3

    def quad(self, a: Vector, b: Vector, c: Vector, d: Vector, outward: Vector) -> None:
        self.add(a, b, c, outward)
        self.add(a, c, d, outward)


def _signed_area(ring: list[tuple[float, float]]) -> float:
    return sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1])) / 2


def _inside(p, a, b, c) -> bool:
    def side(p1, p2, p3):
        return (p1[0] - p3[0]) * (p2[1] - p3[1]) - (p2[0] - p3[0]) * (p1[1] - p3[1])
    d1, d2, d3 = side(p, a, b), side(p, b, c), side(p, c, a)
    return not ((d1 < 0 or d2 < 0 or d3 < 0) and (d1 > 0 or d2 > 0 or d3 > 0))


def ear_clip(ring: list[tuple[float, float]]) -> list[tuple[int, int, int]]:
    """Triangles (indices into `ring`, counter-clockwise) covering a simple polygon."""
    order = list(range(len(ring)))
    if _signed_area(ring) < 0:
        order.reverse()
    triangles, guard = [], 0
    while len(order) > 3 and guard < len(order):
        for i in range(len(order)):
            i0, i1, i2 = order[i - 1], order[i], order[(i + 1) % len(order)]
            a, b, c = ring[i0], ring[i1], ring[i2]
            convex = (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]) > 0
            if convex and not any(_inside(ring[j], a, b, c) for j in order if j not in (i0, i1, i2)):
                triangles.append((i0, i1, i2))
                del order[i]
                guard = 0
                break
        else:
            guard = len(order)  # no ear left: a self-touching ring; stop rather than loop
    if len(order) == 3:
        triangles.append(tuple(order))
    return triangles


def _slab(outline: Outline, project: Projection) -> Triangles:
    mesh = Triangles()
    for polygon in outline.polygons:
        outer = list(polygon[0][:-1] if polygon[0][0] == polygon[0][-1] else polygon[0])
        ring = [project(lon, lat) for lon, lat in outer[::OUTLINE_STEP]]
        if len(ring) < 3:
            continue
        plane = [(x, -z) for x, z in ring]  # (east, north): counter-clockwise seen from above
        for i0, i1, i2 in ear_clip(plane):
            top = [(ring[i][0], SLAB_KM, ring[i][1]) for i in (i0, i1, i2)]
            mesh.add(*top, (0.0, 1.0, 0.0))
            mesh.add(*[(x, 0.0, z) for x, _, z in top], (0.0, -1.0, 0.0))
        clockwise = _signed_area(plane) < 0
        for (x1, z1), (x2, z2) in zip(ring, ring[1:] + ring[:1]):
            east, north = x2 - x1, -(z2 - z1)
            out_e, out_n = (north, -east) if not clockwise else (-north, east)  # the right of a CCW edge
            mesh.quad((x1, 0.0, z1), (x2, 0.0, z2), (x2, SLAB_KM, z2), (x1, SLAB_KM, z1), (out_e, 0.0, -out_n))
    return mesh


def _box(mesh: Triangles, x: float, z: float, height: float) -> None:
    w, y0, y1 = COLUMN_HALF_WIDTH_KM, SLAB_KM, SLAB_KM + height
    corners = [(x - w, z - w), (x + w, z - w), (x + w, z + w), (x - w, z + w)]
    for (ax, az), (bx, bz) in zip(corners, corners[1:] + corners[:1]):
        outward = ((ax + bx) / 2 - x, 0.0, (az + bz) / 2 - z)
        mesh.quad((ax, y0, az), (bx, y0, bz), (bx, y1, bz), (ax, y1, az), outward)
    mesh.quad(*[(cx, y1, cz) for cx, cz in corners], (0.0, 1.0, 0.0))


def model_parts(outline: Outline, columns: list[Column]) -> dict[str, Triangles]:
    """The model's parts by material: the land, parks with a published area, parks without."""
    project = Projection(outline)
    largest = max((c.area_ha for c in columns if c.area_ha), default=1.0)
    parts = {"land": _slab(outline, project), "area": Triangles(), "no-area": Triangles()}
    for column in columns:
        x, z = project(column.lon, column.lat)
        if column.area_ha:
            _box(parts["area"], x, z, COLUMN_MAX_KM * column.area_ha / largest)
        else:
            _box(parts["no-area"], x, z, MARKER_KM)
    return {name: mesh for name, mesh in parts.items() if mesh.positions}


def glb(parts: dict[str, Triangles], name: str) -> bytes:
    """A binary glTF 2.0 file: one mesh, one primitive and material per part, flat normals, no textures."""
    binary, views, accessors, primitives, materials = bytearray(), [], [], [], []
    for index, (part, mesh) in enumerate(parts.items()):
        for attribute, values in (("POSITION", mesh.positions), ("NORMAL", mesh.normals)):
            offset = len(binary)
            binary += b"".join(struct.pack("<3f", *v) for v in values)
            views.append({"buffer": 0, "byteOffset": offset, "byteLength": len(binary) - offset, "target": 34962})
            accessor = {"bufferView": len(views) - 1, "componentType": 5126, "count": len(values), "type": "VEC3"}
            if attribute == "POSITION":
                accessor["min"] = [min(v[i] for v in values) for i in range(3)]
                accessor["max"] = [max(v[i] for v in values) for i in range(3)]
            accessors.append(accessor)
        primitives.append({"attributes": {"POSITION": len(accessors) - 2, "NORMAL": len(accessors) - 1},
                           "material": index, "mode": 4})
        materials.append({"name": part, "pbrMetallicRoughness": {"baseColorFactor": list(COLOURS[part]),
                                                                 "metallicFactor": 0.0, "roughnessFactor": 0.9}})
    document = {
        "asset": {"version": "2.0", "generator": "scripts/media/relief_model.py"},
        "scene": 0, "scenes": [{"nodes": [0]}], "nodes": [{"mesh": 0, "name": name}],
        "meshes": [{"name": name, "primitives": primitives}], "materials": materials,
        "buffers": [{"byteLength": len(binary)}], "bufferViews": views, "accessors": accessors,
    }
    text = json.dumps(document, separators=(",", ":")).encode("utf-8")
    text += b" " * (-len(text) % 4)
    binary += b"\x00" * (-len(binary) % 4)
    chunks = struct.pack("<II", len(text), 0x4E4F534A) + text + struct.pack("<II", len(binary), 0x004E4942) + binary
    return struct.pack("<III", 0x46546C67, 2, 12 + len(chunks)) + chunks
