"""The inline scripts and styles of a built site, as CSP sha256 sources.

Only the theme's and the project's own inline scripts are allowed: a script inside a page's
`<article>` (the text written in Markdown) is content, never hashed, and reported instead — unless
its text is exactly one of the scripts our generators put there (OWN_SCRIPTS: the map pages' script).
Pages under `embed/` are written whole by our generators (scripts/embeds.py, scripts/maps/), so all
their scripts are ours. Script blocks with a data type (`application/json`, `application/ld+json`)
are not run by the browser and need no hash.
"""

from __future__ import annotations

import base64
import hashlib
import html
import re
from dataclasses import dataclass, field
from pathlib import Path

SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.DOTALL | re.IGNORECASE)
STYLE_ELEMENT = re.compile(r"<style\b[^>]*>(.*?)</style\s*>", re.DOTALL | re.IGNORECASE)
STYLE_ATTRIBUTE = re.compile(r"""\sstyle\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.IGNORECASE)
ARTICLE = re.compile(r"<article\b.*?</article\s*>", re.DOTALL | re.IGNORECASE)
SRC = re.compile(r"\ssrc\s*=", re.IGNORECASE)
TYPE = re.compile(r"""\stype\s*=\s*["']?([^"'\s>]+)""", re.IGNORECASE)
SCRIPT_TYPES = {"", "text/javascript", "application/javascript", "module"}
# A <style> element written whole in a vendored library's template: <model-viewer> puts one in its
# shadow root. Its exact text is hashed (one that interpolates a value would be skipped).
VENDORED_STYLE = re.compile(r"<style>(.*?)</style>", re.DOTALL)
VENDOR_FOLDER = "assets/vendor"


def sha256_source(text: str) -> str:
    """The CSP source for exactly this text: 'sha256-<base64>'."""
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


@dataclass
class InlineCode:
    scripts: set[str] = field(default_factory=set)  # CSP sources of the inline scripts allowed
    styles: set[str] = field(default_factory=set)  # of <style> elements
    style_attributes: set[str] = field(default_factory=set)  # of style="…" values
    content_scripts: list[str] = field(default_factory=list)  # "page: first characters" of refused scripts


def is_run(attributes: str) -> bool:
    """Whether a <script> element with these attributes is inline code the browser runs."""
    if SRC.search(attributes):
        return False
    match = TYPE.search(attributes)
    return (match.group(1).lower() if match else "") in SCRIPT_TYPES


def own_scripts() -> frozenset[str]:
    """The inline scripts our generators write into a page's content, as their exact text."""
    from scripts.maps.embed import page_script

    return frozenset({page_script()})


def scan_page(text: str, name: str, whole_page_is_ours: bool, found: InlineCode,
              ours: frozenset[str] = frozenset()) -> None:
    content = [] if whole_page_is_ours else [m.span() for m in ARTICLE.finditer(text)]
    for match in SCRIPT.finditer(text):
        if not is_run(match.group(1)):
            continue
        if match.group(2) not in ours and any(start <= match.start() < end for start, end in content):
            found.content_scripts.append(f"{name}: {match.group(2).strip()[:60]}")
        else:
            found.scripts.add(sha256_source(match.group(2)))
    found.styles.update(sha256_source(m.group(1)) for m in STYLE_ELEMENT.finditer(text))
    found.style_attributes.update(sha256_source(html.unescape(m.group(1) if m.group(1) is not None else m.group(2)))
                                  for m in STYLE_ATTRIBUTE.finditer(text))


def vendored_styles(vendor_dir: Path) -> set[str]:
    """CSP sources of the <style> elements the vendored libraries' scripts insert."""
    return {sha256_source(match.group(1)) for path in sorted(vendor_dir.rglob("*.js"))
            for match in VENDORED_STYLE.finditer(path.read_text("utf-8", errors="replace"))
            if "${" not in match.group(1)}


def scan_site(site_dir: Path) -> InlineCode:
    found, ours = InlineCode(), own_scripts()
    found.styles.update(vendored_styles(site_dir / VENDOR_FOLDER))
    for path in sorted(site_dir.rglob("*.html")):
        name = path.relative_to(site_dir).as_posix()
        scan_page(path.read_text("utf-8", errors="replace"), name, name.startswith("embed/"), found, ours)
    return found
