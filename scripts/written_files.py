"""The generated files written or removed while someone records them: the live preview's data step
(scripts/preview/session.py) learns what it changed from this, instead of comparing the stamps of
the thousands of files under docs/ and the site files before and after.

Every writer of the data step's files notes them here: write_if_changed and remove_stale
(scripts/generated_files.py) and VerifiedCache.write (scripts/verified_cache.py).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

_recorders: list[list[Path]] = []  # one list per recording under way


@contextmanager
def recording() -> Iterator[list[Path]]:
    """The list of the paths written or removed until the block ends, in order (repeats possible)."""
    written: list[Path] = []
    _recorders.append(written)
    try:
        yield written
    finally:
        _recorders.remove(written)


def note(path: Path | str) -> None:
    """`path` has just been written or removed."""
    for written in _recorders:
        written.append(Path(path))
