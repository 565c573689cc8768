"""The glossary check: a translation should use the glossary's rendering of each term its source uses.

data/glossary.yml lists each term in vi, en and lo (with accepted alternatives under `also`). For every
Vietnamese page and each of its translations, a term found in the Vietnamese text whose rendering is
absent from the translation gives a warning naming the page and the term. Warnings do not stop a build.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from scripts.languages import ROOT
from scripts.translation_status import GENERATED

GLOSSARY = ROOT / "data" / "glossary.yml"


@dataclass(frozen=True)
class Term:
    forms: dict[str, tuple[str, ...]]  # locale → accepted renderings (the first is the glossary's)


def load_glossary(path: Path = GLOSSARY) -> list[Term]:
    terms = []
    for entry in yaml.safe_load(path.read_text("utf-8"))["terms"]:
        also = entry.get("also", {})
        forms = {locale: (entry[locale], *also.get(locale, ())) for locale in ("vi", "en", "lo") if locale in entry}
        terms.append(Term(forms))
    return terms


def _body(path: Path) -> str:
    text = path.read_text("utf-8")
    text = re.sub(r"^---\n.*?\n---\n", "", text, flags=re.S)
    text = re.sub(r"\([^)]*\)|<[^>]+>", " ", text).replace("\u200b", "")  # drop link targets and tags
    return re.sub(r"\s+", " ", text).lower()


def check_pair(source: Path, translation: Path, locale: str, terms: list[Term], shown: str) -> list[str]:
    source_text, translated = _body(source), _body(translation)
    warnings = []
    for term in terms:
        if locale not in term.forms or "vi" not in term.forms:
            continue
        if term.forms["vi"][0].lower() in source_text and not any(f.lower() in translated for f in term.forms[locale]):
            warnings.append(f"{shown}: glossary term '{term.forms['vi'][0]}' should be rendered "
                            f"'{term.forms[locale][0]}' (not found in this translation)")
    return warnings


def check_docs(docs: Path, locales: list[str], terms: list[Term] | None = None, root: Path = ROOT) -> list[str]:
    terms = terms if terms is not None else load_glossary()
    warnings = []
    for source in sorted(docs.rglob("*.md")):
        if re.search(r"\.[a-z]{2}\.md$", source.name) or GENERATED.match(source.relative_to(docs).as_posix()):
            continue
        for locale in locales:
            translation = source.with_name(f"{source.stem}.{locale}.md")
            if translation.exists():
                shown = translation.relative_to(root).as_posix() if translation.is_relative_to(root) else str(translation)
                warnings += check_pair(source, translation, locale, terms, shown)
    return warnings
