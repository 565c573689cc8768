"""The built site in Chromium, served locally, with every request to another host blocked and counted."""

import pytest

from scripts import languages

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
    heading = session.send("DOM.querySelector", {"nodeId": root, "selector": "article h1"})["nodeId"]
    fonts = session.send("CSS.getPlatformFontsForNode", {"nodeId": heading})["fonts"]
    used = {font["familyName"]: font["isCustomFont"] for font in fonts}
    assert used.get("Noto Sans Lao") is True, used
