"""A sitemap.xml in every language folder, and robots.txt.

mkdocs-static-i18n writes one sitemap at the root listing every language's pages (the one search
engines read). Each language folder also gets a sitemap of its own pages only (`/en/sitemap.xml`),
a third of the download. They were written for Material's language switcher, which fetches
sitemap.xml beside each hreflang alternate; overrides/partials/deferred-requests.js now keeps it
from asking (and says why), so nothing of the site's own reads them any more.
"""

from __future__ import annotations

import re
from pathlib import Path

from scripts.languages import languages

ENTRY = re.compile(r"\s*<url>\s*<loc>([^<]*)</loc>.*?</url>", re.DOTALL)


def language_sitemap(sitemap: str, site_url: str, prefix: str) -> str:
    """The sitemap's entries whose address is inside the language's folder."""
    head = sitemap.split("<url>", 1)[0].rstrip()
    entries = "".join(m.group(0) for m in ENTRY.finditer(sitemap) if m.group(1).startswith(site_url + prefix))
    return head + entries + "\n</urlset>\n"


def write_language_sitemaps(site_dir: Path) -> list[Path]:
    root_sitemap = (site_dir / "sitemap.xml").read_text("utf-8")
    first = ENTRY.search(root_sitemap)
    site_url = first.group(1) if first else ""  # the default language's home comes first
    written = []
    for language in languages():
        if language.prefix and (site_dir / language.prefix).is_dir():
            target = site_dir / language.prefix / "sitemap.xml"
            target.write_text(language_sitemap(root_sitemap, site_url, language.prefix), encoding="utf-8")
            written.append(target)
    return written


ROBOTS = """User-agent: *
Allow: /

Sitemap: {site_url}sitemap.xml
"""


def write_robots(site_dir: Path) -> Path:
    """robots.txt naming the root sitemap (every language's pages; each language folder's holds its own)."""
    first = ENTRY.search((site_dir / "sitemap.xml").read_text("utf-8"))
    target = site_dir / "robots.txt"
    target.write_text(ROBOTS.format(site_url=first.group(1) if first else "/"), encoding="utf-8")
    return target
