"""The investment map in Chromium, with every request to another host blocked and counted."""

import json

import pytest

from scripts import languages
from scripts.catalogue.validate import load_catalogue
from tests.conftest import EVIL_NAME, ExternalRequests, serve_directory

LANGUAGES = languages.languages()


def open_map(page, url):
    page.goto(url, wait_until="networkidle")
    page.wait_for_selector(".folium-map[data-ready=true]")
    return page.locator(".folium-map")


def map_data(page):
    return page.evaluate("window.NGHEAN_MAP_DATA")


@pytest.mark.parametrize("language", LANGUAGES, ids=lambda language: language.locale)
def test_map_page_shows_every_project_in_its_language(page_offline, site_url, language, artifacts_dir):
    page = page_offline
    page.set_viewport_size({"width": 1200, "height": 900})
    page.goto(f"{site_url}{language.prefix}map/", wait_until="networkidle")
    frame = page.frame_locator(".map-frame iframe")
    frame.locator(".folium-map[data-ready=true]").wait_for()
    projects = load_catalogue().projects
    container = frame.locator(".folium-map")
    assert container.get_attribute("data-projects-total") == str(len(projects))
    assert container.get_attribute("data-projects-shown") == str(len(projects))
    inner = page.frames[1]
    clustered = inner.evaluate(
        "() => { let n = 0; const map = Object.values(window).find(v => v instanceof L.Map);"
        " map.eachLayer(l => { if (l instanceof L.MarkerClusterGroup) n += l.getLayers().length; }); return n; }")
    assert clustered == len(projects)
    data = inner.evaluate("window.NGHEAN_MAP_DATA")
    assert data["locale"] == language.locale
    assert inner.locator("html").get_attribute("lang") == language.locale
    legend = inner.locator(".map-legend summary").inner_text()
    assert legend == data["labels"]["legend"]
    page.screenshot(path=artifacts_dir / f"map-{language.locale}.png")
    assert page.external.blocked == []


def test_popup_text_matches_the_data(page_offline, site_url):
    page = page_offline
    open_map(page, site_url + "embed/map-en.html")
    row = map_data(page)["projects"][0]
    page.evaluate(f"window.NgheAnMap.openProject({json.dumps(row[8])})")
    popup = page.locator(".leaflet-popup-content .map-popup")
    popup.wait_for()
    assert popup.locator(".map-popup-title").inner_text() == row[4]
    link = popup.locator("a.map-popup-link")
    assert link.get_attribute("href") == f"../en/projects/{row[8]}/"
    link.click()
    page.wait_for_load_state()
    assert page.url == f"{site_url}en/projects/{row[8]}/"


def test_layers_switch_on_and_off(page_offline, site_url):
    page = page_offline
    open_map(page, site_url + "embed/map-vi.html")
    culture = page.locator(".map-layer-culture")
    before = culture.count()
    assert before > 0
    label = map_data(page)["layers"]["culture"]
    page.locator(".leaflet-control-layers-overlays label", has_text=label).locator("input").uncheck()
    assert culture.count() == 0
    page.locator(".leaflet-control-layers-overlays label", has_text=label).locator("input").check()
    assert culture.count() == before
    assert page.external.blocked == []


def test_sector_filter_and_its_url(page_offline, site_url):
    page = page_offline
    container = open_map(page, site_url + "embed/map-lo.html")
    data = map_data(page)
    sectors = [s[0] for s in data["sectors"]]
    high_tech = sum(1 for row in data["projects"] if sectors[row[2]] == "high-tech")
    page.select_option('.map-filter select[name="sector"]', "high-tech")
    assert container.get_attribute("data-projects-shown") == str(high_tech)
    assert page.url.endswith("map-lo.html?sector=high-tech")
    page.goto(site_url + "embed/map-lo.html?sector=renewable-energy&status=licensed")
    page.wait_for_selector(".folium-map[data-ready=true]")
    expected = sum(1 for row in data["projects"] if sectors[row[2]] == "renewable-energy" and row[3] == 2)
    assert page.locator(".folium-map").get_attribute("data-projects-shown") == str(expected)


def test_embed_works_inside_another_sites_iframe(browser, site_url, tmp_path):
    host = tmp_path / "partner"
    host.mkdir()
    (host / "index.html").write_text(
        '<!doctype html><html lang="en"><title>Partner</title><h1>Partner site</h1>'
        f'<iframe src="{site_url}embed/map-en.html?sector=high-tech" title="map" '
        'style="width:900px;height:600px"></iframe></html>', encoding="utf-8")
    server = serve_directory(host)
    partner = f"http://127.0.0.1:{server.server_address[1]}/"
    context = browser.new_context()
    allowed = ExternalRequests(partner)
    blocked = []

    def route(route):
        url = route.request.url
        if url.startswith(site_url.rstrip("/")):
            route.continue_()
        else:
            allowed.route(route)
    context.route("**/*", route)
    page = context.new_page()
    page.goto(partner, wait_until="networkidle")
    frame = page.frame_locator("iframe")
    frame.locator(".folium-map[data-ready=true]").wait_for()
    assert frame.locator('select[name="sector"]').input_value() == "high-tech"
    assert int(frame.locator(".folium-map").get_attribute("data-projects-shown")) > 0
    blocked += allowed.blocked
    assert blocked == []
    context.close()
    server.shutdown()


def test_injected_text_in_map_popups_stays_text(browser, evil_site):
    context = browser.new_context()
    context.route("**/*", ExternalRequests(evil_site).route)
    page = context.new_page()
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    open_map(page, evil_site + "embed/map-en.html?project=evil")
    popup = page.locator(".leaflet-popup-content .map-popup-title")
    popup.wait_for()
    assert popup.inner_text() == EVIL_NAME
    page.locator(".leaflet-popup-content").hover()
    assert page.evaluate("window.pwned") is None and dialogs == []
    assert page.locator(".leaflet-popup-content img").count() == 0
    context.close()
