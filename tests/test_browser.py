"""The built site in Chromium, served locally, with every request to another host blocked and counted."""

import re

import pytest

from scripts import languages
from scripts.languages import ROOT

LANGUAGES = languages.languages()


@pytest.mark.parametrize("language", LANGUAGES, ids=lambda language: language.locale)
def test_home_page_renders_with_no_external_request(page_offline, site_url, language, artifacts_dir):
    page = page_offline
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    response = page.goto(site_url + language.prefix, wait_until="networkidle")
    assert response.status == 200
    assert page.locator("html").get_attribute("lang") == language.locale
    assert page.locator("h1").first.is_visible()
    assert page.locator(".key-figures > div").count() >= 4
    page.screenshot(path=artifacts_dir / f"home-{language.locale}.png", full_page=False)
    assert page.external.blocked == []
    assert errors == []


@pytest.mark.parametrize("source", LANGUAGES, ids=lambda language: language.locale)
def test_language_switcher_keeps_the_reader_on_the_same_page(page_offline, site_url, source):
    page = page_offline
    page.goto(f"{site_url}{source.prefix}about/")
    for target in LANGUAGES:
        link = page.locator(f'.md-select__link[hreflang="{target.locale}"]')
        assert link.count() == 1, f"no switcher entry for {target.locale}"
        page.goto(f"{site_url}{source.prefix}about/")
        page.locator(".md-header__option .md-select").first.hover()
        link.click()
        page.wait_for_load_state()
        assert page.url == f"{site_url}{target.prefix}about/"
        assert page.locator("html").get_attribute("lang") == target.locale
    assert page.external.blocked == []


def test_after_reading_a_deep_page_the_language_link_goes_straight_to_the_translation(page_offline, built_site,
                                                                                     site_url):
    """Material's switcher would ask for sitemap.xml beside each hreflang alternate (here below
    /en/projects/…, where there is none) once the reader clicks, then take over the language links."""
    page = page_offline
    project = min(path.parent.name for path in built_site.glob("projects/*/index.html"))
    page.goto(f"{site_url}projects/{project}/", wait_until="networkidle")
    requests, missing = [], []
    page.on("request", lambda request: requests.append(request))
    page.on("response", lambda response: missing.append(response.url) if response.status >= 400 else None)
    page.locator("h1").first.click()  # a real pointer click: the reader's first interaction
    page.wait_for_timeout(500)
    page.locator(".md-header__option .md-select").first.hover()
    page.locator('.md-select__link[hreflang="en"]').click()
    page.wait_for_load_state("networkidle")
    assert page.url == f"{site_url}en/projects/{project}/"
    assert [request.url for request in requests if request.is_navigation_request()] == [page.url]  # no redirect
    assert not [request.url for request in requests if request.url.endswith("sitemap.xml")] and missing == []


def test_lao_text_is_drawn_with_self_hosted_noto_sans_lao(page_offline, site_url):
    page = page_offline
    page.goto(site_url + "lo/", wait_until="networkidle")
    page.evaluate("document.fonts.ready")
    loaded = page.evaluate(
        "[...document.fonts].filter(f => f.status === 'loaded').map(f => f.family.replaceAll('\"', ''))"
    )
    assert "Noto Sans Lao" in loaded
    session = page.context.new_cdp_session(page)
    session.send("DOM.enable")
    session.send("CSS.enable")
    root = session.send("DOM.getDocument")["root"]["nodeId"]
    heading = session.send("DOM.querySelector", {"nodeId": root, "selector": "h1"})["nodeId"]
    fonts = session.send("CSS.getPlatformFontsForNode", {"nodeId": heading})["fonts"]
    used = {font["familyName"]: font["isCustomFont"] for font in fonts}
    assert used.get("Noto Sans Lao") is True, used


FONT_FACE = re.compile(r"@font-face\s*{([^}]*)}")


def _faces_by_file() -> dict[str, tuple[str, str]]:
    """Font file name → (weight, unicode-range) as assets/stylesheets/fonts.css declares them."""
    faces = {}
    for block in FONT_FACE.findall((ROOT / "docs/assets/stylesheets/fonts.css").read_text("utf-8")):
        name = re.search(r'url\("\.\./fonts/([^"]+)"\)', block).group(1)
        weight = re.search(r"font-weight:\s*(\d+)", block).group(1)
        faces[name] = (weight, _ranges(re.search(r"unicode-range:\s*([^;]+);", block).group(1)))
    return faces


def _ranges(text: str) -> tuple[tuple[int, int], ...]:
    """"U+0102-0103, U+0110" → ((0x102, 0x103), (0x110, 0x110)), however the hex digits are written."""
    pairs = []
    for part in text.replace(" ", "").upper().split(","):
        start, _, end = part.removeprefix("U+").partition("-")
        pairs.append((int(start, 16), int(end or start, 16)))
    return tuple(pairs)


@pytest.mark.parametrize("language", LANGUAGES, ids=lambda language: language.locale)
def test_preloaded_fonts_are_the_ones_the_page_draws_with(page_offline, site_url, language):
    page = page_offline
    page.goto(site_url + language.prefix, wait_until="networkidle")
    page.evaluate("document.fonts.ready")
    preloaded = page.locator('link[rel="preload"][as="font"]').evaluate_all("links => links.map(l => l.href)")
    loaded = page.evaluate("[...document.fonts].filter(f => f.status === 'loaded')"
                           ".map(f => [f.weight, f.unicodeRange])")
    loaded = {(weight, _ranges(ranges)) for weight, ranges in loaded}
    faces = _faces_by_file()
    assert preloaded
    for url in preloaded:
        weight, ranges = faces[url.rsplit("/", 1)[-1]]
        assert (weight, ranges) in loaded, f"{url} is preloaded but the page does not use it"
