"""Material's search entries of each page, kept between builds.

Material's search plugin parses the HTML of every page to cut it into entries, the costliest part
of its work. A page whose entries are made from data (`made`, e.g. a project page) is not parsed at
all. A page whose address, titles, headings and HTML are the same as in the last build gets the
entries Material made for it then, instead of being parsed again; any other page is parsed as usual.
One file per language in .cache/search-entries/, holding only the pages of the last build.

Weights (Material's per-entry `boost`): a page of the site's navigation is a topic page and its page
entry weighs TOPIC_BOOST; a section weighs SECTION_BOOST, as a part of a page. So where titles match
a query as well, a topic page comes first, then other pages, then sections: for "khu công nghiệp" the
industrial parks page, not the section "Khung chính sách chung", which matches "khu" only as the
start of "khung" (Material matches every word as a prefix) but does so in a rare word.
"""

from __future__ import annotations

import hashlib
import pickle
from collections.abc import Callable
from pathlib import Path

from scripts import folders
from scripts.site_files import replacing

CACHE = "search-entries"  # the project's .cache/search-entries (scripts/folders.py)
TOPIC_BOOST = 2.0
SECTION_BOOST = 0.5


def weights(entries: list[dict], start: int, topic: bool) -> None:
    """Weigh the entries of one page, `entries[start:]`: its page entry TOPIC_BOOST if it is a topic,
    each section's SECTION_BOOST."""
    for position in range(start, len(entries)):
        if position == start:
            if topic:
                entries[position] = dict(entries[position], boost=TOPIC_BOOST)
        else:
            entries[position] = dict(entries[position], boost=SECTION_BOOST)


def _headings(items) -> list[tuple[str, str]]:
    return [pair for item in items for pair in [(item.id, item.url), *_headings(item.children)]]


def page_key(page) -> str:
    """Everything Material's SearchIndex.add_entry_from_context reads from a page."""
    meta = {name: page.meta.get(name) for name in ("title", "tags", "search")}
    inputs = repr((page.url, page.title, sorted(meta.items()), _headings(page.toc or []), page.content))
    return hashlib.sha256(inputs.encode("utf-8")).hexdigest()


def _version() -> str:
    from material import __version__

    return __version__


class EntryCache:
    """The entries of one language's pages; `attach` makes a SearchIndex use and fill it."""

    def __init__(self, locale: str, folder: Path | None = None):
        self.path = (folder or folders.current().cache(CACHE)) / f"{locale}.pickle"
        self.known: dict[str, list[dict]] = {}
        self.used: dict[str, list[dict]] = {}
        try:
            version, known = pickle.loads(self.path.read_bytes())
        except (OSError, pickle.UnpicklingError, EOFError, ValueError, TypeError):
            return
        if version == _version():
            self.known = known

    def attach(self, index, made: Callable[[object], list[dict] | None] = lambda page: None,
               topics: set[str] | frozenset[str] = frozenset()) -> None:
        """Make `index` take a page's entries from `made(page)` when it gives them, else from the cache
        or, failing that, from Material's parser. Pages whose source is in `topics` (the navigation's)
        get TOPIC_BOOST on their page entry."""
        parse = index.add_entry_from_context

        def add_entry_from_context(page) -> None:
            start = len(index.entries)
            add_entries(page)
            weights(index.entries, start, page.file.src_uri in topics)

        def add_entries(page) -> None:
            entries = made(page)
            if entries is not None:
                index.entries.extend(entries)
                return
            key = page_key(page)
            entries = self.known.get(key)
            if entries is None:
                start = len(index.entries)
                parse(page)
                entries = [dict(entry) for entry in index.entries[start:]]
            else:
                index.entries.extend(dict(entry) for entry in entries)
            self.used[key] = entries

        index.add_entry_from_context = add_entry_from_context

    def save(self) -> None:
        if self.used == self.known:
            return
        with replacing(self.path) as partial:
            partial.write_bytes(pickle.dumps((_version(), self.used), protocol=pickle.HIGHEST_PROTOCOL))
