"""A 404 page per language: `/404.html` in the default language, `/<locale>/404.html` in the others.

MkDocs renders the theme's 404.html once per language build, always to `site/404.html`, so the last
language built would win. Each language's copy is written into its own folder here, and the root
copy keeps the default language's.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from scripts import html_fixes
from scripts.languages import Language
from scripts.languages import language as language_of
from scripts.seo import language_root

TEMPLATE = "404.html"


def place(output: str, site_dir: Path, language: Language) -> str:
    """What MkDocs should write to `site/404.html` in this language's build; for a language other than
    the default, its own page is written to its folder first."""
    base = html_fixes.config_base(output)  # the site's root path: the page is served at any depth
    if base is not None:
        output = html_fixes.set_config_base(output, language_root(base, language))
    if language.default:
        return output
    target = site_dir / language.prefix / TEMPLATE
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(output, encoding="utf-8")
    root_page = site_dir / TEMPLATE  # the default language's, written by its build before this one
    return root_page.read_text("utf-8") if root_page.exists() else output


def home_alternates(alternates: list[dict], site_url: str) -> list[dict]:
    """The language switcher's entries (mkdocs-static-i18n's `extra.alternate`) pointing at each
    language's home: the plugin leaves there the links of the last page it rendered."""
    root = urlsplit(site_url).path.rstrip("/") + "/"
    return [dict(entry, link=root + language_of(entry["lang"]).prefix) for entry in alternates]
