"""The catalogue's shared facts, read from data/: the column contract, the vocabularies, departments."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from scripts.languages import ROOT

DATA_DIR = ROOT / "data"


@dataclass(frozen=True)
class Column:
    name: str
    required: bool
    type: str
    description: dict[str, str]  # locale → text


@dataclass(frozen=True)
class Vocabularies:
    columns: tuple[Column, ...]
    sectors: dict[str, dict[str, str]]  # key → {"colour": "#…", "vi": …, "en": …, "lo": …}
    statuses: dict[str, dict[str, str]]
    forms: dict[str, dict[str, str]]
    departments: dict[str, dict[str, str]]
    news_tags: dict[str, dict[str, str]]

    def label(self, vocabulary: str, key: str, locale: str) -> str:
        return getattr(self, vocabulary)[key][locale]

    def department_name(self, key: str, locale: str) -> str:
        """A department's or agency's name in `locale` (its key when data/departments.yml lacks it)."""
        return self.departments.get(key, {}).get(locale, key)


def _read_yaml(path: Path) -> dict:
    with open(path, encoding="utf-8") as handle:
        return yaml.safe_load(handle)


@lru_cache(maxsize=4)
def load_vocabularies(data_dir: Path = DATA_DIR) -> Vocabularies:
    template = _read_yaml(data_dir / "project-template.yml")
    vocabularies = _read_yaml(data_dir / "vocabularies.yml")
    columns = tuple(
        Column(name, bool(spec["required"]), spec["type"],
               {key: value for key, value in spec.items() if key not in ("required", "type")})
        for name, spec in template["columns"].items()
    )
    return Vocabularies(
        columns=columns,
        sectors=vocabularies["sectors"],
        statuses=vocabularies["statuses"],
        forms=vocabularies["forms"],
        departments=_read_yaml(data_dir / "departments.yml"),
        news_tags=vocabularies.get("news_tags", {}),
    )
