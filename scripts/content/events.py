"""Events from data/events.yml: upcoming and past lists per language, and an iCalendar file."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from pathlib import Path

from babel.dates import format_date

from scripts import folders
from scripts.languages import declared_locales
from scripts.parsed_files import yaml_data
from scripts.templates_env import render

EVENTS_FILE = "events.yml"  # in the project's data/


@dataclass(frozen=True)
class Event:
    id: str
    text: dict  # locale → {"name", "place"}
    source: str
    start: datetime.date | None = None
    end: datetime.date | None = None
    yearly: str | None = None  # "MM-DD"
    since: int | None = None

    def occurrence(self, today: datetime.date) -> tuple[datetime.date, datetime.date]:
        """The dates shown: a one-off event's own, or an anniversary's next one (this year or next)."""
        if self.yearly is None:
            return self.start, self.end or self.start
        month, day = (int(part) for part in self.yearly.split("-"))
        this_year = datetime.date(today.year, month, day)
        when = this_year if this_year >= today else datetime.date(today.year + 1, month, day)
        return when, when


def load_events(path: Path | None = None) -> list[Event]:
    data = yaml_data(path or folders.current().data / EVENTS_FILE)
    return [Event(entry["id"], {k: v for k, v in entry.items() if k in declared_locales()}, entry["source"],
                  entry.get("start"), entry.get("end"), entry.get("yearly"), entry.get("since"))
            for entry in data["events"]]


def _date_range(start: datetime.date, end: datetime.date, locale: str) -> str:
    first = format_date(start, format="long", locale=locale)
    return first if start == end else f"{first} – {format_date(end, format='long', locale=locale)}"


def events_html(events: list[Event], locale: str, today: datetime.date, calendar_href: str) -> str:
    """The upcoming events, soonest first, then the past ones, latest first (templates/events.html)."""
    dated = sorted(((event, *event.occurrence(today)) for event in events), key=lambda item: item[1])

    def shown(items) -> list[tuple[Event, datetime.date, str]]:
        return [(event, start, _date_range(start, end, locale)) for event, start, end in items]

    return render("events.html", locale, calendar_href=calendar_href,
                  upcoming=shown(item for item in dated if item[2] >= today),
                  past=shown(item for item in reversed(dated) if item[2] < today))
