"""Raw HTML an author writes in Markdown, passed through an allow-list (nh3, the Ammonia sanitiser).

Hand-written pages and news posts may use the HTML that Markdown and our pages need (divs and spans
with classes, tables, images, details…); scripts, styles, frames, forms, event handlers (`onclick=`,
also from an attribute list `{ onclick=… }`) and `javascript:` or `data:` links are removed. What was
removed is reported as a warning naming the file and line: the page is published without it, so
the build goes on (the author fixes the source at leisure; nothing unsafe reaches a reader).
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

import nh3

TAGS = set(nh3.ALLOWED_TAGS) | {"picture", "source", "section", "main", "address"}
ATTRIBUTES = {
    "*": {"class", "id", "title", "lang", "dir", "role", "aria-label", "aria-hidden", "aria-describedby",
          "aria-labelledby"},
    "a": {"href", "hreflang", "rel", "target", "download"},
    "img": {"src", "alt", "width", "height", "loading", "decoding", "srcset", "sizes"},
    "source": {"srcset", "type", "media", "sizes", "width", "height"},
    "th": {"style", "colspan", "rowspan", "scope"}, "td": {"style", "colspan", "rowspan"},
    "ol": {"start", "type"}, "time": {"datetime"}, "data": {"value"}, "abbr": {"title"},
    "details": {"open"}, "col": {"span"}, "colgroup": {"span"},
}
URL_SCHEMES = {"http", "https", "mailto", "tel"}
STYLE_PROPERTIES = {"text-align"}  # what Markdown's tables write; nothing that can fetch a URL
URL_ATTRIBUTES = {"href", "src", "srcset", "action", "formaction", "xlink:href", "poster", "data"}


def clean(html: str) -> str:
    return nh3.clean(html, tags=TAGS, attributes=ATTRIBUTES, url_schemes=URL_SCHEMES, strip_comments=False,
                     link_rel=None, generic_attribute_prefixes={"data-"}, filter_style_properties=STYLE_PROPERTIES,
                     clean_content_tags={"script", "style"})


class _Finder(HTMLParser):
    """What the allow-list will drop, as short descriptions (`<script>`, `onerror=` on <img>…)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag not in TAGS:
            self.found.append(f"<{tag}>")
            return  # removed whole, with its attributes
        allowed = ATTRIBUTES["*"] | ATTRIBUTES.get(tag, set())
        for name, value in attrs:
            if name.startswith("on") or (name not in allowed and not name.startswith("data-")):
                self.found.append(f"{name}= on <{tag}>")
            elif name in URL_ATTRIBUTES and value and not _safe_url(value):
                self.found.append(f"{name}={value.split(':', 1)[0]}: on <{tag}>")
            elif name == "style" and value and not re.fullmatch(r"\s*text-align:\s*[a-z]+;?\s*", value):
                self.found.append(f"style={value[:30]!r} on <{tag}>")


def _safe_url(value: str) -> bool:
    scheme = re.match(r"^\s*([A-Za-z][A-Za-z0-9+.-]*):", re.sub(r"[\x00-\x20]", "", value))
    return scheme is None or scheme.group(1).lower() in URL_SCHEMES


def removed(html: str) -> list[str]:
    finder = _Finder()
    finder.feed(html)
    return list(dict.fromkeys(finder.found))


def source_line(markdown: str, description: str) -> int:
    """The line of the Markdown source where a removed piece most likely is (1 if not found)."""
    token = re.match(r"^<?([\w:-]+)", description).group(1)
    for number, line in enumerate(markdown.splitlines(), start=1):
        if re.search(rf"(<{re.escape(token)}\b|\b{re.escape(token)}\s*=|{re.escape(token)}:)", line, re.IGNORECASE):
            return number
    return 1


def sanitise_page(html: str, source: str, shown_path: str) -> tuple[str, list[str]]:
    """The page's HTML through the allow-list, and a warning per removed piece (`path:line: html: …`);
    `source` is the page's Markdown file as written, for the line numbers."""
    warnings = [f"{shown_path}:{source_line(source, piece)}: html: removed {piece}"
                f" (not allowed in a page; see scripts/sanitise.py)" for piece in removed(html)]
    return clean(html), warnings
