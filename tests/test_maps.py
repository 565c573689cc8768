"""The map's Python side: places data, the shared data file, the lean folium page."""

import datetime
import json
import re
from pathlib import Path

import yaml

from scripts.catalogue.build_step import exchange_rate
from scripts.catalogue.geo import load_outline
from scripts.catalogue.pages import PageContext
from scripts.catalogue.validate import load_catalogue
from scripts.catalogue.vocabularies import load_vocabularies
from scripts.languages import languages, load_mkdocs_config, locales
from scripts.maps.folium_map import map_html
from scripts.maps.map_data import VARIABLE, data_script, map_data
from scripts.maps.places import load_places

EN = languages()[1]


def test_places_file_is_valid_and_inside_the_province():
    places, problems = load_places(locales(), load_outline())
    assert problems == []
    assert {p.layer for p in places.places} == {"industrial-parks", "infrastructure", "culture"}
    assert {"vinh-airport", "nam-can-border-gate", "thanh-thuy-border-gate", "kim-lien", "pu-mat-national-park"} <= {
        p.id for p in places.places}
    assert all(p.source.startswith("http") for p in places.places)


def test_a_place_outside_the_province_is_reported_with_its_line(tmp_path):
    source = (tmp_path / "places.yml")
    text = Path("data/places.yml").read_text("utf-8").replace("lat: 18.7367", "lat: 21.0285")
    source.write_text(text, encoding="utf-8")
    _, problems = load_places(locales(), load_outline(), source)
    (problem,) = problems
    line = text.splitlines().index("  - id: vinh-airport") + 1
    assert (problem.line, problem.column) == (line, "vinh-airport lat, lon")
    assert "expected a point inside Nghệ An, got 21.0285, 105.6709" in str(problem)


def test_data_script_cannot_close_a_script_or_break_a_line():
    script = data_script({"name": "</script><b>\u2028"})
    assert script.startswith(f"window.{VARIABLE}=") and "</script>" not in script and "\u2028" not in script
    assert json.loads(script[len(f"window.{VARIABLE}="):-2]) == {"name": "</script><b>\u2028"}


def test_map_page_is_lean_local_and_stable():
    html = map_html(EN, {"industrial-parks": "<b>Parks</b>", "infrastructure": "Infra", "culture": "Culture"})
    sources = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert sources and all(s.startswith("../assets/") for s in sources), sources
    for unwanted in ("bootstrap", "jquery", "awesome", "cdn.", "user-scalable=no"):
        assert unwanted not in html.lower()
    assert '<html lang="en">' in html and "\\u0026lt;b\\u0026gt;Parks" in html  # escaped, then JSON-encoded
    assert html.index("NgheAnMap.init") < html.index("</body>")
    again = map_html(EN, {"industrial-parks": "<b>Parks</b>", "infrastructure": "Infra", "culture": "Culture"})
    assert again == html, "two builds must write the same file"
    assert len(html.encode()) < 40_000


def test_public_investment_works_are_map_infrastructure_not_catalogue_rows():
    entries = yaml.safe_load(Path("data/places.yml").read_text("utf-8"))["places"]
    works = [e["id"] for e in entries if e.get("programme") == "public-investment-2026-2030"]
    assert len(works) == 9  # the programme's nine state-budget projects
    places, _ = load_places(locales(), load_outline())
    projects = load_catalogue().projects
    assert not {p.id for p in projects} & set(works)
    context = PageContext(load_vocabularies(), load_outline(), exchange_rate(load_mkdocs_config()["extra"]),
                          "https://x.example/", datetime.date(2026, 12, 1), 365)
    for language in languages():
        data = map_data(projects, places, language, context)
        on_map = {row[-1]: row for row in data["places"]}
        assert all(on_map[w][0] == "infrastructure" and on_map[w][7].startswith("https://") for w in works)
        assert not {row[8] for row in data["projects"]} & set(works)
        suffix = "" if language.default else f".{language.locale}"
        sectors = Path(f"docs/sectors{suffix}.md").read_text("utf-8")
        missing = [w for w in works if on_map[w][4] not in sectors]
        assert not missing, f"docs/sectors{suffix}.md does not list {missing}"
