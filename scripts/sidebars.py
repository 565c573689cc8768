"""Sidebars drawn once and reused: pages outside the navigation in the same folder (project pages,
mostly) with no table of contents have identical sidebars, links included (relative links from
projects/a/ and projects/b/ to any page of the navigation are the same), and Material's navigation
is about a tenth of the time it takes to render a page. overrides/main.html keeps one copy per key."""

from __future__ import annotations


def shared_sidebars_key(page, nav, locale: str) -> str | None:
    """A key naming the sidebars `page` shares with others, or None when they are its own: a page in
    the navigation (it is marked there as the current one), or one with a table of contents."""
    if page in nav.pages or list(page.toc) or not page.url.endswith("/"):
        return None
    folder = page.url.rstrip("/").rpartition("/")[0]  # "en/projects" for "en/projects/a/"
    hide = page.meta.get("hide") if page.meta else None
    return f"{locale}|{folder}|{hide!r}"
