"""The media of data/media.yml (360° panoramas and 3D models): the records, and the checks of their files.

The schema (scripts/data_schemas.py) has already refused an item without a licence, a text
alternative or a still image; here each named file must exist under docs/assets/media/ and suit its
kind, and each park's `media:` must name an item. Problems are `path:line: field: expected …, got …`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from PIL import Image, UnidentifiedImageError

from scripts import folders, safe_yaml
from scripts.languages import locales
from scripts.problems import Problem, shown

MEDIA_FILE = "media.yml"  # in the project's data/
MEDIA_FOLDER = "assets/media"  # under docs/
GENERATED = "generated/"  # files under MEDIA_FOLDER drawn by the build (scripts/media/generate.py)
KINDS = {"panorama": (".jpg", ".jpeg", ".png"), "model": (".glb",)}
STILL_SUFFIXES = (".jpg", ".jpeg", ".png")
# SPDX identifier → (name shown, address of the licence).
LICENCES = {
    "CC0-1.0": ("CC0 1.0", "https://creativecommons.org/publicdomain/zero/1.0/"),
    "CC-BY-4.0": ("CC BY 4.0", "https://creativecommons.org/licenses/by/4.0/"),
    "CC-BY-SA-4.0": ("CC BY-SA 4.0", "https://creativecommons.org/licenses/by-sa/4.0/"),
    "GPL-3.0-only": ("GNU GPL 3.0", "https://www.gnu.org/licenses/gpl-3.0.html"),
}


@dataclass(frozen=True)
class MediaItem:
    id: str
    kind: str  # a key of KINDS
    file: str | dict  # under docs/assets/media/: one path, or one per language
    still: str | dict
    licence: str  # a key of LICENCES
    credit: str | dict
    text: dict  # locale → {"caption", "alt"}
    still_size: dict = field(default_factory=dict)  # locale → (width, height), set by media.generate.published

    def path(self, field: str, locale: str) -> str:
        """The file of `field` ("file" or "still") for a language, under docs/assets/media/."""
        value = getattr(self, field)
        return value[locale] if isinstance(value, dict) else value

    def credit_text(self, locale: str) -> str:
        return self.credit.get(locale, "") if isinstance(self.credit, dict) else self.credit


def load_media(path: Path | None = None) -> dict[str, MediaItem]:
    """The items by id (an absent file: no media)."""
    path = path or folders.current().data / MEDIA_FILE
    if not path.exists():
        return {}
    data = safe_yaml.load_file(path, str(path)).data or {}
    return {entry["id"]: MediaItem(entry["id"], entry["kind"], entry["file"], entry["still"], entry["licence"],
                                   entry["credit"], {locale: entry[locale] for locale in locales() if locale in entry})
            for entry in data.get("media", [])}


def _paths(value) -> list[tuple[str, str]]:
    """(key shown after the field, path) of a one-path or per-language value."""
    return [(f".{locale}", path) for locale, path in value.items()] if isinstance(value, dict) else [("", value)]


def file_problems(path: Path, docs_dir: Path, root: Path | None = None) -> list[Problem]:
    """Every named file missing, outside docs/assets/media/ or of the wrong type (after generation)."""
    if not path.exists():
        return []
    root = root or folders.current().root
    source = safe_yaml.load_file(path, path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path))
    folder = (docs_dir / MEDIA_FOLDER).resolve()
    problems = []
    for index, entry in enumerate((source.data or {}).get("media", [])):
        for column, suffixes in (("file", KINDS.get(entry["kind"], ())), ("still", STILL_SUFFIXES)):
            for key, name in _paths(entry[column]):
                where = ("media", index, column, *([key[1:]] if key else []))
                target = (folder / name).resolve()
                expected = f"a {' or '.join(suffixes)} file under docs/{MEDIA_FOLDER}/"
                if not target.is_relative_to(folder) or not name.lower().endswith(suffixes):
                    problems.append(Problem(source.path, source.line(where), column + key, expected, shown(name)))
                elif not target.is_file():
                    problems.append(Problem(source.path, source.line(where), column + key, expected,
                                            f"no file docs/{MEDIA_FOLDER}/{name}"))
                elif name.lower().endswith(STILL_SUFFIXES) and not _readable_image(target):
                    problems.append(Problem(source.path, source.line(where), column + key,
                                            "a JPEG or PNG image", f"a file Pillow cannot read ({name})"))
    return problems


def _readable_image(path: Path) -> bool:
    try:
        with Image.open(path) as image:
            image.verify()
        return True
    except (UnidentifiedImageError, OSError, SyntaxError):
        return False


def park_media_problems(parks_path: Path, items: dict[str, MediaItem], root: Path | None = None) -> list[Problem]:
    """A park's `media:` entries that name no item of data/media.yml."""
    root = root or folders.current().root
    source = safe_yaml.load_file(parks_path, parks_path.relative_to(root).as_posix()
                                 if parks_path.is_relative_to(root) else str(parks_path))
    problems = []
    for index, park in enumerate((source.data or {}).get("parks", [])):
        for number, media_id in enumerate(park.get("media") or []):
            if media_id not in items:
                problems.append(Problem(source.path, source.line(("parks", index, "media", number)), "media",
                                        "the id of an item in data/media.yml", shown(str(media_id))))
    return problems
