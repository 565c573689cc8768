"""The catalogue's shared facts, read from data/: the column contract, the vocabularies, the
departments and agencies (names and the contact facts a public source gives)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from scripts import folders
from scripts.languages import fallback_locale
from scripts.parsed_files import parsed, yaml_data
from scripts.problems import Problem, shown


@dataclass(frozen=True)
class Column:
    name: str
    required: bool
    type: str
    description: dict[str, str]  # locale → text
    help: dict[str, str]  # locale → the short input message of the Excel template


CONTACT_FIELDS = ("website", "address", "phone", "email", "source")
AGENCY_FIELDS = ("contact",) + CONTACT_FIELDS  # an entry's fields other than its names (one per locale)
HTTPS_URL = re.compile(r"https://[^\s/]+\.[^\s/]+(/\S*)?")
WEB_URL = re.compile(r"https?://[^\s/]+\.[^\s/]+(/\S*)?")  # a source as it was found
EMAIL = re.compile(r"[^@\s<>\"]+@[^@\s<>\"]+\.[a-z]{2,}", re.IGNORECASE)
PHONE = re.compile(r"\+?[0-9][0-9 .()-]{5,}[0-9]")
FIELD_PATTERNS = {"website": (HTTPS_URL, "an https:// address"), "source": (WEB_URL, "a web address"),
                  "email": (EMAIL, "an e-mail address"), "phone": (PHONE, "a telephone number (digits, spaces, + . - ( ))")}


@dataclass(frozen=True)
class Agency:
    """A department or agency of data/departments.yml: its names and the contact facts its public
    `source` gives (None where none is published). `contact` names the agency to contact for a
    department that is not one itself (the rows compiled from public sources)."""
    key: str
    names: dict[str, str]  # locale → name
    website: str | None = None
    address: str | None = None
    phone: str | None = None
    email: str | None = None
    source: str | None = None
    contact: str | None = None

    def name(self, locale: str) -> str:
        return self.names.get(locale) or self.names.get(fallback_locale()) or self.key

    @property
    def reachable(self) -> bool:
        """Whether a public source gives any way to reach it (its contact card is worth saving)."""
        return any((self.website, self.address, self.phone, self.email))

    # Callers written when an entry was a plain {locale: name} mapping keep working.
    def __getitem__(self, locale: str) -> str:
        return self.names[locale]

    def get(self, locale: str, default=None):
        return self.names.get(locale, default)

    def __contains__(self, locale: str) -> bool:
        return locale in self.names


@dataclass(frozen=True)
class Vocabularies:
    columns: tuple[Column, ...]
    sectors: dict[str, dict[str, str]]  # key → {"colour": "#…", "vi": …, "en": …, "lo": …}
    statuses: dict[str, dict[str, str]]
    forms: dict[str, dict[str, str]]
    departments: dict[str, Agency]  # key → names and contact facts
    news_tags: dict[str, dict[str, str]]
    department_problems: tuple[Problem, ...] = ()  # data/departments.yml's, reported with the catalogue's

    def agency(self, key: str) -> Agency:
        """The agency to contact about rows of `key`: the department itself, or the one its `contact` names."""
        department = self.departments[key]
        return self.departments.get(department.contact, department) if department.contact else department

    def label(self, vocabulary: str, key: str, locale: str) -> str:
        return getattr(self, vocabulary)[key][locale]

    def department_name(self, key: str, locale: str) -> str:
        """A department's or agency's name in `locale` (its key when data/departments.yml lacks it)."""
        return self.departments.get(key, {}).get(locale, key)


def _read_yaml(path: Path) -> dict:
    return yaml_data(path)


def _lines(path: Path) -> dict[tuple[str, ...], int]:
    """The line of each key and nested key of a YAML mapping file (1-based)."""
    return parsed(path, _read_lines)


def _read_lines(path: Path) -> dict[tuple[str, ...], int]:
    with open(path, encoding="utf-8") as handle:
        root = yaml.compose(handle)
    lines: dict[tuple[str, ...], int] = {}
    for key_node, value_node in getattr(root, "value", []) if isinstance(root, yaml.MappingNode) else []:
        lines[(key_node.value,)] = key_node.start_mark.line + 1
        if isinstance(value_node, yaml.MappingNode):
            for field_node, _ in value_node.value:
                lines[(key_node.value, field_node.value)] = field_node.start_mark.line + 1
    return lines


def _agency_problems(key: str, entry, keys, shown_path: str, lines) -> list[Problem]:
    line = lines.get((key,), 1)
    if not isinstance(entry, dict):
        return [Problem(shown_path, line, key, "names by language, e.g. {vi: …, en: …, lo: …}", shown(str(entry)))]
    problems = []
    for field, value in entry.items():
        where = lines.get((key, field), line)
        if field in FIELD_PATTERNS:
            pattern, expected = FIELD_PATTERNS[field]
            if not isinstance(value, str) or not pattern.fullmatch(value.strip()):
                problems.append(Problem(shown_path, where, f"{key}.{field}", expected, shown(str(value))))
        elif field == "contact" and value not in keys:
            problems.append(Problem(shown_path, where, f"{key}.contact", "the key of another agency in this file",
                                    shown(str(value))))
        elif not isinstance(value, str) or not value.strip():
            problems.append(Problem(shown_path, where, f"{key}.{field}", "a text", shown(str(value or ""))))
    return problems


def load_agencies(path: Path, shown_path: str = "data/departments.yml") -> tuple[dict[str, Agency], list[Problem]]:
    """Every department and agency of `path` with its contact facts, and the problems found."""
    data = _read_yaml(path) or {}
    lines = _lines(path)
    agencies: dict[str, Agency] = {}
    problems: list[Problem] = []
    for key, entry in data.items():
        found = _agency_problems(key, entry, data.keys(), shown_path, lines)
        problems += found
        if isinstance(entry, dict):
            names = {field: str(value) for field, value in entry.items() if field not in AGENCY_FIELDS}
            facts = {} if found else {field: str(entry[field]).strip() for field in AGENCY_FIELDS if field in entry}
            agencies[key] = Agency(key, names, **facts)
    return agencies, problems


def load_vocabularies(data_dir: Path | None = None) -> Vocabularies:
    """The vocabularies (data/vocabularies.yml, data/project-template.yml; by default the project's
    data/), read once per folder until `reload_vocabularies`."""
    return _load_vocabularies(data_dir or folders.current().data)


def reload_vocabularies() -> None:
    _load_vocabularies.cache_clear()


@lru_cache(maxsize=4)
def _load_vocabularies(data_dir: Path) -> Vocabularies:
    template = _read_yaml(data_dir / "project-template.yml")
    vocabularies = _read_yaml(data_dir / "vocabularies.yml")
    columns = tuple(
        Column(name, bool(spec["required"]), spec["type"],
               {key: value for key, value in spec.items() if key not in ("required", "type", "help")},
               dict(spec.get("help") or {}))
        for name, spec in template["columns"].items()
    )
    agencies, problems = load_agencies(data_dir / "departments.yml")
    return Vocabularies(
        columns=columns,
        sectors=vocabularies["sectors"],
        statuses=vocabularies["statuses"],
        forms=vocabularies["forms"],
        departments=agencies,
        news_tags=vocabularies.get("news_tags", {}),
        department_problems=tuple(problems),
    )
