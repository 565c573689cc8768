"""Generated files published exactly as they are, a few per project: PDF factsheets, QR codes and
embeddable cards.

There are thousands of them with a large catalogue. In docs/, MkDocs and mkdocs-static-i18n would
look at and copy every one once per language; they are written to `.cache/site-files/` instead
(same relative paths as in the site), sealed (their sha256 recorded, scripts/verified_cache.py) and
copied into the built site once, at the end of the build, after checking each against its seal.
Links to them are raw HTML written by our own code, so MkDocs does not need to see them.
"""

from __future__ import annotations

import os
from pathlib import Path

from scripts.verified_cache import MANIFEST, MANIFEST_LOCK, VerifiedCache, digest, replacing, store  # noqa: F401 - replacing is shared from here


def folder(docs_dir: Path) -> Path:
    """Where the generated files of the project whose docs are `docs_dir` are written."""
    return docs_dir.parent / ".cache" / "site-files"


def seal(source: Path) -> int:
    """Record the sha256 of every file under `source` (the generated files just written) in its
    manifest; publish() then copies only files that still match. Returns how many."""
    entries = {}
    for directory, _, names in os.walk(source):
        for name in names:
            if not name.endswith(".tmp") and name not in (MANIFEST, MANIFEST_LOCK):
                path = Path(directory) / name
                entries[path.relative_to(source).as_posix()] = digest(path.read_bytes())
    files = store(source)
    files.replace_all(entries)
    files.save()
    return len(entries)


def damaged(source: Path) -> list[str]:
    """The sealed files under `source` that are missing or changed (all of them when nothing is sealed)."""
    files = VerifiedCache(source)
    return ["(no manifest)"] if not files.known else [name for name in list(files.known) if not files.has(name)]


class DamagedSiteFiles(Exception):
    """A generated file changed or vanished after the data step wrote it; the next build writes it again."""


def publish(source: Path, site_dir: Path) -> int:
    """Copy every sealed file under `source` to the same path under `site_dir` (copies, never links:
    the published site shares no file with the cache); return how many."""
    files = VerifiedCache(source)
    for name in sorted(files.known):
        data = files.read(name)
        if data is None:
            files.save()  # forgotten, so the next build's data step writes it again
            raise DamagedSiteFiles(f"{source / name}: expected the file the data step wrote, got a missing or "
                                   "changed file; build again to write it anew")
        (site_dir / name).parent.mkdir(parents=True, exist_ok=True)
        (site_dir / name).write_bytes(data)
    return len(files.known)
