"""The catalogue as one build step: load and validate the data, then write the generated files.

Called by the MkDocs hooks once per language build; the result is cached by the data files'
fingerprint, so the three language builds validate and generate only once, and kept on disk
(step_cache.py), so a build in which nothing it depends on has changed skips it altogether.
"""

from __future__ import annotations

import dataclasses
import datetime
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from scripts import folders, site_files, social_cards, verified_cache, written_files
from scripts.catalogue import preview_step, step_cache
from scripts.catalogue.formatting import ExchangeRate
from scripts.catalogue.generate import generate
from scripts.catalogue.geo import OUTLINE, Outline, load_outline, reload_outlines
from scripts.catalogue.listing import listing_items
from scripts.catalogue.model import Project
from scripts.catalogue.pages import PageContext, card_texts
from scripts.catalogue.paging import listing_script_path, listing_version
from scripts.catalogue.reviews import load_reviewed_rows
from scripts.catalogue.template_files import known_localities
from scripts.catalogue.validate import load_catalogue
from scripts.catalogue.vocabularies import Vocabularies, load_vocabularies, reload_vocabularies
from scripts.content.generate import Content, generate_content, load_content, write_editors_page
from scripts.content.parks import Parks, generate_parks, load_parks, parks_as_places
from scripts.data_schemas import check_sources
from scripts.embeds import generate_embeds
from scripts.generated_files import OutsideOutput, write_if_changed
from scripts.languages import (
    declared_languages,
    declared_locales,
    languages,
    locales,
    site_names,
    source_locale,
)
from scripts.maps.generate import generate_maps
from scripts.maps.places import GATEWAY_KINDS, MapPlaces, load_places
from scripts.media.encode import EncodingError
from scripts.media.generate import generate_media, published
from scripts.media.items import MediaItem, file_problems, load_media, park_media_problems
from scripts.media.trailer import generate_trailers
from scripts.printing.generate import generate_print
from scripts.problems import report
from scripts.render_memo import MAKE_EVERYTHING
from scripts.search_index import names_script


class CatalogueError(Exception):
    """The data has problems; str() is the full report, one problem per line."""


@dataclass(frozen=True)
class PreparedCatalogue:
    projects: tuple[Project, ...]
    context: PageContext
    places: MapPlaces
    parks: Parks
    content: Content
    listing_versions: dict[str, str]  # locale → version of its catalogue listing script (paging.py)
    media: dict[str, MediaItem]  # data/media.yml by id: panoramas and 3D models (scripts/media/)
    list_items: dict[str, tuple[str, ...]]  # locale → the catalogue's list items in order, made once (listing.py)

    @cached_property
    def _by_id(self) -> dict[str, Project]:
        return {project.id: project for project in self.projects}

    def project(self, project_id: str) -> Project:
        return self._by_id[project_id]


_prepared: dict[tuple, PreparedCatalogue] = {}  # the last step's result, by what it was made from
NEWS_POSTS = Path("news") / "posts"  # under docs/: read by the step (lists, feeds, the home page)


def exchange_rate(extra: dict) -> ExchangeRate:
    settings = extra["exchange_rate"]
    return ExchangeRate(float(settings["vnd_per_usd"]), str(settings["date"]), settings["source"])


def prepare(docs_dir: Path, site_url: str, extra: dict, data_dir: Path | None = None,
            preview: bool = False) -> PreparedCatalogue:
    """Load, check and write the generated files. `preview` (the live preview's step after a save,
    scripts/catalogue/preview_step.py) keeps the last PDFs, makes the media and the translation
    status only when their inputs changed, each project's files only when the project changed, only
    the posts' lists and feeds when only news posts changed, and stores nothing for ./scripts/build
    to reuse. `data_dir`: by default the project's data/ (scripts/folders.py)."""
    data_dir = data_dir or folders.current().data
    try:
        if not preview:
            return _prepare(docs_dir, site_url, extra, data_dir, None)
        with written_files.recording() as written:  # the files to seal, instead of every site file
            return _prepare(docs_dir, site_url, extra, data_dir, written)
    except OutsideOutput as error:
        raise CatalogueError(str(error)) from None


def reload_data_files() -> None:
    """Read the vocabularies and the province outline again when next used: their files may have changed."""
    reload_vocabularies()
    reload_outlines()


def latest() -> PreparedCatalogue | None:
    """The last step's result in this process, if any."""
    return next(iter(_prepared.values()), None)


def _remember_inputs(media_inputs: tuple, translation_inputs: tuple) -> None:
    """What the media files and the translation status on disk were made from, for the preview's steps."""
    preview_step.remembered.made("media", media_inputs)
    preview_step.remembered.made("translation status", translation_inputs)


def write_translation_status(docs_dir: Path, data_dir: Path, projects: tuple[Project, ...]) -> bool:
    """The preview's part of the step left for after the open pages are shown (no other page shows
    it): the editors' translation-status page, made again only when its inputs changed since it was
    last made in this process. True when it was made."""
    inputs = preview_step.translation_inputs(data_dir, docs_dir, projects)
    if not preview_step.remembered.changed("translation status", inputs):
        return False
    write_editors_page(docs_dir, data_dir.parent, projects)
    preview_step.remembered.made("translation status", inputs)
    return True


def step_keys(docs_dir: Path, site_url: str, extra: dict, data_dir: Path) -> tuple[tuple, tuple]:
    """The step's settings, and what its result in this process is kept by: (the settings, the data
    files and the interface translations, which the generated pages show), then the news posts."""
    settings = (str(docs_dir), site_url, repr(extra.get("exchange_rate")), datetime.date.today(),
                extra.get("catalogue_stale_after_days"), tuple(locales()))  # BUILD_ONLY_LOCALE builds fewer
    data_key = (settings, tuple(step_cache.file_stamps(data_dir)),
                tuple(step_cache.file_stamps(data_dir.parent / "locales", (".po",))))
    return settings, (data_key, tuple(step_cache.file_stamps(docs_dir / NEWS_POSTS)))


def _posts_again(previous: PreparedCatalogue, key: tuple, docs_dir: Path, data_dir: Path,
                 site_url: str) -> PreparedCatalogue:
    """The preview's step when only news posts changed since the last one: the posts' lists, feeds and
    calendars again; nothing else the step makes is made from the posts."""
    content, problems = load_content(docs_dir, data_dir, previous.content.tags, source_locale())
    if problems:
        raise CatalogueError(report(problems))
    generate_content(content, languages(), docs_dir, site_url, previous.context.today)
    _prepared.clear()
    _prepared[key] = dataclasses.replace(previous, content=content)
    return _prepared[key]


def _prepare(docs_dir: Path, site_url: str, extra: dict, data_dir: Path,
             written: list[Path] | None) -> PreparedCatalogue:
    """The step; `written` (the preview's): the files it writes, recorded as it goes, else None."""
    preview = written is not None
    settings, key = step_keys(docs_dir, site_url, extra, data_dir)
    if key in _prepared:
        return _prepared[key]
    if preview and _prepared and next(iter(_prepared))[0] == key[0]:
        return _posts_again(next(iter(_prepared.values())), key, docs_dir, data_dir, site_url)
    # The preview's step runs after a save changed what it reads, so the stored result cannot match
    # (and its key stamps every file under docs/): only a build looks it up, and not the preview's own
    # start-up build, which runs the step to keep what it makes for its first save.
    stored = None if preview or preview_step.rendered.kept else _stored(docs_dir, data_dir, settings)
    prepared = stored or _run(docs_dir, site_url, extra, data_dir, written)
    _prepared.clear()
    _prepared[key] = prepared
    if not preview and stored is None:  # a preview's files are not all up to date: the next build runs it in full
        step_cache.save(step_cache.inputs_key(docs_dir, data_dir, settings), _prepared[key])  # after writing
    return _prepared[key]


def _stored(docs_dir: Path, data_dir: Path, settings: tuple) -> PreparedCatalogue | None:
    """The stored result when nothing read or written by the step has changed since it last ran and
    its files are whole, else None."""
    stored = step_cache.load(step_cache.inputs_key(docs_dir, data_dir, settings))
    if stored is None or site_files.damaged(site_files.folder(docs_dir)):
        return None
    _remember_inputs(preview_step.media_inputs(data_dir, docs_dir),
                     preview_step.translation_inputs(data_dir, docs_dir, stored.projects))
    return stored


@dataclass(frozen=True)
class _Sources:
    """What the step reads, loaded and checked."""
    projects: list[Project]
    outline: Outline
    places: MapPlaces
    parks: Parks
    vocabularies: Vocabularies
    content: Content
    context: PageContext


def _load(docs_dir: Path, site_url: str, extra: dict, data_dir: Path, preview: bool) -> _Sources:
    """Check every source file, then load them; CatalogueError with every problem found."""
    if not preview:  # the preview's step runs after a spreadsheet or a post only; any other data file builds whole
        reload_data_files()
    source_problems = check_sources(docs_dir.parent / "mkdocs.yml", data_dir)
    if source_problems:
        raise CatalogueError(report(source_problems))
    catalogue = load_catalogue(data_dir, root=data_dir.parent)
    outline = load_outline(data_dir / OUTLINE)
    places, place_problems = load_places(declared_locales(), outline, data_dir / "places.yml")
    parks = load_parks(data_dir / "industrial-parks.yml")
    places = MapPlaces(places.layers, places.places + parks_as_places(parks), places.routes, places.neighbours)
    vocabularies = load_vocabularies(data_dir)
    content, content_problems = load_content(docs_dir, data_dir, vocabularies.news_tags, source_locale())
    if catalogue.problems or place_problems or content_problems:
        raise CatalogueError(report(catalogue.problems + place_problems + content_problems))
    context = PageContext(vocabularies, outline, exchange_rate(extra), site_url, datetime.date.today(),
                          int(extra.get("catalogue_stale_after_days", 365)), load_reviewed_rows(data_dir))
    return _Sources(catalogue.projects, outline, places, parks, vocabularies, content, context)


def _run(docs_dir: Path, site_url: str, extra: dict, data_dir: Path, written: list[Path] | None) -> PreparedCatalogue:
    """Load and check the sources, then write every generated file (the preview's step: what it changed)."""
    preview = written is not None
    loaded = _load(docs_dir, site_url, extra, data_dir, preview)
    projects, places, parks, outline, context = loaded.projects, loaded.places, loaded.parks, loaded.outline, loaded.context
    landmarks = tuple((p.lat, p.lon, p.text["en"]["name"]) for p in places.places if p.kind in GATEWAY_KINDS)
    if not preview:  # made again from the sources; in the preview's process, kept for its next steps
        preview_step.rendered.forget()
    memo = preview_step.rendered if preview or preview_step.rendered.kept else MAKE_EVERYTHING
    list_items = {language.locale: tuple(listing_items(projects, language.locale, context, memo)) for language in languages()}
    generate(projects, languages(), context, docs_dir, landmarks, known_localities(projects, parks.parks), memo, list_items)
    generate_maps(projects, places, languages(), context, docs_dir, memo)
    generate_parks(parks, languages(), outline, docs_dir)
    media = _media(docs_dir, data_dir, loaded, preview)
    if not preview:  # the preview keeps the last PDFs (no page's HTML shows them)
        generate_print(projects, parks, languages(), context, docs_dir)
    social_cards.draw_cards(card_texts(projects, languages(), site_names(), social_cards.tagline(site_url)))
    generate_embeds(projects, languages(), context, docs_dir, memo)
    generate_content(loaded.content, languages(), docs_dir, site_url, context.today)
    if not preview:  # the preview writes it after the open pages are shown (write_translation_status)
        translation_inputs = preview_step.translation_inputs(data_dir, docs_dir, projects)
        write_editors_page(docs_dir, data_dir.parent, projects)
    try:
        generate_trailers(projects, loaded.vocabularies, parks, outline, languages(), site_url, docs_dir)
    except EncodingError as error:
        raise CatalogueError(str(error)) from None
    write_if_changed(docs_dir / "assets" / "javascripts" / "search-lao-names.js", names_script())
    versions = {language.locale: listing_version((docs_dir / listing_script_path(language.locale)).read_text("utf-8"))
                for language in languages()}
    if preview:
        site_files.seal_written(site_files.folder(docs_dir), written)
    else:
        site_files.seal(site_files.folder(docs_dir))
    verified_cache.save_all()
    if not preview:
        preview_step.remembered.made("translation status", translation_inputs)  # its own files are not inputs
    return PreparedCatalogue(tuple(projects), context, places, parks, loaded.content, versions, media, list_items)


def _media(docs_dir: Path, data_dir: Path, loaded: _Sources, preview: bool) -> dict[str, MediaItem]:
    """The panoramas and 3D models data/media.yml names: their generated files (in the preview only
    when their inputs changed), checked, and those published in the languages built."""
    media = load_media(data_dir / "media.yml")
    inputs = preview_step.media_inputs(data_dir, docs_dir)
    if not preview or preview_step.remembered.changed("media", inputs):
        generate_media(media, loaded.places, loaded.parks, loaded.outline, declared_languages(), docs_dir)
    problems = (file_problems(data_dir / "media.yml", docs_dir, data_dir.parent)
                + park_media_problems(data_dir / "industrial-parks.yml", media, data_dir.parent))
    if problems:
        raise CatalogueError(report(problems))
    preview_step.remembered.made("media", inputs)
    return published(media, docs_dir, locales())
