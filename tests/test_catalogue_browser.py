"""The catalogue in Chromium: filters, a shareable filtered URL, and data that cannot run as code."""

import pytest

from tests.conftest import EVIL_NAME, ExternalRequests


def test_filter_by_sector_updates_the_list_and_the_url(page_offline, site_url):
    page = page_offline
    page.goto(site_url + "en/catalogue/")
    items = page.locator(".catalogue-item")
    total = items.count()
    assert total >= 8 and page.locator(".catalogue-filters").is_visible()
    page.select_option('select[name="sector"]', "high-tech")
    visible = page.locator(".catalogue-item:visible")
    assert 0 < visible.count() < total
    assert all(item.get_attribute("data-sector") == "high-tech" for item in visible.all())
    assert page.url.endswith("/en/catalogue/?sector=high-tech")
    assert page.locator(".catalogue-count").inner_text() == f"{visible.count()} of {total} projects shown"
    page.fill('input[name="q"]', "vsip")
    assert 0 < page.locator(".catalogue-item:visible").count() < visible.count() + 1
    assert "q=vsip" in page.url
    assert page.external.blocked == []


def test_a_shared_url_opens_the_same_filtered_view(page_offline, site_url):
    page = page_offline
    page.goto(site_url + "catalogue/?status=licensed&sector=renewable-energy&sort=investment")
    assert page.locator('select[name="sector"]').input_value() == "renewable-energy"
    visible = page.locator(".catalogue-item:visible")
    assert visible.count() >= 1
    assert all(item.get_attribute("data-sector") == "renewable-energy" for item in visible.all())


def test_unaccented_search_finds_vietnamese_text(page_offline, site_url):
    page = page_offline
    page.goto(site_url + "catalogue/")
    page.fill('input[name="q"]', "hoang mai")
    names = [t.lower() for t in page.locator(".catalogue-item:visible h3").all_inner_texts()]
    assert names and all("hoàng mai" in name or "hoang mai" in name for name in names)


def test_list_works_without_javascript(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "lo/catalogue/")
    assert page.locator(".catalogue-filters").is_hidden()
    assert page.locator(".catalogue-item").count() >= 8
    page.locator(".catalogue-item a").first.click()
    assert "/lo/projects/" in page.url and page.locator("h1").is_visible()
    context.close()


@pytest.mark.parametrize("path", ["en/catalogue/", "en/projects/evil/", "lo/projects/evil/", "catalogue/?q=evil"])
def test_injected_markup_shows_as_text_and_runs_nowhere(browser, evil_site, path):
    context = browser.new_context()
    page = context.new_page()
    context.route("**/*", ExternalRequests(evil_site).route)
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(evil_site + path, wait_until="networkidle")
    assert page.evaluate("window.pwned") is None
    assert dialogs == []
    assert page.get_by_text(EVIL_NAME).first.is_visible()
    assert page.locator("b", has_text="x").count() == 0
    context.close()
