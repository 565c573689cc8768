"""Real checkers on the built site: axe-core in Chromium and the Nu HTML validator (vnu-jar)."""

import json
import subprocess
from pathlib import Path

import pytest

from scripts import languages

LANGUAGES = languages.languages()


@pytest.mark.parametrize("language", LANGUAGES, ids=lambda language: language.locale)
def test_axe_finds_no_violation_on_home_page(page_offline, site_url, node_modules, language):
    page = page_offline
    page.goto(site_url + language.prefix, wait_until="networkidle")
    page.add_script_tag(path=str(node_modules / "axe-core" / "axe.min.js"))
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    violations = [
        f"{v['id']}: {v['help']} ({len(v['nodes'])}× e.g. {v['nodes'][0]['target']})" for v in result["violations"]
    ]
    assert violations == []


def test_nu_validator_reports_no_error(built_site: Path, node_modules: Path):
    jar = node_modules / "vnu-jar" / "build" / "dist" / "vnu.jar"
    result = subprocess.run(
        ["java", "-jar", str(jar), "--skip-non-html", "--errors-only", "--format", "json", str(built_site)],
        capture_output=True, text=True, timeout=600,
    )
    messages = json.loads(result.stderr or result.stdout or '{"messages": []}')["messages"]
    errors = [f"{m.get('url', '').split('/site/')[-1]}:{m.get('lastLine')}: {m['message']}" for m in messages]
    assert errors == []
