"""The still image of a 3D model, for readers without WebGL: its triangles drawn with Pillow, seen
from the south and above, farthest first, each shaded by how much it faces the light."""

from __future__ import annotations

import math

from PIL import Image, ImageDraw

from scripts.media.relief_model import COLOURS, Triangles

SIZE = (1280, 800)
BACKGROUND = (244, 246, 248)
LIGHT = (-0.4, 0.8, 0.45)  # from the south-west, above
TILT = math.radians(50)  # how far the view looks down


def _view(point):
    """(screen x, screen y, depth) of a model point: east to the right, north tilted away."""
    x, y, z = point
    return x, -(y * math.cos(TILT) - z * math.sin(TILT)), -(y * math.sin(TILT) + z * math.cos(TILT))


def draw_still(parts: dict[str, Triangles]) -> Image.Image:
    """Faces turned away from the viewer are left out; the land's top, then its sides, then the
    columns are drawn, each group farthest first."""
    faces = []
    length = math.sqrt(sum(c * c for c in LIGHT))
    for part, mesh in parts.items():
        for i in range(0, len(mesh.positions), 3):
            corners = [_view(p) for p in mesh.positions[i:i + 3]]
            normal = mesh.normals[i]
            if normal[1] * math.sin(TILT) + normal[2] * math.cos(TILT) <= 0:
                continue
            layer = 0 if part == "land" and normal[1] > 0.99 else 1 if part == "land" else 2
            shade = 0.45 + 0.55 * max(0.0, sum(n * l for n, l in zip(normal, LIGHT)) / length)
            colour = tuple(int(255 * c * shade) for c in COLOURS[part][:3])
            faces.append((layer, -sum(c[2] for c in corners) / 3, [(c[0], c[1]) for c in corners], colour))
    xs = [x for _, _, points, _ in faces for x, _ in points]
    ys = [y for _, _, points, _ in faces for _, y in points]
    scale = 0.92 * min(SIZE[0] / (max(xs) - min(xs)), SIZE[1] / (max(ys) - min(ys)))
    left = (SIZE[0] - scale * (max(xs) - min(xs))) / 2 - scale * min(xs)
    top = (SIZE[1] - scale * (max(ys) - min(ys))) / 2 - scale * min(ys)
    image = Image.new("RGB", SIZE, BACKGROUND)
    draw = ImageDraw.Draw(image)
    for _, _, points, colour in sorted(faces, key=lambda face: face[:2]):
        draw.polygon([(left + scale * x, top + scale * y) for x, y in points], fill=colour, outline=colour)
    return image
