"""What the open preview pages are told, as Server-Sent Events: after each rebuild, the addresses of
the pages rendered again ("*" for all) and the problems to show (empty when there are none)."""

from __future__ import annotations

import json
import threading


class Events:
    def __init__(self):
        self._changed = threading.Condition()
        self.version = 0
        self.rebuilds = 0
        self.state = {"version": 0, "rebuilds": 0, "changed": [], "problems": ""}

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
