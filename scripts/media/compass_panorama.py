"""The demonstration 360° panorama: a labelled compass drawn with Pillow, not a photograph.

Seen from one place of data/places.yml (Vinh International Airport), each industrial park, port and
border gate of the portal's data stands at its compass bearing, labelled with its name and its
straight-line distance. Equirectangular, 4,096 × 2,048 (the mobile texture limit), north in the
middle (Pannellum's yaw 0), one image per language.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from PIL import Image, ImageDraw

from scripts.media.named_point import NamedPoint
from scripts.social_cards import draw_text, text_width, wrap

WIDTH, HEIGHT = 4096, 2048
HORIZON = HEIGHT // 2
NAME_SIZE, DETAIL_SIZE, NOTE_SIZE, POINT_SIZE = 34, 28, 30, 56
ROW_HEIGHT = 92
NOTE_WIDTH = 900  # px per line of the note, so its four copies do not touch
SKY, GROUND, INK, MUTED, POLE = (214, 232, 245), (226, 221, 204), (25, 45, 70), (90, 100, 110), (200, 90, 20)
EARTH_RADIUS_KM = 6371.0


@dataclass(frozen=True)
class Label:
    name: str
    detail: str
    x: int


def bearing_and_distance(lat1: float, lon1: float, lat2: float, lon2: float) -> tuple[float, float]:
    """Initial great-circle bearing (degrees from north, clockwise) and distance in km."""
    p1, p2, dl = math.radians(lat1), math.radians(lat2), math.radians(lon2 - lon1)
    y = math.sin(dl) * math.cos(p2)
    x = math.cos(p1) * math.sin(p2) - math.sin(p1) * math.cos(p2) * math.cos(dl)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return (math.degrees(math.atan2(y, x)) + 360) % 360, 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(a))


def column(bearing: float) -> int:
    """The image column of a bearing: north in the middle, east to the right."""
    return int((WIDTH / 2 + bearing / 360 * WIDTH) % WIDTH)


def _rows(labels: list[Label]) -> list[tuple[Label, int]]:
    """Each label on the lowest row where it does not overlap the one before it."""
    ends: list[float] = []
    placed = []
    for label in sorted(labels, key=lambda item: item.x):
        width = max(text_width(label.name, NAME_SIZE, 700), text_width(label.detail, DETAIL_SIZE, 400)) + 24
        row = next((i for i, end in enumerate(ends) if end < label.x), len(ends))
        ends[row:row + 1] = [label.x + width]
        placed.append((label, row))
    return placed


def _sky_and_ground(draw: ImageDraw.ImageDraw) -> None:
    draw.rectangle((0, 0, WIDTH, HORIZON), fill=SKY)
    draw.rectangle((0, HORIZON, WIDTH, HEIGHT), fill=GROUND)
    draw.line((0, HORIZON, WIDTH, HORIZON), fill=INK, width=3)


def _compass(draw: ImageDraw.ImageDraw, points: dict[int, str]) -> None:
    for degrees in range(0, 360, 5):
        x, tall = column(degrees), degrees % 45 == 0
        draw.line((x, HORIZON, x, HORIZON + (40 if tall else 16 if degrees % 10 == 0 else 8)), fill=INK, width=3 if tall else 2)
        if degrees % 15 == 0 and not tall:
            draw_text(draw, (x - 20, HORIZON + 24), f"{degrees}°", DETAIL_SIZE, 400, MUTED)
        if tall:
            label = points[degrees]
            draw_text(draw, (x - text_width(label, POINT_SIZE, 700) / 2, HORIZON + 52), label, POINT_SIZE, 700, INK)


def draw_panorama(origin: NamedPoint, targets: list[NamedPoint], points: dict[int, str], note: str,
                  distance_text) -> Image.Image:
    """The panorama: `points` names the eight compass points (0, 45, … 315), `note` says what it is
    (written on the ground in four directions), `distance_text(km)` writes a distance."""
    image = Image.new("RGB", (WIDTH, HEIGHT), SKY)
    draw = ImageDraw.Draw(image)
    _sky_and_ground(draw)
    labels = []
    for target in targets:
        bearing, km = bearing_and_distance(origin.lat, origin.lon, target.lat, target.lon)
        labels.append(Label(target.name, f"{distance_text(km)} · {round(bearing)}°", column(bearing)))
    placed = _rows(labels)
    for label, row in placed:  # poles first, so that the labels' boxes cover the poles behind them
        for x in (label.x, label.x - WIDTH):  # a label past the right edge goes on from the left one
            draw.line((x, HORIZON - 150 - row * ROW_HEIGHT, x, HORIZON), fill=POLE, width=4)
            draw.ellipse((x - 9, HORIZON - 9, x + 9, HORIZON + 9), fill=POLE)
    for label, row in placed:
        top = HORIZON - 150 - row * ROW_HEIGHT
        width = max(text_width(label.name, NAME_SIZE, 700), text_width(label.detail, DETAIL_SIZE, 400))
        for x in (label.x, label.x - WIDTH):
            draw.rectangle((x + 4, top - 6, x + width + 18, top + 72), fill=SKY)
            draw_text(draw, (x + 10, top - 8), label.name, NAME_SIZE, 700, INK)
            draw_text(draw, (x + 10, top + 34), label.detail, DETAIL_SIZE, 400, MUTED)
    _compass(draw, points)
    lines = wrap(note, NOTE_SIZE, 400, NOTE_WIDTH)
    for degrees in (0, 90, 180, 270):
        for number, line in enumerate(lines):
            x = column(degrees) - text_width(line, NOTE_SIZE, 400) / 2
            draw_text(draw, (x, HORIZON + 190 + number * (NOTE_SIZE + 14)), line, NOTE_SIZE, 400, MUTED)
    return image
