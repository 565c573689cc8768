"""Figures formatted for a page's language with Babel (no I/O)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from functools import cache, lru_cache

from babel import Locale
from babel.dates import format_date
from babel.numbers import format_decimal

from scripts.locales import gettext_for


@dataclass(frozen=True)
class ExchangeRate:
    vnd_per_usd: float
    date: str  # YYYY-MM-DD the rate refers to
    source: str  # public address the rate comes from


@cache
def _locale(code: str) -> Locale:
    return Locale.parse(code)  # parsed once: Babel would parse the code again for every figure


@lru_cache(maxsize=65536)  # the same figures are written on a project's page, card, list item and factsheet
def number(value: float, locale: str, digits: int = 2) -> str:
    return format_decimal(round(value, digits), locale=_locale(locale))


def area(value: float, locale: str) -> str:
    _ = gettext_for(locale)
    return _("%(area)s ha") % {"area": number(value, locale)}


def vnd_billion(value: float, locale: str) -> str:
    _ = gettext_for(locale)
    return _("%(amount)s billion VND") % {"amount": number(value, locale, 1)}


def usd_million(value: float, locale: str) -> str:
    _ = gettext_for(locale)
    return _("US$%(amount)s million") % {"amount": number(value, locale, 1)}


def key_figures(area_ha: float | None, vnd_bn: float | None, usd_m: float | None, locale: str) -> list[str]:
    """A project's area and investment as its source gives them (VND if given, else US$), for a short
    line (list items, cards, map popups); figures not published are left out."""
    figures = [] if area_ha is None else [area(area_ha, locale)]
    if vnd_bn is not None:
        figures.append(vnd_billion(vnd_bn, locale))
    elif usd_m is not None:
        figures.append(usd_million(usd_m, locale))
    return figures


def investment(vnd_bn: float | None, usd_m: float | None, rate: ExchangeRate, locale: str) -> str:
    """The investment as published, with an approximate value in the other currency."""
    _ = gettext_for(locale)
    if vnd_bn is not None:
        approximate = usd_million(vnd_bn * 1000 / rate.vnd_per_usd, locale)
        return _("%(amount)s (about %(other)s)") % {"amount": vnd_billion(vnd_bn, locale), "other": approximate}
    if usd_m is not None:
        approximate = vnd_billion(usd_m * rate.vnd_per_usd / 1000, locale)
        return _("%(amount)s (about %(other)s)") % {"amount": usd_million(usd_m, locale), "other": approximate}
    return ""


def investment_in_vnd_bn(vnd_bn: float | None, usd_m: float | None, rate: ExchangeRate) -> float | None:
    """One comparable figure for sorting: billion VND, converted from USD where needed."""
    if vnd_bn is not None:
        return vnd_bn
    return None if usd_m is None else usd_m * rate.vnd_per_usd / 1000


@lru_cache(maxsize=4096)
def long_date(value: datetime.date, locale: str) -> str:
    return format_date(value, format="long", locale=_locale(locale))
