"""A sitemap.xml in every language folder.

mkdocs-static-i18n writes one sitemap at the root listing every language's pages. Material's
JavaScript also fetches `<language>/sitemap.xml` for each hreflang alternate of a page (to keep the
reader on the same page when switching language); without a copy there, every page load logs 404s.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from scripts.languages import languages


def write_language_sitemaps(site_dir: Path) -> list[Path]:
    root_sitemap = site_dir / "sitemap.xml"
    written = []
    for language in languages():
        if language.prefix and (site_dir / language.prefix).is_dir():
            target = site_dir / language.prefix / "sitemap.xml"
            shutil.copyfile(root_sitemap, target)
            written.append(target)
    return written
