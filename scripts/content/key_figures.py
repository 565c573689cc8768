"""The province's key figures from data/key-figures.yml: the home page's block and the trailer's
figures scenes read the same records, so a figure is written (with its source) in one place."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from scripts import folders, templates_env
from scripts.parsed_files import yaml_data

KEY_FIGURES_FILE = "key-figures.yml"  # in the project's data/


@dataclass(frozen=True)
class KeyFigure:
    id: str
    source: str  # the public page the figure comes from
    text: dict  # locale → {"value", "label", "source_name"}, as published in that language
    year: int | None = None  # the year the figure refers to, when the source gives it

    def value(self, locale: str) -> str:
        return self.text[locale]["value"]

    def label(self, locale: str) -> str:
        return self.text[locale]["label"]

    def source_name(self, locale: str) -> str:
        return self.text[locale]["source_name"]


def load_key_figures(path: Path | None = None) -> tuple[KeyFigure, ...]:
    """The figures in the file's order (the file passed its schema, scripts/data_schemas.py)."""
    data = yaml_data(path or folders.current().data / KEY_FIGURES_FILE)
    return tuple(KeyFigure(entry["id"], entry["source"], {key: value for key, value in entry.items()
                                                          if isinstance(value, dict)}, entry.get("year"))
                 for entry in data["figures"])


def key_figures_html(figures: tuple[KeyFigure, ...], locale: str) -> str:
    return templates_env.render("home-figures.html", locale, figures=figures)
