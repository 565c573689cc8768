"""Checks for one cell, by the column `type` named in data/project-template.yml (no I/O here).

Each check takes the cell text and returns the parsed value, or raises FieldError saying what was
expected. Numbers follow the file's decimal style: "point" (CSV with commas, .xlsx) or "comma"
(Vietnamese-locale Excel CSV with ";"). Anything ambiguous is rejected, never guessed.
"""

from __future__ import annotations

import datetime
import difflib
import re

from scripts.problems import Text, _
from scripts.slugs import slugify

IDENTIFIER = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
EMAIL = re.compile(r"^[^@\s<>\"',;]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+$")
POINT_NUMBER = re.compile(r"^[+-]?\d+(?:\.\d+)?$")
COMMA_NUMBER = re.compile(r"^[+-]?\d+(?:,\d+)?$")


class FieldError(ValueError):
    def __init__(self, expected: Text, hint: Text = ""):
        super().__init__(expected)
        self.expected = expected
        self.hint = hint


def closest(value: str, choices: list[str]) -> Text:
    match = difflib.get_close_matches(value.strip().lower(), choices, n=1, cutoff=0.5)
    if match:
        return _("did you mean '{match}'?").format(match=match[0])
    return _("allowed: {choices}").format(choices=", ".join(choices))


def identifier(text: str) -> str:
    if not IDENTIFIER.match(text):
        suggestion = slugify(text)
        hint = _("for example '{suggestion}'").format(suggestion=suggestion) if suggestion and IDENTIFIER.match(suggestion) else ""
        raise FieldError(_("lowercase letters a-z, digits and single hyphens"), hint)
    return text


CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def text(value: str) -> str:
    if CONTROL.search(value):
        code = f"{ord(CONTROL.search(value).group()):#04x}"
        raise FieldError(_("text without control characters"),
                         _("retype the cell: it holds an invisible character, code {code}").format(code=code))
    return value


def number(value: str, decimal: str = "point") -> float:
    if decimal == "comma":
        if not COMMA_NUMBER.match(value):
            raise FieldError(
                _("a number with a decimal comma and no thousands separator (this file uses ';' like "
                  "Vietnamese Excel), e.g. 18,83"),
                _("'.' is ambiguous here: write 1234,5 not 1.234,5; or save as 'CSV UTF-8 (comma delimited)'"),
            )
        return float(value.replace(",", "."))
    if not POINT_NUMBER.match(value):
        hint = _("use a decimal point and no thousands separator") if "," in value else ""
        raise FieldError(_("a number with a decimal point, e.g. 18.83"), hint)
    return float(value)


THOUSANDS_DOT = re.compile(r"^\d{1,3}(?:\.\d{3})+$")  # 1.200 or 20.776: Vietnamese for 1,200 and 20,776


def non_negative_number(value: str, decimal: str = "point") -> float:
    """An amount (area, investment): '1.200' is refused, as a Vietnamese writer means 1200 by it."""
    if decimal == "point" and THOUSANDS_DOT.match(value):
        meant = f"{float(value):g}"
        meant += "0" if THOUSANDS_DOT.match(meant) else ""  # 348.1170: three decimals that cannot be misread
        raise FieldError(_("a number with a decimal point and no thousands separator"),
                         _("'{value}' reads as {read} but may mean {whole}: write {whole} (or {meant} if that is meant)")
                         .format(value=value, read=f"{float(value):g}", whole=value.replace(".", ""), meant=meant))
    parsed = number(value, decimal)
    if parsed < 0:
        raise FieldError(_("a number ≥ 0"))
    return parsed


def latitude(value: str, decimal: str = "point") -> float:
    parsed = number(value, decimal)
    if not -90 <= parsed <= 90:
        raise FieldError(_("a latitude between -90 and 90 (Nghệ An is about 18.5 to 20.0)"))
    return parsed


def longitude(value: str, decimal: str = "point") -> float:
    parsed = number(value, decimal)
    if not -180 <= parsed <= 180:
        raise FieldError(_("a longitude between -180 and 180 (Nghệ An is about 103.9 to 105.8)"))
    return parsed


def email(value: str) -> str:
    if not EMAIL.match(value):
        raise FieldError(_("an e-mail address such as name@agency.gov.vn"))
    return value


def url(value: str) -> str:
    if not re.match(r"^https?://[^\s<>\"]+$", value):
        raise FieldError(_("a web address starting with https:// or http://"))
    return value


def date(value: str, today: datetime.date | None = None) -> datetime.date:
    try:
        parsed = datetime.date.fromisoformat(value) if re.match(r"^\d{4}-\d{2}-\d{2}$", value) else None
    except ValueError:
        parsed = None
    if parsed is None:
        raise FieldError(_("a date written YYYY-MM-DD, e.g. 2025-03-13"))
    if parsed > (today or datetime.date.today()):
        raise FieldError(_("a date that is not in the future"))
    return parsed


def choice(value: str, choices: list[str]) -> str:
    if value not in choices:
        raise FieldError(_("one of {choices}").format(choices=", ".join(choices)), closest(value, choices))
    return value


def key_of(value: str, choices: list[str], listed_in: str) -> str:
    """A key defined in another data file (e.g. an agency in data/departments.yml)."""
    if value not in choices:
        raise FieldError(_("a key of {file}").format(file=listed_in), closest(value, choices))
    return value


def locales_listed(value: str, choices: list[str]) -> tuple[str, ...]:
    """Language codes separated by spaces, e.g. "lo" or "en lo" (the translations awaiting a reviewer)."""
    codes = tuple(value.split())
    unknown = [code for code in codes if code not in choices]
    if unknown:
        raise FieldError(_("language codes separated by spaces, among {choices}").format(choices=", ".join(choices)),
                         closest(unknown[0], choices))
    return codes
