"""A data file's comments kept through a save from the browser editor.

Decap CMS parses a YAML file into values and writes the values back, so every comment of the file is
lost on the first save (decap-cms issue #5099). The comments of data/*.yml are guidance for whoever
edits them by hand, so the editor puts them back into what Decap writes, before the same line they
stood before: a top-level key (`parks:`, an agency's key) or a list item by its id (`- id: vsip-3`).
Comments elsewhere (at the end of a value's line, or before any other line) cannot be placed again:
`unplaceable` finds them, and the data files the editor edits have none (tests/test_editor_config.py).
"""

from __future__ import annotations

import re

# The lines a comment block can stand before: a top-level key, or a list item that starts with its id.
ANCHOR = re.compile(r"^(?:(?P<key>[^\s#'\"-][^:#]*):(?:\s|$)|(?P<indent>\s*)- id: (?P<id>\S+)\s*$)")
COMMENT = re.compile(r"^\s*#")
TRAILING = re.compile(r"""^[^#'"]*\S\s+#""")  # `key: value  # note` (a '#' inside quotes is not one)


def _anchor(line: str) -> str | None:
    match = ANCHOR.match(line)
    if not match:
        return None
    return f"key {match['key']}" if match["key"] is not None else f"id {match['id']}"


def comments(text: str) -> dict[str, list[str]]:
    """Each anchor's comment block (its lines as written, without indentation), and the file's last
    comments under "end"."""
    found: dict[str, list[str]] = {}
    block: list[str] = []
    for line in text.splitlines():
        if COMMENT.match(line):
            block.append(line.strip())
        elif not line.strip():
            if block:
                block.append("")  # a blank line inside a block of comments stays
        else:
            anchor = _anchor(line)
            if block and anchor:
                found[anchor] = _trimmed(block)
            block = []
    if block:
        found["end"] = _trimmed(block)
    return found


def _trimmed(block: list[str]) -> list[str]:
    while block and not block[-1]:
        block = block[:-1]
    return block


def unplaceable(text: str) -> list[int]:
    """The lines (from 1) of comments a save cannot keep: at the end of a value's line, or before a line
    that is neither a top-level key nor a list item's id."""
    lines = text.splitlines()
    lost, block = [], []
    for number, line in enumerate(lines, 1):
        if COMMENT.match(line):
            block.append(number)
        elif line.strip():
            if block and not _anchor(line):
                lost.extend(block)
            if TRAILING.match(line):
                lost.append(number)
            block = []
    return lost


def restored(saved: str, before: str) -> str:
    """`saved` (what Decap writes) with the comments `before` (the file as it was) had, each block before
    the same anchor; a block already there is not repeated."""
    blocks = comments(before)
    if not blocks:
        return saved
    out: list[str] = []
    for line in saved.splitlines():
        anchor = _anchor(line)
        if anchor in blocks:
            indent = line[:len(line) - len(line.lstrip())]
            block = [f"{indent}{comment}" if comment else "" for comment in blocks[anchor]]
            if out[-len(block):] != block:
                if out and out[-1].strip():
                    out.append("")  # a blank line before a commented block, as the files are written
                out.extend(block)
        out.append(line)
    if "end" in blocks:
        out.extend(["", *blocks["end"]])
    return "\n".join(out) + "\n"
