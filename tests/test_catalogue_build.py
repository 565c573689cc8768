"""The catalogue in the built site, and what a department sees when its file is wrong."""

import json
import subprocess
import sys
from pathlib import Path

from scripts import languages
from scripts.catalogue.validate import load_catalogue
from scripts.catalogue.vocabularies import load_vocabularies
from scripts.problems import Message, Problem, message_gettext
from tests.conftest import copy_project


def test_every_project_has_a_page_in_every_language(built_site: Path):
    projects = load_catalogue().projects
    for language in languages.languages():
        for project in projects:
            page = built_site / language.prefix / "projects" / project.id / "index.html"
            assert page.is_file(), page
        catalogue = (built_site / language.prefix / "catalogue" / "index.html").read_text("utf-8")
        assert catalogue.count('class="catalogue-item"') == len(projects)


def test_project_pages_stay_out_of_the_navigation(built_site: Path):
    home = (built_site / "index.html").read_text("utf-8")
    assert "projects/" not in home.split('class="md-content"')[0]


def test_open_data_and_templates_are_published(built_site: Path):
    opendata = built_site / "opendata"
    geojson = json.loads((opendata / "catalogue.geojson").read_text("utf-8"))
    assert len(geojson["features"]) == len(load_catalogue().projects)
    assert (opendata / "catalogue.csv").read_text("utf-8-sig").startswith("id,name_vi,name_en,name_lo,")
    assert (opendata / "projects-template.csv").read_text("utf-8-sig").strip().split(",")[0] == "id"
    assert (opendata / "projects-template.xlsx").read_bytes()[:2] == b"PK"
    assert "CC BY 4.0" in (opendata / "LICENSE.txt").read_text("utf-8")
    english = (built_site / "en" / "catalogue" / "index.html").read_text("utf-8")
    assert 'href="../../opendata/catalogue.geojson"' in english


def test_template_page_explains_every_column_in_each_language(built_site: Path):
    for language in languages.languages():
        html = (built_site / language.prefix / "catalogue" / "template" / "index.html").read_text("utf-8")
        for column in ("id", "name_lo", "investment_vnd_bn", "updated", "visibility"):
            assert f"<code>{column}</code>" in html


def test_bad_spreadsheet_fails_with_plain_messages_and_keeps_the_site(tmp_path: Path):
    project = copy_project(tmp_path / "project")
    seed = project / "data" / "projects" / "public-sources.csv"
    lines = seed.read_text("utf-8").splitlines()
    lines[1] = lines[1].replace(",urban-infrastructure,", ",infrastructure,")
    lines.append(lines[2].replace("2026-11-24", "24/11/2026"))  # a duplicate id with a bad date as well
    bad_date_line = len(lines)
    seed.write_text("\n".join(lines) + "\n", encoding="utf-8")
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("last good site", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "scripts.build_site", "--site-dir", str(site), "--lang", "en"],
                            cwd=project, capture_output=True, text=True)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr + result.stdout
    lines = result.stderr.strip().splitlines()
    assert lines[0] == ("data/projects/public-sources.csv:2: sector: expected one of "
                        + ", ".join(load_vocabularies().sectors)
                        + ", got 'infrastructure' (did you mean 'urban-infrastructure'?)")
    assert lines[1].startswith(f"data/projects/public-sources.csv:{bad_date_line}: updated: expected a date written YYYY-MM-DD")
    assert lines[-2].startswith("2 problems found")
    # A one-file stand-in is not a whole site, so the build does not claim to have kept one.
    assert lines[-1].startswith("Build failed. There is no complete site in")
    assert [p.name for p in site.iterdir()] == ["index.html"]
    assert (site / "index.html").read_text("utf-8") == "last good site"


def test_mkdocs_itself_refuses_bad_data_without_a_traceback(tmp_path: Path):
    """`mkdocs build` / `mkdocs serve` (the hook) report the same problems, not a Python traceback."""
    project = copy_project(tmp_path / "project")
    seed = project / "data" / "projects" / "public-sources.csv"
    seed.write_text(seed.read_text("utf-8").replace(",licensed,", ",licenced,", 1), encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-d", str(tmp_path / "out")],
                            cwd=project, capture_output=True, text=True)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    # in Vietnamese, the build's default language for messages, as the catalog translates the English one
    english = Problem("data/projects/public-sources.csv", 2, "status",
                      Message("one of {choices}").format(choices="calling, preparing, licensed"), "'licenced'",
                      Message("did you mean '{match}'?").format(match="licensed"))
    vietnamese = english.text(message_gettext("vi")[0])
    assert vietnamese != str(english) and vietnamese in result.stderr
