"""A copy of the project's sources without build output or environments: the benchmark and the
tests that change sources work in one."""

from __future__ import annotations

import shutil
from pathlib import Path

from scripts import folders

# at the top of the repository only (docs/assets/stylesheets/site.css is a source, site/ is output)
OUTPUTS = {".git", ".venv", "node_modules", "site", ".preview", ".site-releases", ".build.lock", "dist", ".cache", "test-artifacts", ".pytest_cache"}


def copy_sources(destination: Path, also_leave_out: tuple[str, ...] = (), root: Path | None = None) -> Path:
    """Copy `root` to `destination`, leaving out OUTPUTS, site.* folders and caches, and any file or
    folder named in `also_leave_out` at any depth. `root`: by default the project's folder."""
    root = root or folders.current().root
    def left_out(directory: str, names: list[str]) -> set[str]:
        at_top = Path(directory) == root
        return {name for name in names
                if name == "__pycache__" or name in also_leave_out
                or (at_top and (name in OUTPUTS or name.startswith("site.")))}

    shutil.copytree(root, destination, ignore=left_out)
    return destination
