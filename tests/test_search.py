"""Search per language: Lao words inside unspaced phrases, Vietnamese without accents, Lao-only results."""

import json
import re
from pathlib import Path

import pytest
import yaml

from scripts.folding import fold_marks
from scripts.front_matter import HEADER
from scripts.languages import ROOT, languages
from scripts.search_index import (
    LAO_NOUN_PREFIXES,
    ZWSP,
    protected_lao_names,
    segment_lao,
    split_index,
    with_folded_copy,
)


def test_lao_is_cut_into_words_and_names_stay_whole():
    assert segment_lao("ນິຄົມອຸດສາຫະກຳ") == "ນິຄົມ\u200bອຸດສາຫະກຳ"
    assert "ເງະອານ" in protected_lao_names()
    assert segment_lao("ແຂວງເງະອານແມ່ນແຂວງ").split("\u200b") == ["ແຂວງ", "ເງະອານ", "ແມ່ນ", "ແຂວງ"]
    assert segment_lao('<a href="x">ນິຄົມອຸດສາຫະກຳ</a> VSIP') == '<a href="x">ນິຄົມ\u200bອຸດສາຫະກຳ</a> VSIP'


def test_vietnamese_gets_a_hidden_unaccented_copy():
    assert fold_marks("Đầu tư vào Nghệ An") == "Dau tu vao Nghe An"
    assert with_folded_copy("<p>đầu tư</p>") == '<p>đầu tư</p> <span class="search-folded" hidden>dau tu</span>'
    assert with_folded_copy("VSIP") == "VSIP"


def test_index_is_split_by_language_with_relative_locations():
    combined = {"config": {"lang": ["vi", "en"], "separator": "x", "pipeline": []},
                "docs": [{"location": "", "title": "Trang chủ", "text": "a"},
                         {"location": "en/about/", "title": "About", "text": "b"},
                         {"location": "lo/about/#x", "title": "ກ່ຽວກັບ", "text": "ນິຄົມອຸດສາຫະກຳ"}]}
    split = split_index(combined, languages())
    assert [d["location"] for d in split["en"]["docs"]] == ["about/"]
    assert split["lo"]["docs"][0]["location"] == "about/#x" and "\u200b" in split["lo"]["docs"][0]["text"]
    assert split["vi"]["config"]["lang"] == ["vi", "en"] and split["lo"]["config"]["lang"] == ["lo"]



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


def test_the_unaccented_copy_holds_only_the_words_folding_changes():
    """A copy of an unmarked word would count it twice and rank it above a word typed once."""
    assert with_folded_copy("Khung chính sách chung") == 'Khung chính sách chung <span class="search-folded" hidden>chinh sach</span>'


def test_lao_noun_prefixes_are_cut_off_so_the_stop_words_drop_them():
    for prefix in LAO_NOUN_PREFIXES:
        assert segment_lao(prefix + "ລົງທຶນ").split(ZWSP)[0] == prefix
    assert "ການ" in (ROOT / "docs/assets/javascripts/lunr/min/lunr.lo.min.js").read_text("utf-8")


def test_news_tags_are_indexed_as_their_labels():
    combined = {"config": {"lang": ["vi", "en"], "separator": "x", "pipeline": []},
                "docs": [{"location": "news/posts/x/", "title": "T", "text": "a", "tags": ["laos"]}]}
    labels = {"laos": {"vi": "Hợp tác với Lào", "en": "Cooperation with Laos"}}
    assert split_index(combined, languages(), labels)["vi"]["docs"][0]["tags"] == ["Hợp tác với Lào"]
    assert split_index(combined, languages(), labels)["vi"]["config"]["fields"]["tags"]["boost"] < 1000


def ranked_pages(page, site_url: str, language_root: str, query: str) -> list[tuple[str, str]]:
    """The search results' pages in order: (address within the language, title)."""
    search(page, site_url, language_root, query)
    pages = []
    for group in page.locator(".md-search-result__item").all():
        link = group.locator(".md-search-result__link").first
        href = link.get_attribute("href").split("?")[0].split("#")[0].replace(site_url + language_root, "")
        title = link.locator("h1, h2").first.inner_text().replace(ZWSP, "")
        if href not in [known for known, _ in pages]:
            pages.append((href, title))
    return pages


def query_words(query: str, locale: str) -> list[str]:
    """The words a query is searched by: unaccented and lower case; Lao cut into words, noun prefixes dropped."""
    if locale == "lo":
        return [word for word in segment_lao(query).split(ZWSP) if word not in LAO_NOUN_PREFIXES]
    return fold_marks(query).lower().split()


def title_matches(title: str, words: list[str], locale: str) -> bool:
    """Every word of the query starts a word of the title, as Material matches them (as prefixes)."""
    title = segment_lao(title) if locale == "lo" else fold_marks(title).lower()
    title_words = re.split(r"[\s\u200b\-,:!=\[\]()\"/–]+", title)
    return all(any(word.startswith(query) for word in title_words) for query in words)


def excluded_from_search(language) -> set[str]:
    """Addresses of the pages whose front matter says `search: exclude: true`."""
    excluded = set()
    for path in (ROOT / "docs").rglob("*.md"):
        header = HEADER.match(path.read_text("utf-8"))
        meta = (yaml.safe_load(header.group(1)) if header else None) or {}
        if (meta.get("search") or {}).get("exclude"):
            name = path.name.split(".")[0]
            folder = path.parent.relative_to(ROOT / "docs").as_posix()
            excluded.add(f"{folder}/" if name == "index" else f"{folder}/{name}/".lstrip("./"))
    return excluded


RANKINGS = [  # (language root, query, the page the brief names first, or None)
    ("en/", "manufacturing", None),
    ("", "khu cong nghiep", "parks/"),
    ("", "lao dong", "labour/"),
    ("lo/", "ການລົງທຶນ", None),
]


@pytest.mark.parametrize("language_root,query,first", RANKINGS)
def test_pages_whose_title_matches_rank_first(browser, site_url, language_root, query, first):
    """A page whose title matches ranks above pages that only mention the words; editors' pages
    (embed snippets, template) are not found at all."""
    language = next(lang for lang in languages() if lang.prefix == language_root)
    context = browser.new_context()
    results = ranked_pages(context.new_page(), site_url, language_root, query)
    context.close()
    words = query_words(query, language.locale)
    matched = [title_matches(title, words, language.locale) for _, title in results]
    assert any(matched) or query == "manufacturing", f"no title holds {words}: {results}"
    assert results, query
    assert matched == sorted(matched, reverse=True), f"a page that only mentions {words} ranks above a title: {results}"
    assert not {href for href, _ in results} & excluded_from_search(language), results
    if first:
        assert results[0][0] == first, results


def test_a_sector_word_finds_its_sector_or_projects_first(browser, site_url):
    """'manufacturing' on /en/: no title holds the word today, so the first result is a project, the
    catalogue (its sector filter) or the sectors page, never an editors' page."""
    context = browser.new_context()
    results = ranked_pages(context.new_page(), site_url, "en/", "manufacturing")
    context.close()
    assert results[0][0].startswith(("projects/", "catalogue/", "sectors/")), results


def test_lao_investment_finds_the_investment_pages_first(browser, site_url):
    """The grammatical prefix ການ no longer matches every page: the pages titled with ລົງທຶນ lead."""
    context = browser.new_context()
    results = ranked_pages(context.new_page(), site_url, "lo/", "ການລົງທຶນ")
    context.close()
    leading = [href for href, title in results if title_matches(title, ["ລົງທຶນ"], "lo")]
    assert {"incentives/", "catalogue/"} <= set(leading[:6]), results
