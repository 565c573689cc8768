"""Content the issue asks for, checked in the built site: figures carry sources, the labour page cites
the minimum-wage decree, the calendar looks ahead, and park names survive from data to page and PDF."""

from __future__ import annotations

import datetime
import re
import subprocess
from html import unescape
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from scripts.languages import ROOT, languages
from scripts.printing.generate import park_pdf

FIGURE_PAGES = ["why-nghe-an", "labour", "incentives"]


def figures_without_source(html: str) -> list[str]:
    """The text of each figure (a list item or table row inside a `.figures` block) with no web link."""
    missing = []
    for block in BeautifulSoup(html, "html.parser").select("div.figures"):
        items = block.find_all("li", recursive=True) + [row for row in block.select("tr") if row.find("td")]
        for item in items:
            if not item.find("a", href=re.compile(r"^https?://")):
                missing.append(" ".join(item.get_text(" ").split())[:80])
    return missing


def test_the_figure_check_reports_a_figure_without_a_link():
    html = ('<div class="figures"><ul><li>GRDP 9 % (2024) <a href="https://a.example/">source</a></li>'
            "<li>Exports US$3.7 billion (2024)</li></ul><table><tr><th>Year</th></tr>"
            "<tr><td>2024</td><td>8th</td></tr></table></div>")
    assert figures_without_source(html) == ["Exports US$3.7 billion (2024)", "2024 8th"]


def test_every_figure_block_on_every_built_page_has_a_source_link(built_site: Path):
    pages = sorted(built_site.rglob("index.html"))
    with_figures = {page.parent.relative_to(built_site).as_posix() for page in pages
                    if 'class="figures"' in page.read_text("utf-8")}
    for language in languages():
        for name in FIGURE_PAGES:
            assert f"{language.prefix}{name}".lstrip("/") in with_figures, f"{language.locale}/{name} has no figures"
    problems = {page.relative_to(built_site).as_posix(): figures_without_source(page.read_text("utf-8"))
                for page in pages}
    assert {page: items for page, items in problems.items() if items} == {}


@pytest.mark.parametrize("language", languages(), ids=lambda language: language.locale)
def test_labour_page_cites_the_2026_minimum_wage_decree(built_site: Path, language):
    html = (built_site / language.prefix / "labour" / "index.html").read_text("utf-8")
    body = BeautifulSoup(html, "html.parser").select_one(".md-content").get_text(" ")
    assert "293/2025/NĐ-CP" in body


def _ics_events(text: str) -> list[dict]:
    lines = text.replace("\r\n ", "").split("\r\n")
    events, current = [], None
    for line in lines:
        if line == "BEGIN:VEVENT":
            current = {}
        elif line == "END:VEVENT":
            events.append(current)
            current = None
        elif current is not None and ":" in line:
            key, value = line.split(":", 1)
            current[key.split(";")[0]] = value
    return events


@pytest.mark.parametrize("language", languages(), ids=lambda language: language.locale)
def test_calendar_and_upcoming_list_hold_events_after_the_build_date(built_site: Path, language):
    today = datetime.date.today()
    ics = next((built_site / "calendar").glob(f"*-{language.locale}.ics")).read_bytes().decode("utf-8")
    future = [event for event in _ics_events(ics)
              if "RRULE" in event or datetime.datetime.strptime(event["DTSTART"], "%Y%m%d").date() > today]
    assert future, f"the {language.locale} calendar has no event after {today}"
    html = (built_site / language.prefix / "events" / "index.html").read_text("utf-8")
    subscribe = BeautifulSoup(html, "html.parser").select_one('a.md-button[href$=".ics"]').parent
    upcoming_heading, past_heading = subscribe.find_next_siblings("h2")[:2]

    def dates(heading) -> list[datetime.date]:
        listing = heading.find_next_sibling()
        return [datetime.date.fromisoformat(time["datetime"]) for time in listing.select("time")]

    upcoming, past = dates(upcoming_heading), dates(past_heading)
    assert upcoming and all(day >= today for day in upcoming), upcoming
    assert all(day < today for day in past), past


def _park_names(park_id: str) -> dict[str, str]:
    data = yaml.safe_load((ROOT / "data" / "industrial-parks.yml").read_text("utf-8"))
    park = next(park for park in data["parks"] if park["id"] == park_id)
    return {language.locale: park[language.locale]["name"] for language in languages()}


@pytest.mark.parametrize("language", languages(), ids=lambda language: language.locale)
def test_wha_zone_2_name_round_trips_into_its_page_and_factsheet(built_site: Path, language):
    name = _park_names("wha-industrial-zone-2")[language.locale]
    assert isinstance(name, str) and "," in name  # the comma an unquoted flow mapping would split at
    page = (built_site / language.prefix / "parks" / "wha-industrial-zone-2" / "index.html").read_text("utf-8")
    heading = BeautifulSoup(page, "html.parser").select_one(".md-content h1").get_text()
    assert heading.strip() == name
    pdf = built_site / park_pdf("wha-industrial-zone-2", language)
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert name in unescape(text).replace("\u200b", "")
