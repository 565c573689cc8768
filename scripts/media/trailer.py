"""The data trailer: a promotional video of about 45 seconds per language, made by the build from the site's
own facts (key figures with sources, opportunities by sector, the industrial parks on the province
outline, the agencies' websites), with WebVTT captions and a poster.

Each language's files are cached under .cache/trailer/ by a hash of everything they show and of
the code that draws them, so a build in which nothing changed does not encode again. They are
published at stable addresses: media/trailer-<locale>.mp4 (1280×720), media/trailer-<locale>-square.mp4
(1080×1080, for social media), media/trailer-<locale>.vtt and media/trailer-<locale>.jpg.
"""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

from scripts import folders, locales, social_cards, verified_cache
from scripts.catalogue.contacts import contactable
from scripts.catalogue.geo import Outline
from scripts.catalogue.model import FALLBACK_LOCALE, Project
from scripts.catalogue.vocabularies import Vocabularies
from scripts.content.home import sector_counts
from scripts.content.key_figures import KeyFigure, load_key_figures
from scripts.content.parks import Parks
from scripts.languages import Language, site_names
from scripts.media import captions, encode, frames
from scripts.media.addresses import FOLDER, trailer_files  # noqa: F401 (trailer_files: the lead's entry point)
from scripts.media.named_point import NamedPoint
from scripts.media.scenes import Facts, Scene, scenes
from scripts.site_files import folder as site_files_folder

KEPT_VERSIONS = 3  # per language, the most recently used
SIZES = {"": (1280, 720), "-square": (1080, 1080)}  # file name suffix → pixels
CODE = (*sorted((folders.CODE / "scripts" / "media").glob("*.py")), folders.CODE / "scripts" / "social_cards.py")


def _website(address: str) -> str:
    return address.split("//", 1)[-1].rstrip("/")


def gather_facts(locale: str, site_name: str, site_url: str, figures: tuple[KeyFigure, ...],
                 projects: list[Project], vocabularies: Vocabularies, parks: Parks, outline: Outline) -> Facts:
    """What the trailer of `locale` shows, read from the catalogue, the parks and the agencies."""
    opportunities = [project for project in projects if project.is_opportunity]
    by_sector = tuple((vocabularies.label("sectors", key, locale), count, vocabularies.sectors[key]["colour"])
                      for key, count in sector_counts(opportunities, vocabularies.sectors))
    return Facts(
        locale=locale, site_name=site_name, portal=social_cards.tagline(site_url), figures=figures,
        opportunities=by_sector, catalogue_size=len(projects),
        parks=tuple(NamedPoint((park.text.get(locale) or park.text[FALLBACK_LOCALE])["name"], park.lat, park.lon)
                    for park in parks.parks),
        parks_approximate=any(park.approximate for park in parks.parks),
        agencies=tuple((agency.name(locale), _website(agency.website))
                       for agency in contactable(vocabularies) if agency.website),
        outline=outline, data_as_of=max(project.updated for project in projects))


def inputs_key(facts: Facts, found: list[Scene]) -> str:
    """A hash of what the trailer shows and of the code and fonts that draw it."""
    digest = hashlib.sha256(repr((facts, found, SIZES)).encode("utf-8"))
    for path in (*CODE, folders.current().docs / social_cards.FONTS_CSS):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:20]


def _render(facts: Facts, found: list[Scene], folder: Path) -> None:
    name = f"trailer-{facts.locale}"
    for suffix, size in SIZES.items():
        encode.encode((picture for scene in found for picture in frames.pictures(scene, facts, size)),
                      folder / f"{name}{suffix}.mp4")
    frames.still(found[0], facts, SIZES[""]).save(folder / f"{name}.jpg", format="JPEG", quality=85)
    (folder / f"{name}.vtt").write_text(captions.webvtt(found), "utf-8")


def build_trailer(facts: Facts, speed: float = 1.0, cache: Path | None = None) -> Path:
    """The folder holding the trailer of `facts.locale` (encoded only when not cached), named by its inputs."""
    found = scenes(facts, locales.gettext_for(facts.locale), speed)
    cache = cache or folders.current().cache("trailer")
    done = cache / f"{facts.locale}-{inputs_key(facts, found)}"
    if not done.is_dir():
        partial = cache / f"{done.name}.{os.getpid()}.tmp"
        shutil.rmtree(partial, ignore_errors=True)
        partial.mkdir(parents=True)
        try:
            _render(facts, found, partial)
            partial.rename(done)  # the whole folder appears at once, complete
        finally:
            shutil.rmtree(partial, ignore_errors=True)
    os.utime(done)  # used now: kept by the pruning below
    versions = sorted((path for path in cache.glob(f"{facts.locale}-*") if not path.name.endswith(".tmp")),
                      key=lambda path: path.stat().st_mtime_ns, reverse=True)
    for old in versions[KEPT_VERSIONS:]:  # e.g. the test suite's build for its local address keeps the site's
        shutil.rmtree(old, ignore_errors=True)
    return done


def publish_trailer(built: Path, docs_dir: Path) -> list[Path]:
    """Copy the files of a built trailer into the site files (scripts/site_files.py) under media/;
    files already there with the same content are left alone (the next build's data step can skip)."""
    files = verified_cache.store(site_files_folder(docs_dir))
    published = []
    for source in sorted(built.iterdir()):
        published.append(files.put(f"{FOLDER}/{source.name}", source.read_bytes()))
    files.save()
    return published


def generate_trailers(projects: list[Project], vocabularies: Vocabularies, parks: Parks, outline: Outline,
                      languages: list[Language], site_url: str, docs_dir: Path) -> list[Path]:
    """Build (or take from the cache) and publish every language's trailer; the files published."""
    figures, names = load_key_figures(), site_names()
    published = []
    for language in languages:
        facts = gather_facts(language.locale, names[language.locale], site_url, figures, projects, vocabularies,
                             parks, outline)
        published += publish_trailer(build_trailer(facts), docs_dir)
    return published
