"""Cache folders whose entries are checked before use (PDFs, QR codes, cards, photos, site files).

Each entry is written whole (a temporary file renamed into place) and its sha256 is recorded in the
folder's `.manifest.json`. An entry is used only when its bytes match the recorded hash: a
truncated, corrupted or deleted entry, or one the manifest does not know (written by a build killed
before it saved the manifest), counts as missing and the caller makes it again. A manifest that is
empty, cut short or garbled counts as empty. Several processes may add entries to one folder: each
saves what it added, merged into the manifest on disk under a lock.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

MANIFEST = ".manifest.json"
MANIFEST_LOCK = ".manifest.lock"


@contextmanager
def replacing(target: Path) -> Iterator[Path]:
    """A temporary path beside `target` to write to; when the block ends without an error it takes
    `target`'s place in one rename, so readers (and other processes) never see a half-written file.
    Its name ends in .tmp, which the site files' publishing skips."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f"{target.name}.{os.getpid()}.tmp")
    try:
        yield partial
        partial.replace(target)
    finally:
        partial.unlink(missing_ok=True)


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _read_manifest(path: Path) -> dict[str, str]:
    try:
        known = json.loads(path.read_bytes())
    except (OSError, ValueError):  # missing, empty, cut short or not JSON
        return {}
    if not isinstance(known, dict):
        return {}
    return {name: value for name, value in known.items() if isinstance(name, str) and isinstance(value, str)}


class VerifiedCache:
    """One cache folder; names are paths relative to it (posix, may contain folders)."""

    def __init__(self, folder: Path):
        self.folder = folder
        self._known: dict[str, str] | None = None
        self._added: dict[str, str] = {}
        self._dropped: set[str] = set()

    @property
    def known(self) -> dict[str, str]:
        if self._known is None:
            self._known = _read_manifest(self.folder / MANIFEST)
        return self._known

    def path(self, name: str) -> Path:
        return self.folder / name

    def read(self, name: str) -> bytes | None:
        """The entry's bytes if they match the manifest, else None (and the entry is forgotten)."""
        expected = self.known.get(name)
        if expected is None:
            return None
        try:
            data = self.path(name).read_bytes()
        except OSError:
            data = None
        if data is None or digest(data) != expected:
            self.forget(name)
            return None
        return data

    def has(self, name: str) -> bool:
        return self.read(name) is not None

    def write(self, name: str, data: bytes) -> Path:
        with replacing(self.path(name)) as partial:
            partial.write_bytes(data)
        self._record(name, digest(data))
        return self.path(name)

    def put(self, name: str, data: bytes) -> Path:
        """`write`, but only when the entry is missing or holds other bytes: an unchanged entry keeps
        its file (and modification time), so steps that compare times or copy files can skip it."""
        if self.read(name) != data:
            self.write(name, data)
        return self.path(name)

    def adopt(self, name: str) -> bool:
        """Record an entry another process has written whole into the folder; False if it is not there."""
        try:
            data = self.path(name).read_bytes()
        except OSError:
            return False
        self._record(name, digest(data))
        return True

    def forget(self, name: str) -> None:
        self.known.pop(name, None)
        self._added.pop(name, None)
        self._dropped.add(name)

    def replace_all(self, entries: dict[str, str]) -> None:
        """Make `entries` (name → sha256) the whole manifest; save() then writes it as it is."""
        self._known = dict(entries)
        self._added = dict(entries)
        self._dropped = {"*"}

    def _record(self, name: str, value: str) -> None:
        self.known[name] = value
        self._added[name] = value
        self._dropped.discard(name)

    def save(self) -> None:
        """Write this process's additions and removals into the manifest on disk (merged, whole)."""
        if not self._added and not self._dropped:
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        with open(self.folder / MANIFEST_LOCK, "a") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            on_disk = {} if "*" in self._dropped else _read_manifest(self.folder / MANIFEST)
            for name in self._dropped:
                on_disk.pop(name, None)
            on_disk.update(self._added)
            with replacing(self.folder / MANIFEST) as partial:
                partial.write_text(json.dumps(on_disk, sort_keys=True, separators=(",", ":")), "utf-8")
        self._known = on_disk
        self._added, self._dropped = {}, set()


_opened: dict[tuple[int, Path], VerifiedCache] = {}


def store(folder: Path) -> VerifiedCache:
    """The cache of `folder` shared by this process's callers (a forked child gets its own)."""
    key = (os.getpid(), folder)
    if key not in _opened:
        _opened[key] = VerifiedCache(folder)
    return _opened[key]


def save_all() -> None:
    """Save the manifests of every cache this process has added to or removed from."""
    for (pid, _), cache in list(_opened.items()):
        if pid == os.getpid():
            cache.save()
