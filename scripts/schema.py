"""Declared schemas for the YAML an author edits, and the check that collects every problem.

A schema is built from one line per field: `need("slug")`, `may("url")`, `need(record(...))`,
`need(list_of(...))`, `need(map_of(...))`. Value kinds are the functions in KINDS; each returns None
when the value is right, or what was expected (and a hint). Problems use the spreadsheets' reporter.
"""

from __future__ import annotations

import datetime
import difflib
import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from scripts.catalogue.fields import IDENTIFIER, THOUSANDS_DOT
from scripts.problems import Problem, _, shown
from scripts.safe_yaml import YamlFile, field_name

URL = re.compile(r"^https?://[A-Za-z0-9.-]+(?::\d+)?(?:[/?#][^\s<>\"'`\\]*)?$")
EMAIL = re.compile(r"^[^@\s<>\"',;:]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+$")
PHONE = re.compile(r"^\+?[0-9][0-9 ().-]{5,24}$")
COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
DAY_MONTH_YEAR = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")
TEMPLATE_NAME = re.compile(r"^[a-z0-9][a-z0-9-]*\.html$")
COLUMN_NAME = re.compile(r"^[a-z][a-z0-9_]*$")
MONTH_DAY = re.compile(r"^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$")
YEAR_MONTH = re.compile(r"^(19|20)\d\d-(0[1-9]|1[0-2])$")
DISTANCE = re.compile(r"^\d+(?:\.\d+)?(?:[–-]\d+(?:\.\d+)?)?$")


# A required field that is missing: its key in the message, nothing found (front_matter rewords it for headers).
REQUIRED = _("a '{key}:' line (required)")
NONE = _("none")


@dataclass(frozen=True)
class Field:
    kind: object  # a KINDS name, or a Record, ListOf or MapOf
    required: bool = True


@dataclass(frozen=True)
class Record:
    fields: dict[str, Field]
    position: tuple[str, str] | None = None  # (lat key, lon key) that must be a point inside the province
    open_ended: bool = False  # other keys allowed (mkdocs.yml's extra, shared with the theme)


@dataclass(frozen=True)
class ListOf:
    item: Field
    unique: str = ""  # a key whose value may appear only once in the list (e.g. "id")


@dataclass(frozen=True)
class MapOf:
    value: Field
    keys: str = "slug"  # the KINDS check each key passes


def need(kind) -> Field:
    return Field(kind, True)


def may(kind) -> Field:
    return Field(kind, False)


def record(position: tuple[str, str] | None = None, open_ended: bool = False, **fields: Field) -> Record:
    return Record(fields, position, open_ended)


def list_of(kind, unique: str = "") -> ListOf:
    return ListOf(need(kind), unique)


def map_of(kind, keys: str = "slug") -> MapOf:
    return MapOf(need(kind), keys)


def in_languages(locales: list[str], kind, required: bool = True) -> dict[str, Field]:
    """One field per language: every language of the site, or (optional) none of them."""
    return {locale: Field(kind, required) for locale in locales}


def _number(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def _text(value):
    return None if isinstance(value, str) and value.strip() else (_("text"), _("put it in double quotes") if value else "")


def _slug(value):
    return None if isinstance(value, str) and IDENTIFIER.match(value) else (
        _("a key of lowercase letters a-z, digits and single hyphens"), "")


def _template_name(value):
    """A page template of overrides/ by its file name (never a path that leaves the folder)."""
    return None if isinstance(value, str) and TEMPLATE_NAME.match(value) else (
        _("the file name of a template in overrides/, such as home.html"), "")


def _column_name(value):
    return None if isinstance(value, str) and COLUMN_NAME.match(value) else (
        _("a column name of lowercase letters a-z, digits and '_'"), "")


def _url(value):
    return None if isinstance(value, str) and URL.match(value) else (
        _("a web address starting with https:// or http://"), "")


def _email(value):
    return None if isinstance(value, str) and EMAIL.match(value) else (_("an e-mail address such as name@agency.gov.vn"), "")


def _phone(value):
    return None if isinstance(value, str) and PHONE.match(value) else (
        _("a phone number in quotes, such as \"+84 238 3844 xxx\""), "")


def _date(value):
    if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
        return None
    if isinstance(value, str) and re.match(r"^\d{4}-\d{2}-\d{2}$", value):
        try:
            datetime.date.fromisoformat(value)
            return None
        except ValueError:
            pass
    return _iso_hint(value)


def _iso_hint(value):
    match = DAY_MONTH_YEAR.match(str(value))
    example = f"{match[3]}-{int(match[2]):02d}-{int(match[1]):02d}" if match else "2025-03-13"
    return _("a date in ISO form YYYY-MM-DD"), _("for example {example}").format(example=example)


def _year_or_month(value):
    if isinstance(value, int) and not isinstance(value, bool) and 1900 <= value <= 2100:
        return None
    if isinstance(value, str) and YEAR_MONTH.match(value):
        return None
    return _("a year (2023) or a month written YYYY-MM"), ""


def _month_day(value):
    if isinstance(value, str) and MONTH_DAY.match(value):
        return None
    return _("a day of the year in quotes, written \"MM-DD\""), ""


def _year(value):
    return None if isinstance(value, int) and not isinstance(value, bool) and 1900 <= value <= 2100 else (
        _("a year such as 2024"), "")


def number_kind(value):
    """None for a finite number (not a boolean), else what was expected and a hint."""
    if _number(value):
        return None
    hint = _("write the number without quotes, with a decimal point and no thousands separator")
    return _("a number"), hint if isinstance(value, str) else ""


def _positive(value):
    """An amount; 1.603 is refused as a Vietnamese writer means 1603 by it (three decimals after a dot)."""
    wrong = number_kind(value) or (None if value > 0 else (_("a number > 0"), ""))
    if wrong is None and isinstance(value, float) and THOUSANDS_DOT.match(repr(value)):
        return _("a number with a decimal point and no thousands separator"), _(
            "{value} may mean {meant}: write that, or round to two decimals if the decimals are meant").format(
            value=repr(value), meant=repr(value).replace(".", ""))
    return wrong


def _percent(value):
    return number_kind(value) or (None if 0 <= value <= 100 else (_("a percentage from 0 to 100"), ""))


def _distance(value):
    if _number(value) and value >= 0 or isinstance(value, str) and DISTANCE.match(value):
        return None
    return _("a distance in km (a number, or a range such as \"11–17\")"), ""


def _latitude(value):
    return number_kind(value) or (None if -90 <= value <= 90 else (_("a latitude between -90 and 90"), ""))


def _longitude(value):
    return number_kind(value) or (None if -180 <= value <= 180 else (_("a longitude between -180 and 180"), ""))


def _boolean(value):
    return None if isinstance(value, bool) else (_("true or false"), "")


def _colour(value):
    return None if isinstance(value, str) and COLOUR.match(value) else (
        _("a colour written \"#rrggbb\" (six hexadecimal digits, in quotes)"), _("nothing else is allowed in a colour"))


def _text_list(value):
    return None if isinstance(value, list) and all(isinstance(v, str) and v.strip() for v in value) else (
        _("a list of texts, e.g. [A, B]"), "")


def _vnd_per_usd(value):
    """VND per US dollar: a number in a plausible range, so '24.406' (a thousands dot) is caught."""
    wrong = number_kind(value)
    if wrong:
        return wrong
    if not 10_000 <= value <= 100_000:
        return _("VND per US dollar, a number between 10000 and 100000"), (
            _("{value} looks like {meant} written with a thousands dot").format(value=f"{value:g}", meant=f"{value * 1000:g}")
            if 10 <= value <= 100 else "")
    return None


def _point(value):
    if isinstance(value, list) and len(value) == 2 and not any(number_kind(v) for v in value):
        return None
    return _("a point [latitude, longitude]"), ""


def _text_or_languages(value):
    if isinstance(value, str) and value.strip():
        return None
    if isinstance(value, dict) and value and all(isinstance(k, str) and isinstance(v, str) for k, v in value.items()):
        return None
    return _("a text, or one text per language ({{vi: …, en: …, lo: …}})"), ""


MEDIA_PATH = re.compile(r"^[a-z0-9][a-z0-9_-]*(?:/[a-z0-9][a-z0-9_-]*)*\.[a-z0-9]+$")


def _media_path(value):
    """A file under docs/assets/media/ (lowercase, no '..'), or one per language."""
    values = value.values() if isinstance(value, dict) and value else [value]
    if all(isinstance(v, str) and MEDIA_PATH.match(v) for v in values):
        return None
    return (_("a file name under docs/assets/media/ such as views/harbour.jpg (lowercase letters, digits, '-', '_'),"
              " or one per language ({{vi: …, en: …, lo: …}})"), "")


def _licence(value):
    from scripts.media.items import LICENCES

    return None if value in LICENCES else (_("a licence, one of {licences}").format(licences=", ".join(LICENCES)),
                                           _("only media whose rights are clear are published"))


def _media_kind(value):
    from scripts.media.items import KINDS as MEDIA_KINDS

    return None if value in MEDIA_KINDS else (_("one of {kinds}").format(kinds=", ".join(MEDIA_KINDS)), "")


KINDS: dict[str, Callable] = {
    "text": _text, "slug": _slug, "column_name": _column_name, "template_name": _template_name, "url": _url, "email": _email, "phone": _phone,
    "date": _date, "year_or_month": _year_or_month, "month_day": _month_day, "year": _year,
    "number": number_kind, "positive_number": _positive, "percent": _percent, "distance": _distance,
    "latitude": _latitude, "longitude": _longitude, "boolean": _boolean, "colour": _colour, "texts": _text_list,
    "vnd_per_usd": _vnd_per_usd, "point": _point, "text_or_languages": _text_or_languages,
    "media_path": _media_path, "licence": _licence, "media_kind": _media_kind,
}

# Kinds whose text is right exactly when it matches one expression: the editor's forms refuse what the
# build refuses with these (scripts/editor/decap_config.py). Numbers, dates and booleans have widgets.
PATTERNS: dict[str, re.Pattern] = {
    "slug": IDENTIFIER, "column_name": COLUMN_NAME, "template_name": TEMPLATE_NAME, "url": URL, "email": EMAIL,
    "phone": PHONE, "month_day": MONTH_DAY, "colour": COLOUR, "distance": DISTANCE,
}


@dataclass
class Checker:
    """Walks a parsed file against its schema; `inside` is the point-in-province test (lon, lat)."""
    source: YamlFile
    inside: Callable[[float, float], bool] | None = None
    problems: list[Problem] = field(default_factory=list)

    def check(self, value, kind, where: tuple) -> None:
        if isinstance(kind, Record):
            self._record(value, kind, where)
        elif isinstance(kind, ListOf):
            self._list(value, kind, where)
        elif isinstance(kind, MapOf):
            self._map(value, kind, where)
        else:
            wrong = KINDS[kind](value)
            if wrong:
                self.add(where, wrong[0], _got(value), wrong[1])

    def add(self, where: tuple, expected: str, got: str, hint: str = "") -> None:
        self.problems.append(Problem(self.source.path, self.source.line(where), field_name(where), expected, got, hint))

    def _record(self, value, kind: Record, where: tuple) -> None:
        if not isinstance(value, dict):
            self.add(where, _("a block of fields ({fields})").format(fields=", ".join(kind.fields)), _got(value))
            return
        for key in value:
            if key not in kind.fields and not kind.open_ended:
                match = difflib.get_close_matches(str(key), list(kind.fields), n=1, cutoff=0.6)
                hint = (_("did you mean '{match}'?").format(match=match[0]) if match
                        else _("allowed: {fields}").format(fields=", ".join(kind.fields)))
                self.add((*where, key), _("a field of this block"), _("unknown field {name}").format(name=shown(str(key))),
                         hint)
        for key, spec in kind.fields.items():
            if key in value and value[key] not in (None, ""):  # an empty optional value is left out
                self.check(value[key], spec.kind, (*where, key))
            elif spec.required:
                self.add((*where, key), REQUIRED.format(key=key), NONE)
        if kind.position and self.inside is not None:
            self._position(value, kind.position, where)

    def _position(self, value: dict, keys: tuple[str, str], where: tuple) -> None:
        lat, lon = (value.get(key) for key in keys)
        if _number(lat) and _number(lon) and not self.inside(lon, lat):
            hint = _("latitude and longitude look swapped") if self.inside(lat, lon) else _("outside the province")
            self.add((*where, keys[0]), _("a point inside Nghệ An"), f"{lat}, {lon}", hint)

    def _list(self, value, kind: ListOf, where: tuple) -> None:
        if not isinstance(value, list):
            self.add(where, _("a list (lines starting with '- ')"), _got(value))
            return
        first: dict = {}
        for index, item in enumerate(value):
            here = (*where, index)
            self.check(item, kind.item.kind, here)
            key = item.get(kind.unique) if kind.unique and isinstance(item, dict) else None
            if not isinstance(key, (str, int)) or isinstance(key, bool):
                continue
            if key in first:
                self.add((*here, kind.unique), _("each {key} once in the file").format(key=kind.unique), shown(str(key)),
                         _("already used at line {line}").format(line=first[key]))
            else:
                first[key] = self.source.line((*here, kind.unique))

    def _map(self, value, kind: MapOf, where: tuple) -> None:
        if not isinstance(value, dict) or not value:
            self.add(where, _("a block of 'key: …' entries"), _got(value))
            return
        for key, item in value.items():
            wrong = KINDS[kind.keys](key) if isinstance(key, str) else KINDS[kind.keys](None)
            if wrong:
                self.add((*where, key), wrong[0], shown(str(key)), wrong[1])
            self.check(item, kind.value.kind, (*where, key))


def _got(value) -> str:
    if value is None:
        return _("nothing")
    if isinstance(value, str):
        return shown(value)
    if isinstance(value, (dict, list)):
        return _("a block") if isinstance(value, dict) else _("a list")
    return str(value)


def check_file(source: YamlFile, schema: Record, inside=None) -> list[Problem]:
    """Every problem of a parsed file: its YAML problems, or those of its values against `schema`."""
    if source.problems:
        return source.problems
    checker = Checker(source, inside)
    checker.check(source.data if source.data is not None else {}, schema, ())
    return checker.problems
