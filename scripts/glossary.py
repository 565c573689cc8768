"""The glossary check: a translation should use the glossary's rendering of each term its source uses.

data/glossary.yml lists each term in vi, en and lo (with accepted alternatives under `also`). For every
Vietnamese page and each of its translations, a term found in the Vietnamese text whose rendering is
absent from the translation gives a warning naming the page and the term. A spelling the glossary
lists under `avoid` gives a warning wherever it appears in that language: in a page or in the texts
of data/*.yml. Warnings do not stop a build (tests/test_lao_text.py fails on avoided forms in pages).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from scripts import folders
from scripts.languages import declared_locales, source_locale
from scripts.parsed_files import yaml_data
from scripts.translation_status import GENERATED

GLOSSARY = "glossary.yml"  # in the project's data/


@dataclass(frozen=True)
class Term:
    forms: dict[str, tuple[str, ...]]  # locale → accepted renderings (the first is the glossary's)
    avoid: dict[str, tuple[str, ...]] = field(default_factory=dict)  # locale → spellings not to use


def load_glossary(path: Path | None = None) -> list[Term]:
    terms = []
    for entry in yaml_data(path or folders.current().data / GLOSSARY)["terms"]:
        also = entry.get("also", {})
        forms = {locale: (entry[locale], *also.get(locale, ())) for locale in declared_locales() if locale in entry}
        terms.append(Term(forms, {locale: tuple(spellings) for locale, spellings in entry.get("avoid", {}).items()}))
    return terms


def avoided_in(text: str, locale: str, terms: list[Term]) -> list[tuple[str, str]]:
    """(avoided spelling, the glossary's spelling) for each avoided form that `text` contains."""
    return [(spelling, term.forms[locale][0]) for term in terms for spelling in term.avoid.get(locale, ())
            if spelling.lower() in text.lower()]


def _avoid_warnings(shown: str, text: str, locale: str, terms: list[Term]) -> list[str]:
    return [f"{shown}: '{spelling}' is not the glossary's spelling; write '{wanted}'"
            for spelling, wanted in avoided_in(text, locale, terms)]


def _body(path: Path) -> str:
    text = path.read_text("utf-8")
    text = re.sub(r"^---\n.*?\n---\n", "", text, flags=re.DOTALL)
    text = re.sub(r"\([^)]*\)|<[^>]+>", " ", text).replace("\u200b", "")  # drop link targets and tags
    return re.sub(r"\s+", " ", text).lower()


def check_pair(source: Path, translation: Path, locale: str, terms: list[Term], shown: str) -> list[str]:
    source_text, translated = _body(source), _body(translation)
    original = source_locale()  # the language of the source pages (name.md)
    warnings = []
    for term in terms:
        if locale not in term.forms or original not in term.forms:
            continue
        if term.forms[original][0].lower() in source_text and not any(f.lower() in translated for f in term.forms[locale]):
            warnings.append(f"{shown}: glossary term '{term.forms[original][0]}' should be rendered "
                            f"'{term.forms[locale][0]}' (not found in this translation)")
    return warnings + _avoid_warnings(shown, translated, locale, terms)


def _texts(node, locale: str | None = None):
    """(locale, text) of every string in a YAML document that sits under a language key (vi, en, lo)."""
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _texts(value, key if key in declared_locales() else locale)
    elif isinstance(node, list):
        for item in node:
            yield from _texts(item, locale)
    elif isinstance(node, str) and locale:
        yield locale, node


def check_data(data: Path, terms: list[Term] | None = None, root: Path | None = None) -> list[str]:
    """Avoided spellings in the language texts of data/*.yml (names of places, parks, events…)."""
    terms = terms if terms is not None else load_glossary()
    root = root or folders.current().root
    warnings = []
    for path in sorted(data.glob("*.yml")):
        if path.name == GLOSSARY:
            continue
        shown = path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
        for locale, text in _texts(yaml_data(path)):
            warnings += _avoid_warnings(shown, text, locale, terms)
    return sorted(set(warnings))


def check_docs(docs: Path, locales: list[str], terms: list[Term] | None = None, root: Path | None = None) -> list[str]:
    terms = terms if terms is not None else load_glossary()
    root = root or folders.current().root
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
