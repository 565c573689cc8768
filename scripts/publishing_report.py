"""Publishing report for a period (monthly, six-monthly, yearly), as Markdown and CSV.

Usage: python -m scripts.publishing_report --from 2026-11-01 --to 2026-11-30 [--out DIR]
                                          [--publish-log DEST/publish-log.jsonl]

Lists what was published or updated in the period, per language: pages (from the git history of
docs/), news posts (by their date) and catalogue rows (by their `updated` date); then the translation
coverage at the end of the period (translated pages / Vietnamese pages in the last commit of it).
With --publish-log, also each publish and rollback to the server in the period (./scripts/publish
writes that log): date, release, commit and how many pages it added, changed and removed.
"""

from __future__ import annotations

import argparse
import csv
import datetime
import io
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from scripts import folders
from scripts.catalogue.validate import load_catalogue
from scripts.languages import declared_languages
from scripts.releases import read_log

SUFFIX = re.compile(r"^(?P<name>.+?)(?:\.(?P<locale>[a-z]{2}))?\.md$")


@dataclass(frozen=True)
class Entry:
    kind: str  # page, news, catalogue
    locale: str
    name: str
    date: str


def _git(root: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True, check=True).stdout


def page_changes(root: Path, start: datetime.date, end: datetime.date, default: str) -> list[Entry]:
    log = _git(root, "log", f"--since={start.isoformat()} 00:00:00", f"--until={end.isoformat()} 23:59:59",
               "--name-only", "--format=@%cs", "--", "docs")
    entries, date = {}, ""
    for line in log.splitlines():
        if line.startswith("@"):
            date = line[1:]
        elif line.endswith(".md") and line.startswith("docs/"):
            match = SUFFIX.match(line[len("docs/"):])
            locale = match.group("locale") or default
            kind = "news" if match.group("name").startswith("news/posts/") else "page"
            key = (kind, locale, match.group("name"))
            entries.setdefault(key, Entry(kind, locale, match.group("name"), date))  # newest first in git log
    return sorted(entries.values(), key=lambda e: (e.kind, e.locale, e.name))


def catalogue_changes(root: Path, start: datetime.date, end: datetime.date, locales: list[str]) -> list[Entry]:
    projects = load_catalogue(root / "data", root=root).projects
    return [Entry("catalogue", locale, project.id, project.updated.isoformat())
            for project in projects if start <= project.updated <= end
            for locale in locales if locale in project.names]


def coverage_at(root: Path, end: datetime.date, locales: list[str], default: str) -> dict[str, tuple[int, int]]:
    """(translated, total) hand-written pages per language in the last commit on or before `end`."""
    revision = _git(root, "rev-list", "-1", f"--before={end.isoformat()} 23:59:59", "HEAD").strip()
    if not revision:
        return {locale: (0, 0) for locale in locales}
    files = [f[len("docs/"):] for f in _git(root, "ls-tree", "-r", "--name-only", revision, "docs").splitlines()
             if f.endswith(".md")]
    sources = {SUFFIX.match(f).group("name") for f in files if not SUFFIX.match(f).group("locale")}
    result = {}
    for locale in locales:
        present = {SUFFIX.match(f).group("name") for f in files if SUFFIX.match(f).group("locale") == locale}
        result[locale] = (len(sources & present) if locale != default else len(sources), len(sources))
    return result


def report(root: Path, start: datetime.date, end: datetime.date) -> tuple[list[Entry], dict]:
    langs = declared_languages()
    default = next(language.locale for language in langs if language.source_default)
    locales = [language.locale for language in langs]
    entries = page_changes(root, start, end, default) + catalogue_changes(root, start, end, locales)
    return entries, coverage_at(root, end, locales, default)


def to_markdown(entries: list[Entry], coverage: dict, start: datetime.date, end: datetime.date) -> str:
    lines = [f"# Publishing report {start.isoformat()} – {end.isoformat()}", "",
             "| language | pages | news | catalogue rows | coverage at the end |", "|---|---|---|---|---|"]
    for locale, (translated, total) in coverage.items():
        count = {kind: sum(1 for e in entries if e.locale == locale and e.kind == kind)
                 for kind in ("page", "news", "catalogue")}
        share = f"{translated}/{total} ({translated / total:.0%})" if total else "–"
        lines.append(f"| {locale} | {count['page']} | {count['news']} | {count['catalogue']} | {share} |")
    lines += ["", "## Published or updated", "", "| date | kind | language | item |", "|---|---|---|---|"]
    lines += [f"| {e.date} | {e.kind} | {e.locale} | `{e.name}` |" for e in sorted(entries, key=lambda e: e.date)]
    return "\n".join(lines) + "\n"


def publications(log: list[dict], start: datetime.date, end: datetime.date) -> list[dict]:
    """The log's publishes and rollbacks dated within the period."""
    return [record for record in log if start.isoformat() <= record["date"][:10] <= end.isoformat()]


def publications_markdown(records: list[dict]) -> str:
    lines = ["", "## Published to the server", "",
             "| date | action | release | commit | pages added | changed | removed |", "|---|---|---|---|---|---|---|"]
    for record in records:
        pages = record.get("pages", {})
        counts = [str(len(pages[kind])) if kind in pages else "–" for kind in ("added", "changed", "removed")]
        lines.append(f"| {record['date']} | {record['action']} | `{record['release']}` | `{record['commit']}` | "
                     + " | ".join(counts) + " |")
    return "\n".join(lines) + "\n"


def to_csv(entries: list[Entry]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(["date", "kind", "language", "item"])
    writer.writerows([e.date, e.kind, e.locale, e.name] for e in sorted(entries, key=lambda e: e.date))
    return "\ufeff" + buffer.getvalue()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="What was published in a period, per language.")
    parser.add_argument("--from", dest="start", type=datetime.date.fromisoformat, required=True)
    parser.add_argument("--to", dest="end", type=datetime.date.fromisoformat, required=True)
    parser.add_argument("--out", type=Path, default=Path("."), help="folder for the .md and .csv files")
    parser.add_argument("--publish-log", type=Path, help="the server's publish-log.jsonl (./scripts/publish)")
    args = parser.parse_args(argv)
    entries, coverage = report(folders.current().root, args.start, args.end)
    markdown = to_markdown(entries, coverage, args.start, args.end)
    if args.publish_log:
        markdown += publications_markdown(publications(read_log(args.publish_log), args.start, args.end))
    stem = args.out / f"publishing-report-{args.start.isoformat()}-{args.end.isoformat()}"
    args.out.mkdir(parents=True, exist_ok=True)
    stem.with_suffix(".md").write_text(markdown, encoding="utf-8")
    stem.with_suffix(".csv").write_text(to_csv(entries), encoding="utf-8")
    print(markdown)
    print(f"Written: {stem}.md and {stem}.csv")
    return 0


if __name__ == "__main__":
    sys.exit(main())
