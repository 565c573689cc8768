"""Release folders on this machine: `DEST/releases/<UTC time>-<commit>/` and `DEST/current`, a
symbolic link to the one served.

A release is copied into `releases/.incoming-<name>` and renamed when complete; `current` is switched
by making a new link beside it and renaming it over the old one (rename is atomic), so a reader, or
a publish killed half-way, only ever sees the old release or the new one, whole.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

RELEASES = "releases"
CURRENT = "current"
INCOMING = ".incoming-"
LOG = "publish-log.jsonl"


class ReleaseError(Exception):
    """A release operation that cannot be done (the message says why)."""


def release_names(dest: Path) -> list[str]:
    """Complete releases, oldest first (their names start with the UTC time)."""
    folder = dest / RELEASES
    return sorted(e.name for e in folder.iterdir() if e.is_dir() and not e.name.startswith(".")) if folder.is_dir() else []


def current_release(dest: Path) -> str | None:
    link = dest / CURRENT
    return Path(os.readlink(link)).name if link.is_symlink() else None


def incoming_folder(dest: Path, name: str) -> Path:
    """Where a release is copied before it is complete; leftovers of an interrupted publish go first."""
    folder = dest / RELEASES
    folder.mkdir(parents=True, exist_ok=True)
    for leftover in folder.glob(INCOMING + "*"):
        shutil.rmtree(leftover, ignore_errors=True)
    return folder / (INCOMING + name)


def complete(dest: Path, incoming: Path, name: str) -> Path:
    final = dest / RELEASES / name
    incoming.rename(final)
    return final


def point_link(link: Path, target: str) -> None:
    """Make `link` a symbolic link to `target` (relative to the link's folder) in one rename: a new
    link is made beside it and renamed over it, so `link` is the old link or the new one, never none."""
    temporary = link.with_name(f".{link.name}-{os.getpid()}")
    if temporary.is_symlink() or temporary.exists():
        temporary.unlink()
    os.symlink(target, temporary)
    os.replace(temporary, link)


def switch_current(dest: Path, name: str) -> None:
    """Point `current` at releases/<name> in one rename."""
    if not (dest / RELEASES / name).is_dir():
        raise ReleaseError(f"{dest / RELEASES / name}: expected a release folder, got none")
    point_link(dest / CURRENT, f"{RELEASES}/{name}")


def previous_release(dest: Path) -> str:
    names, current = release_names(dest), current_release(dest)
    if current not in names:
        raise ReleaseError(f"{dest / CURRENT}: expected a link to a release, got {current or 'none'}")
    position = names.index(current)
    if position == 0:
        raise ReleaseError(f"{dest}: {current} is the oldest release kept; there is none to go back to")
    return names[position - 1]


def prune(dest: Path, keep: int) -> list[str]:
    """Delete all but the newest `keep` releases, never the one served; returns the deleted names."""
    names, current = release_names(dest), current_release(dest)
    doomed = [name for name in names[:-keep] if name != current] if keep > 0 else []
    for name in doomed:
        shutil.rmtree(dest / RELEASES / name)
    return doomed


def read_manifest(dest: Path, name: str | None) -> dict[str, str]:
    path = dest / RELEASES / name / "manifest.json" if name else None
    return json.loads(path.read_text("utf-8")) if path and path.is_file() else {}


def append_log(dest: Path, record: dict) -> None:
    with open(dest / LOG, "a", encoding="utf-8") as handle:
        handle.write(json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n")


def read_log(path: Path) -> list[dict]:
    if not path.is_file():
        return []
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
