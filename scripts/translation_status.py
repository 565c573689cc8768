"""Translation status: what is missing, outdated or orphaned in each language, at a glance.

Usage: python -m scripts.translation_status [--json FILE] [--strict] [--stamp docs/page.en.md …]

- missing: a Vietnamese page has no version in the language;
- outdated: the Vietnamese page changed since the translation was last brought in line. A
  translation records the hash of the source it follows in its front matter (`source_hash:`);
  `--stamp FILE` writes the current hash once a translator has updated the page;
- orphaned: a translation whose Vietnamese page no longer exists;
- catalogue rows with empty English or Lao fields, and interface strings untranslated in locales/;
- awaiting review: translations marked `review: needed` and catalogue rows not yet reviewed in a
  language that has a review step (data/translation-reviews.yml) or flagged by the row's `review` column; readers see a notice on each.
`--strict` exits 1 when there is any gap (for CI or before a release); awaiting review is not a gap.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from dataclasses import asdict, dataclass, field
from html import escape
from pathlib import Path

from scripts import folders
from scripts import locales as locale_catalogs
from scripts.catalogue.pages import front_matter_block
from scripts.catalogue.reviews import awaits_review, load_reviewed_rows
from scripts.catalogue.validate import load_catalogue
from scripts.languages import Language, declared_languages

HASH_LINE = re.compile(r"^source_hash:\s*([0-9a-f]+)\s*$", re.MULTILINE)
REVIEW_LINE = re.compile(r"^review:\s*\"?needed\"?\s*$", re.MULTILINE)
GENERATED = re.compile(r"^(projects/|catalogue/page/|parks/(?!index)|news/index|news/archive/|news/tags/|editors/)")


@dataclass
class LanguageStatus:
    locale: str
    missing: list[str] = field(default_factory=list)
    outdated: list[str] = field(default_factory=list)
    orphaned: list[str] = field(default_factory=list)
    catalogue_rows: list[str] = field(default_factory=list)  # project ids with empty fields in this language
    interface_strings: list[str] = field(default_factory=list)
    awaiting_review: list[str] = field(default_factory=list)  # pages and catalogue rows (projects/<id>)
    pages: int = 0

    @property
    def gaps(self) -> int:
        return sum(len(items) for items in (self.missing, self.outdated, self.orphaned, self.catalogue_rows,
                                            self.interface_strings))


def source_hash(path: Path) -> str:
    """Hash of a Vietnamese page's text without its front matter's review flag (what translators follow)."""
    return text_hash(path.read_text("utf-8"))


def text_hash(source_text: str) -> str:
    text = re.sub(r"^review:.*\n", "", source_text, flags=re.MULTILINE)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def recorded_hash(path: Path) -> str | None:
    match = HASH_LINE.search(path.read_text("utf-8").split("\n---", 1)[0])
    return match.group(1) if match else None


def _sources(docs: Path, default: Language) -> dict[str, Path]:
    """Vietnamese pages by their name without suffix ("about", "news/posts/2025-05-12-x")."""
    found = {}
    for path in docs.rglob("*.md"):
        relative = path.relative_to(docs).as_posix()
        if GENERATED.match(relative) or re.search(r"\.[a-z]{2}\.md$", relative):
            continue
        found[relative[:-3]] = path
    return found


def page_status(docs: Path, langs: list[Language]) -> dict[str, LanguageStatus]:
    default = next(language for language in langs if language.source_default)
    sources = _sources(docs, default)
    result = {}
    for language in (lang for lang in langs if not lang.source_default):
        status = LanguageStatus(language.locale, pages=len(sources))
        for name, source in sorted(sources.items()):
            translation = source.with_name(f"{source.stem}.{language.locale}.md")
            if not translation.exists():
                status.missing.append(name)
            elif recorded_hash(translation) != source_hash(source):
                status.outdated.append(name)
        for path in sorted(docs.rglob(f"*.{language.locale}.md")):
            name = path.relative_to(docs).as_posix()[: -len(f".{language.locale}.md")]
            if not GENERATED.match(name) and name not in sources:
                status.orphaned.append(name)
            if not name.startswith("projects/") and REVIEW_LINE.search(path.read_text("utf-8").split("\n---", 1)[0]):
                status.awaiting_review.append(name)
        result[language.locale] = status
    return result


def status_report(docs: Path | None = None, root: Path | None = None, projects: list | None = None) -> dict[str, LanguageStatus]:
    """The whole report; `projects` are the validated catalogue rows when the caller has them already."""
    docs, root = docs or folders.current().docs, root or folders.current().root
    langs = declared_languages()  # of the sources, whichever languages a build makes
    report = page_status(docs, langs)
    if projects is None:
        projects = load_catalogue(root / "data", root=root).projects
    template = locale_catalogs.extract_messages(folders.CODE)  # the strings of the code that writes the pages
    reviewed = load_reviewed_rows(root / "data")
    for locale, status in report.items():
        status.catalogue_rows = [p.id for p in projects if locale not in p.names or locale not in p.summaries]
        status.interface_strings = locale_catalogs.untranslated(locale, root, template)
        status.awaiting_review += [f"projects/{p.id}" for p in projects if awaits_review(p, locale, reviewed)]
    return report


def stamp(translation: Path) -> str:
    """Record in a translation the hash of its Vietnamese source (after bringing it in line)."""
    source = translation.with_name(re.sub(r"\.[a-z]{2}\.md$", ".md", translation.name))
    value = source_hash(source)
    translation.write_text(stamped(translation.read_text("utf-8"), value), encoding="utf-8")
    return value


def stamped(translation_text: str, value: str) -> str:
    """A translation's text with `source_hash: value` in its front matter (replaced or added first)."""
    if HASH_LINE.search(translation_text.split("\n---", 1)[0]):
        return HASH_LINE.sub(f"source_hash: {value}", translation_text, count=1)
    return translation_text.replace("---\n", f"---\nsource_hash: {value}\n", 1)


def table(report: dict[str, LanguageStatus]) -> str:
    rows = ["| language | pages | missing | outdated | orphaned | catalogue rows | interface strings | awaiting review |",
            "|---|---|---|---|---|---|---|---|"]
    for status in report.values():
        rows.append(f"| {status.locale} | {status.pages} | {len(status.missing)} | {len(status.outdated)} | "
                    f"{len(status.orphaned)} | {len(status.catalogue_rows)} | {len(status.interface_strings)} | "
                    f"{len(status.awaiting_review)} |")
    details = []
    for status in report.values():
        for label, items in (("missing", status.missing), ("outdated", status.outdated),
                             ("orphaned", status.orphaned), ("catalogue rows with empty fields", status.catalogue_rows),
                             ("untranslated interface strings", status.interface_strings),
                             ("awaiting a native reviewer", status.awaiting_review)):
            if items:
                details.append(f"- {status.locale} {label}: " + ", ".join(f"`{item}`" for item in items))
    return "\n".join(rows + ([""] + details if details else []))


def editors_page(report: dict[str, LanguageStatus], glossary_warnings: list[str]) -> str:
    """The report as a page for editors (generated as docs/editors/translation-status.md, not in the menu)."""
    warnings = "\n".join(f"- {escape(warning)}" for warning in glossary_warnings) or "- none"  # text from pages
    header = front_matter_block({"title": "Translation status", "robots": "noindex", "description":
                                 "For editors: pages, catalogue rows and interface strings still to translate or "
                                 "to bring in line with the Vietnamese text.",
                                 "search": {"exclude": True}})
    return (header + "# Translation status\n\nFor editors. Produced by `python -m scripts.translation_status` at each build.\n\n"
            + table(report) + "\n\n## Glossary warnings\n\n" + warnings + "\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Translation status of pages, catalogue and interface.")
    parser.add_argument("--json", type=Path, help="also write the report as JSON to this file")
    parser.add_argument("--strict", action="store_true", help="exit 1 if anything is missing or outdated")
    parser.add_argument("--stamp", nargs="+", type=Path, metavar="TRANSLATION",
                        help="record that these translations follow their current Vietnamese page")
    args = parser.parse_args(argv)
    if args.stamp:
        for path in args.stamp:
            print(f"{path}: source_hash {stamp(path)}")
        return 0
    report = status_report()
    print(table(report))
    if args.json:
        args.json.write_text(json.dumps({k: {**asdict(v), "gaps": v.gaps} for k, v in report.items()},
                                        ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return 1 if args.strict and any(status.gaps for status in report.values()) else 0


if __name__ == "__main__":
    sys.exit(main())
