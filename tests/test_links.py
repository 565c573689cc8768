"""A link checker over the built site: every internal link, image, script and stylesheet resolves."""

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

ATTRIBUTES = {"a": "href", "link": "href", "img": "src", "script": "src", "iframe": "src", "source": "srcset"}
LOADED_LATER = ("data-src", "data-poster")  # addresses a script loads later: the map's frame, posters, panoramas


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if "id" in values:
            self.ids.add(values["id"])
        name = ATTRIBUTES.get(tag)
        if name and values.get(name):
            value = values[name]
            self.links += [part.strip().split(" ")[0] for part in value.split(",")] if name == "srcset" else [value]
        self.links += [values[name] for name in LOADED_LATER if values.get(name)]


def _target(site: Path, page: Path, link: str) -> Path | None:
    parts = urlsplit(link)
    if parts.scheme or parts.netloc or link.startswith(("mailto:", "javascript:", "data:")):
        return None
    if not parts.path:
        return None
    base = page.parent
    target = (site / parts.path.lstrip("/")) if parts.path.startswith("/") else (base / unquote(parts.path))
    return target / "index.html" if parts.path.endswith("/") or target.is_dir() else target


def test_every_internal_link_resolves(built_site: Path):
    broken = []
    pages = list(built_site.rglob("*.html"))
    assert len(pages) > 50
    for page in pages:
        parser = _Links()
        parser.feed(page.read_text("utf-8"))
        for link in parser.links:
            target = _target(built_site, page, link)
            if target is not None and not target.resolve().exists():
                broken.append(f"{page.relative_to(built_site)} → {link}")
    assert broken == []


def test_in_page_anchors_exist(built_site: Path):
    missing = []
    for page in built_site.rglob("index.html"):
        parser = _Links()
        html = page.read_text("utf-8")
        parser.feed(html)
        for link in parser.links:
            if link.startswith("#") and len(link) > 1 and unquote(link[1:]) not in parser.ids:
                missing.append(f"{page.relative_to(built_site)} → {link}")
    assert [m for m in missing if not re.search(r"#__", m)] == []
