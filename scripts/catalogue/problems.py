"""One problem found in a department's file, reported as `path:line: column: expected …, got …`."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    path: str  # relative to the repository, e.g. data/projects/public-sources.csv
    line: int  # line of the CSV record (or spreadsheet row) where the problem is
    column: str
    expected: str
    got: str
    hint: str = ""

    def __str__(self) -> str:
        text = f"{self.path}:{self.line}: {self.column}: expected {self.expected}, got {self.got}"
        return f"{text} ({self.hint})" if self.hint else text


def shown(value: str, limit: int = 60) -> str:
    """A value as quoted in a message: `'…'`, shortened, or 'an empty cell'."""
    if value == "":
        return "an empty cell"
    text = value if len(value) <= limit else value[: limit - 1] + "…"
    return repr(text)


def report(problems: list[Problem]) -> str:
    lines = [str(problem) for problem in sorted(problems)]
    noun = "problem" if len(problems) == 1 else "problems"
    lines.append(f"{len(problems)} {noun} found; nothing was built.")
    return "\n".join(lines)
