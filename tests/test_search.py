"""Search per language: Lao words inside unspaced phrases, Vietnamese without accents, Lao-only results."""

import json
from pathlib import Path

import pytest

from scripts.languages import languages
from scripts.folding import fold_marks
from scripts.search_index import protected_lao_names, segment_lao, split_index, with_folded_copy


def test_lao_is_cut_into_words_and_names_stay_whole():
    assert segment_lao("ນິຄົມອຸດສາຫະກຳ") == "ນິຄົມ\u200bອຸດສາຫະກຳ"
    assert "ເງະອານ" in protected_lao_names()
    assert segment_lao("ແຂວງເງະອານແມ່ນແຂວງ").split("\u200b") == ["ແຂວງ", "ເງະອານ", "ແມ່ນ", "ແຂວງ"]
    assert segment_lao('<a href="x">ນິຄົມອຸດສາຫະກຳ</a> VSIP') == '<a href="x">ນິຄົມ\u200bອຸດສາຫະກຳ</a> VSIP'


def test_vietnamese_gets_a_hidden_unaccented_copy():
    assert fold_marks("Đầu tư vào Nghệ An") == "Dau tu vao Nghe An"
    assert with_folded_copy("<p>đầu tư</p>") == '<p>đầu tư</p> <span class="search-folded" hidden> dau tu </span>'
    assert with_folded_copy("VSIP") == "VSIP"


def test_index_is_split_by_language_with_relative_locations():
    combined = {"config": {"lang": ["vi", "en"], "separator": "x", "pipeline": []},
                "docs": [{"location": "", "title": "Trang chủ", "text": "a"},
                         {"location": "en/about/", "title": "About", "text": "b"},
                         {"location": "lo/about/#x", "title": "ກ່ຽວກັບ", "text": "ນິຄົມອຸດສາຫະກຳ"}]}
    split = split_index(combined, languages())
    assert [d["location"] for d in split["en"]["docs"]] == ["about/"]
    assert split["lo"]["docs"][0]["location"] == "about/#x" and "\u200b" in split["lo"]["docs"][0]["text"]
    assert split["vi"]["config"]["lang"] == ["vi", "en"] and split["lo"]["config"]["lang"] == ["en"]



def test_a_page_shown_in_the_default_language_is_indexed_once():
    """A page without a translation is served in Vietnamese under /en/ too: its English copy is
    the same entry and is dropped; a translated page keeps its entry in every language."""
    combined = {"config": {"lang": ["vi", "en"], "separator": "x", "pipeline": []},
                "docs": [{"location": "news/", "title": "Tin tức", "text": "mới"},
                         {"location": "sectors/", "title": "Ngành", "text": "a"},
                         {"location": "en/news/", "title": "Tin tức", "text": "mới"},
                         {"location": "en/sectors/", "title": "Sectors", "text": "b"}]}
    split = split_index(combined, languages())
    assert [d["location"] for d in split["vi"]["docs"]] == ["news/", "sectors/"]
    assert [d["location"] for d in split["en"]["docs"]] == ["sectors/"]

def test_each_language_has_its_own_index(built_site: Path):
    for language in languages():
        index = json.loads((built_site / language.prefix / "search" / "search_index.json").read_text("utf-8"))
        assert index["docs"] and not any(d["location"].startswith(("en/", "lo/")) for d in index["docs"])


def search(page, site_url: str, path: str, query: str) -> list[str]:
    page.goto(site_url + path, wait_until="networkidle")
    field = page.locator(".md-search__input")
    if not field.is_visible():
        page.locator('label[for="__search"]').first.click()
    field.focus()
    page.keyboard.type(query)
    page.keyboard.press("End")  # a key event, as a real keyboard sends after each character
    page.wait_for_function("document.querySelector('.md-search-result__meta').textContent.match(/\\d/)",
                           timeout=10_000)
    return [link.get_attribute("href").split("?")[0] for link in page.locator(".md-search-result__link").all()]


def test_lao_word_inside_an_unspaced_phrase_is_found(page_offline, site_url):
    # "ອຸດສາຫະກຳ" (industry) only occurs inside phrases such as "ນິຄົມອຸດສາຫະກຳ", never on its own.
    results = search(page_offline, site_url, "lo/", "ອຸດສາຫະກຳ")
    assert any("/lo/parks/" in href or "/lo/sectors/" in href for href in results), results
    assert all("/lo/" in href for href in results), "results on /lo/ must be Lao pages"
    assert page_offline.external.blocked == []


INVESTMENT_PAGES = {"catalogue/", "incentives/", "sectors/", "news/tags/investment/"}


def test_vietnamese_with_or_without_accents_finds_the_investment_pages(browser, site_url):
    found = {}
    for query in ("dau tu", "đầu tư"):
        context = browser.new_context()
        results = search(context.new_page(), site_url, "", query)
        context.close()
        assert not any("/en/" in href or "/lo/" in href for href in results)
        found[query] = {href.replace(site_url, "") for href in results} & INVESTMENT_PAGES
    assert found["dau tu"] and found["đầu tư"], found
    assert found["dau tu"] & found["đầu tư"], found


def test_accented_query_ranks_exact_matches_first(page_offline, site_url):
    page = page_offline
    search(page, site_url, "", "đầu tư")
    first = page.locator(".md-search-result__item").first.inner_text().lower()
    assert "đầu tư" in first


def test_the_index_is_downloaded_only_when_the_reader_goes_to_search(page_offline, site_url):
    page = page_offline
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(site_url + "en/", wait_until="networkidle")
    page.wait_for_timeout(500)
    assert not [url for url in requested if "search_index" in url or url.endswith("sitemap.xml")]
    results = search(page, site_url, "en/", "industrial park")
    assert [url for url in requested if url.endswith("/en/search/search_index.json")]
    assert results and all("/en/" in href for href in results)
