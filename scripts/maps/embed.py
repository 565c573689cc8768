"""The map on the site's map pages (an isolated iframe) and the snippets other sites copy."""

from __future__ import annotations

from pathlib import Path

from markupsafe import Markup

from scripts.catalogue.pages import PageContext
from scripts.languages import Language
from scripts.locales import gettext_for
from scripts.maps.generate import EMBED_DIR, embed_filename
from scripts.templates_env import render

PAGE_SCRIPT = Path(__file__).with_name("map-page.js")  # inline, right after the frame it loads


def map_frame(language: Language, root: str, within: str) -> str:
    """An iframe of the language's embed page; the iframe keeps Leaflet's CSS off the Material page.

    `root` and `within` are the relative paths from the page to the site root and to its language's
    root (e.g. "../../" and "../"). map-page.js, inline after the frame, loads the frame (its address
    is in data-src) once the page has drawn its first screen, so the map's scripts and data never
    delay the page's own text; it passes the page's ?sector=&status=&project= to the frame, keeps
    the page's address in step with the map and points the catalogue link at the same filters."""
    source = f"{root}{EMBED_DIR.as_posix()}/{embed_filename(language)}"
    return render("map-frame.html", language.locale, source=source, within=within, script=Markup(page_script()))


def page_script() -> str:
    script = PAGE_SCRIPT.read_text("utf-8")
    if "</" in script:
        raise ValueError(f"{PAGE_SCRIPT}: an inline script may not contain '</'")
    return script


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
    return render("embed-snippets.html", language.locale, title=title, examples=examples)
