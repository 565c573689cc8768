"""The catalogue in pages of PAGE_SIZE projects, so its page stays light however long the catalogue grows.

- Page 1 is the hand-written catalogue page (`catalogue/`); pages 2… are generated
  (`docs/catalogue/page/<n>.md`, `<n>.en.md`, …, published at `catalogue/page/<n>/`) and linked
  by a page navigation that works without JavaScript.
- With JavaScript, filtering, sorting or searching loads every project of the language at once
  from `assets/catalogue/listing-<locale>.js` (list items rendered and escaped by the build; a
  script file rather than JSON so the kiosk's `file://` copy can load it too).
"""

from __future__ import annotations

import hashlib
import json
from html import escape
from pathlib import Path

from markupsafe import Markup

from scripts.catalogue.pages import front_matter_block
from scripts.languages import Language
from scripts.locales import gettext_for
from scripts.templates_env import render

PAGE_SIZE = 50
PAGER_DIR = Path("catalogue") / "page"  # generated pages, inside docs/
PAGER_WINDOW = 2  # page links shown either side of the current one, besides the first and last


def page_count(total: int) -> int:
    return max(1, -(-total // PAGE_SIZE))


def page_slice(items: list, number: int) -> list:
    if not 1 <= number <= page_count(len(items)):
        raise KeyError(f"catalogue page {number} does not exist ({page_count(len(items))} pages)")
    return items[(number - 1) * PAGE_SIZE: number * PAGE_SIZE]


def page_path(number: int) -> str:
    """Where catalogue page `number` is, relative to its language's root."""
    return "catalogue/" if number == 1 else f"catalogue/page/{number}/"


def listing_script_path(locale: str) -> str:
    """The script with every catalogue item of one language, relative to the site root."""
    return f"assets/catalogue/listing-{locale}.js"


def listing_version(script: str) -> str:
    """A short name for the content of a listing script, added to its address."""
    return hashlib.sha256(script.encode("utf-8")).hexdigest()[:12]


def listing_script(items_html: list[str]) -> str:
    """`items_html`: the list items already escaped by listing.py, links relative to the language root."""
    return "window.NGHEAN_CATALOGUE_LISTING=" + json.dumps(items_html, ensure_ascii=False, separators=(",", ":")) + ";\n"


def shown_numbers(current: int, count: int) -> list[int | None]:
    """Page numbers to link, None where a run of pages is left out: 1 … 4 5 [6] 7 8 … 20."""
    wanted = {1, count, *range(current - PAGER_WINDOW, current + PAGER_WINDOW + 1)}
    numbers: list[int | None] = []
    for number in sorted(n for n in wanted if 1 <= n <= count):
        if numbers and number - numbers[-1] > 1:
            numbers.append(None)
        numbers.append(number)
    return numbers


def pager_html(current: int, count: int, locale: str, within: str) -> Markup:
    """Links to the other catalogue pages; `within` is the relative path to the language's root."""
    if count == 1:
        return Markup("")
    return Markup(render("catalogue-pager.html", locale, current=current, count=count, within=within, path=page_path,
                         numbers=list(shown_numbers(current, count))))


def page_title(number: int, count: int, locale: str) -> str:
    _ = gettext_for(locale)
    return _("Investment project catalogue, page %(number)s of %(count)s") % {"number": number, "count": count}


def pager_pages(total: int, languages: list[Language], docs_dir: Path) -> dict[Path, str]:
    """The Markdown source of catalogue pages 2… in every language (page 1 is written by hand)."""
    count = page_count(total)
    files = {}
    for language in languages:
        suffix = language.source_suffix
        for number in range(2, count + 1):
            title = page_title(number, count, language.locale)
            header = front_matter_block({"title": title, "description": title, "search": {"exclude": True}})
            files[docs_dir / PAGER_DIR / f"{number}{suffix}.md"] = (
                f"{header}# {escape(title)}\n\n<!-- catalogue:list:{number} -->\n")
    return files
