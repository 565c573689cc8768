"""The kiosk, offline: from disk (file://) and from a local server, with every network request blocked."""

from pathlib import Path

import pytest

from scripts.kiosk import build_kiosk
from scripts.languages import languages
from tests.conftest import serve_directory

QUERIES = {"vi": "dau tu", "en": "airport", "lo": "ອຸດສາຫະກຳ"}


@pytest.fixture(scope="module")
def kiosk(built_site: Path, tmp_path_factory) -> Path:
    dist = tmp_path_factory.mktemp("dist")
    archive = build_kiosk(built_site, dist)
    assert archive.is_file() and archive.stat().st_size > 100_000
    return dist / "kiosk"


@pytest.fixture(scope="module")
def kiosk_server(kiosk: Path):
    server = serve_directory(kiosk)
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


def offline_page(browser, allowed_prefix: str):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    blocked = []

    def route(route):
        if route.request.url.startswith(allowed_prefix):
            route.continue_()
        else:
            blocked.append(route.request.url)
            route.abort()
    context.route("**/*", route)
    page = context.new_page()
    page.blocked = blocked
    return context, page


def run_search(page, query: str) -> int:
    field = page.locator(".md-search__input")
    if not field.is_visible():
        page.locator('label[for="__search"]').first.click()
    field.focus()
    page.keyboard.type(query)
    page.keyboard.press("End")
    page.wait_for_function("document.querySelector('.md-search-result__meta').textContent.match(/\\d/)", timeout=15_000)
    return page.locator(".md-search-result__item").count()


@pytest.mark.parametrize("origin", ["file", "server"])
def test_kiosk_works_with_no_network(browser, kiosk, kiosk_server, origin, artifacts_dir):
    start = kiosk.as_uri() + "/" if origin == "file" else kiosk_server
    context, page = offline_page(browser, "file://" if origin == "file" else kiosk_server.rstrip("/"))
    for language in languages():
        page.goto(start + "index.html")
        page.click(f'a.choice[lang="{language.locale}"]')
        page.wait_for_load_state()
        assert page.locator("html").get_attribute("lang") == language.locale
        assert page.locator("a[data-kiosk-home]").is_visible()
        assert run_search(page, QUERIES[language.locale]) > 0, f"no {language.locale} search results"
        page.goto(start + f"site/{language.prefix}catalogue/index.html")
        page.locator(".catalogue-item a").first.click()
        page.wait_for_load_state()
        assert "/projects/" in page.url and page.url.endswith("index.html")
        page.locator(".mini-map figcaption a").click()  # the project on the map page, its popup open
        page.wait_for_load_state()
        assert f"/{language.prefix}map/index.html?project=" in page.url
        page.frame_locator(".map-frame iframe").locator(".leaflet-popup").wait_for()
        page.goto(start + f"site/{language.prefix}map/index.html")
        frame = page.frame_locator(".map-frame iframe")
        frame.locator(".folium-map[data-ready=true]").wait_for()
        assert int(frame.locator(".folium-map").get_attribute("data-projects-total")) > 0
        assert frame.locator(".leaflet-marker-icon").count() > 0
    page.screenshot(path=artifacts_dir / f"kiosk-map-{origin}.png")
    assert page.blocked == []
    context.close()


def test_idle_returns_to_the_chooser_and_external_links_show_a_qr_code(browser, kiosk):
    context, page = offline_page(browser, "file://")
    page.goto(kiosk.as_uri() + "/index.html?idle=2")
    page.click('a.choice[lang="en"]')
    page.wait_for_load_state()
    page.goto(kiosk.as_uri() + "/site/en/about/index.html")
    link = page.locator("a[data-kiosk-qr]").first
    link.click()
    dialog = page.locator("dialog.kiosk-qr")
    assert dialog.is_visible() and dialog.locator("img").evaluate("img => img.complete && img.naturalWidth > 0")
    assert "about" in page.url  # the link did not navigate away
    page.wait_for_url("**/kiosk/index.html", timeout=8_000)
    assert page.locator("a.choice").count() == len(languages())
    assert page.blocked == []
    context.close()
