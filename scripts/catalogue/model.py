"""A validated catalogue project (no I/O but the fallback language, read from mkdocs.yml once)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from scripts.languages import fallback_locale

FALLBACK_LOCALE = fallback_locale()  # the template's contract: an empty Lao field shows the English text


# Statuses of an investment opportunity; the others ("licensed") are the province's track record.
OPPORTUNITY_STATUSES = ("calling", "preparing")


@dataclass(frozen=True)
class Project:
    id: str
    names: dict[str, str]  # locale → name; a missing locale means "not translated"
    summaries: dict[str, str]
    sector: str
    locality: str
    lat: float
    lon: float
    status: str
    updated: datetime.date
    department: str  # key in data/departments.yml (the file's name)
    agency: str = ""  # key in data/departments.yml of the agency an investor contacts ("" = the department)
    review: tuple[str, ...] = ()  # locales whose text awaits a native reviewer (column `review`)
    area_ha: float | None = None
    investment_vnd_bn: float | None = None
    investment_usd_m: float | None = None
    form: str | None = None
    contact: str | None = None
    source: str | None = None
    position_note: str | None = None
    origin: str = ""  # "path:line" of the row, for messages

    @property
    def is_opportunity(self) -> bool:
        return self.status in OPPORTUNITY_STATUSES

    @property
    def contact_agency(self) -> str:
        """Key of the agency an investor contacts about this project."""
        return self.agency or self.department

    def name(self, locale: str, fallback: str) -> tuple[str, str]:
        """(name, locale it is written in) for `locale`, falling back to `fallback`."""
        return (self.names[locale], locale) if locale in self.names else (self.names[fallback], fallback)

    def summary(self, locale: str, fallback: str) -> tuple[str, str]:
        if locale in self.summaries:
            return self.summaries[locale], locale
        return self.summaries[fallback], fallback
