"""A corpus of broken YAML files: every mistake is reported as `path:line: field: expected …`, no traceback.

Each case edits one line of a real file (found by its text, so the expected line is derived from the
file, not typed in) and checks the one message about it.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from scripts import data_schemas, safe_yaml
from scripts.front_matter import check_page
from scripts.languages import ROOT

# (file, regular expression for the line to replace (first match), replacement, field, start of 'expected')
CORPUS = [
    ("data/events.yml", r"^    source: .*$", "\tsource: https://a.example/x", "indent", "spaces for indentation"),
    ("data/events.yml", r"^    start: .*$", "    start: 20/03/2027", "events.start",
     "a date in ISO form YYYY-MM-DD, got '20/03/2027' (for example 2027-03-20)"),
    ("data/events.yml", r"^    start: .*$", "    start: 2027-02-30", "events.start", "a date that exists"),
    ("data/events.yml", r"^    source: .*$", "    source: javascript:alert(1)", "events.source", "a web address"),
    ("data/events.yml", r"^    end: .*$", "    end: 2025-03-01", "events.end", "a date on or after start"),
    ("data/events.yml", r"^    since: .*$", "    since: 2014\n    start: 2014-11-27", "events.start", "either 'start:'"),
    ("data/events.yml", r"^  - id: .*$", "  - id: ../../CONTRIBUTING", "events.id", "a key of lowercase"),
    ("data/events.yml", r"^    since: .*$", "    since: !!python/object/apply:os.system [id]", "tag",
     "a plain value"),
    ("data/events.yml", r"^    since: .*$", "    since: !foo 2014", "tag", "a plain value"),
    ("data/events.yml", r"^    vi: \{.*$", "    vi: {name: \"x\", place: y", "syntax", "valid YAML"),
    ("data/events.yml", r"^    source: .*$", "    source: see: here", "syntax", "valid YAML"),
    ("data/events.yml", r"^    yearly: .*$", "    yearly: 11/27", "events.yearly", "a day of the year"),
    ("data/events.yml", r"^    vi: \{.*$", "    vi: {name: Lễ hội (Nghệ An, Hà Tĩnh), place: x}", "events.vi",
     "key: value pairs inside {…}"),
    ("data/events.yml", r"^    en: \{.*$", "    fr: {name: x, place: y}", "events.fr", "a field of this block"),
    ("data/industrial-parks.yml", r"^    lat: .*$", "    lat: 21.03", "parks.lat", "a point inside Nghệ An"),
    ("data/industrial-parks.yml", r"^    lat: .*$", "    lat: \"18.86\"", "parks.lat", "a number"),
    ("data/industrial-parks.yml", r"^    approximate: .*$", "    approximate: maybe", "parks.approximate",
     "true or false"),
    ("data/industrial-parks.yml", r"^      - https://.*$", "      - javascript:alert(document.domain)",
     "parks.sources", "a web address"),
    ("data/industrial-parks.yml", r"^  - id: wha-industrial-zone-2$", "  - id: wha-industrial-zone-1", "parks.id",
     "each id once in the file"),
    ("data/industrial-parks.yml", r"^    locality: .*$", "    locality: Trung Lộc\n    locality: Vinh", "parks.locality",
     "each key once"),
    ("data/industrial-parks.yml", r"^    occupancy: .*$", "    occupancy: {percent: 178}", "parks.occupancy.percent",
     "a percentage"),
    ("data/industrial-parks.yml", r"^    distances: .*$", "    distances: {airport: 5}", "distances.airport",
     "a key of destinations"),
    ("data/places.yml", r"^    kind: .*$", "    kind: airfield", "kind", "one of zone"),
    ("data/places.yml", r"^    lon: .*$", "    lon: 18.9", "places.lat", "a point inside Nghệ An"),
    ("data/places.yml", r"^    source: .*$", "    source: data:text/html,<script>alert(1)</script>",
     "places.source", "a web address"),
    ("data/places.yml", r"^    lo: \{name.*$", "    la: {name: x}", "places.la", "a field of this block"),
    ("data/fdi.yml", r"^    value: .*$", "    value: 961,3", "years.value", "a number"),
    ("data/fdi.yml", r"^    value: .*$", "    value: 1.603", "years.value", "a number with a decimal point and no thousands"),
    ("data/fdi.yml", r"^    source: .*$", "    source: javascript:alert(1)", "years.source", "a web address"),
    ("data/fdi.yml", r"^  - year: 2023$", "  - year: 2022", "years.year", "each year once in the file"),
    ("data/key-figures.yml", r"^    year: 2019$", "    year: 2019a", "figures.year", "a year"),
    ("data/key-figures.yml", r"^    source: .*$", "    source: javascript:alert(1)", "figures.source", "a web address"),
    ("data/key-figures.yml", r"^    en: \{value: \"16,490.*$", "    en: {value: \"16,490 km²\", label: Area}", "figures.en.source_name",
     "a 'source_name:' line"),
    ("data/glossary.yml", r"^  - \{vi: Vinh.*$", "  - {vi: Vinh, en: Vinh}", "terms.lo", "a 'lo:' line"),
    ("data/departments.yml", r"^  lo: .*$", "  lo: x\n  website: javascript:alert(1)", "public-sources.website",
     "a web address"),
    ("data/departments.yml", r"^  lo: .*$", "  lo: x\n  email: ipa at nghean", "public-sources.email",
     "an e-mail address"),
    ("data/departments.yml", r"^public-sources:$", "Public Sources:", "Public Sources", "a key of lowercase"),
    ("data/vocabularies.yml", r"^    colour: .*$", "    colour: \"url(https://evil.example/x.png)\"",
     "sectors.manufacturing.colour", "a colour written"),
    ("data/vocabularies.yml", r"^    colour: .*$", "    colour: \"#1f5f8b;background:url(//evil.example/x)\"", "sectors.manufacturing.colour",
     "a colour written"),
    ("data/project-template.yml", r"^    type: identifier$", "    type: identifer", "id.type", "one of identifier"),
    ("data/project-template.yml", r"^      lo: \"ລະຫັດ: .*$", "      lo: \"" + "ລະຫັດ " * 30 + "\"", "id.help",
     "at most 255 characters in all (Excel's limit), got 309 characters"),
    ("mkdocs.yml", r"^    vnd_per_usd: .*$", "    vnd_per_usd: \"24.406\"", "extra.exchange_rate.vnd_per_usd",
     "a number"),
    ("mkdocs.yml", r"^    vnd_per_usd: .*$", "    vnd_per_usd: 24.406", "extra.exchange_rate.vnd_per_usd",
     "VND per US dollar"),
    ("mkdocs.yml", r"^    source: https://baonghean.*$", "    source: javascript:alert(1)",
     "extra.exchange_rate.source", "a web address"),
    ("mkdocs.yml", r"^    date: .*$", "    date: 31/12/2023", "extra.exchange_rate.date", "a date in ISO form"),
]


@pytest.fixture
def project(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "data", tmp_path / "data")
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    return tmp_path


def break_line(project: Path, name: str, pattern: str, replacement: str) -> int:
    """Replace the first line matching `pattern` in `name`; returns its line number."""
    path = project / name
    text = path.read_text("utf-8")
    match = re.search(pattern, text, re.MULTILINE)
    assert match, f"{pattern} not found in {name}: update the corpus"
    path.write_text(text[:match.start()] + replacement + text[match.end():], "utf-8")
    return text[:match.start()].count("\n") + 1


def messages(project: Path) -> list[str]:
    return [str(problem) for problem in data_schemas.check_sources(project / "mkdocs.yml")]


def test_the_repository_data_passes_its_schemas():
    assert [str(p) for p in data_schemas.check_sources(ROOT / "mkdocs.yml")] == []


@pytest.mark.parametrize("name, pattern, replacement, field, expected", CORPUS,
                         ids=[f"{case[0]}:{case[3]}:{case[2].strip()[:30]}" for case in CORPUS])
def test_each_mistake_names_file_line_and_field(project, name, pattern, replacement, field, expected):
    line = break_line(project, name, pattern, replacement)
    found = messages(project)
    wanted = f"{name}:"
    assert any(m.startswith(wanted) and f": {field}: expected {expected}" in m for m in found), found
    lines = {int(m.split(":")[1]) for m in found if m.startswith(wanted) and f": {field}: " in m}
    assert lines & {line - 1, line, line + 1}, (line, found)  # the edited line, or its block's lat / duplicate


def test_an_alias_bomb_is_refused_quickly(project):
    bomb = ["a: &a [x, x, x, x, x, x, x, x, x]"] + [
        f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join('*' + chr(97 + i) for _ in range(9))}]" for i in range(8)]
    (project / "data" / "events.yml").write_text("\n".join(bomb) + "\n", "utf-8")
    found = messages(project)
    assert found == ["data/events.yml:3: alias: expected at most 10 aliases (*name), got more (write the values"
                     " out; '*' or '&' at the start of text needs quotes)"]


def test_an_oversized_file_is_refused(project):
    (project / "data" / "fdi.yml").write_text("unit: x\n" + "# padding\n" * 250_000, "utf-8")
    assert messages(project)[0].startswith("data/fdi.yml:1: file: expected at most 2000 kB of YAML")


@pytest.mark.parametrize("header, expected", [
    ("title: Lao động\ndescription: Lực lượng: số người", "docs/x.md:3: syntax: expected valid YAML"),
    ("title: !!python/object/apply:os.system [id]\ndescription: d", "docs/x.md:2: tag: expected a plain value"),
    ("title: T\ntitle: U\ndescription: d", "docs/x.md:3: title: expected each key once"),
    ("title: T\n\tdescription: d", "docs/x.md:3: indent: expected spaces for indentation"),
    ("title: T\ndescription: d\ndate: 20/03/2027", "docs/x.md:4: date: expected a date in ISO form"),
    ("title: T\ndescription: d\ndescripton: e", "docs/x.md:4: descripton: expected a field of this block"),
    ("title: [T\ndescription: d", "docs/x.md:3: syntax: expected valid YAML"),
    ("title: T", "docs/x.md:1: description: expected a 'description:' line in the header, got none"),
])
def test_front_matter_mistakes_name_the_line(tmp_path, header, expected):
    page = tmp_path / "x.md"
    page.write_text(f"---\n{header}\n---\n\n# x\n", "utf-8")
    assert any(str(p).startswith(expected) for p in check_page(page, "docs/x.md")), check_page(page, "docs/x.md")


def test_safe_yaml_keeps_lines_and_builds_plain_data():
    parsed = safe_yaml.load_text("a:\n  - {b: 1}\n  - c: [x, y]\n", "x.yml")
    assert parsed.problems == [] and parsed.data == {"a": [{"b": 1}, {"c": ["x", "y"]}]}
    assert parsed.line(("a", 1, "c", 0)) == 3 and parsed.line(("a", 0, "b")) == 2


def test_the_build_reports_every_broken_file_at_once_and_keeps_the_site(tmp_path):
    from tests.conftest import copy_project

    project = copy_project(tmp_path / "project")
    chosen = [next(case for case in CORPUS if case[3] == field)
              for field in ("events.yearly", "parks.lat", "extra.exchange_rate.source")]  # three files at once
    for name, pattern, replacement, _, _ in chosen:
        break_line(project, name, pattern, replacement)
    site = project / "site"
    site.mkdir()
    (site / "index.html").write_text("last good site", "utf-8")
    result = subprocess.run([sys.executable, "-m", "scripts.build_site"], cwd=project, capture_output=True, text=True)
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    lines = result.stderr.splitlines()
    assert {line.split(":")[0] for line in lines if re.match(r"^\S+:\d+: ", line)} == {
        "data/events.yml", "data/industrial-parks.yml", "mkdocs.yml"}, result.stderr
    assert (site / "index.html").read_text("utf-8") == "last good site"
