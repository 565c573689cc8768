"""What the live preview's data step may skip after a save (scripts/catalogue/preview_step.py): the
inputs of the media files and of the translation-status page, the memory of what each was made from,
and the step after a save that changed news posts only."""

from __future__ import annotations

import dataclasses
import datetime
import os
from types import SimpleNamespace

import pytest

from scripts.catalogue import build_step
from scripts.catalogue.model import Project
from scripts.catalogue.preview_step import Remembered, media_inputs, translation_inputs

FILES = ("data/projects/public-sources.csv", "data/places.yml", "data/media.yml",
         "docs/assets/media/harbour.jpg", "docs/assets/media/generated/park.glb",
         "docs/labour.md", "docs/labour.en.md", "docs/projects/p1.md", "docs/editors/translation-status.md",
         "scripts/x.py", "locales/en/LC_MESSAGES/messages.po", "mkdocs.yml", "babel.cfg")


@pytest.fixture
def root(tmp_path):
    for name in FILES:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x", encoding="utf-8")
    return tmp_path


def _touch(path, text="changed"):
    """A save: new text and a later modification time (the stamps compare both)."""
    path.write_text(text, encoding="utf-8")
    stamp = path.stat().st_mtime_ns + 1_000_000_000
    os.utime(path, ns=(stamp, stamp))


PROJECT = Project(id="p1", names={"vi": "Khu A", "en": "Area A"}, summaries={"vi": "Tóm tắt", "en": "Summary"},
                  sector="industry", locality="vinh", lat=18.7, lon=105.7, status="calling",
                  updated=datetime.date(2026, 1, 1), department="dpi", area_ha=12.0, investment_usd_m=5.0)


def test_media_are_made_again_when_their_data_or_source_files_change_not_for_a_row(root):
    data, docs = root / "data", root / "docs"
    before = media_inputs(data, docs)
    _touch(data / "projects" / "public-sources.csv")
    _touch(docs / "assets" / "media" / "generated" / "park.glb")  # drawn by the step itself
    assert media_inputs(data, docs) == before
    _touch(data / "places.yml")
    after_places = media_inputs(data, docs)
    assert after_places != before
    _touch(docs / "assets" / "media" / "harbour.jpg")
    assert media_inputs(data, docs) != after_places


def test_a_rows_figures_leave_the_translation_status_its_texts_languages_do_not(root):
    data, docs = root / "data", root / "docs"
    before = translation_inputs(data, docs, [PROJECT])
    figures = dataclasses.replace(PROJECT, area_ha=99.0, investment_usd_m=7.5, summaries={"vi": "Khác", "en": "Other"})
    _touch(docs / "projects" / "p1.md")  # generated pages and the status page itself are not inputs
    _touch(docs / "editors" / "translation-status.md")
    assert translation_inputs(data, docs, [figures]) == before
    lao = dataclasses.replace(PROJECT, names={**PROJECT.names, "lo": "ເຂດ A"})
    assert translation_inputs(data, docs, [lao]) != before
    reviewed = dataclasses.replace(PROJECT, review=("en",))
    assert translation_inputs(data, docs, [reviewed]) != before
    assert translation_inputs(data, docs, [PROJECT, dataclasses.replace(PROJECT, id="p2")]) != before


@pytest.mark.parametrize("name", ["docs/labour.en.md", "data/places.yml", "scripts/x.py",
                                  "locales/en/LC_MESSAGES/messages.po", "mkdocs.yml"])
def test_a_page_data_code_or_settings_change_the_translation_status(root, name):
    before = translation_inputs(root / "data", root / "docs", [PROJECT])
    _touch(root / name)
    assert translation_inputs(root / "data", root / "docs", [PROJECT]) != before


def test_a_part_is_made_again_until_it_was_made_from_the_same_inputs():
    remembered = Remembered()
    assert remembered.changed("media", ("a",))  # never made in this process
    remembered.made("media", ("a",))
    assert not remembered.changed("media", ("a",))
    assert remembered.changed("media", ("b",))
    assert remembered.changed("translation status", ("a",))


class _FullStep(Exception):
    """The whole step started (its first check ran)."""


def test_when_only_news_posts_changed_the_previews_step_makes_only_the_posts_lists(root, monkeypatch):
    data, docs = root / "data", root / "docs"
    post = docs / "news" / "posts" / "p.md"
    post.parent.mkdir(parents=True)
    post.write_text("x", encoding="utf-8")
    previous = build_step.PreparedCatalogue((PROJECT,), SimpleNamespace(today=datetime.date(2026, 1, 1)), None, None,
                                            SimpleNamespace(tags={}), {}, {}, {})
    monkeypatch.setattr(build_step, "_prepared", {build_step.step_keys(docs, "u", {}, data)[1]: previous})
    made = []
    monkeypatch.setattr(build_step, "load_content", lambda *args: ("new posts", []))
    monkeypatch.setattr(build_step, "generate_content", lambda content, *args: made.append(content))
    monkeypatch.setattr(build_step, "check_sources", lambda *args: (_ for _ in ()).throw(_FullStep()))
    _touch(post)
    prepared = build_step.prepare(docs, "u", {}, data, preview=True)
    assert made == ["new posts"] and prepared.content == "new posts" and prepared.projects == (PROJECT,)
    _touch(data / "places.yml")  # a data file too: the whole step
    with pytest.raises(_FullStep):
        build_step.prepare(docs, "u", {}, data, preview=True)
    monkeypatch.setattr(build_step, "_prepared", {build_step.step_keys(docs, "u", {}, data)[1]: previous})
    _touch(post)
    with pytest.raises(_FullStep):  # ./scripts/build always runs it whole
        build_step.prepare(docs, "u", {}, data)
