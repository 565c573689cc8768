"""The catalogue for an investor in Chromium: opportunities first, counts by status, the first
project on a phone's first screen, the Filter button, and the way to the map and back."""

import re

import pytest
from playwright.sync_api import expect

from scripts import languages
from scripts.catalogue.listing import ordered
from scripts.catalogue.paging import PAGE_SIZE
from scripts.catalogue.validate import load_catalogue
from scripts.catalogue.vocabularies import load_vocabularies
from scripts.locales import gettext_for
from tests.conftest import ExternalRequests

LANGUAGES = languages.languages()
PHONE = {"width": 390, "height": 844}
LAPTOP = {"width": 1366, "height": 900}


def item_ids(page) -> list[str]:
    return page.locator(".catalogue-item h3 a").evaluate_all(
        "links => links.map(link => link.getAttribute('href').match(/projects\\/([^/]+)\\//)[1])")


def test_the_default_order_and_the_counts_come_from_the_data(browser, evil_site, evil_project):
    catalogue = load_catalogue(evil_project / "data", evil_project)
    vocabularies = load_vocabularies(evil_project / "data")
    expected = [p.id for p in ordered(list(catalogue.projects), "en", vocabularies)]
    context = browser.new_context()
    context.route("**/*", ExternalRequests(evil_site).route)
    page = context.new_page()
    page.goto(evil_site + "en/catalogue/")
    assert item_ids(page) == expected[:PAGE_SIZE]
    page.goto(evil_site + "en/catalogue/page/2/")
    assert item_ids(page) == expected[PAGE_SIZE:2 * PAGE_SIZE]
    for key in vocabularies.statuses:
        number = sum(p.status == key for p in catalogue.projects)
        count = page.locator(f".catalogue-status-counts li.status-{key}")
        assert count.inner_text() == f"{vocabularies.label('statuses', key, 'en')}: {number}"
    # The script's filter keeps the same order: the second status's projects, as the pages list them.
    second = list(vocabularies.statuses)[1]
    page.locator(f'.catalogue-status-counts a[data-status="{second}"]').click()
    expect(page.locator(".catalogue-count")).to_contain_text("shown")
    wanted = [p for p in expected if next(q for q in catalogue.projects if q.id == p).status == second]
    assert item_ids(page) == wanted[:PAGE_SIZE]
    assert page.url.endswith(f"/en/catalogue/page/2/?status={second}")
    context.close()


@pytest.mark.parametrize("language", LANGUAGES, ids=lambda language: language.locale)
def test_on_a_phone_the_first_project_shows_on_the_first_screen(browser, site_url, language, artifacts_dir):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(f"{site_url}{language.prefix}catalogue/", wait_until="networkidle")
    first = page.locator(".catalogue-item").first.bounding_box()
    assert 0 <= first["y"] < PHONE["height"] - 40, f"the first project starts at {first['y']} px"
    assert page.locator(".catalogue-filters").is_hidden()
    summary = page.locator(".catalogue-filter-box summary")
    assert summary.inner_text().strip() == gettext_for(language.locale)("Filter")
    page.screenshot(path=artifacts_dir / f"catalogue-phone-{language.locale}.png")
    context.close()


def test_the_filter_button_opens_the_filters_and_shows_how_many_are_set(browser, site_url):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(site_url + "en/catalogue/")
    page.locator(".catalogue-filter-box summary").click()
    expect(page.locator(".catalogue-filters")).to_be_visible()
    status = load_catalogue().projects[0].status
    page.select_option('select[name="status"]', status)
    expect(page.locator("[data-filter-active]")).to_have_text("1")
    assert page.url.endswith(f"/en/catalogue/?status={status}")
    assert page.locator("[data-map-link]").get_attribute("href") == f"../map/?status={status}"
    context.close()


def test_on_a_laptop_the_filters_are_open_without_a_button(browser, site_url):
    context = browser.new_context(viewport=LAPTOP)
    page = context.new_page()
    page.goto(site_url + "lo/catalogue/")
    assert page.locator(".catalogue-filters").is_visible()
    assert page.locator(".catalogue-filter-box summary").is_hidden()
    assert page.locator(".catalogue-item").first.bounding_box()["y"] < LAPTOP["height"]
    context.close()


@pytest.mark.parametrize("viewport", [PHONE, LAPTOP], ids=["phone", "laptop"])
def test_a_filtered_list_opens_the_map_with_the_same_filters_and_comes_back(browser, site_url, viewport):
    project = load_catalogue().projects[0]
    projects = load_catalogue().projects
    shown = sum(p.sector == project.sector and p.status == project.status for p in projects)
    query = f"sector={project.sector}&status={project.status}"
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    page.goto(f"{site_url}en/catalogue/?{query}")
    expect(page.locator(".catalogue-count")).to_contain_text("shown")
    page.locator("[data-map-link]").click()
    page.wait_for_url(f"**/en/map/?{query}")
    frame = page.frame_locator(".map-frame iframe")
    frame.locator(".folium-map[data-ready=true]").wait_for()
    assert frame.locator('select[name="sector"]').input_value() == project.sector
    assert frame.locator('select[name="status"]').input_value() == project.status
    assert frame.locator(".folium-map").get_attribute("data-projects-shown") == str(shown)
    page.locator("[data-map-list]").click()
    page.wait_for_url(f"**/en/catalogue/?{query}")
    expect(page.locator(".catalogue-count")).to_contain_text("shown")
    assert page.locator('select[name="sector"]').input_value() == project.sector
    assert re.fullmatch(r"\d+ of \d+ projects shown", page.locator(".catalogue-count").inner_text())
    assert page.locator(".catalogue-item").count() == shown
    context.close()
