"""The folders of the project being built: the folder of its mkdocs.yml and what lies in it.

They come from the mkdocs.yml being built (the hooks' on_config, or a command's --config-file), not
from where this code sits: a build of another checkout's mkdocs.yml reads that checkout's data and
writes that checkout's caches, even when this checkout's code runs it. Until a build or a command
says which project it works on, it is the checkout this code is in.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

CODE = Path(__file__).resolve().parents[1]  # this code's checkout: its templates, launchers and tools


@dataclass(frozen=True)
class Folders:
    config_file: Path  # the project's mkdocs.yml

    @cached_property
    def root(self) -> Path:
        return self.config_file.parent

    @cached_property
    def docs(self) -> Path:
        return self.root / "docs"

    @cached_property
    def data(self) -> Path:
        return self.root / "data"

    @cached_property
    def locales(self) -> Path:
        return self.root / "locales"

    @cached_property
    def site(self) -> Path:
        return self.root / "site"

    @cached_property
    def dist(self) -> Path:
        return self.root / "dist"

    def cache(self, name: str) -> Path:
        """A cache of the project's: `.cache/<name>`."""
        return self.root / ".cache" / name


_current = [Folders(CODE / "mkdocs.yml")]


def current() -> Folders:
    """The project the build or command under way works on."""
    return _current[0]


def use(config_file: Path | str) -> Folders:
    """Work on the project whose mkdocs.yml this is, from now on in this process (and the processes it forks)."""
    _current[0] = Folders(Path(config_file).resolve())
    return _current[0]


@contextmanager
def working_on(config_file: Path | str) -> Iterator[Folders]:
    """Work on that project until the block ends, then on the one before (a build called from other code)."""
    before = _current[0]
    try:
        yield use(config_file)
    finally:
        _current[0] = before
