"""The home page as a landing page, the 404 page of each language, and no English interface text
left on the Vietnamese and Lao pages."""

from __future__ import annotations

import collections
import dataclasses
import datetime
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from scripts import languages, locales
from scripts.catalogue.build_step import exchange_rate
from scripts.catalogue.geo import load_outline
from scripts.catalogue.pages import PageContext
from scripts.catalogue.validate import load_catalogue
from scripts.catalogue.vocabularies import load_vocabularies
from scripts.content import home
from scripts.languages import ROOT, load_mkdocs_config

LANGUAGES = languages.languages()
DEFAULT = next(language for language in LANGUAGES if language.default)
PROJECTS = list(load_catalogue().projects)
CONTEXT = PageContext(load_vocabularies(), load_outline(), exchange_rate(load_mkdocs_config()["extra"]),
                      "https://x.example/", datetime.date.today(), 365)
MATERIAL_LANGUAGES = Path(__import__("material").__file__).parent / "templates" / "partials" / "languages"
SIZES = [(390, 844), (1366, 900)]
EDITORS = "editors"  # the translation-status page is written for the editors, in English


def _with_statuses(statuses: dict[str, str]) -> list:
    """The catalogue's projects, every one licensed except those named in `statuses`."""
    return [dataclasses.replace(project, status=statuses.get(project.id, "licensed")) for project in PROJECTS]


# --- the plain functions -------------------------------------------------------------------------

def test_featured_projects_are_the_open_ones_newest_first():
    assert len(PROJECTS) >= 3, "the test needs at least three projects in the data"
    oldest, newer, newest = sorted(PROJECTS, key=lambda p: p.updated)[:3]
    projects = _with_statuses({oldest.id: "calling", newer.id: "preparing"})
    projects = [dataclasses.replace(p, updated=datetime.date(2020, 1, 1)) if p.id == oldest.id else
                dataclasses.replace(p, updated=datetime.date(2021, 1, 1)) if p.id == newer.id else p
                for p in projects]
    chosen = home.featured(projects)
    assert chosen.opportunities
    assert [p.id for p in chosen.projects] == [newer.id, oldest.id]  # licensed ones are not featured
    assert newest.id not in [p.id for p in chosen.projects]


def test_featured_projects_are_at_most_six():
    projects = _with_statuses({project.id: "calling" for project in PROJECTS})
    chosen = home.featured(projects)
    assert len(chosen.projects) == min(home.FEATURED_LIMIT, len(PROJECTS))
    dates = [project.updated for project in chosen.projects]
    assert dates == sorted(dates, reverse=True)


def test_without_an_open_project_the_most_recent_are_shown_under_an_honest_title():
    projects = _with_statuses({})
    chosen = home.featured(projects)
    assert not chosen.opportunities
    newest = max(project.updated for project in PROJECTS)
    assert chosen.projects[0].updated == newest
    html = home.featured_html(projects, "en", CONTEXT, "")
    assert "Recent projects in the province" in html and "Investment opportunities" not in html


def test_with_an_open_project_the_title_says_opportunities_in_each_language():
    projects = _with_statuses({PROJECTS[0].id: "calling"})
    for language in LANGUAGES:
        _ = locales.gettext_for(language.locale)
        html = home.featured_html(projects, language.locale, CONTEXT, "")
        assert _("Investment opportunities") in html
        assert _("Recent projects in the province") not in html
        assert f'href="projects/{PROJECTS[0].id}/"' in html


def test_the_first_call_to_action_goes_to_the_calling_projects_only_when_there_are_some():
    calling = home.hero_html(_with_statuses({PROJECTS[0].id: "calling"}), "en", CONTEXT, "")
    none = home.hero_html(_with_statuses({PROJECTS[0].id: "preparing"}), "en", CONTEXT, "")
    assert 'href="catalogue/?status=calling"' in calling
    assert "?status=calling" not in none and 'href="catalogue/"' in none


def test_sector_counts_are_the_data_s():
    counted = collections.Counter(project.sector for project in PROJECTS)
    assert dict(home.sector_counts(PROJECTS, CONTEXT.vocabularies.sectors)) == dict(counted)


def test_names_from_data_are_escaped():
    evil = '<img src=x onerror="alert(1)">'
    projects = [dataclasses.replace(PROJECTS[0], names={"vi": evil, "en": evil, "lo": evil}, status="calling")]
    html = home.featured_html(projects, "en", CONTEXT, "")
    assert evil not in html and "&lt;img src=x" in html


# --- the built site ------------------------------------------------------------------------------

class _Page(HTMLParser):
    """Visible text, interface attributes and a few elements of one page."""

    ATTRIBUTES = ("title", "aria-label", "placeholder", "alt")

    def __init__(self):
        super().__init__()
        self.texts: list[str] = []
        self.lang = None
        self.links: dict[str, list[str]] = collections.defaultdict(list)  # class of the parent list → hrefs
        self._skip = 0
        self._list_class: list[str] = []
        self._config = False

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if tag == "html":
            self.lang = values.get("lang")
        if tag in ("script", "style"):
            self._skip += 1
            self._config = values.get("id") == "__config"
        if tag in ("ul", "section"):
            self._list_class.append(values.get("class") or "")
        if tag == "a" and self._list_class:
            self.links[self._list_class[-1]].append(values.get("href", ""))
        self.texts += [values[name].strip() for name in self.ATTRIBUTES if values.get(name)]

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self._skip -= 1
            self._config = False
        if tag in ("ul", "section") and self._list_class:
            self._list_class.pop()

    def handle_data(self, data):
        if self._config:  # Material's interface strings for its scripts
            self.texts += [str(value) for value in json.loads(data).get("translations", {}).values()]
        elif not self._skip and data.strip():
            self.texts.append(" ".join(data.split()))


def _parse(path: Path) -> _Page:
    parser = _Page()
    parser.feed(path.read_text("utf-8"))
    return parser


def _language_folder(site: Path, language) -> Path:
    return site / language.prefix if language.prefix else site


@pytest.mark.parametrize("language", LANGUAGES, ids=lambda language: language.locale)
def test_home_page_has_the_hero_the_featured_projects_and_the_sector_counts(built_site, language):
    page = _parse(_language_folder(built_site, language) / "index.html")
    actions = page.links["home-hero__actions"]
    assert len(actions) == 3
    assert actions[0].startswith("catalogue/") and actions[1:] == ["map/", "contact/"]
    expected = [f"projects/{project.id}/" for project in home.featured(PROJECTS).projects]
    assert page.links["home-cards"] == expected
    counted = collections.Counter(project.sector for project in PROJECTS)
    assert page.links["home-tiles"] == [f"catalogue/?sector={key}" for key in CONTEXT.vocabularies.sectors
                                        if counted[key]]
    _ = locales.gettext_for(language.locale)
    pairs = set(zip(page.texts, page.texts[1:]))  # a tile: the sector's name, then its count
    for key, count in counted.items():
        label = CONTEXT.vocabularies.label("sectors", key, language.locale)
        assert (label, _("Projects: %(count)s") % {"count": count}) in pairs
    assert "catalogue/template/" not in page.links["md-nav__list"]  # editors' pages left the navigation


@pytest.mark.parametrize("language", LANGUAGES, ids=lambda language: language.locale)
def test_a_404_page_per_language(built_site, language):
    page = _parse(built_site / language.prefix / "404.html")
    assert page.lang == language.locale
    _ = locales.gettext_for(language.locale)
    assert _("Page not found") in page.texts
    root = "/" + language.prefix
    assert {root, root + "catalogue/"} <= {href for hrefs in page.links.values() for href in hrefs}
    switcher = re.findall(r'<a href="([^"]*)" hreflang="([^"]*)" class="md-select__link"',
                          (built_site / language.prefix / "404.html").read_text("utf-8"))
    assert switcher == [("/" + other.prefix, other.locale) for other in LANGUAGES]  # each language's home


def _english_strings(locale: str) -> set[str]:
    """Interface strings as they read in English that this language renders otherwise: Material's
    and ours (msgids), and the heading links' tooltip. The languages' own names (the switcher shows
    "English" on every page, as it should) are not English text left over."""
    def material(name: str) -> dict[str, str]:
        text = (MATERIAL_LANGUAGES / name).read_text("utf-8") if name != "lo.html" else \
            (ROOT / "overrides" / "partials" / "languages" / name).read_text("utf-8")
        return dict(re.findall(r'"([\w.]+)": "((?:[^"\\]|\\.)*)"', text))

    english, own = material("en.html"), material(f"{locale}.html")
    strings = {value for key, value in english.items()
               if key in own and own[key] != value and not key.startswith(("search.config", "language", "direction"))}
    translate = locales.gettext_for(locale)
    strings |= {message.id for message in locales.read_catalog(locale) if message.id
                and isinstance(message.id, str) and "%(" not in message.id and translate(message.id) != message.id}
    return strings - {""} - {language.name for language in languages.languages()}


@pytest.mark.parametrize("language", [language for language in LANGUAGES if language.locale != "en"],
                         ids=lambda language: language.locale)
def test_no_english_interface_text_is_left_on_the_pages(built_site, language):
    english = _english_strings(language.locale)
    assert "Permanent link" in english and "Back to top" in english
    found, checked = [], 0
    for path in sorted(built_site.rglob("*.html")):
        page = _parse(path)
        if page.lang != language.locale or EDITORS in path.relative_to(built_site).parts:
            continue
        checked += 1
        found += [f"{path.relative_to(built_site)}: {text!r}" for text in page.texts if text in english]
    assert checked > 40
    assert found == [], "\n".join(found)


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
@pytest.mark.parametrize("language", LANGUAGES, ids=lambda language: language.locale)
def test_the_first_screen_shows_what_is_offered_and_where_to_go(browser, site_url, language, size, artifacts_dir):
    context = browser.new_context(viewport={"width": size[0], "height": size[1]})
    page = context.new_page()
    page.goto(site_url + language.prefix, wait_until="networkidle")
    for selector in (".home-hero h1", ".home-hero__lead", ".home-hero__actions li:last-child a"):
        box = page.locator(selector).bounding_box()
        assert box is not None and box["y"] + box["height"] <= size[1], f"{selector} is below the first screen"
        assert box["x"] >= 0 and box["x"] + box["width"] <= size[0], f"{selector} sticks out sideways"
    hero = page.locator(".home-hero").bounding_box()
    assert hero["x"] == 0 and hero["width"] >= size[0] - 20  # full width (a scrollbar may take some)
    assert page.evaluate("document.documentElement.scrollWidth") <= size[0]
    page.screenshot(path=artifacts_dir / f"landing-{language.locale}-{size[0]}.png")
    context.close()


@pytest.mark.parametrize("language", LANGUAGES, ids=lambda language: language.locale)
def test_the_404_page_s_search_button_opens_the_search(page_offline, site_url, language):
    page = page_offline
    page.goto(f"{site_url}{language.prefix}404.html", wait_until="networkidle")
    _ = locales.gettext_for(language.locale)
    page.get_by_role("button", name=_("Search the portal")).click()
    assert page.evaluate("document.getElementById('__search').checked")
    page.wait_for_function("document.activeElement === document.querySelector('.md-search__input')", timeout=5000)
