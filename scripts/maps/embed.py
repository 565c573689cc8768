"""The map on the site's map pages (an isolated iframe) and the snippets other sites copy."""

from __future__ import annotations

from html import escape
from pathlib import Path

from scripts.catalogue.pages import PageContext
from scripts.languages import Language
from scripts.locales import gettext_for
from scripts.maps.generate import EMBED_DIR, embed_filename

PAGE_SCRIPT = Path(__file__).with_name("map-page.js")  # inline, right after the frame it loads


def map_frame(language: Language, root: str, within: str) -> str:
    """An iframe of the language's embed page; the iframe keeps Leaflet's CSS off the Material page.

    `root` and `within` are the relative paths from the page to the site root and to its language's
    root (e.g. "../../" and "../"). map-page.js, inline after the frame, loads the frame (its address
    is in data-src) once the page has drawn its first screen, so the map's scripts and data never
    delay the page's own text; it passes the page's ?sector=&status=&project= to the frame, keeps
    the page's address in step with the map and points the catalogue link at the same filters."""
    _ = gettext_for(language.locale)
    labels = {"title": _("Investment map of Nghệ An"), "full": _("Open the map on its own page"),
              "list": _("Show these projects as a list")}
    source = f"{root}{EMBED_DIR.as_posix()}/{embed_filename(language)}"
    return (f'<div class="map-frame"><iframe data-src="{escape(source)}" title="{escape(labels["title"])}">'
            f'</iframe></div>'
            f'<p class="map-frame-link"><a href="{escape(within)}catalogue/" data-map-list>{escape(labels["list"])}</a>'
            f' · <a href="{escape(source)}" data-map-full>{escape(labels["full"])}</a></p>'
            f'<script>{page_script()}</script>')


def page_script() -> str:
    script = PAGE_SCRIPT.read_text("utf-8")
    if "</" in script:
        raise ValueError(f"{PAGE_SCRIPT}: an inline script may not contain '</'")
    return script


def snippet(url: str, title: str, height: int = 520) -> str:
    return (f'<iframe src="{escape(url)}" title="{escape(title)}" loading="lazy" '
            f'style="width:100%;height:{height}px;border:0"></iframe>')


def embed_snippets(language: Language, context: PageContext) -> str:
    """Copy-paste code: the whole map, and the map pre-filtered to one sector."""
    _ = gettext_for(language.locale)
    title = _("Investment map of Nghệ An")
    base = f"{context.site_url.rstrip('/')}/{EMBED_DIR.as_posix()}/{embed_filename(language)}"
    sector = next(iter(context.vocabularies.sectors))
    root = f"{context.site_url.rstrip('/')}/{EMBED_DIR.as_posix()}"
    examples = [
        (_("The whole map"), base, 520),
        (_("Only one sector (change the key after sector=)"), f"{base}?sector={sector}", 520),
        (_("Only projects calling for investors"), f"{base}?status=calling", 520),
        (_("One project's card (change the project key in the address)"),
         f"{root}/project-vsip-nghe-an-3-{language.locale}.html", 220),
        (_("The projects of one sector (change the sector key in the address)"),
         f"{root}/sector-high-tech-{language.locale}.html", 320),
    ]
    return "".join(f"<h2>{escape(label)}</h2><pre><code>{escape(snippet(url, title, height))}</code></pre>"
                   for label, url, height in examples)
