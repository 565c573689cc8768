"""Write the media files the build makes into docs/assets/media/generated/: the demonstration model
and panoramas drawn from the portal's data, their still images, and a 4,096 px wide copy of any
panorama wider than that (phones refuse larger WebGL textures)."""

from __future__ import annotations

import io
from dataclasses import replace
from pathlib import Path

from PIL import Image

from scripts.catalogue.formatting import number
from scripts.catalogue.geo import Outline
from scripts.content.parks import Parks
from scripts.generated_files import write_files
from scripts.languages import Language
from scripts.locales import gettext_for
from scripts.maps.places import MapPlaces
from scripts.media import compass_panorama, model_still, relief_model
from scripts.media.items import GENERATED, MEDIA_FOLDER, MediaItem
from scripts.media.named_point import NamedPoint

MAX_PANORAMA_WIDTH = 4096
STILL_WIDTH = 1280
VIEWPOINT = "vinh-airport"  # the place of data/places.yml the compass panorama is seen from
COMPASS_KINDS = ("park", "port", "border-gate")
MODEL = "province-parks-model"
PANORAMA = "parks-compass"


def _png(image: Image.Image) -> bytes:
    out = io.BytesIO()
    image.save(out, "PNG", optimize=True)
    return out.getvalue()


def _jpeg(image: Image.Image) -> bytes:
    out = io.BytesIO()
    image.convert("RGB").save(out, "JPEG", quality=85, optimize=True, progressive=True)
    return out.getvalue()


def model_files(outline: Outline, parks: Parks) -> dict[str, bytes]:
    columns = [relief_model.Column(park.lat, park.lon, park.area_ha) for park in parks.parks]
    parts = relief_model.model_parts(outline, columns)
    return {f"{MODEL}.glb": relief_model.glb(parts, MODEL), f"{MODEL}.png": _png(model_still.draw_still(parts))}


def panorama_files(places: MapPlaces, language: Language) -> dict[str, bytes]:
    locale, _ = language.locale, gettext_for(language.locale)
    origin_place = next(place for place in places.places if place.id == VIEWPOINT)
    origin = NamedPoint(origin_place.text[locale]["name"], origin_place.lat, origin_place.lon)
    targets = [NamedPoint(place.text[locale]["name"], place.lat, place.lon)
               for place in places.places if place.kind in COMPASS_KINDS]
    # Translators: the eight compass points (north, north-east …) as written on the generated panorama.
    points = dict(zip(range(0, 360, 45), (_("N"), _("NE"), _("E"), _("SE"), _("S"), _("SW"), _("W"), _("NW"))))
    # Translators: written on the generated panorama's ground; %(place)s is where it is seen from.
    note = _("Generated illustration, not a photograph: direction and straight-line distance from %(place)s"
             " to each industrial park, port and border gate in the portal's data.") % {"place": origin.name}
    image = compass_panorama.draw_panorama(origin, targets, points, note,
                                           lambda km: _("%(km)s km") % {"km": number(round(km), locale)})
    still = image.resize((STILL_WIDTH, STILL_WIDTH // 2), Image.LANCZOS)
    return {f"{PANORAMA}-{locale}.jpg": _jpeg(image), f"{PANORAMA}-{locale}-still.jpg": _jpeg(still)}


def limited_name(name: str) -> str:
    """Where the 4,096 px copy of a panorama is written, under docs/assets/media/."""
    return f"{GENERATED}{Path(name).stem}-{MAX_PANORAMA_WIDTH}.jpg"


def texture_limited(items: dict[str, MediaItem], media_dir: Path, locales: list[str]) -> dict[str, bytes]:
    """A 4,096 px wide copy of each panorama wider than that (the viewer loads the copy)."""
    files = {}
    for item in (item for item in items.values() if item.kind == "panorama"):
        for name in {item.path("file", locale) for locale in locales}:
            source = media_dir / name
            if name.startswith(GENERATED) or not source.is_file():
                continue  # missing files are reported by items.file_problems
            with Image.open(source) as image:
                if image.width > MAX_PANORAMA_WIDTH:
                    height = round(image.height * MAX_PANORAMA_WIDTH / image.width)
                    files[limited_name(name)] = _jpeg(image.resize((MAX_PANORAMA_WIDTH, height), Image.LANCZOS))
    return files


def published_name(name: str, media_dir: Path) -> str:
    """The file a viewer loads: the 4,096 px copy where one was made, else the file itself."""
    return limited_name(name) if (media_dir / limited_name(name)).is_file() else name


def published(items: dict[str, MediaItem], docs_dir: Path, locales: list[str]) -> dict[str, MediaItem]:
    """The items as the pages show them: a panorama's 4,096 px copy, each still image's size."""
    media_dir = docs_dir / MEDIA_FOLDER
    result = {}
    for item in items.values():
        sizes = {}
        for locale in locales:
            with Image.open(media_dir / item.path("still", locale)) as still:
                sizes[locale] = still.size
        file = {locale: published_name(item.path("file", locale), media_dir) for locale in locales}
        result[item.id] = replace(item, file=file if item.kind == "panorama" else item.file, still_size=sizes)
    return result


def generate_media(items: dict[str, MediaItem], places: MapPlaces, parks: Parks, outline: Outline,
                   languages: list[Language], docs_dir: Path) -> list[Path]:
    """Write every generated media file that changed; remove generated files no longer made."""
    media_dir = docs_dir / MEDIA_FOLDER
    files = model_files(outline, parks)
    for language in languages:
        files.update(panorama_files(places, language))
    files = {f"{GENERATED}{name}": data for name, data in files.items()}
    files.update(texture_limited(items, media_dir, [language.locale for language in languages]))
    folder = media_dir / GENERATED
    return write_files({media_dir / name: data for name, data in files.items()}, folder.glob("*"))

