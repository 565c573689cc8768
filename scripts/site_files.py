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

from scripts.verified_cache import BOOKKEEPING, VerifiedCache, replacing, store  # noqa: F401 - replacing is shared from here


def folder(docs_dir: Path) -> Path:
    """Where the generated files of the project whose docs are `docs_dir` are written."""
    return docs_dir.parent / ".cache" / "site-files"


def seal(source: Path) -> int:
    """Record the sha256 of every file under `source` (the generated files just written) in its
    manifest; publish() then copies only files that still match. Returns how many. A file whose stat
    is the one recorded when it was last hashed is not hashed again (scripts/verified_cache.py)."""
    files = store(source)
    entries = {}
    for directory, _, names in os.walk(source):
        for name in names:
            if not name.endswith(".tmp") and name not in BOOKKEEPING:
                relative = (Path(directory) / name).relative_to(source).as_posix()
                value = files.fingerprint(relative)
                if value is not None:  # None: deleted since the walk listed it
                    entries[relative] = value
    files.replace_all(entries)
    files.save()
    return len(entries)


def seal_written(source: Path, written: list[Path]) -> int:
    """seal(), for the files under `source` among `written` alone: the live preview's data step
    records every file it writes or removes (scripts/written_files.py), the others are as sealed."""
    files = store(source)
    names = {path.relative_to(source).as_posix() for path in written if path.is_relative_to(source)
             and not path.name.endswith(".tmp") and path.name not in BOOKKEEPING}
    for name in sorted(names):
        value = files.fingerprint(name)
        if value is None:  # removed
            files.forget(name)
        else:
            files.record(name, value)
    files.save()
    return len(names)


def damaged(source: Path) -> list[str]:
    """The sealed files under `source` that are missing or changed (all of them when nothing is sealed)."""
    files = VerifiedCache(source)
    if not files.known:
        return ["(no manifest)"]
    found = [name for name in list(files.known) if not files.has(name)]
    files.save()  # the stats of the files just hashed, so that the next build need not hash them
    return found


class DamagedSiteFiles(Exception):
    """A generated file changed or vanished after the data step wrote it; the next build writes it again."""


def publish(source: Path, site_dir: Path) -> int:
    """Copy every sealed file under `source` to the same path under `site_dir` (copies, never links:
    the published site shares no file with the cache); return how many."""
    files = VerifiedCache(source)
    folders: set[str] = set()
    names = sorted(files.known)
    for name in names:
        data = files.read(name)
        if data is None:
            files.save()  # forgotten, so the next build's data step writes it again
            raise DamagedSiteFiles(f"{source / name}: expected the file the data step wrote, got a missing or "
                                   "changed file; build again to write it anew")
        target = os.path.join(site_dir, name)
        folder = os.path.dirname(target)
        if folder not in folders:
            os.makedirs(folder, exist_ok=True)
            folders.add(folder)
        with open(target, "wb") as copy:
            copy.write(data)
    files.save()  # the stats of any file that had to be hashed
    return len(names)
