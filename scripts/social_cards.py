"""Open Graph cards: a 1200×630 PNG per page, in the page's language and script, drawn with Pillow.

Text is set with the site's own Noto Sans / Noto Sans Lao files (the unicode ranges in fonts.css
say which file draws which characters) and shaped by Raqm, so Lao vowels and tone marks stack
correctly. Cards are cached by content hash in .cache/cards/ (a verified cache, scripts/verified_cache.py:
a damaged card is drawn again) and copied into the site under that name.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from scripts import folders
from scripts.process_pool import run_in_processes
from scripts.verified_cache import replacing, store

FONTS_CSS = Path("assets") / "stylesheets" / "fonts.css"  # under the project's docs/, naming its fonts
CARDS_FOLDER = "assets/cards"  # in the site: one flat folder, each card named by its text's hash
SIZE = (1200, 630)
GREEN, GOLD, WHITE = (11, 94, 60), (246, 195, 67), (255, 255, 255)


def _cache() -> Path:
    return folders.current().cache("cards")


def font_ranges(weight: int = 700) -> tuple[tuple[Path, tuple[tuple[int, int], ...]], ...]:
    """(font file, unicode ranges) for each @font-face of the given weight in the project's fonts.css."""
    return _font_ranges(folders.current().docs, weight)


@lru_cache(maxsize=4)
def _font_ranges(docs: Path, weight: int) -> tuple[tuple[Path, tuple[tuple[int, int], ...]], ...]:
    faces = []
    for block in re.findall(r"@font-face\s*{(.*?)}", (docs / FONTS_CSS).read_text("utf-8"), re.DOTALL):
        if f"font-weight: {weight};" not in block:
            continue
        name = re.search(r'url\("\.\./fonts/([^"]+)"\)', block).group(1)
        ranges = []
        for part in re.search(r"unicode-range:\s*([^;]+);", block).group(1).split(","):
            start, _, end = part.strip()[2:].partition("-")
            ranges.append((int(start, 16), int(end or start, 16)))
        faces.append((docs / "assets" / "fonts" / name, tuple(ranges)))
    return tuple(faces)


@lru_cache(maxsize=32)
def font(path: Path, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(path), size, layout_engine=ImageFont.Layout.RAQM)


def _face_for(char: str, weight: int) -> Path:
    code = ord(char)
    for path, ranges in font_ranges(weight):
        if any(start <= code <= end for start, end in ranges):
            return path
    return font_ranges(weight)[-1][0]


def runs(text: str, weight: int = 700) -> list[tuple[str, Path]]:
    """Split text into runs drawn by one font file each (combining marks stay with their base)."""
    result: list[tuple[str, Path]] = []
    for char in text:
        face = _face_for(char, weight)
        combining = unicodedata.category(char).startswith("M")
        if result and (result[-1][1] == face or combining or char == " "):
            result[-1] = (result[-1][0] + char, result[-1][1])
        else:
            result.append((char, face))
    return result


def text_width(text: str, size: int, weight: int) -> float:
    return sum(font(face, size).getlength(part) for part, face in runs(text, weight))


def wrap(text: str, size: int, weight: int, width: int) -> list[str]:
    # Lao is written without spaces; break it where the text has spaces or zero-width spaces only.
    words, lines, line = re.split(r"(?<=[\s\u200b])", text), [], ""
    for word in words:
        if line and text_width(line + word, size, weight) > width:
            lines.append(line.strip())
            line = word
        else:
            line += word
    return [*lines, line.strip()] if line.strip() else lines


def draw_text(draw: ImageDraw.ImageDraw, xy: tuple[int, int], text: str, size: int, weight: int, fill) -> None:
    x, y = xy
    for part, face in runs(text, weight):
        face_font = font(face, size)
        draw.text((x, y), part, font=face_font, fill=fill)
        x += face_font.getlength(part)


def tagline(site_url: str) -> str:
    """The host name printed at the foot of every card."""
    return site_url.split("//", 1)[-1].rstrip("/")


def _cached(card: tuple[str, str, str]) -> str:
    return hashlib.sha256("\x1f".join(card).encode("utf-8")).hexdigest()[:20] + ".png"


def _draw_into_cache(card: tuple[str, str, str]) -> None:
    title, site_name, foot = card
    image = Image.new("RGB", SIZE, GREEN)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, SIZE[1] - 18, SIZE[0], SIZE[1]), fill=GOLD)
    draw_text(draw, (72, 64), site_name, 34, 700, GOLD)
    size = 68 if len(title) < 60 else 54
    lines = wrap(title, size, 700, SIZE[0] - 144)[:4]
    for index, line in enumerate(lines):
        draw_text(draw, (72, 160 + index * int(size * 1.45)), line, size, 700, WHITE)
    draw_text(draw, (72, SIZE[1] - 92), foot, 30, 400, WHITE)
    with replacing(_cache() / _cached(card)) as partial:  # in a worker process too: the caller records it
        image.save(partial, format="PNG", compress_level=1)  # level 6 takes 2.5× as long for 20% less


def draw_cards(cards: list[tuple[str, str, str]]) -> None:
    """Draw the (title, site name, tagline) cards missing from the cache, in parallel processes, so
    that the pages' builds find them drawn (render_card)."""
    cache = store(_cache())
    missing = [card for card in dict.fromkeys(cards) if not cache.has(_cached(card))]
    run_in_processes(_draw_into_cache, missing, 16)
    for card in missing:
        cache.adopt(_cached(card))
    cache.save()


def render_card(title: str, site_name: str, tagline: str, cards_dir: Path) -> Path:
    """Put the card into `cards_dir` (from the cache; drawn first if no build has drawn the same text)
    and return its path. Named by its text's hash: the folder stays flat (no folder per page to make),
    pages with the same card share one file, and a changed title gets a new address that social
    networks fetch again."""
    card = (title, site_name, tagline)
    cache, name = store(_cache()), _cached(card)
    data = cache.read(name)
    if data is None:
        _draw_into_cache(card)
        cache.adopt(name)
        data = cache.read(name)
    cards_dir.mkdir(parents=True, exist_ok=True)
    (cards_dir / name).write_bytes(data)  # a copy: the site shares no file with the cache
    return cards_dir / name
