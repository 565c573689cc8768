"""Which pages share their sidebars: only pages outside the navigation, in the same folder, with no
table of contents (their relative links to the navigation are then the same)."""

from types import SimpleNamespace

from scripts.sidebars import shared_sidebars_key


def page(url: str, toc=(), meta=None):
    return SimpleNamespace(url=url, toc=list(toc), meta=meta or {})


def test_pages_in_one_folder_share_and_other_folders_do_not():
    nav = SimpleNamespace(pages=[])
    first, second = page("en/projects/a/"), page("en/projects/b/")
    assert shared_sidebars_key(first, nav, "en") == shared_sidebars_key(second, nav, "en") is not None
    assert shared_sidebars_key(page("en/parks/a/"), nav, "en") != shared_sidebars_key(first, nav, "en")
    assert shared_sidebars_key(page("projects/a/"), nav, "vi") != shared_sidebars_key(first, nav, "en")


def test_pages_in_the_navigation_or_with_a_table_of_contents_keep_their_own():
    listed = page("en/catalogue/")
    assert shared_sidebars_key(listed, SimpleNamespace(pages=[listed]), "en") is None
    assert shared_sidebars_key(page("en/projects/a/", toc=["Summary"]), SimpleNamespace(pages=[]), "en") is None
    hidden = page("en/projects/c/", meta={"hide": ["navigation"]})
    assert shared_sidebars_key(hidden, SimpleNamespace(pages=[]), "en") != shared_sidebars_key(
        page("en/projects/a/"), SimpleNamespace(pages=[]), "en")
