"""The catalogue's pages: how many, which page numbers are linked, and the generated page files."""

from pathlib import Path

import pytest

from scripts.catalogue import paging
from scripts.catalogue.paging import PAGE_SIZE
from scripts.languages import languages


@pytest.mark.parametrize("total, pages", [(0, 1), (1, 1), (PAGE_SIZE, 1), (PAGE_SIZE + 1, 2), (20 * PAGE_SIZE, 20)])
def test_page_count(total, pages):
    assert paging.page_count(total) == pages


def test_page_slice_rejects_a_page_that_does_not_exist():
    items = list(range(PAGE_SIZE + 3))
    assert paging.page_slice(items, 2) == [PAGE_SIZE, PAGE_SIZE + 1, PAGE_SIZE + 2]
    with pytest.raises(KeyError, match="page 3 does not exist"):
        paging.page_slice(items, 3)


def test_far_pages_are_left_out_of_the_page_links():
    assert paging.shown_numbers(1, 3) == [1, 2, 3]
    assert paging.shown_numbers(6, 20) == [1, None, 4, 5, 6, 7, 8, None, 20]
    assert paging.shown_numbers(20, 20) == [1, None, 18, 19, 20]


def test_page_links_are_relative_and_mark_the_current_page():
    html = paging.pager_html(2, 3, "en", "../../../")
    assert 'href="../../../catalogue/" rel="prev"' in html
    assert 'href="../../../catalogue/page/3/" rel="next"' in html
    assert '<a href="../../../catalogue/page/2/" aria-current="page" aria-label="Page 2">2</a>' in html
    assert paging.pager_html(1, 1, "en", "../") == ""


def test_pages_after_the_first_are_generated_in_every_language_and_kept_out_of_search(tmp_path: Path):
    files = paging.pager_pages(2 * PAGE_SIZE + 1, languages(), tmp_path)
    names = sorted(path.relative_to(tmp_path).as_posix() for path in files)
    assert names == ["catalogue/page/2.en.md", "catalogue/page/2.lo.md", "catalogue/page/2.md",
                     "catalogue/page/3.en.md", "catalogue/page/3.lo.md", "catalogue/page/3.md"]
    english = files[tmp_path / "catalogue/page/3.en.md"]
    assert 'title: "Investment project catalogue, page 3 of 3"' in english
    assert 'search: {"exclude": true}' in english and english.rstrip().endswith("<!-- catalogue:list:3 -->")
