"""Cache folders whose entries are checked before use (PDFs, QR codes, cards, photos, site files).

Each entry is written whole (a temporary file renamed into place) and its sha256 is recorded in the
folder's `.manifest.json`. An entry is used only when its bytes match the recorded hash: a
truncated, corrupted or deleted entry, or one the manifest does not know (written by a build killed
before it saved the manifest), counts as missing and the caller makes it again. A manifest that is
empty, cut short or garbled counts as empty. Several processes may add entries to one folder: each
saves what it added, merged into the manifest on disk under a lock.

Checking every entry's hash on every build means reading every cached file again, so a file
beside the folder, `<folder>.manifest-stats.json` (beside, not in it: code that publishes or seals
every file of a folder never sees it), records, for each entry whose hash was checked, the file's size,
modification time (ns) and inode together with that hash. While the file's stat is still exactly the
recorded one and the recorded hash is still the manifest's, the entry is taken as checked; any other
stat (the file written again, cut short, replaced or deleted) means its bytes are hashed again.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from scripts import written_files

MANIFEST = ".manifest.json"
MANIFEST_LOCK = ".manifest.lock"
STATS_SUFFIX = ".manifest-stats.json"
BOOKKEEPING = (MANIFEST, MANIFEST_LOCK)  # the folder's own files, never entries

Stat = tuple[int, int, int]  # size, mtime in ns, inode


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


def _read_stats(path: Path) -> dict[str, tuple[str, Stat]]:
    """name → (hash checked, stat of the file then); anything unreadable counts as nothing recorded."""
    try:
        recorded = json.loads(path.read_bytes())
    except (OSError, ValueError):
        return {}
    if not isinstance(recorded, dict):
        return {}
    stats = {}
    for name, value in recorded.items():
        if (isinstance(value, list) and len(value) == 4 and isinstance(value[0], str)
                and all(type(number) is int for number in value[1:])):
            stats[name] = (value[0], (value[1], value[2], value[3]))
    return stats


def _stat(path: Path | str) -> Stat | None:
    try:
        found = os.stat(path)
    except OSError:
        return None
    return found.st_size, found.st_mtime_ns, found.st_ino


class VerifiedCache:
    """One cache folder; names are paths relative to it (posix, may contain folders)."""

    def __init__(self, folder: Path):
        self.folder = folder
        self._known: dict[str, str] | None = None
        self._added: dict[str, str] = {}
        self._dropped: set[str] = set()
        self._stats: dict[str, tuple[str, Stat]] | None = None
        self._stats_added: dict[str, tuple[str, Stat]] = {}

    @property
    def known(self) -> dict[str, str]:
        if self._known is None:
            self._known = _read_manifest(self.folder / MANIFEST)
        return self._known

    @property
    def stats(self) -> dict[str, tuple[str, Stat]]:
        if self._stats is None:
            self._stats = _read_stats(self.stats_path)
        return self._stats

    @property
    def stats_path(self) -> Path:
        return self.folder.with_name(self.folder.name + STATS_SUFFIX)

    def path(self, name: str) -> Path:
        return self.folder / name

    def _file(self, name: str) -> str:
        """The entry's path as a string (cheaper than a Path for the thousands read per build)."""
        return os.path.join(self.folder, name)

    def _bytes(self, name: str) -> bytes:
        with open(self._file(name), "rb") as entry:
            return entry.read()

    def unchanged(self, name: str) -> bool:
        """True when the entry's file still has the stat recorded when its bytes last matched the
        manifest's hash (so they need not be hashed again)."""
        expected = self.known.get(name)
        recorded = self.stats.get(name)
        return (expected is not None and recorded is not None and recorded[0] == expected
                and _stat(self._file(name)) == recorded[1])

    def read(self, name: str) -> bytes | None:
        """The entry's bytes if they match the manifest, else None (and the entry is forgotten)."""
        expected = self.known.get(name)
        if expected is None:
            return None
        if self.unchanged(name):
            try:
                return self._bytes(name)
            except OSError:
                pass
        return self._checked(name, expected)

    def _checked(self, name: str, expected: str) -> bytes | None:
        before = _stat(self._file(name))  # taken before reading: a change while reading shows next time
        try:
            data = self._bytes(name)
        except OSError:
            data = None
        if data is None or before is None or digest(data) != expected:
            self.forget(name)
            return None
        self._note_stat(name, expected, before)
        return data

    def fingerprint(self, name: str) -> str | None:
        """The sha256 of the file `name` as it is now, known to the manifest or not: the hash recorded
        with its stat while that stat is unchanged, else hashed again (and recorded); None if missing."""
        now = _stat(self._file(name))
        recorded = self.stats.get(name)
        if now is not None and recorded is not None and recorded[1] == now:
            return recorded[0]
        try:
            data = self._bytes(name)
        except OSError:
            return None
        value = digest(data)
        if now is not None:
            self._note_stat(name, value, now)
        return value

    def has(self, name: str) -> bool:
        expected = self.known.get(name)
        return expected is not None and (self.unchanged(name) or self._checked(name, expected) is not None)

    def write(self, name: str, data: bytes) -> Path:
        with replacing(self.path(name)) as partial:
            partial.write_bytes(data)
            written = _stat(partial)  # the same file once renamed into place
        value = digest(data)
        self._record(name, value)
        if written is not None:
            self._note_stat(name, value, written)
        written_files.note(self.path(name))
        return self.path(name)

    def put(self, name: str, data: bytes) -> Path:
        """`write`, but only when the entry is missing or holds other bytes: an unchanged entry keeps
        its file (and modification time), so steps that compare times or copy files can skip it."""
        if self.read(name) != data:
            self.write(name, data)
        return self.path(name)

    def adopt(self, name: str) -> bool:
        """Record an entry another process has written whole into the folder; False if it is not there."""
        before = _stat(self._file(name))
        try:
            data = self._bytes(name)
        except OSError:
            return False
        value = digest(data)
        self._record(name, value)
        if before is not None:
            self._note_stat(name, value, before)
        return True

    def forget(self, name: str) -> None:
        self.known.pop(name, None)
        self._added.pop(name, None)
        self._dropped.add(name)
        self.stats.pop(name, None)
        self._stats_added.pop(name, None)

    def _note_stat(self, name: str, value: str, stat: Stat) -> None:
        if self.stats.get(name) != (value, stat):
            self.stats[name] = (value, stat)
            self._stats_added[name] = (value, stat)

    def replace_all(self, entries: dict[str, str]) -> None:
        """Make `entries` (name → sha256) the whole manifest; save() then writes it as it is."""
        self._known = dict(entries)
        self._added = dict(entries)
        self._dropped = {"*"}

    def record(self, name: str, value: str) -> None:
        """Make `value` the manifest's sha256 of `name` (a file another writer has just written whole)."""
        self._record(name, value)

    def _record(self, name: str, value: str) -> None:
        self.known[name] = value
        self._added[name] = value
        self._dropped.discard(name)

    def save(self) -> None:
        """Write this process's additions and removals into the manifest on disk (merged, whole),
        and the stats it recorded beside it."""
        if not self._added and not self._dropped and not self._stats_added:
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        with open(self.folder / MANIFEST_LOCK, "a") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            on_disk = {} if "*" in self._dropped else _read_manifest(self.folder / MANIFEST)
            for name in self._dropped:
                on_disk.pop(name, None)
            on_disk.update(self._added)
            if self._added or self._dropped:
                with replacing(self.folder / MANIFEST) as partial:
                    partial.write_text(json.dumps(on_disk, sort_keys=True, separators=(",", ":")), "utf-8")
            stats = _read_stats(self.stats_path)
            stats.update(self._stats_added)
            stats = {name: recorded for name, recorded in stats.items() if on_disk.get(name) == recorded[0]}
            with replacing(self.stats_path) as partial:
                partial.write_text(json.dumps({name: [value, *stat] for name, (value, stat) in stats.items()},
                                              sort_keys=True, separators=(",", ":")), "utf-8")
        self._known, self._stats = on_disk, stats
        self._added, self._dropped, self._stats_added = {}, set(), {}


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
