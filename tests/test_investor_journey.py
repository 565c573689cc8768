"""The investor's journey, walked in Chromium at phone and laptop size in every language: home → a
featured opportunity → whom to contact → the project on the map → the opportunities list, filtered,
and back to the map with the same filter. Expectations come from the data, not from today's content."""

from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from playwright.sync_api import expect

from scripts import languages
from scripts.catalogue.validate import load_catalogue
from scripts.catalogue.vocabularies import load_vocabularies

LANGUAGES = languages.languages()
FALLBACK = LANGUAGES[0].locale
SIZES = {"phone": {"width": 390, "height": 844}, "laptop": {"width": 1366, "height": 900}}


@pytest.fixture(scope="module")
def projects():
    return {project.id: project for project in load_catalogue().projects}


@pytest.mark.parametrize("size", SIZES, ids=str)
@pytest.mark.parametrize("language", LANGUAGES, ids=lambda language: language.locale)
def test_home_to_an_opportunity_its_contact_and_its_map(browser, site_url, language, size, projects):
    context = browser.new_context(viewport=SIZES[size], has_touch=size == "phone")
    page = context.new_page()
    page.goto(f"{site_url}{language.prefix}", wait_until="networkidle")

    card = page.locator(".home-card").first
    expect(card).to_be_visible()
    project_id = card.locator("a").get_attribute("href").rstrip("/").rsplit("/", 1)[-1]
    project = projects[project_id]
    assert project.is_opportunity or not any(p.is_opportunity for p in projects.values())
    card.locator("a").click()
    page.wait_for_url(f"**/projects/{project_id}/")

    contact = page.locator("section.project-contact")
    agency = load_vocabularies().agency(project.contact_agency)
    expect(contact).to_contain_text(agency.name(language.locale))
    name, _ = project.name(language.locale, FALLBACK)
    if agency.email:
        href = contact.locator("a.contact-mailto").get_attribute("href")
        assert href.startswith(f"mailto:{agency.email}?")
        query = parse_qs(urlsplit(href).query)
        assert name in unquote(query["subject"][0]) and project_id in unquote(query["body"][0])
    else:  # never an invented address: the block says none is published, and links the website if any
        expect(contact.locator("a.contact-mailto")).to_have_count(0)
        if agency.website:
            expect(contact.locator("a.contact-website")).to_have_attribute("href", agency.website)

    contact.locator("a.contact-map").click()
    page.wait_for_url(f"**/map/?project={project_id}")
    frame = page.frame_locator(".map-frame iframe")
    popup = frame.locator(".leaflet-popup")
    expect(popup).to_be_visible()
    expect(popup).to_contain_text(name)
    context.close()


@pytest.mark.parametrize("size", SIZES, ids=str)
@pytest.mark.parametrize("language", LANGUAGES, ids=lambda language: language.locale)
def test_the_opportunities_list_goes_to_the_map_and_back_with_its_filter(browser, site_url, language, size,
                                                                        projects):
    calling = {p.id for p in projects.values() if p.status == "calling"}
    if not calling:
        pytest.skip("no project in the catalogue is calling for investment")
    context = browser.new_context(viewport=SIZES[size], has_touch=size == "phone")
    page = context.new_page()
    page.goto(f"{site_url}{language.prefix}", wait_until="networkidle")
    page.locator(".home-cta--primary").click()
    page.wait_for_url("**/catalogue/?status=calling")
    listed = page.locator(".catalogue-item:visible")
    expect(listed).to_have_count(len(calling))
    assert {item.get_attribute("data-status") for item in listed.all()} == {"calling"}

    page.locator("[data-map-link]").click()
    page.wait_for_url("**/map/?*status=calling*")
    frame = page.frame_locator(".map-frame iframe")
    frame.locator(".folium-map[data-ready=true]").wait_for()
    page.locator("[data-map-list]").click()
    page.wait_for_url("**/catalogue/?*status=calling*")
    expect(page.locator(".catalogue-item:visible")).to_have_count(len(calling))
    context.close()
