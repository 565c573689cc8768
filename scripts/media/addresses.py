"""Where each language's trailer is published in the site (stable addresses, for the home page's
player, downloads and links from elsewhere)."""

from __future__ import annotations

from dataclasses import dataclass

FOLDER = "media"  # in the site


@dataclass(frozen=True)
class TrailerFiles:
    """A language's trailer as site addresses (relative to the site root, or to `root` given)."""
    video: str  # 1280×720
    square: str  # 1080×1080
    poster: str
    captions: str
    locale: str


def trailer_files(locale: str, root: str = "") -> TrailerFiles:
    """Where the trailer of `locale` is published; `root` is the way from a page to the site root."""
    base = f"{root}{FOLDER}/trailer-{locale}"
    return TrailerFiles(f"{base}.mp4", f"{base}-square.mp4", f"{base}.jpg", f"{base}.vtt", locale)
