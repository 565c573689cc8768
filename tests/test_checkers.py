"""Real checkers on the built site: axe-core in Chromium and the Nu HTML validator (vnu-jar)."""

import json
import subprocess
from pathlib import Path

import pytest

from scripts import languages

LANGUAGES = languages.languages()


PAGES = ["", "catalogue/", "catalogue/?sector=high-tech", "projects/vsip-nghe-an-3/", "map/", "map/3d/", "parks/", "catalogue/template/",
         "404.html"]


def run_axe(page, node_modules):
    page.add_script_tag(path=str(node_modules / "axe-core" / "axe.min.js"))
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    return [f"{v['id']}: {v['help']} ({len(v['nodes'])}× e.g. {v['nodes'][0]['target']})" for v in result["violations"]]


@pytest.mark.parametrize("path", PAGES)
@pytest.mark.parametrize("language", LANGUAGES, ids=lambda language: language.locale)
def test_axe_finds_no_violation(page_offline, site_url, node_modules, language, path):
    page = page_offline
    page.goto(site_url + language.prefix + path, wait_until="networkidle")
    assert run_axe(page, node_modules) == []


@pytest.mark.parametrize("language", LANGUAGES, ids=lambda language: language.locale)
def test_axe_finds_no_violation_in_the_map_itself(page_offline, site_url, node_modules, language):
    page = page_offline
    page.goto(f"{site_url}embed/map-{language.locale}.html", wait_until="networkidle")
    page.wait_for_selector(".folium-map[data-ready=true]")
    assert run_axe(page, node_modules) == []


def test_nu_validator_reports_no_error(built_site: Path, node_modules: Path):
    jar = node_modules / "vnu-jar" / "build" / "dist" / "vnu.jar"
    result = subprocess.run(
        ["java", "-jar", str(jar), "--skip-non-html", "--errors-only", "--format", "json", str(built_site)],
        capture_output=True, text=True, timeout=600,
    )
    messages = json.loads(result.stderr or result.stdout or '{"messages": []}')["messages"]
    errors = [f"{m.get('url', '').split('/site/')[-1]}:{m.get('lastLine')}: {m['message']}" for m in messages]
    assert errors == []
