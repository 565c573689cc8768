"""Search that works per language, in Lao and in Vietnamese typed without accents.

After a build, the single search index that mkdocs-static-i18n writes is split into one index per
language (`<language>/search/search_index.json`); each page's search reads its own language's index
(the page's search base is its language root, set by the hooks). Before writing:

- Lao text is cut into words with ICU's word break (unspaced Lao has no separators otherwise) and
  the words are joined with U+200B, which the search separator splits on. Names from the glossary
  (ເງະອານ, ວິນ, …) are kept whole even where ICU would cut them.
- Vietnamese text gets a hidden copy without tone and vowel marks, so "dau tu" finds "đầu tư"; an
  accented query matches only the original words, so exact matches still rank first.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

from scripts import folders
from scripts.catalogue.vocabularies import load_vocabularies
from scripts.folding import fold_marks
from scripts.glossary import GLOSSARY, load_glossary
from scripts.languages import Language, source_locale

LAO_RUN = re.compile(r"[\u0e80-\u0eff]+")
ZWSP = "\u200b"
TAG = re.compile(r"(<[^>]*>)")


def protected_lao_names() -> tuple[str, ...]:
    """Lao forms of the project's glossary names (its capitalised source-language terms), longest first: never cut."""
    return _protected_lao_names(folders.current().data / GLOSSARY, source_locale())


@lru_cache(maxsize=2)
def _protected_lao_names(glossary: Path, original: str) -> tuple[str, ...]:
    names = {form for term in load_glossary(glossary) if term.forms.get(original, ("",))[0][:1].isupper()
             for form in term.forms.get("lo", ()) if " " not in form}
    return tuple(sorted(names, key=lambda name: (-len(name), name)))


@lru_cache(maxsize=1)
def _word_breaker():
    import icu  # pyicu-wheels: ICU's dictionary-based word break for Lao

    return icu.BreakIterator.createWordInstance(icu.Locale("lo"))


def _icu_words(text: str) -> list[str]:
    breaker = _word_breaker()
    breaker.setText(text)
    words, start = [], 0
    for end in breaker:
        words.append(text[start:end])
        start = end
    return [word for word in words if word]


# Prefixes that make a noun of a verb ("ການລົງທຶນ", investing; "ຄວາມ…", -ness). ICU keeps some such
# nouns whole and cuts others, and Chromium's ICU cuts differently, so they are always cut off here;
# the index's Lao stop words (docs/assets/javascripts/lunr/min/lunr.lo.min.js) then drop them.
LAO_NOUN_PREFIXES = ("ການ", "ຄວາມ")


def _without_noun_prefix(word: str) -> list[str]:
    for prefix in LAO_NOUN_PREFIXES:
        if word.startswith(prefix) and len(word) > len(prefix):
            return [prefix, word[len(prefix):]]
    return [word]


def segment_lao_run(run: str, names: tuple[str, ...]) -> list[str]:
    for name in names:
        index = run.find(name)
        if index >= 0:
            return [*segment_lao_run(run[:index], names), name, *segment_lao_run(run[index + len(name):], names)]
    return [part for word in _icu_words(run) for part in _without_noun_prefix(word)] if run else []


def segment_lao(text: str, names: tuple[str, ...] | None = None) -> str:
    """Lao words separated by U+200B, outside HTML tags only."""
    names = protected_lao_names() if names is None else names
    parts = TAG.split(text)
    return "".join(part if part.startswith("<") else
                   LAO_RUN.sub(lambda match: ZWSP.join(segment_lao_run(match.group(0), names)), part)
                   for part in parts)


def with_folded_copy(text: str) -> str:
    """`text` (escaped HTML) with a hidden copy of its marked words without their marks, for
    accent-free queries. Only words that folding changes are copied: a copy of "Khung" beside
    "Khung" would count the word twice and rank it above words typed once. Folding can turn a
    character into a bare angle bracket ("≮" is "<" and a combining mark), so the copy's brackets
    are escaped again: Material inserts search results as HTML."""
    words = re.sub(r"<[^>]+>", " ", text).split()
    changed = [folded for word, folded in zip(words, map(fold_marks, words)) if folded != word]
    if not changed:
        return text
    copy = " ".join(changed).replace("<", "&lt;").replace(">", "&gt;")
    return f'{text} <span class="search-folded" hidden>{copy}</span>'


def language_of(location: str, languages: list[Language]) -> Language:
    for language in languages:
        if language.prefix and location.startswith(language.prefix):
            return language
    return next(language for language in languages if language.default)


def without_duplicates(docs: list[dict], langs: list[Language]) -> list[dict]:
    """As mkdocs-static-i18n does: drop a translated entry identical to the default language's one
    (a page shown in a fallback language), keeping the default language's entry."""
    prefixes = tuple(language.prefix for language in langs if language.prefix)
    originals: dict[tuple[str, str], list[str]] = {}
    for doc in docs:
        if not doc["location"].startswith(prefixes):
            originals.setdefault((doc["title"], doc["text"]), []).append(doc["location"])

    def duplicate(doc: dict) -> bool:
        return doc["location"].startswith(prefixes) and any(
            doc["location"].endswith(location) for location in originals.get((doc["title"], doc["text"]), ()))

    return [doc for doc in docs if not duplicate(doc)]


# Field weights. Material's default weighs a tag 1,000 times a title: right for words chosen as
# tags, wrong for ours, which are the news vocabulary's keys ("laos" matched "lao dong", labour, in
# Vietnamese). Tags are shown as their label in the page's language, and weigh less than a title.
FIELDS = {"title": {"boost": 1000.0}, "tags": {"boost": 100.0}, "text": {"boost": 1.0}}


def tag_labels(tags: list[str], locale: str, labels: dict[str, dict[str, str]]) -> list[str]:
    """A page's tags as its readers see them: the news vocabulary's label, else the tag itself."""
    return [labels.get(tag, {}).get(locale, tag) for tag in tags]


def split_index(index: dict, languages: list[Language], labels: dict[str, dict[str, str]] | None = None) -> dict[str, dict]:
    """One index per language, without duplicates, with locations relative to that language's root;
    `labels` are the news tags' labels (data/vocabularies.yml)."""
    result = {language.locale: {"config": dict(index["config"]), "docs": []} for language in languages}
    for doc in without_duplicates(index["docs"], languages):
        language = language_of(doc["location"], languages)
        entry = dict(doc, location=doc["location"][len(language.prefix):])
        if "tags" in entry:
            entry["tags"] = tag_labels(entry["tags"], language.locale, labels or {})
        if language.word_breaks:
            entry["title"], entry["text"] = segment_lao(entry["title"]), segment_lao(entry["text"])
            if "tags" in entry:
                entry["tags"] = [segment_lao(tag) for tag in entry["tags"]]
        entry["title"], entry["text"] = with_folded_copy(entry["title"]), with_folded_copy(entry["text"])
        result[language.locale]["docs"].append(entry)
    for language in languages:
        config = result[language.locale]["config"]
        # lunr has no Lao: ours (docs/assets/javascripts/lunr/min/lunr.lo.min.js) keeps grammatical words out
        config["lang"] = list(language.search_languages)
        # No stemmer, in English either: Material's worker then finds nothing for a whole word whose stem
        # differs ("manufacturing", "investment"); a prefix still matches longer words ("invest").
        config["pipeline"] = ["stopWordFilter"]
        config["fields"] = FIELDS
    return result


def write_language_indexes(site_dir: Path, languages: list[Language]) -> list[Path]:
    source = site_dir / "search" / "search_index.json"
    indexes = split_index(json.loads(source.read_text("utf-8")), languages, load_vocabularies().news_tags)
    written = []
    for language in languages:
        target = site_dir / language.prefix / "search" / "search_index.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(indexes[language.locale], ensure_ascii=False, separators=(",", ":")), "utf-8")
        written.append(target)
    return written


def names_script() -> str:
    """The protected Lao names and the noun prefixes for the query-side segmenter (assets/javascripts/search-lao.js)."""
    return (f"window.NGHEAN_LAO_NAMES={json.dumps(list(protected_lao_names()), ensure_ascii=False)};\n"
            f"window.NGHEAN_LAO_NOUN_PREFIXES={json.dumps(list(LAO_NOUN_PREFIXES), ensure_ascii=False)};\n")
