"""Small corrections to Material's HTML so every page passes the Nu HTML validator.

Material writes `autocomplete="off"` on its checkbox toggles (drawer, search, nav sections); the
HTML standard allows `autocomplete` only on text-like inputs, so the validator reports each one.
"""

from __future__ import annotations

import re

_CHECKBOX = re.compile(r'<input\b[^>]*\btype="checkbox"[^>]*>')
_AUTOCOMPLETE = re.compile(r'\s+autocomplete="off"')


def drop_checkbox_autocomplete(html: str) -> str:
    return _CHECKBOX.sub(lambda match: _AUTOCOMPLETE.sub("", match.group(0)), html)


def drop_dangling_toc_label(html: str) -> str:
    """On a page outside the navigation, Material labels a table-of-contents toggle that it never writes."""
    if 'for="__toc"' in html and 'id="__toc"' not in html:
        return html.replace('<label class="md-nav__title" for="__toc">', '<label class="md-nav__title">')
    return html


_CONFIG_BASE = re.compile(r'(<script id="__config" type="application/json">\{[^<]*?"base": ")([^"]*)(")')


def config_base(html: str) -> str | None:
    """Material's JavaScript base as the page has it, or None."""
    match = _CONFIG_BASE.search(html)
    return match.group(2) if match else None


def set_config_base(html: str, base: str) -> str:
    """Point Material's JavaScript base (search index, sitemap) at `base`, the page's language root."""
    return _CONFIG_BASE.sub(lambda match: match.group(1) + base + match.group(3), html, count=1)
