"""Check every page's front matter before building: safe YAML with the declared fields (title, description…).

MkDocs silently ignores a header it cannot read (a colon inside an unquoted description is enough),
and the page then goes out with the wrong title and the site's generic description.
"""

from __future__ import annotations

import re
from html import escape
from pathlib import Path

from scripts import safe_yaml
from scripts.problems import Message, Problem, _
from scripts.schema import NONE, REQUIRED, check_file, may, need, record
from scripts.translation_status import GENERATED

HEADER = re.compile(r"^---\n(.*?)\n---\n", re.DOTALL)


# The header's declared fields: ours, then the MkDocs and Material settings a page may use.
PAGE = record(
    title=need("text"), description=need("text"), review=may("text"), source_hash=may("text"),
    date=may("date"), tags=may("texts"),
    hide=may("texts"), search=may(record(exclude=may("boolean"), boost=may("number"))),
    icon=may("text"), status=may("text"), subtitle=may("text"), robots=may("text"),
    template=may("template_name"),
)


def check_page(path: Path, shown: str) -> list[Problem]:
    match = HEADER.match(path.read_text("utf-8"))
    if not match:
        return [Problem(shown, 1, "front matter", _("a header between '---' lines with title and description"), NONE)]
    header = safe_yaml.load_text(match.group(1), shown, first_line=2)
    if header.problems:
        return header.problems
    if header.data is not None and not isinstance(header.data, dict):
        return [Problem(shown, 2, "front matter", _("'name: value' lines"), _("a single value"))]
    return [_header_line(problem) for problem in check_file(header, PAGE)]


def _header_line(problem: Problem) -> Problem:
    """A missing field is reported on the header's first line, as the author looks for it there."""
    if problem.got == NONE and isinstance(problem.expected, Message) and problem.expected.msgid == REQUIRED.msgid:
        return Problem(problem.path, 1, problem.column, _("a '{key}:' line in the header").format(key=problem.column),
                       NONE)
    return problem


def escape_header(meta: dict) -> None:
    """A hand-written page's title and description made safe for HTML, as generated pages' already are:
    MkDocs' templates print them without escaping (in <title>, <meta>, the header and the search)."""
    for field in ("title", "description"):
        if isinstance(meta.get(field), str):
            meta[field] = escape(meta[field])


def check_docs(docs: Path, root: Path) -> list[Problem]:
    """Every hand-written page (generated pages get their headers from front_matter_block)."""
    problems = []
    for path in sorted(docs.rglob("*.md")):
        if GENERATED.match(path.relative_to(docs).as_posix()):
            continue
        shown = path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
        problems += check_page(path, shown)
    return problems
