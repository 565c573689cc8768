"""The catalogue in Chromium: filters, a shareable filtered URL, and data that cannot run as code."""

import pytest
from playwright.sync_api import expect

from scripts.catalogue.paging import PAGE_SIZE
from scripts.catalogue.validate import load_catalogue
from tests.conftest import EVIL_NAME, ExternalRequests


def test_filter_by_sector_updates_the_list_and_the_url(page_offline, site_url):
    page = page_offline
    page.goto(site_url + "en/catalogue/")
    items = page.locator(".catalogue-item")
    total = items.count()
    assert total >= 8 and page.locator(".catalogue-filters").is_visible()
    page.select_option('select[name="sector"]', "high-tech")
    expect(page.locator(".catalogue-count")).to_contain_text("shown")  # once every project has loaded
    visible = page.locator(".catalogue-item:visible")
    assert 0 < visible.count() < total
    assert all(item.get_attribute("data-sector") == "high-tech" for item in visible.all())
    assert page.url.endswith("/en/catalogue/?sector=high-tech")
    assert page.locator(".catalogue-count").inner_text() == f"{visible.count()} of {total} projects shown"
    page.fill('input[name="text"]', "vsip")
    assert 0 < page.locator(".catalogue-item:visible").count() < visible.count() + 1
    assert "text=vsip" in page.url
    assert page.external.blocked == []


def test_a_shared_url_opens_the_same_filtered_view(page_offline, site_url):
    page = page_offline
    sector = next(p.sector for p in load_catalogue().projects if p.status == "licensed")
    page.goto(site_url + f"catalogue/?status=licensed&sector={sector}&sort=investment")
    expect(page.locator(".catalogue-count")).to_contain_text("hiển thị")
    assert page.locator('select[name="sector"]').input_value() == sector
    visible = page.locator(".catalogue-item:visible")
    assert visible.count() >= 1
    assert all(item.get_attribute("data-sector") == sector for item in visible.all())


def test_a_shared_text_filter_filters_the_list_without_opening_the_site_search(page_offline, site_url):
    page = page_offline
    page.goto(site_url + "en/catalogue/?text=vsip")
    expect(page.locator(".catalogue-count")).to_contain_text("shown")
    assert page.locator('input[name="text"]').input_value() == "vsip"
    names = page.locator(".catalogue-item:visible h3").all_inner_texts()
    assert names and all("vsip" in name.lower() for name in names)
    assert not page.locator('[data-md-toggle="search"]').is_checked()


def test_unaccented_search_finds_vietnamese_text(page_offline, site_url):
    page = page_offline
    page.goto(site_url + "catalogue/")
    page.fill('input[name="text"]', "hoang mai")
    expect(page.locator(".catalogue-count")).to_contain_text("hiển thị")
    names = [t.lower() for t in page.locator(".catalogue-item:visible h3").all_inner_texts()]
    # Every project named after Hoàng Mai is found (others may match in their summary: "khoang" holds "hoang").
    expected = [p.names["vi"].lower() for p in load_catalogue().projects if "hoàng mai" in p.names["vi"].lower()]
    assert expected and set(expected) <= set(names)


def test_list_works_without_javascript(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "lo/catalogue/")
    assert page.locator(".catalogue-filters").is_hidden()
    assert page.locator(".catalogue-item").count() >= 8
    page.locator(".catalogue-item a").first.click()
    assert "/lo/projects/" in page.url and page.locator("h1").is_visible()
    context.close()


@pytest.mark.parametrize("path", ["en/catalogue/", "en/projects/evil/", "lo/projects/evil/", "catalogue/?text=onerror"])
def test_injected_markup_shows_as_text_and_runs_nowhere(browser, evil_site, path):
    context = browser.new_context()
    page = context.new_page()
    context.route("**/*", ExternalRequests(evil_site).route)
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(evil_site + path, wait_until="networkidle")
    if "?text=" in path:  # the matches come from the listing script: wait until they are shown
        expect(page.locator(".catalogue-pages")).to_be_hidden()
    assert page.evaluate("window.pwned") is None
    assert dialogs == []
    assert page.get_by_text(EVIL_NAME).first.is_visible()
    assert page.locator("b", has_text="x").count() == 0
    context.close()


def _names(page) -> list[str]:
    return page.locator(".catalogue-item h3").all_inner_texts()


def test_a_long_catalogue_is_paged_and_works_without_javascript(browser, evil_site):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(evil_site + "en/catalogue/")
    total = int(page.locator("[data-catalogue]").get_attribute("data-total"))
    assert total > 2 * PAGE_SIZE and page.locator(".catalogue-item").count() == PAGE_SIZE
    assert page.locator(".catalogue-count").inner_text() == f"Projects 1–{PAGE_SIZE} of {total}"
    first_page = _names(page)
    page.locator('.catalogue-pages a[rel="next"]').click()
    assert page.url.endswith("/en/catalogue/page/2/")
    assert page.locator(".catalogue-count").inner_text() == f"Projects {PAGE_SIZE + 1}–{2 * PAGE_SIZE} of {total}"
    assert not set(_names(page)) & set(first_page)
    page.locator(".catalogue-pages a", has_text="3").click()
    assert len(_names(page)) == total - 2 * PAGE_SIZE and page.locator('.catalogue-pages a[rel="next"]').count() == 0
    page.locator(".catalogue-item a").first.click()
    assert "/en/projects/" in page.url and page.locator("h1").is_visible()
    context.close()


def test_filters_on_any_page_search_the_whole_catalogue(browser, evil_site):
    context = browser.new_context()
    page = context.new_page()
    context.route("**/*", ExternalRequests(evil_site).route)
    listing_requests = []
    page.on("request", lambda request: "listing-" in request.url and listing_requests.append(request.url))
    page.goto(evil_site + "en/catalogue/page/3/", wait_until="networkidle")
    last_name = _names(page)[-1]
    page.goto(evil_site + "en/catalogue/page/2/", wait_until="networkidle")
    assert listing_requests == []  # the whole list is loaded only when the reader filters
    page.fill('input[name="text"]', last_name)
    expect(page.locator(".catalogue-count")).to_contain_text("shown")
    assert last_name in _names(page) and page.locator(".catalogue-pages").is_hidden()
    assert len(listing_requests) == 1
    page.locator(".catalogue-item a", has_text=last_name).first.click()
    page.wait_for_url("**/en/projects/**")
    assert page.locator("h1").inner_text().strip() == last_name
    context.close()


def test_show_more_reveals_the_rest_of_a_sorted_catalogue(browser, evil_site):
    context = browser.new_context()
    page = context.new_page()
    context.route("**/*", ExternalRequests(evil_site).route)
    page.goto(evil_site + "en/catalogue/?sort=investment", wait_until="networkidle")
    expect(page.locator(".catalogue-count")).to_contain_text("shown")
    total = int(page.locator("[data-catalogue]").get_attribute("data-total"))
    assert page.locator(".catalogue-item").count() == PAGE_SIZE
    assert page.locator(".catalogue-count").inner_text() == f"{total} of {total} projects shown"
    amounts = [float(v or -1) for v in page.locator(".catalogue-item").evaluate_all(
        "items => items.map(item => item.dataset.investment)")]
    assert amounts == sorted(amounts, reverse=True)
    more = page.locator(".catalogue-more")
    while more.is_visible():
        more.click()
    assert page.locator(".catalogue-item").count() == total
    page.locator(".catalogue-filters button[type=reset]").click()
    page.wait_for_function(f"document.querySelectorAll('.catalogue-item').length === {PAGE_SIZE}")
    assert page.locator(".catalogue-pages").is_visible() and more.is_hidden()
    context.close()
