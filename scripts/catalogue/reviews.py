"""Which catalogue rows a native speaker has reviewed, by language (data/translation-reviews.yml)."""

from __future__ import annotations

from pathlib import Path

from scripts import folders
from scripts.parsed_files import yaml_data

REVIEWS_FILE = "translation-reviews.yml"


def load_reviewed_rows(data_dir: Path | None = None) -> dict[str, frozenset[str]]:
    """Language → ids of the rows reviewed in it; a language missing from the file has no review step."""
    path = (data_dir or folders.current().data) / REVIEWS_FILE
    entries = yaml_data(path) if path.exists() else None
    return {locale: frozenset(ids or ()) for locale, ids in (entries or {}).items()}


def awaits_review(project, locale: str, reviewed_rows: dict[str, frozenset[str]]) -> bool:
    """A row's text in `locale` awaits a native reviewer when it is missing (the page falls back to
    another language), when the row's `review` column lists the language (the sender says so), or
    when the language has a review step and the row is not yet in data/translation-reviews.yml."""
    if locale not in project.names or locale not in project.summaries or locale in project.review:
        return True
    reviewed = reviewed_rows.get(locale)
    return reviewed is not None and project.id not in reviewed
