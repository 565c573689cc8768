"""Paths come from the project being built (scripts/folders.py), not from where the code sits: with
another project's mkdocs.yml in use, its data, languages and translations are read, and every cache
is written under its .cache/, none under this checkout's."""

from __future__ import annotations

import shutil
from pathlib import Path

import jinja2
import pytest
import yaml
from PIL import Image

from scripts import folders, images, languages, locales, search_entries, templates_cache
from scripts.catalogue import step_cache
from scripts.catalogue.geo import load_outline
from scripts.catalogue.qr import qr_svg
from scripts.catalogue.vocabularies import load_vocabularies
from scripts.content.charts import load_fdi
from scripts.languages import ROOT
from scripts.printing import pdf


@pytest.fixture
def elsewhere(tmp_path: Path):
    """A second project (config, data, translations, fonts) in use for one test; this checkout's after it."""
    project = tmp_path / "elsewhere"
    for name in ("data", "locales", "docs/assets/fonts", "docs/assets/stylesheets"):
        shutil.copytree(ROOT / name, project / name, ignore=shutil.ignore_patterns("*.mo"))
    config = (ROOT / "mkdocs.yml").read_text("utf-8").replace("site_name: ", "site_name: Elsewhere ", 1)
    (project / "mkdocs.yml").write_text(config, "utf-8")
    fdi = yaml.safe_load((project / "data" / "fdi.yml").read_text("utf-8"))
    fdi["years"][0]["value"] = 12345.0
    (project / "data" / "fdi.yml").write_text(yaml.safe_dump(fdi, allow_unicode=True), "utf-8")
    languages.reload()
    folders.use(project / "mkdocs.yml")
    try:
        yield project.resolve()
    finally:
        folders.use(ROOT / "mkdocs.yml")
        languages.reload()


def test_the_data_languages_and_translations_read_are_the_projects(elsewhere: Path):
    assert folders.current().root == elsewhere
    assert languages.site_names()["vi"].startswith("Elsewhere ")
    assert load_fdi()[0].value == 12345.0
    assert load_vocabularies() is load_vocabularies(elsewhere / "data")
    assert load_outline() is load_outline(elsewhere / "data" / "geo" / "nghe-an-outline.geojson")
    assert locales.po_path("en").is_relative_to(elsewhere)
    (mo,) = locales.compile_catalogs(["en"])
    assert mo.is_relative_to(elsewhere) and locales.translations("en").gettext("Map") != ""


def test_every_cache_is_written_under_the_projects_cache(elsewhere: Path):
    cache, ours = elsewhere / ".cache", ROOT / ".cache"
    url = f"https://{elsewhere.name}.example/{elsewhere.parent.name}/"  # a code no other test draws
    qr_svg(url)
    step_cache.save("a key", {"made": "elsewhere"})
    photo = elsewhere / "photo.png"
    Image.new("RGB", (640, 360), (11, 94, 60)).save(photo)
    processed = images.process(photo)
    bytecode = templates_cache.bytecode_cache(jinja2.Environment())
    assert [path.name for path in (cache / "qr").glob("*.svg")] != []
    assert not any((ours / "qr" / path.name).exists() for path in (cache / "qr").glob("*.svg"))
    assert step_cache.load("a key") == {"made": "elsewhere"} and (cache / step_cache.CACHE).is_file()
    assert processed.fallback.is_relative_to(cache / "images")
    assert Path(bytecode.directory).is_relative_to(cache / templates_cache.CACHE)
    assert search_entries.EntryCache("en").path.is_relative_to(cache / search_entries.CACHE)
    assert pdf.font_faces().count(elsewhere.joinpath("docs", "assets", "fonts").as_uri()) > 0


def test_the_project_in_use_is_the_one_last_named(elsewhere: Path):
    """As the MkDocs hooks' on_config and every command's --config-file name it, first thing."""
    folders.use(ROOT / "mkdocs.yml")
    assert not languages.site_names()["vi"].startswith("Elsewhere ")
    assert folders.use(elsewhere / "mkdocs.yml").data == elsewhere / "data"
    assert languages.site_names()["vi"].startswith("Elsewhere ")


def test_a_build_called_from_other_code_gives_the_project_back(elsewhere: Path):
    folders.use(ROOT / "mkdocs.yml")
    with folders.working_on(elsewhere / "mkdocs.yml") as project:
        assert folders.current() == project and project.root == elsewhere
    assert folders.current().root == ROOT


def test_our_templates_speak_the_projects_translations(elsewhere: Path):
    from scripts.facts import not_published
    from scripts.templates_env import render

    po = elsewhere / "locales" / "en" / "LC_MESSAGES" / "messages.po"
    po.write_text(po.read_text("utf-8").replace('msgid "Not published"\nmsgstr "Not published"',
                                                'msgid "Not published"\nmsgstr "Not published elsewhere"'), "utf-8")
    locales.compile_catalogs(["en"])
    assert "Not published elsewhere" in render("fact-table.html", "en", facts=[not_published("Land area")])
    folders.use(ROOT / "mkdocs.yml")
    assert "Not published elsewhere" not in render("fact-table.html", "en", facts=[not_published("Land area")])


def test_a_changed_template_runs_the_data_step_again(tmp_path: Path, monkeypatch):
    """The step's output comes from our templates too: its stored result is not used once one changes."""
    code = tmp_path / "code"
    (code / "scripts" / "templates").mkdir(parents=True)
    template = code / "scripts" / "templates" / "park-body.html"
    template.write_text("<div>{{ name }}</div>", "utf-8")
    monkeypatch.setattr(folders, "CODE", code)
    docs, data = tmp_path / "project" / "docs", tmp_path / "project" / "data"
    docs.mkdir(parents=True)
    data.mkdir()
    before = step_cache.inputs_key(docs, data, ())
    template.write_text("<div class=park>{{ name }}</div>", "utf-8")
    assert step_cache.inputs_key(docs, data, ()) != before
