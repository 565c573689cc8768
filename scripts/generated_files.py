"""Write the generated files (into docs/ and the site files), touching only those whose content changed.

Writing only changed files keeps a second build with unchanged data cheap and keeps the live preview
from reacting to its own writes. Each file's stamp and content digest are remembered in this process
when it is written or read, so a long-lived process (the live preview) does not read a file again
to learn that it still holds what it was given last time.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from scripts import written_files
from scripts.verified_cache import replacing

_known: dict[Path, tuple[tuple[int, ...], bytes]] = {}  # path → (stamp, digest) when last written or read


class OutsideOutput(ValueError):
    """A generated file's path would leave its output folder (an id or key made of '..' or '/')."""


def _stamp(path: Path) -> tuple[int, ...] | None:
    """What changes when anyone writes the file: its change time (which no one can set), modification
    time, size and inode."""
    try:
        stat = os.stat(path)
    except FileNotFoundError:
        return None
    return (stat.st_size, stat.st_ctime_ns, stat.st_mtime_ns, stat.st_ino)


def write_if_changed(path: Path, content: str | bytes) -> bool:
    """Write `content` to `path` unless it already holds it; True when written."""
    if ".." in path.parts or any(part.startswith(("~", "\x00")) for part in path.parts):
        raise OutsideOutput(f"{path}: expected a generated file inside docs/ or .cache/, got a path that leaves it"
                            " (check the ids and keys in data/: lowercase letters, digits and hyphens only)")
    data = content.encode("utf-8") if isinstance(content, str) else content
    digest = hashlib.blake2b(data, digest_size=16).digest()
    stamp = _stamp(path)
    if stamp is not None and _known.get(path) == (stamp, digest):
        return False  # unchanged since this process last wrote or read it
    if stamp is not None and stamp[0] == len(data) and path.read_bytes() == data:
        _known[path] = (stamp, digest)
        return False
    with replacing(path) as partial:
        partial.write_bytes(data)
    _known[path] = (_stamp(path), digest)
    written_files.note(path)
    return True


def remove_stale(candidates, keep) -> list[Path]:
    """Delete the generated files among `candidates` that are no longer in `keep`; return them."""
    stale = sorted(set(candidates) - set(keep))
    for path in stale:
        path.unlink()
        _known.pop(path, None)
        written_files.note(path)
    return stale


def write_files(files: dict[Path, str | bytes], candidates=()) -> list[Path]:
    """Write every file that changed and remove `candidates` not among `files`; return what changed."""
    changed = [path for path, content in files.items() if write_if_changed(path, content)]
    return changed + remove_stale(candidates, files)
