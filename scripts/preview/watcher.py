"""The sources' file events, gathered into one batch per save: events wait ~150 ms for quiet, and a
path whose modification time and size are those last seen (our own writes, a second event of the
same save) is left out."""

from __future__ import annotations

import os
import queue
from pathlib import Path

from watchdog.events import FileSystemEventHandler
from watchdog.observers import Observer

QUIET_SECONDS = 0.15
WATCHED = ("docs", "data", "overrides", "locales")  # and mkdocs.yml
IGNORED_SUFFIXES = (".tmp", ".swp", ".swx", "~", ".part", ".mo")  # .mo: compiled by the build from .po


def stamp(path: Path) -> tuple[int, int] | None:
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return (stat.st_mtime_ns, stat.st_size)


def stamps(root: Path) -> dict[Path, tuple[int, int]]:
    """(modification time, size) of every watched file."""
    found = {}
    for name in WATCHED:
        for directory, _, names in os.walk(root / name):
            for file_name in names:
                path = Path(directory) / file_name
                found[path] = stamp(path)
    found[root / "mkdocs.yml"] = stamp(root / "mkdocs.yml")
    return found


class _Events(FileSystemEventHandler):
    def __init__(self, events: queue.Queue):
        self.events = events

    def on_any_event(self, event):
        if event.is_directory:
            return
        for path in (event.src_path, getattr(event, "dest_path", "")):
            if path and not os.fsdecode(path).endswith(IGNORED_SUFFIXES) and "__pycache__" not in os.fsdecode(path):
                self.events.put(Path(os.fsdecode(path)))


class Watcher:
    def __init__(self, root: Path):
        self.root = root
        self.events: queue.Queue[Path] = queue.Queue()
        self.seen = stamps(root)
        self.held: set[Path] = set()  # events taken from the queue by save_waiting, for the next batch
        self.waiting = False  # save_waiting found a save; until the next batch is taken
        self.observer = Observer()
        handler = _Events(self.events)
        for name in WATCHED:
            if (root / name).is_dir():
                self.observer.schedule(handler, str(root / name), recursive=True)
        self.observer.schedule(handler, str(root), recursive=False)

    def start(self) -> None:
        self.observer.start()

    def stop(self) -> None:
        self.observer.stop()

    def remember(self, paths) -> None:
        """These files as they are now count as seen (the files a rebuild wrote itself)."""
        for path in paths:
            self.seen[path] = stamp(path)

    def save_waiting(self, ours: set[Path]) -> bool:
        """Whether a save has come in since the batch being handled: a watched file changed that is
        not among `ours` (the files the rebuild under way writes itself)."""
        while not self.waiting:
            try:
                path = self.events.get_nowait()
            except queue.Empty:
                break
            self.held.add(path)
            self.waiting = path not in ours and self._watched(path) and stamp(path) != self.seen.get(path)
        return self.waiting

    def next_batch(self, idle_after: float | None = None) -> list[Path]:
        """Wait for a save; return the paths it changed (sorted), after the events have stopped. With
        `idle_after`, return [] when no save has come in for that many seconds."""
        while True:
            paths, self.held, self.waiting = self.held, set(), False
            if not paths:
                try:
                    paths.add(self.events.get(timeout=idle_after))
                except queue.Empty:
                    return []
            while True:
                try:
                    paths.add(self.events.get(timeout=QUIET_SECONDS))
                except queue.Empty:
                    break
            changed = sorted(path for path in paths if self._watched(path) and stamp(path) != self.seen.get(path))
            if changed:
                self.remember(changed)
                return changed

    def _watched(self, path: Path) -> bool:
        return path == self.root / "mkdocs.yml" or any(path.is_relative_to(self.root / name) for name in WATCHED)
