"""What the open preview pages are told, as Server-Sent Events: after each rebuild, the addresses of
the pages rendered again ("*" for all) and the problems to show (empty when there are none). Each
page's stream names its address, so that a save renders the pages open in a browser first."""

from __future__ import annotations

import json
import threading
from collections import Counter
from contextlib import contextmanager


class Events:
    def __init__(self):
        self._changed = threading.Condition()
        self.version = 0
        self.rebuilds = 0
        self.state = {"version": 0, "rebuilds": 0, "changed": [], "problems": ""}
        self._open: Counter[str] = Counter()  # address of each page listening → how many listen

    @contextmanager
    def listening(self, url_path: str):
        """While a page at `url_path` listens to the stream."""
        with self._changed:
            self._open[url_path] += 1
        try:
            yield
        finally:
            with self._changed:
                self._open[url_path] -= 1
                if self._open[url_path] <= 0:
                    del self._open[url_path]

    def open_pages(self) -> set[str]:
        """The addresses of the pages listening now."""
        with self._changed:
            return set(self._open)

    def publish(self, changed: list[str], problems: str, rebuilt: bool = True) -> None:
        with self._changed:
            self.version += 1
            self.rebuilds += rebuilt
            self.state = {"version": self.version, "rebuilds": self.rebuilds, "changed": changed,
                          "problems": problems}
            self._changed.notify_all()

    def current(self) -> dict:
        """The problems now, for a page that has just connected (nothing to reload)."""
        with self._changed:
            return {**self.state, "changed": []}

    def wait_after(self, version: int, seconds: float) -> dict | None:
        """The next state after `version`, or None when nothing happened within `seconds`."""
        with self._changed:
            self._changed.wait_for(lambda: self.version > version, timeout=seconds)
            return dict(self.state) if self.version > version else None


def message(state: dict) -> bytes:
    return f"data: {json.dumps(state, ensure_ascii=False)}\n\n".encode()
