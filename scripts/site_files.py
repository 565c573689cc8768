"""Generated files published exactly as they are, a few per project: PDF factsheets, QR codes and
embeddable cards.

There are thousands of them with a large catalogue. In docs/, MkDocs and mkdocs-static-i18n would
look at and copy every one once per language; they are written to `.cache/site-files/` instead
(same relative paths as in the site) and linked into the built site once, at the end of the build.
Links to them are raw HTML written by our own code, so MkDocs does not need to see them.
"""

from __future__ import annotations

import os
import shutil
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator


def folder(docs_dir: Path) -> Path:
    """Where the generated files of the project whose docs are `docs_dir` are written."""
    return docs_dir.parent / ".cache" / "site-files"


@contextmanager
def replacing(target: Path) -> Iterator[Path]:
    """A temporary path beside `target` to write to; when the block ends without an error it takes
    `target`'s place in one rename, so readers (and other processes) never see a half-written file.
    Its name ends in .tmp, which publish() skips."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f"{target.name}.{os.getpid()}.tmp")
    try:
        yield partial
        partial.replace(target)
    finally:
        partial.unlink(missing_ok=True)


def link_or_copy(source: Path, target: Path) -> None:
    """Put `source` at `target`: a hard link where both are on one file system, else a copy. The
    files linked are never rewritten in place (they are replaced), so the two never change together."""
    target.unlink(missing_ok=True)
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)


def publish(source: Path, site_dir: Path) -> int:
    """Put every file under `source` at the same path under `site_dir`; return how many."""
    count = 0
    for directory, _, names in os.walk(source):
        relative = Path(directory).relative_to(source)
        (site_dir / relative).mkdir(parents=True, exist_ok=True)
        for name in names:
            if not name.endswith(".tmp"):
                link_or_copy(Path(directory) / name, site_dir / relative / name)
                count += 1
    return count
