"""Events from data/events.yml: upcoming and past lists per language, and an iCalendar file."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from pathlib import Path

from babel.dates import format_date

from scripts import folders
from scripts.languages import declared_locales
from scripts.locales import gettext_for
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


def _ics_text(value: str) -> str:
    """RFC 5545 TEXT: backslash, ';' and ',' escaped; any line break (CR, LF or both) written as \\n."""
    value = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return re.sub(r"\r\n|\r|\n", r"\\n", value)


def _ics_uri(value: str) -> str:
    """A URI value: no control character or space can end the line and start another property."""
    return re.sub(r"[\x00-\x20\x7f]", "", value)


def _fold(line: str) -> str:
    """RFC 5545: lines longer than 75 octets continue on the next line after a space."""
    data = line.encode("utf-8")
    parts, current = [], b""
    for char in line:
        encoded = char.encode("utf-8")
        if len(current) + len(encoded) > (75 if not parts else 74):
            parts.append(current)
            current = b""
        current += encoded
    parts.append(current)
    return "\r\n ".join(part.decode("utf-8") for part in parts) if len(data) > 75 else line


def calendar_ics(events: list[Event], locale: str, stamp: datetime.date, site_url: str) -> str:
    """An iCalendar (RFC 5545) file; anniversaries repeat every year."""
    _ = gettext_for(locale)
    name = _("Nghệ An events")
    host = site_url.split("/")[2] if "//" in site_url else "nghean"
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Nghe An Investment Portal//Events//EN",
             "CALSCALE:GREGORIAN", f"X-WR-CALNAME:{_ics_text(name)}"]
    for event in events:
        if event.yearly:
            month, day = (int(part) for part in event.yearly.split("-"))
            start = datetime.date(event.since or stamp.year, month, day)
            end = start
        else:
            start, end = event.start, event.end or event.start
        lines += ["BEGIN:VEVENT", f"UID:{event.id}-{locale}@{host}", f"DTSTAMP:{stamp:%Y%m%d}T000000Z",
                  f"DTSTART;VALUE=DATE:{start:%Y%m%d}",
                  f"DTEND;VALUE=DATE:{end + datetime.timedelta(days=1):%Y%m%d}",
                  f"SUMMARY:{_ics_text(event.text[locale]['name'])}",
                  f"LOCATION:{_ics_text(event.text[locale]['place'])}", f"URL:{_ics_uri(event.source)}"]
        if event.yearly:
            lines.append("RRULE:FREQ=YEARLY")
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    return "\r\n".join(_fold(line) for line in lines) + "\r\n"
