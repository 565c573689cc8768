"""What was made from each record (a project's page, its QR code, its embeddable card), kept in the live
preview's process and made again only when the record or the inputs shared by every record changed.

After a save of one spreadsheet row the preview's data step thus renders that row's files again, not the
thousands of others. A full build never uses what was kept: it forgets it and makes everything from the
sources (scripts/catalogue/build_step.py), so a change of templates, translations or code, which the
preview answers with a full build, is never hidden by it; in the preview's process it keeps what it made.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any

_NOTHING = object()


class RenderMemo:
    def __init__(self):
        self.kept = False  # whether full builds in this process keep what they make too (the preview's)
        self._shared: Any = _NOTHING
        self._made: dict[Hashable, tuple[Any, Any]] = {}  # key → (the record it was made from, the value)

    def keep(self) -> None:
        """Full builds in this process keep what they make, for the next save's step (the preview's
        start-up build, so that its first save is as quick as the next)."""
        self.kept = True

    def share(self, shared: Any) -> None:
        """The inputs every value is also made from (the page context, the languages): when they differ
        from the last ones, everything is made again."""
        if self._shared is _NOTHING or shared != self._shared:
            self._made.clear()
            self._shared = shared

    def forget(self) -> None:
        self._made.clear()
        self._shared = _NOTHING

    def get(self, key: Hashable, record: Any, make: Callable[[], Any]) -> Any:
        """The value for `key`, made by `make()` unless it was last made from an equal `record`."""
        stored = self._made.get(key)
        if stored is not None and stored[0] == record:
            return stored[1]
        value = make()
        self._made[key] = (record, value)
        return value


class NoMemo:
    """Makes every value (a full build)."""

    def share(self, shared: Any) -> None:
        pass

    def get(self, key: Hashable, record: Any, make: Callable[[], Any]) -> Any:
        return make()


MAKE_EVERYTHING = NoMemo()
