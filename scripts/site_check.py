"""Is a built site whole? Checked before it replaces the site served, and before saying it was kept.

Every language's home page is there, and every PDF, QR code, contact card and picture (social
cards included) a page links to exists and is not empty.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

from scripts.languages import Language

LINKED_FILE = re.compile(r'(?:href|src|content)="([^"#?]+\.(?:pdf|svg|png|jpg|webp|vcf))"')


def missing_files(site_dir: Path, langs: list[Language], site_url: str) -> list[str]:
    """What is missing or empty, as `page: link` (or the home page's path); empty when whole."""
    missing = [f"{language.prefix}index.html" for language in langs
               if not _non_empty(site_dir / language.prefix / "index.html")]
    base = site_url if site_url.endswith("/") else site_url + "/"
    checked: dict[str, bool] = {}
    for directory, _, names in os.walk(site_dir):
        for name in (name for name in names if name.endswith(".html")):
            page = os.path.join(directory, name)
            with open(page, encoding="utf-8", errors="replace") as handle:
                links = set(LINKED_FILE.findall(handle.read()))
            for link in links:
                target = _local_path(site_dir, directory, link, base)
                if target is not None and not checked.setdefault(target, _non_empty(Path(target))):
                    missing.append(f"{os.path.relpath(page, site_dir)}: {link}")
    return missing


def _local_path(site_dir: Path, directory: str, link: str, base: str) -> str | None:
    """The file in the site a link points to, or None for another host."""
    if link.startswith(base):
        relative = os.path.join(str(site_dir), unquote(link[len(base):]))
    elif link.startswith(("http:", "https:", "//", "data:", "mailto:")):
        return None
    elif link.startswith("/"):  # from the host's root: inside the site if under the site's own path
        path = urlsplit(base).path or "/"
        if not link.startswith(path):
            return None
        relative = os.path.join(str(site_dir), unquote(link[len(path):]))
    else:
        relative = os.path.join(directory, unquote(link))
    return os.path.normpath(relative)


def _non_empty(path: Path) -> bool:
    try:
        return path.is_file() and path.stat().st_size > 0
    except OSError:
        return False
