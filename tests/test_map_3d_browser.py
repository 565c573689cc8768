"""The 3D investment map in Chromium (WebGL 2 on SwiftShader, the CPU renderer), with every request
to another host blocked and counted; and without WebGL 2, where the flat Leaflet map stands in."""

from pathlib import Path

import pytest

from scripts import languages
from scripts.catalogue.validate import load_catalogue
from scripts.locales import gettext_for
from tests.conftest import CHROMIUM, CHROMIUM_ARGS, EVIL_NAME, ExternalRequests
from tests.test_checkers import run_axe

LANGUAGES = languages.languages()
READY = "[data-map-3d][data-state=ready]"
# Chromium has dropped its automatic software fallback for WebGL: this flag asks for SwiftShader
# explicitly, so the test does not depend on the machine's GPU or on the default changing.
WEBGL_ARGS = [*CHROMIUM_ARGS, "--enable-unsafe-swiftshader"]
NO_WEBGL2 = """(() => { const original = HTMLCanvasElement.prototype.getContext;
  HTMLCanvasElement.prototype.getContext = function (kind, ...rest) {
    return kind === "webgl2" ? null : original.call(this, kind, ...rest); }; })()"""


@pytest.fixture(scope="module")
def webgl_browser(browser):
    """A second Chromium from the session's Playwright (one Playwright per process)."""
    chromium = browser.browser_type.launch(executable_path=CHROMIUM, args=WEBGL_ARGS)
    yield chromium
    chromium.close()


def offline_page(browser, origin: str, init_script: str = "", **options):
    context = browser.new_context(**options)
    if init_script:
        context.add_init_script(init_script)
    external = ExternalRequests(origin)
    context.route("**/*", external.route)
    page = context.new_page()
    page.external, page.requested = external, []
    page.on("request", lambda request: page.requested.append(request.url))
    return page


def open_3d_map(page, url: str) -> None:
    """Load the page, check nothing 3D is fetched before the reader asks, then ask and wait for the map."""
    page.goto(url, wait_until="networkidle")
    assert not [u for u in page.requested if "maplibre" in u or "columns-" in u], "loaded before it was asked for"
    page.locator("[data-map-3d-start]").click()
    page.locator(READY).wait_for()


def rendered_ids(page) -> list[str]:
    """The project of every column feature MapLibre placed on screen (its own query of the drawn layer)."""
    return page.evaluate("[...new Set(document.querySelector('[data-map-3d]').map3d"
                         ".queryRenderedFeatures({layers: ['columns']}).map(f => f.properties.id))].sort()")


def click_column(page, project_id: str) -> None:
    """Select the column of a project at its foot (the centre of its square, projected to the screen)."""
    x, y = page.evaluate("""(id) => { const map = document.querySelector('[data-map-3d]').map3d;
        const feature = map.querySourceFeatures('columns').find(f => f.properties.id === id);
        const ring = feature.geometry.coordinates[0];
        const point = map.project([(ring[0][0] + ring[2][0]) / 2, (ring[0][1] + ring[2][1]) / 2]);
        const box = map.getCanvas().getBoundingClientRect();
        return [box.left + point.x, box.top + point.y]; }""", project_id)
    page.mouse.click(x, y)


@pytest.mark.parametrize("language", LANGUAGES, ids=lambda language: language.locale)
def test_one_column_per_project_with_a_published_investment(webgl_browser, site_url, language, artifacts_dir,
                                                             node_modules):
    page = offline_page(webgl_browser, site_url, viewport={"width": 1366, "height": 900})
    open_3d_map(page, f"{site_url}{language.prefix}map/3d/")
    expected = sorted(p.id for p in load_catalogue().projects
                      if p.investment_vnd_bn is not None or p.investment_usd_m is not None)
    assert expected and rendered_ids(page) == expected
    assert page.locator(".maplibregl-canvas").get_attribute("aria-label") == gettext_for(language.locale)(
        "3D investment map")
    assert page.locator("html").get_attribute("lang") == language.locale
    assert page.locator("[data-map-3d-message]:visible").count() == 0
    assert run_axe(page, node_modules) == []  # the drawn map: MapLibre's controls with their translated names
    page.locator(".map-3d").scroll_into_view_if_needed()
    page.screenshot(path=artifacts_dir / f"map-3d-{language.locale}-1366.png")
    assert page.external.blocked == []
    page.context.close()


def test_a_column_opens_its_projects_popup_with_source_and_link(webgl_browser, site_url, artifacts_dir):
    page = offline_page(webgl_browser, site_url, viewport={"width": 390, "height": 844}, is_mobile=True,
                        has_touch=True)
    open_3d_map(page, f"{site_url}en/map/3d/")
    project = max((p for p in load_catalogue().projects if p.investment_vnd_bn is not None),
                  key=lambda p: p.investment_vnd_bn)
    page.locator(".map-3d").scroll_into_view_if_needed()
    click_column(page, project.id)
    popup = page.locator(".maplibregl-popup .map-3d-popup", has_text=project.names["en"])
    popup.wait_for()
    link = popup.locator(".map-3d-popup__title a")
    assert link.inner_text() == project.names["en"]
    assert link.evaluate("a => a.href") == f"{site_url}en/projects/{project.id}/"
    assert popup.locator(f'a[href="{project.source}"]').count() == 1
    page.screenshot(path=artifacts_dir / "map-3d-en-390-popup.png")
    assert page.external.blocked == []
    page.context.close()


@pytest.mark.parametrize("language", LANGUAGES, ids=lambda language: language.locale)
def test_without_webgl2_the_flat_map_is_shown_and_says_why(browser, site_url, language):
    page = offline_page(browser, site_url, init_script=NO_WEBGL2, viewport={"width": 390, "height": 844})
    page.goto(f"{site_url}{language.prefix}map/3d/", wait_until="networkidle")
    page.locator("[data-map-3d][data-state=no-webgl]").wait_for()
    page.frame_locator(".map-3d iframe").locator(".folium-map[data-ready=true]").wait_for()
    message = page.locator('[data-map-3d-message="no-webgl"]')
    assert message.is_visible() and "WebGL 2" in message.inner_text()
    assert page.locator("[data-map-3d-message]:visible").count() == 1
    assert page.locator("[data-map-3d-start]").count() == 0, "no button to a map that cannot be drawn"
    assert not [url for url in page.requested if "maplibre" in url or "columns-" in url], "nothing 3D is fetched"
    assert page.external.blocked == []
    page.context.close()


def test_other_pages_do_not_load_the_3d_map(browser, site_url):
    page = offline_page(browser, site_url)
    for path in ["", "en/map/", "en/catalogue/"]:
        page.goto(site_url + path, wait_until="networkidle")
    assert page.requested and not [url for url in page.requested if "maplibre" in url or "map-3d" in url]
    page.context.close()


def test_injected_text_in_3d_popups_stays_text(webgl_browser, evil_site):
    page = offline_page(webgl_browser, evil_site, viewport={"width": 1366, "height": 900})
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    open_3d_map(page, evil_site + "en/map/3d/")
    assert "evil" in rendered_ids(page)
    click_column(page, "evil")
    page.locator(".maplibregl-popup").wait_for()
    titles = page.locator(".maplibregl-popup .map-3d-popup__title").all_inner_texts()
    assert EVIL_NAME in titles, titles  # with the row it was copied from, at the same place
    assert page.evaluate("window.pwned") is None and dialogs == []
    assert page.locator(".maplibregl-popup img").count() == 0
    page.context.close()


def test_vendored_maplibre_is_complete(built_site: Path):
    folder = built_site / "assets" / "vendor" / "maplibre-gl"
    assert {p.name for p in folder.iterdir()} == {"maplibre-gl.mjs", "maplibre-gl-worker.mjs", "maplibre-gl.css",
                                                    "LICENSE.txt", "NOTICE.txt"}
    assert "BSD-3-Clause" in (folder / "NOTICE.txt").read_text()
