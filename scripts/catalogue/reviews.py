"""Which catalogue rows a native speaker has reviewed, by language (data/translation-reviews.yml)."""

from __future__ import annotations

from pathlib import Path

import yaml

from scripts.languages import ROOT

REVIEWS_FILE = "translation-reviews.yml"


def load_reviewed_rows(data_dir: Path = ROOT / "data") -> dict[str, frozenset[str]]:
    """Language → ids of the rows reviewed in it; a language missing from the file has no review step."""
    path = data_dir / REVIEWS_FILE
    entries = yaml.safe_load(path.read_text("utf-8")) if path.exists() else None
    return {locale: frozenset(ids or ()) for locale, ids in (entries or {}).items()}
