"""Project pages' search entries are made from the catalogue data (scripts/catalogue/project_search.py)."""

import json
from pathlib import Path

from scripts.catalogue.project_search import project_entry
from scripts.languages import languages
from scripts.search_index import split_index
from tests.test_catalogue_pages import CONTEXT, EN, EVIL, LO, VI, project
from tests.test_search import search


def test_the_entry_holds_what_a_reader_looks_a_project_up_by():
    entry = project_entry(project(summaries={"vi": "Mô tả", "en": "First paragraph.\n\nSecond\nline."}, form="ppp"),
                          EN, CONTEXT, "en/projects/p-1/")
    labels = [CONTEXT.vocabularies.label(kind, key, "en")
              for kind, key in (("sectors", "tourism"), ("statuses", "calling"), ("forms", "ppp"))]
    assert entry["location"] == "en/projects/p-1/" and entry["title"] == "Project"
    assert entry["text"] == (f"<p>{labels[0]} · {labels[1]} · Cửa Lò · {labels[2]}</p>"
                             "<p>First paragraph.</p><p>Second line.</p><p>Dự án</p>")


def test_an_untranslated_lao_page_is_found_by_its_english_text():
    entry = project_entry(project(), LO, CONTEXT, "lo/projects/p-1/")
    assert entry["title"] == "Project" and "<p>Summary</p>" in entry["text"]
    assert entry["text"].endswith("<p>Dự án</p>")  # the other names, without repeating the one shown


def test_everything_from_data_is_escaped():
    entry = project_entry(project(names={"vi": EVIL, "en": EVIL}, summaries={"vi": EVIL, "en": EVIL}, locality=EVIL),
                          VI, CONTEXT, "projects/p-1/")
    for text in (entry["title"], entry["text"]):
        assert "<script>" not in text and "&lt;script&gt;window.pwned=1&lt;/script&gt;" in text


def test_markup_stays_escaped_after_the_index_adds_its_unaccented_copy():
    """"≮" and "≯" lose their combining mark when folded and would become "<" and ">"."""
    name = "Dự án \u226eimg src=x onerror=alert(1)\u226f"
    combined = {"config": {"lang": ["vi", "en"], "separator": "x", "pipeline": []},
                "docs": [project_entry(project(names={"vi": name, "en": name}, summaries={"vi": EVIL, "en": EVIL}),
                                       VI, CONTEXT, "projects/p-1/")]}
    entry = split_index(combined, languages())["vi"]["docs"][0]
    for text in (entry["title"], entry["text"]):
        assert "<img" not in text and "<script" not in text, text
    assert "&lt;img onerror=alert(1)&gt;" in entry["title"]  # the copy holds the words folding changed


def test_the_entry_goes_through_the_index_split_like_a_parsed_one():
    combined = {"config": {"lang": ["vi", "en"], "separator": "x", "pipeline": []},
                "docs": [project_entry(project(), VI, CONTEXT, "projects/p-1/")]}
    entry = split_index(combined, languages())["vi"]["docs"][0]
    assert entry["location"] == "projects/p-1/" and entry["title"] == 'Dự án <span class="search-folded" hidden>Du an</span>'


def test_each_project_page_has_one_entry_in_its_language(built_site: Path):
    for language in languages():
        index = json.loads((built_site / language.prefix / "search" / "search_index.json").read_text("utf-8"))
        entries = [doc for doc in index["docs"] if doc["location"].startswith("projects/luxshare-ict-nghe-an-2/")]
        assert [doc["location"] for doc in entries] == ["projects/luxshare-ict-nghe-an-2/"], language.locale
        assert "Luxshare" in entries[0]["title"]


def test_a_reader_finds_a_project_by_its_name_or_a_whole_word_of_its_summary(browser, site_url):
    for query in ("Luxshare", "manufacturing"):  # a whole word whose English stem differs
        context = browser.new_context()
        page = context.new_page()
        results = search(page, site_url, "en/", query)
        assert site_url + "en/projects/luxshare-ict-nghe-an-2/" in results, (query, results)
        context.close()
    page = browser.new_page()
    search(page, site_url, "en/", "Luxshare")
    assert page.locator(".md-search-result__item").first.locator("h1").inner_text().startswith("Luxshare")
    page.close()
