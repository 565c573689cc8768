"""One build at a time per project: an exclusive lock (flock) on `.build.lock` at the project's root.

Two builds at once would write the same generated files in docs/ and .cache/. The second build
waits, saying so, or with `wait=False` stops with a message. The kernel releases the lock when the
last process holding it ends, so a killed build never leaves it taken. The lock's descriptor is
passed to the build's child processes (MkDocs), which then hold it as long as they run.
"""

from __future__ import annotations

import fcntl
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

LOCK_FILE = ".build.lock"


class BuildBusy(Exception):
    """Another build of the same project holds the lock (and the caller chose not to wait)."""


@contextmanager
def one_build(project: Path, wait: bool = True) -> Iterator[int]:
    """Hold the project's build lock for the block; yields the lock's file descriptor."""
    path = project / LOCK_FILE
    with open(path, "a") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            if not wait:
                raise BuildBusy(f"{path}: another build of this project is running; "
                                "try again when it has finished (or leave out --no-wait to wait for it)") from None
            print(f"Another build of {project} is running; waiting for it to finish…", file=sys.stderr, flush=True)
            fcntl.flock(handle, fcntl.LOCK_EX)
        yield handle.fileno()
