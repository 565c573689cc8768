"""The trailer's pictures, drawn with Pillow: one still per scene, and a short run of frames for the
map zooming from the province to its industrial parks.

Text is set like the social cards (scripts/social_cards.py): the site's Noto Sans / Noto Sans Lao
files chosen per character and shaped by Raqm, so Vietnamese marks and Lao vowels stack correctly.
"""

from __future__ import annotations

import math
from collections.abc import Iterator

from PIL import Image, ImageDraw

from scripts.media.scenes import Facts, Scene
from scripts.social_cards import GOLD, GREEN, WHITE, draw_text, text_width, wrap

ZOOM_FPS = 12
PALE = (214, 232, 222)  # small print on the green background
LAND = (20, 117, 77)
PARK_DOT = (246, 195, 67)
Size = tuple[int, int]
Box = tuple[float, float, float, float]  # x0, y0, x1, y1 in projected degrees


def _line_height(size: int) -> int:
    return int(size * 1.55)  # room for Lao vowels and Vietnamese marks above and below


def _paragraph(draw: ImageDraw.ImageDraw, xy: tuple[int, int], text: str, size: int, weight: int, fill,
               width: int, max_lines: int) -> int:
    """Draw `text` wrapped to `width` (at most `max_lines`, the last one shortened with …); return the y below it."""
    x, y = xy
    lines = wrap(text, size, weight, width)
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        while lines[-1] and text_width(lines[-1] + " …", size, weight) > width:
            lines[-1] = lines[-1][:-1]
        lines[-1] = lines[-1].rstrip() + " …"
    for line in lines:
        draw_text(draw, (x, y), line, size, weight, fill)
        y += _line_height(size)
    return y


def _canvas(size: Size) -> tuple[Image.Image, ImageDraw.ImageDraw]:
    image = Image.new("RGB", size, GREEN)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, size[1] - 12, size[0], size[1]), fill=GOLD)
    return image, draw


def _margin(size: Size) -> int:
    return size[0] // 18


def _heading(draw: ImageDraw.ImageDraw, size: Size, text: str) -> int:
    return _paragraph(draw, (_margin(size), _margin(size) // 2), text, size[1] // 16, 700, GOLD,
                      size[0] - 2 * _margin(size), 1) + size[1] // 60


def _footer(draw: ImageDraw.ImageDraw, size: Size, text: str) -> None:
    if text:
        type_size = max(16, size[1] // 38)
        _paragraph(draw, (_margin(size), size[1] - 12 - 2 * _line_height(type_size)), text, type_size, 400, PALE,
                   size[0] - 2 * _margin(size), 2)


def _project(lon: float, lat: float) -> tuple[float, float]:
    """Longitude and latitude on a flat map of the province (east right, north up)."""
    return lon * math.cos(math.radians(19.2)), -lat


def _fit(box: Box, area: Box) -> tuple[float, float, float]:
    """(scale, x offset, y offset) drawing `box` centred inside `area` (pixels)."""
    scale = min((area[2] - area[0]) / (box[2] - box[0]), (area[3] - area[1]) / (box[3] - box[1]))
    return (scale, area[0] + ((area[2] - area[0]) - scale * (box[2] - box[0])) / 2 - scale * box[0],
            area[1] + ((area[3] - area[1]) - scale * (box[3] - box[1])) / 2 - scale * box[1])


def _bounds(points: list[tuple[float, float]], pad: float) -> Box:
    xs, ys = [x for x, _ in points], [y for _, y in points]
    return min(xs) - pad, min(ys) - pad, max(xs) + pad, max(ys) + pad


def province_box(facts: Facts) -> Box:
    return _bounds([_project(lon, lat) for polygon in facts.outline.polygons for ring in polygon
                    for lon, lat in ring], 0.02)


def parks_box(facts: Facts) -> Box:
    return _bounds([_project(park.lon, park.lat) for park in facts.parks], 0.12)


def _pixels(box: Box, area: Box):
    scale, dx, dy = _fit(box, area)

    def pixel(lon: float, lat: float) -> tuple[float, float]:
        x, y = _project(lon, lat)
        return x * scale + dx, y * scale + dy
    return pixel


def _land(draw: ImageDraw.ImageDraw, facts: Facts, box: Box, area: Box, line: int) -> None:
    pixel = _pixels(box, area)
    for polygon in facts.outline.polygons:
        draw.polygon([pixel(lon, lat) for lon, lat in polygon[0]], fill=LAND, outline=WHITE, width=line)


def _dots(draw: ImageDraw.ImageDraw, facts: Facts, box: Box, area: Box, numbered: bool) -> None:
    pixel = _pixels(box, area)
    radius = max(6, int(area[3] - area[1]) // 60)
    type_size = max(16, int(radius * 1.8))
    for number, park in enumerate(facts.parks, start=1):
        x, y = pixel(park.lon, park.lat)
        draw.ellipse((x - radius, y - radius, x + radius, y + radius), fill=PARK_DOT, outline=GREEN, width=2)
        if numbered:
            draw_text(draw, (int(x + radius * 1.3), int(y - type_size * 0.7)), str(number), type_size, 700, WHITE)


def _map(image: Image.Image, facts: Facts, box: Box, area: Box, numbered: bool) -> None:
    """The outline and the parks showing `box`, drawn inside `area` only (clipped to it)."""
    layer = Image.new("RGB", (int(area[2] - area[0]), int(area[3] - area[1])), GREEN)
    draw = ImageDraw.Draw(layer)
    inside = (0, 0, *layer.size)
    _land(draw, facts, box, inside, 3)
    _dots(draw, facts, box, inside, numbered)
    image.paste(layer, (int(area[0]), int(area[1])))


def _shaped(box: Box, area: Box) -> Box:
    """`box` widened or heightened about its centre to the shape of `area` (so a crop maps linearly)."""
    width, height = box[2] - box[0], box[3] - box[1]
    aspect = (area[2] - area[0]) / (area[3] - area[1])
    width, height = max(width, height * aspect), max(height, width / aspect)
    cx, cy = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
    return cx - width / 2, cy - height / 2, cx + width / 2, cy + height / 2


def _eased(box_from: Box, box_to: Box, t: float) -> Box:
    t = t * t * (3 - 2 * t)  # smoothstep: starts and stops gently
    return tuple(a + (b - a) * t for a, b in zip(box_from, box_to))  # type: ignore[return-value]


def _zoom_frames(scene: Scene, facts: Facts, size: Size) -> Iterator[tuple[Image.Image, float]]:
    """The map from the whole province to its parks: the heading and notice drawn once, the map on each frame."""
    count = max(2, round(scene.duration * ZOOM_FPS))
    background, draw = _canvas(size)
    top = _heading(draw, size, scene.heading)
    _footer(draw, size, scene.footer)
    area = (_margin(size), top, size[0] - _margin(size), size[1] - size[1] // 8)
    start, end = _shaped(province_box(facts), area), _shaped(parks_box(facts), area)
    for index in range(count):
        image = background.copy()
        _map(image, facts, _eased(start, end, min(1.0, index / (count * 0.8))), area, numbered=False)
        yield image, scene.duration / count


def _title(image: Image.Image, draw: ImageDraw.ImageDraw, scene: Scene, facts: Facts, size: Size) -> None:
    """The site's name and what the video shows, beside the province (below it on a square frame)."""
    margin = _margin(size)
    wide = size[0] > size[1] * 1.2
    width = int(size[0] * 0.5) if wide else size[0] - 2 * margin
    y = _paragraph(draw, (margin, int(size[1] * (0.2 if wide else 0.08))), scene.heading, size[1] // 12, 700, WHITE,
                   width, 3)
    y = _paragraph(draw, (margin, y + size[1] // 30), scene.items[0].text, size[1] // 26, 400, GOLD, width, 4)
    map_area = (size[0] * 0.56, margin, size[0] - margin, size[1] - size[1] // 6) if wide else \
        (margin, y + margin // 2, size[0] - margin, size[1] - size[1] // 8)
    _map(image, facts, province_box(facts), map_area, numbered=False)


def _figures(draw: ImageDraw.ImageDraw, scene: Scene, size: Size, top: int) -> None:
    margin = _margin(size)
    row = (size[1] - top - 30) // max(1, len(scene.items))
    value_width = int((size[0] - 2 * margin) * 0.36)
    text_x = margin + value_width + margin // 2
    text_width_px = size[0] - margin - text_x
    for index, item in enumerate(scene.items):
        y = top + index * row
        after = _paragraph(draw, (margin, y), item.value, size[1] // 15, 700, WHITE, value_width, 2)
        if item.badge:
            badge_size = size[1] // 36
            width = text_width(item.badge, badge_size, 700)
            draw.rounded_rectangle((margin, after + 4, margin + width + 20, after + 10 + _line_height(badge_size)),
                                   radius=8, fill=GOLD)
            draw_text(draw, (margin + 10, after + 6), item.badge, badge_size, 700, GREEN)
        y = _paragraph(draw, (text_x, y + 6), item.text, size[1] // 28, 400, WHITE, text_width_px, 3)
        _paragraph(draw, (text_x, y + 2), item.note, size[1] // 36, 400, GOLD, text_width_px, 2)


def _bars(draw: ImageDraw.ImageDraw, scene: Scene, size: Size, top: int) -> None:
    margin = _margin(size)
    if not scene.items:
        return
    row = min(size[1] // 8, (size[1] - top - size[1] // 6) // len(scene.items))
    type_size = max(18, int(row * 0.28))
    label_width = int((size[0] - 2 * margin) * 0.5)
    longest = max(int(item.value) for item in scene.items)
    bar_room = size[0] - 2 * margin - label_width - 3 * type_size
    for index, item in enumerate(scene.items):
        y = top + index * row
        _paragraph(draw, (margin, y), item.text, type_size, 700, WHITE, label_width - 20, 2)
        x = margin + label_width
        length = max(8, int(bar_room * int(item.value) / longest))
        draw.rectangle((x, y + 4, x + length, y + int(row * 0.62)), fill=item.colour or GOLD)
        draw_text(draw, (x + length + 14, y), item.value, type_size, 700, GOLD)


def _parks(image: Image.Image, draw: ImageDraw.ImageDraw, scene: Scene, facts: Facts, size: Size, top: int) -> None:
    margin = _margin(size)
    wide = size[0] > size[1] * 1.2
    map_area = (margin, top, size[0] * 0.45, size[1] - size[1] // 7) if wide else \
        (margin, top, size[0] - margin, size[1] * 0.5)
    _map(image, facts, parks_box(facts), map_area, numbered=True)
    x = int(map_area[2] + margin // 2) if wide else margin
    y = top if wide else int(map_area[3] + 10)
    type_size = max(16, size[1] // 34)
    for number, item in enumerate(scene.items, start=1):
        y = _paragraph(draw, (x, y), f"{number}. {item.text}", type_size, 400, WHITE, size[0] - margin - x, 2)


def _list(draw: ImageDraw.ImageDraw, scene: Scene, size: Size, top: int) -> None:
    margin = _margin(size)
    y = top + size[1] // 30
    for item in scene.items:
        y = _paragraph(draw, (margin, y), item.text, size[1] // 28, 400, WHITE, size[0] - 2 * margin, 2)
        y = _paragraph(draw, (margin, y), item.value, size[1] // 22, 700, GOLD, size[0] - 2 * margin, 1)
        y += size[1] // 30


def _credits(draw: ImageDraw.ImageDraw, scene: Scene, size: Size) -> None:
    margin = _margin(size)
    y = _paragraph(draw, (margin, size[1] // 4), scene.heading, size[1] // 14, 700, WHITE, size[0] - 2 * margin, 2)
    _paragraph(draw, (margin, y + size[1] // 20), scene.items[0].text, size[1] // 26, 400, GOLD,
               size[0] - 2 * margin, 4)


def still(scene: Scene, facts: Facts, size: Size) -> Image.Image:
    """The one picture of a scene that does not move."""
    image, draw = _canvas(size)
    if scene.kind == "title":
        _title(image, draw, scene, facts, size)
    elif scene.kind == "credits":
        _credits(draw, scene, size)
    else:
        top = _heading(draw, size, scene.heading)
        {"figures": lambda: _figures(draw, scene, size, top), "sectors": lambda: _bars(draw, scene, size, top),
         "parks": lambda: _parks(image, draw, scene, facts, size, top), "contact": lambda: _list(draw, scene, size, top),
         }[scene.kind]()
    _footer(draw, size, scene.footer)
    return image


def pictures(scene: Scene, facts: Facts, size: Size) -> Iterator[tuple[Image.Image, float]]:
    """(picture, seconds on screen) for a scene: one still, or the zoom's frames."""
    if scene.kind == "zoom":
        yield from _zoom_frames(scene, facts, size)
    else:
        yield still(scene, facts, size), scene.duration
