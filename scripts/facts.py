"""A project's or park's facts as data, listed once and drawn by one template on its page
(scripts/templates/fact-list.html) and in its printed factsheet (scripts/templates/fact-table.html)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Fact:
    term: str
    text: str  # what is shown; "" leaves the fact out, unless the source publishes none (`missing`)
    link: str | None = None  # on screen the text links here; printed, a web address is printed instead of the text
    note: str = ""  # a smaller line under the text: how a figure was worked out
    note_link: str | None = None  # the source of the note
    missing: bool = False  # the source publishes none: shown as "Not published"

    @property
    def shown(self) -> bool:
        return bool(self.text) or self.missing

    @property
    def printed(self) -> str:
        """The text on paper, where a link cannot be followed: a web address in place of its text."""
        return self.link if self.link and self.link.startswith(("http://", "https://")) else self.text


def not_published(term: str) -> Fact:
    return Fact(term, "", missing=True)
