"""Parsed data files kept by (path, modification time, size) in a long-lived process.

The live preview (scripts/preview/) turns this on: a saved spreadsheet row runs the data step again,
which would otherwise parse every YAML file of data/ again (pure-Python PyYAML, with our checks).
A one-off build leaves it off and parses each file as before. Each caller gets its own copy, so
changing what it got changes nothing kept here.
"""

from __future__ import annotations

import copy
import os
from collections.abc import Callable
from pathlib import Path

import yaml

_kept: dict[tuple, object] | None = None  # None: off


def keep_parsed() -> None:
    """From now on, parse each file once per version (this process only)."""
    global _kept
    if _kept is None:
        _kept = {}


def parsed(path: Path, parse: Callable, *args):
    """`parse(path, *args)`, or a copy of its last result for this version of the file when kept."""
    if _kept is None:
        return parse(path, *args)
    stat = os.stat(path)
    key = (os.path.abspath(path), stat.st_mtime_ns, stat.st_size, parse, args)
    if key not in _kept:
        for old in [old for old in _kept if old[0] == key[0] and old[3:] == key[3:]]:
            del _kept[old]  # the file's earlier versions
        _kept[key] = parse(path, *args)
    return copy.deepcopy(_kept[key])


def _safe_load(path: Path):
    return yaml.safe_load(Path(path).read_text("utf-8"))


def yaml_data(path: Path):
    """`yaml.safe_load` of the file (kept per version when on)."""
    return parsed(path, _safe_load)
