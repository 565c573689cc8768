"""Check every page's front matter before building: valid YAML with a title and a description.

MkDocs silently ignores a header it cannot read (a colon inside an unquoted description is enough),
and the page then goes out with the wrong title and the site's generic description.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from scripts.catalogue.problems import Problem
from scripts.translation_status import GENERATED

HEADER = re.compile(r"^---\n(.*?)\n---\n", re.S)


def check_page(path: Path, shown: str) -> list[Problem]:
    match = HEADER.match(path.read_text("utf-8"))
    if not match:
        return [Problem(shown, 1, "front matter", "a header between '---' lines with title and description", "none")]
    try:
        meta = yaml.safe_load(match.group(1)) or {}
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 2 if mark else 1
        hint = "put the value in double quotes when it contains ': '"
        return [Problem(shown, line, "front matter", "valid YAML", getattr(error, "problem", str(error)), hint)]
    return [Problem(shown, 1, field, f"a '{field}:' line in the header", "none")
            for field in ("title", "description") if not meta.get(field)]


def check_docs(docs: Path, root: Path) -> list[Problem]:
    """Every hand-written page (generated pages get their headers from front_matter_block)."""
    problems = []
    for path in sorted(docs.rglob("*.md")):
        if GENERATED.match(path.relative_to(docs).as_posix()):
            continue
        shown = path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
        problems += check_page(path, shown)
    return problems
