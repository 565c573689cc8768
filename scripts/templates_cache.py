"""Compiled theme templates, kept between builds.

MkDocs makes a new Jinja environment for each language, and each compiles Material's templates from
source again. Jinja's own bytecode cache keeps the compiled code on disk, checked against each
template's source; the folder is named after the Jinja version and the extensions the hooks add, as
the compiled code depends on both.
"""

from __future__ import annotations

from functools import lru_cache

import jinja2
from jinja2 import FileSystemBytecodeCache

from scripts.languages import ROOT

EXTENSIONS = "i18n-newstyle"  # what mkdocs_hooks.on_env installs; change it when that changes
CACHE = ROOT / ".cache" / "templates"


@lru_cache(maxsize=1)
def bytecode_cache() -> FileSystemBytecodeCache:
    folder = CACHE / f"jinja-{jinja2.__version__}-{EXTENSIONS}"
    folder.mkdir(parents=True, exist_ok=True)
    return FileSystemBytecodeCache(str(folder))
