"""The investment map on a phone and in a 520-px embed: controls measured against the map, popups
above every panel, the map page's address that keeps the map's state, and Leaflet's titles translated."""

import pytest
from playwright.sync_api import expect

from scripts import languages
from scripts.catalogue.validate import load_catalogue
from scripts.locales import gettext_for
from tests.conftest import serve_directory

LANGUAGES = languages.languages()
PHONE = {"width": 390, "height": 844}
LAPTOP = {"width": 1366, "height": 900}
CONTROL_SHARE = 0.25  # no control may cover more than this share of the map


def open_map_page(browser, url, viewport):
    context = browser.new_context(viewport=viewport, has_touch=viewport == PHONE)
    page = context.new_page()
    page.goto(url, wait_until="networkidle")
    frame = page.frame_locator(".map-frame iframe")
    frame.locator(".folium-map[data-ready=true]").wait_for()
    return context, page, frame


def covered_share(frame) -> dict[str, float]:
    """Each control's visible area inside the map, as a share of the map's area."""
    return frame.locator(".folium-map").evaluate("""map => {
        const box = map.getBoundingClientRect();
        const shares = {};
        map.querySelectorAll('.leaflet-control').forEach((control, index) => {
            const r = control.getBoundingClientRect();
            const width = Math.max(0, Math.min(r.right, box.right) - Math.max(r.left, box.left));
            const height = Math.max(0, Math.min(r.bottom, box.bottom) - Math.max(r.top, box.top));
            shares[index + ' ' + control.className] = width * height / (box.width * box.height);
        });
        return shares;
    }""")


def inside(inner: dict, outer: dict) -> bool:
    return (inner["x"] >= outer["x"] - 0.5 and inner["y"] >= outer["y"] - 0.5
            and inner["x"] + inner["width"] <= outer["x"] + outer["width"] + 0.5
            and inner["y"] + inner["height"] <= outer["y"] + outer["height"] + 0.5)


@pytest.mark.parametrize("language", LANGUAGES, ids=lambda language: language.locale)
def test_on_a_phone_no_control_covers_a_quarter_of_the_map(browser, site_url, language, artifacts_dir):
    context, page, frame = open_map_page(browser, f"{site_url}{language.prefix}map/", PHONE)
    shares = covered_share(frame)
    assert len(shares) >= 5  # zoom, filter, layers, legend, attribution (and scale)
    assert {name: share for name, share in shares.items() if share > CONTROL_SHARE} == {}
    assert frame.locator(".map-legend").evaluate("legend => legend.open") is False
    layers = frame.locator(".leaflet-control-layers")
    assert "leaflet-control-layers-expanded" not in layers.get_attribute("class")
    map_box = frame.locator(".folium-map").bounding_box()
    for button in (".leaflet-control-zoom-in", ".leaflet-control-zoom-out"):
        expect(frame.locator(button)).to_be_visible()
        assert inside(frame.locator(button).bounding_box(), map_box)
    page.screenshot(path=artifacts_dir / f"map-phone-{language.locale}.png")
    # Folded is not gone: the layer list opens from its button, with a finger.
    frame.locator(".leaflet-control-layers-toggle").tap()
    expect(frame.locator(".leaflet-control-layers-list")).to_be_visible()
    context.close()


def test_the_520_px_embed_keeps_the_status_filter_usable(browser, site_url, tmp_path):
    statuses = {p.status for p in load_catalogue().projects}
    status = min(statuses)
    host = tmp_path / "partner"
    host.mkdir()
    (host / "index.html").write_text(
        '<!doctype html><html lang="en"><title>Partner</title>'
        f'<iframe src="{site_url}embed/map-en.html" title="map" style="width:100%;height:520px;border:0"></iframe></html>',
        encoding="utf-8")
    server = serve_directory(host)
    for viewport in (PHONE, LAPTOP):
        context = browser.new_context(viewport=viewport)
        page = context.new_page()
        page.goto(f"http://127.0.0.1:{server.server_address[1]}/", wait_until="networkidle")
        frame = page.frame_locator("iframe")
        frame.locator(".folium-map[data-ready=true]").wait_for()
        select = frame.locator('.map-filter select[name="status"]')
        expect(select).to_be_visible()
        assert inside(select.bounding_box(), frame.locator(".folium-map").bounding_box())
        # Nothing lies on top of the status filter: the point at its centre belongs to it.
        assert select.evaluate("s => { const r = s.getBoundingClientRect();"
                               " return document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2) === s; }")
        assert {n: s for n, s in covered_share(frame).items() if s > CONTROL_SHARE} == {}
        select.select_option(status)
        shown = sum(p.status == status for p in load_catalogue().projects)
        assert frame.locator(".folium-map").get_attribute("data-projects-shown") == str(shown)
        context.close()
    server.shutdown()


@pytest.mark.parametrize("viewport", [PHONE, LAPTOP], ids=["phone", "laptop"])
def test_a_project_opened_from_the_address_shows_above_every_panel_and_opens_in_the_top_window(
        browser, site_url, viewport):
    project = load_catalogue().projects[0]
    context, page, frame = open_map_page(browser, f"{site_url}en/map/?project={project.id}", viewport)
    popup = frame.locator(".leaflet-popup")
    popup.wait_for()
    expect(popup).to_be_visible()
    # The page brings the map into view, so the popup is on the screen without scrolling.
    page.wait_for_function("() => document.querySelector('.map-frame iframe').getBoundingClientRect().bottom"
                           " <= window.innerHeight + 1")
    # Leaflet pans the opened popup clear of the edges in an animation: measure once it has settled.
    screen, content = {"x": 0, "y": 0, **viewport}, frame.locator(".leaflet-popup-content")
    for _ in range(50):
        if inside(content.bounding_box(), screen):
            break
        page.wait_for_timeout(100)
    assert inside(content.bounding_box(), screen)
    # Every corner of the popup's content is drawn on top: no control covers any part of it.
    assert frame.locator(".leaflet-popup-content").evaluate("""content => {
        const r = content.getBoundingClientRect();
        return [[r.left + 2, r.top + 2], [r.right - 2, r.top + 2], [r.left + 2, r.bottom - 2],
                [r.right - 2, r.bottom - 2], [r.left + r.width / 2, r.top + r.height / 2]]
            .every(([x, y]) => content.contains(document.elementFromPoint(x, y)));
    }""")
    assert page.url.endswith(f"/en/map/?project={project.id}")
    link = popup.locator("a.map-popup-link")
    assert link.get_attribute("target") == "_top"
    link.click()
    page.wait_for_url(f"**/en/projects/{project.id}/")
    assert len(page.frames) == 1 or page.main_frame.url.endswith(f"/en/projects/{project.id}/")
    context.close()


def test_the_map_page_keeps_the_readers_filters_in_its_address(browser, site_url):
    projects = load_catalogue().projects
    sector = projects[0].sector
    context, page, frame = open_map_page(browser, f"{site_url}lo/map/", PHONE)
    frame.locator('.map-filter select[name="sector"]').select_option(sector)
    page.wait_for_url(f"**/lo/map/?sector={sector}")
    assert page.locator("[data-map-list]").get_attribute("href") == f"../catalogue/?sector={sector}"
    frame.locator('.map-filter select[name="status"]').select_option(projects[0].status)
    page.wait_for_url(f"**/lo/map/?sector={sector}&status={projects[0].status}")
    page.reload(wait_until="networkidle")
    frame.locator(".folium-map[data-ready=true]").wait_for()
    assert frame.locator('.map-filter select[name="sector"]').input_value() == sector
    assert frame.locator('.map-filter select[name="status"]').input_value() == projects[0].status
    context.close()


@pytest.mark.parametrize("language", [lang for lang in LANGUAGES if lang.locale != "en"], ids=lambda lang: lang.locale)
def test_leaflets_control_titles_are_translated(browser, site_url, language):
    _ = gettext_for(language.locale)
    project = load_catalogue().projects[0]
    context, _page, frame = open_map_page(browser, f"{site_url}{language.prefix}map/?project={project.id}", PHONE)
    frame.locator(".leaflet-popup").wait_for()
    expected = {".leaflet-control-zoom-in": "Zoom in", ".leaflet-control-zoom-out": "Zoom out",
                ".leaflet-control-layers-toggle": "Map layers", ".leaflet-control-attribution a[lang=en]":
                "A JavaScript library for interactive maps", ".leaflet-popup-close-button": "Close popup"}
    for selector, english in expected.items():
        title = frame.locator(selector).first.get_attribute("title")
        assert title == _(english) and title != english, selector
    assert frame.locator(".leaflet-control-zoom-in").get_attribute("aria-label") == _("Zoom in")
    context.close()
