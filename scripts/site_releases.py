"""The built site as a symbolic link to a complete release folder, switched in one rename.

`site` points at `.site-releases/<UTC time>-<pid>/`. A build writes into a new folder
`.site-releases/.incoming-<id>/`, which is checked (scripts/site_check.py), renamed to its final
name, and made the one served by renaming a new link over `site` (releases.point_link, as
./scripts/publish switches `current`): at every instant `site` is the old complete site or the new
one. The folders other than the one served and the one before it are then deleted as far as they
can be: a leftover that cannot be deleted (a read-only folder, a killed build's half-written
folder) is skipped, and never blocks a build, since every build writes under a new name.

A `site` that is still a plain folder (built before this layout) is moved into the releases folder
the first time; only then, for the time of two renames, is there no `site`.
"""

from __future__ import annotations

import datetime
import os
import shutil
import stat
from pathlib import Path

from scripts.releases import point_link

INCOMING = ".incoming-"


def releases_folder(site_dir: Path) -> Path:
    return site_dir.with_name(f".{site_dir.name}-releases")


def served(site_dir: Path) -> Path | None:
    """The folder `site_dir` shows: the release it links to, or itself if it is a plain folder."""
    if site_dir.is_symlink():
        target = site_dir.resolve()
        return target if target.is_dir() else None
    return site_dir if site_dir.is_dir() else None


def new_staging(site_dir: Path) -> Path:
    """A new, empty folder to build into; the leftovers of killed builds are deleted first (if they can be)."""
    folder = releases_folder(site_dir)
    folder.mkdir(parents=True, exist_ok=True)
    for leftover in folder.glob(INCOMING + "*"):
        _delete(leftover)
    stamp = datetime.datetime.now(datetime.UTC).strftime("%Y%m%dT%H%M%S.%fZ")
    return folder / f"{INCOMING}{stamp}-{os.getpid()}"


def switch(site_dir: Path, staging: Path) -> tuple[Path, Path | None]:
    """Make the complete folder `staging` the one `site_dir` shows; returns the new release folder
    and the one shown before (None if there was none)."""
    release = staging.with_name(staging.name.removeprefix(INCOMING))
    staging.rename(release)
    before = served(site_dir)
    if before == site_dir:  # the layout before releases: moved in once
        before = release.with_name(release.name + "-before")
        site_dir.rename(before)
    point_link(site_dir, f"{release.parent.name}/{release.name}")
    return release, before


def prune(site_dir: Path, keep: tuple[Path | None, ...]) -> list[Path]:
    """Delete every release folder but those in `keep` (the one served, the one before); returns
    the folders that could not be deleted, which are left for a later build to try again."""
    kept = {path.resolve() for path in keep if path is not None}
    left = []
    for folder in releases_folder(site_dir).iterdir():
        if folder.resolve() not in kept and not _delete(folder):
            left.append(folder)
    return left


def _delete(path: Path) -> bool:
    """Delete a folder or file, making read-only folders writable first; False if some of it stays."""
    if path.is_dir() and not path.is_symlink():
        for directory, folders, _ in os.walk(path):
            for name in [directory, *(os.path.join(directory, folder) for folder in folders)]:
                try:
                    os.chmod(name, stat.S_IRWXU)
                except OSError:
                    pass
        shutil.rmtree(path, ignore_errors=True)
    else:
        try:
            path.unlink(missing_ok=True)
        except OSError:
            pass
    return not (path.exists() or path.is_symlink())
