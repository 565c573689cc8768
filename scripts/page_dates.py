"""Each page's real last-change date, for the sitemap's <lastmod>.

A source file tracked by git and unchanged since its last commit: that commit's date. Any other
(generated pages, which scripts/catalogue/generate.py rewrites only when their text changes, and
files edited since the last commit): the file's modification time.
"""

from __future__ import annotations

import datetime
import subprocess
from functools import lru_cache
from pathlib import Path


def _git(root: Path, *args: str) -> str | None:
    result = subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True)
    return result.stdout if result.returncode == 0 else None


@lru_cache(maxsize=4)
def commit_dates(docs_dir: Path) -> dict[Path, datetime.date]:
    """Every file under docs_dir that git tracks, clean, with the date of its last commit."""
    log = _git(docs_dir, "log", "--format=@%cs", "--name-only", "--relative", "--", ".")
    changed = _git(docs_dir, "status", "--porcelain", "--", ".")
    top = _git(docs_dir, "rev-parse", "--show-toplevel")
    if log is None or changed is None or top is None:
        return {}
    root = Path(top.strip())
    dirty = {(root / line[3:].strip()).resolve() for line in changed.splitlines() if line.strip()}
    dates: dict[Path, datetime.date] = {}
    date = None
    for line in log.splitlines():
        if line.startswith("@"):
            date = datetime.date.fromisoformat(line[1:])
        elif line.strip():
            path = (docs_dir / line).resolve()
            if path not in dates and path not in dirty:  # newest first in git log
                dates[path] = date
    return dates


def last_change(source: Path, docs_dir: Path) -> datetime.date:
    committed = commit_dates(docs_dir.resolve()).get(source.resolve())
    if committed is not None:
        return committed
    return datetime.datetime.fromtimestamp(source.stat().st_mtime, datetime.UTC).date()
