"""Compiled theme templates, kept between builds.

MkDocs makes a new Jinja environment for each language, and each compiles Material's templates from
source again. Jinja's own bytecode cache keeps the compiled code on disk, checked against each
template's source; the folder is named after what else the compiled code depends on: the Jinja
version, the environment's extensions and its gettext style.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

import jinja2
from jinja2 import FileSystemBytecodeCache

from scripts import folders

CACHE = "templates"  # the project's .cache/templates (scripts/folders.py)


def bytecode_cache(env: jinja2.Environment) -> FileSystemBytecodeCache:
    """The cache for `env`; set it once the environment's extensions are installed."""
    setup = repr((sorted(env.extensions), getattr(env, "newstyle_gettext", False)))
    return _cache_for(folders.current().cache(CACHE), f"jinja-{jinja2.__version__}-{hashlib.sha256(setup.encode()).hexdigest()[:12]}")


@lru_cache(maxsize=4)
def _cache_for(cache: Path, name: str) -> FileSystemBytecodeCache:
    folder = cache / name
    folder.mkdir(parents=True, exist_ok=True)
    return FileSystemBytecodeCache(str(folder))
