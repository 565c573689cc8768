"""Photos dropped into docs/: responsive WebP variants plus a fallback, EXIF (and GPS) removed.

Each photo is processed once per content: results live in .cache/images/<sha256>/, a verified cache
(scripts/verified_cache.py: a damaged or half-written result is made again), so an unchanged photo
costs nothing on the next build. The build publishes the cleaned fallback in
place of the original (whose metadata never reaches the site) and the WebP variants beside it.
"""

from __future__ import annotations

import hashlib
import io
import json
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageOps, UnidentifiedImageError

from scripts import folders
from scripts.problems import Problem
from scripts.verified_cache import VerifiedCache

WIDTHS = (480, 960, 1600)
PHOTO_SUFFIXES = (".jpg", ".jpeg", ".png")
# Files an author may not drop into docs/: an SVG, HTML or script file is published as it is and can
# run script (MkDocs copies it); the site's own are in assets/, the generated map frames in embed/.
REFUSED_SUFFIXES = (".svg", ".svgz", ".html", ".htm", ".xhtml", ".js", ".mjs")
INFO = "image.json"  # in each photo's cache folder: the sizes and names of its files
GENERATED_FRAME = re.compile(r"^embed/map-[a-z]{2}\.html$")


class ImageError(Exception):
    """A photo could not be read; the message names the file."""


@dataclass(frozen=True)
class ProcessedImage:
    fallback: Path  # cleaned JPEG/PNG, at most the largest width
    width: int
    height: int
    variants: tuple[tuple[int, Path], ...]  # (width, WebP file)


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:20]


def _saved(folder: VerifiedCache) -> ProcessedImage | None:
    """The results of an earlier run, if every file of them is there, whole."""
    info = folder.read(INFO)
    try:
        saved = json.loads(info) if info is not None else None
        names = [saved["fallback"], *(name for _, name in saved["variants"])] if saved else []
    except (ValueError, KeyError, TypeError):
        return None
    if not names or not all(folder.has(name) for name in names):
        return None
    return ProcessedImage(folder.path(saved["fallback"]), saved["width"], saved["height"],
                          tuple((w, folder.path(name)) for w, name in saved["variants"]))


def _encoded(image: Image.Image, *args, **options) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, *args, **options)
    return buffer.getvalue()


def process(source: Path, cache: Path | None = None) -> ProcessedImage:
    """The photo's cleaned fallback and WebP variants, made now or found in `cache` (the project's .cache/images)."""
    cache = cache or folders.current().cache("images")
    data = source.read_bytes()
    folder = VerifiedCache(cache / _digest(data))
    saved = _saved(folder)
    if saved is not None:
        return saved
    try:
        with Image.open(source) as opened:
            image = ImageOps.exif_transpose(opened)  # apply the camera's rotation before dropping EXIF
            image.load()
    except (UnidentifiedImageError, OSError) as error:
        raise ImageError(f"{source}: expected a JPEG or PNG photo, got a file Pillow cannot read ({error})") from None
    is_png = source.suffix.lower() == ".png"
    image = image.convert("RGBA" if is_png else "RGB")
    image.info = {}  # Pillow would copy a JPEG comment (and PNG text) from here into the saved file
    largest = min(image.width, WIDTHS[-1])
    fallback_image = _resized(image, largest)
    # Pillow writes no EXIF, XMP or GPS data unless asked to; nothing of the original's metadata is kept.
    fallback = folder.write("image.png" if is_png else "image.jpg", _encoded(
        fallback_image, "PNG" if is_png else "JPEG",
        **({"optimize": True} if is_png else {"quality": 85, "optimize": True, "progressive": True})))
    variants = []
    for width in [w for w in WIDTHS if w < image.width] or [image.width]:
        target = folder.write(f"w{width}.webp", _encoded(_resized(image, width), "WEBP", quality=80, method=4))
        variants.append((width, target))
    folder.write(INFO, json.dumps({"fallback": fallback.name, "width": fallback_image.width,
                                   "height": fallback_image.height,
                                   "variants": [(w, p.name) for w, p in variants]}).encode("utf-8"))
    folder.save()
    return ProcessedImage(fallback, fallback_image.width, fallback_image.height, tuple(variants))


def refused_files(docs: Path, root: Path) -> list[Problem]:
    """SVG, HTML and script files outside docs/assets/: export a picture as PNG, write a page in Markdown."""
    problems = []
    for path in sorted(docs.rglob("*")):
        relative = path.relative_to(docs).as_posix()
        if path.suffix.lower() not in REFUSED_SUFFIXES or relative.startswith("assets/") or GENERATED_FRAME.match(relative):
            continue
        shown = path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
        problems.append(Problem(shown, 1, "file", "a JPEG or PNG photo, or a page in Markdown (.md)",
                                f"a {path.suffix.lower()} file, which can carry script",
                                "export a picture as PNG; write a page as .md"))
    return problems


def _resized(image: Image.Image, width: int) -> Image.Image:
    if image.width <= width:
        return image
    height = round(image.height * width / image.width)
    return image.resize((width, height), Image.LANCZOS)


def variant_name(src_uri: str, width: int) -> str:
    """Site path of a WebP variant, beside the photo: photos/kim-lien.jpg → photos/kim-lien-w960.webp."""
    stem = src_uri.rsplit(".", 1)[0]
    return f"{stem}-w{width}.webp"


_IMG = re.compile(r'<img\b([^>]*?)\bsrc="([^"]+)"([^>]*)>')


def picture_html(html: str, page_url: str, photos: dict[str, ProcessedImage],
                 sizes: str = "(min-width: 76em) 46rem, 100vw") -> str:
    """Turn <img> of processed photos into <picture> with WebP sources, width, height and lazy loading."""
    def replace(match: re.Match) -> str:
        before, src, after = match.groups()
        if "://" in src or src.startswith("data:"):
            return match.group(0)
        target = posixpath.normpath(posixpath.join(posixpath.dirname(page_url.rstrip("/") + "/x"), src))
        photo = photos.get(target)
        if photo is None:
            return match.group(0)
        base = src.rsplit("/", 1)[0] + "/" if "/" in src else ""
        srcset = ", ".join(f"{base}{posixpath.basename(variant_name(target, width))} {width}w"
                           for width, _ in photo.variants)
        return (f'<picture><source type="image/webp" srcset="{srcset}" sizes="{sizes}">'
                f'<img{before}src="{src}" width="{photo.width}" height="{photo.height}" loading="lazy" '
                f'decoding="async"{after}></picture>')

    return _IMG.sub(replace, html)
