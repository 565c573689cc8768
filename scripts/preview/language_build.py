"""One language built with MkDocs' own build and kept in memory: its config, files, navigation and
Jinja environment, so that single pages can be rendered again (scripts/preview/mkdocs_internals.py)."""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.plugins import BasePlugin, event_priority

from scripts.preview import mkdocs_internals


class _Capture(BasePlugin):
    """Added to the config's plugins: keeps what the build made, after every other plugin changed it."""

    def __init__(self):
        super().__init__()
        self.files = self.nav = self.env = None

    @event_priority(-1000)
    def on_nav(self, nav, config, files):
        self.nav, self.files = nav, files

    @event_priority(-1000)
    def on_env(self, env, config, files):
        self.env = env


@dataclass
class LanguageBuild:
    locale: str
    site_dir: Path
    config: object
    files: object
    nav: object
    env: object
    pages_by_source: dict[Path, object] = field(default_factory=dict)  # absolute source → its Page
    statics_by_source: dict[Path, object] = field(default_factory=dict)  # absolute source → its copied File

    @cached_property
    def documentation_pages(self) -> list:
        """The build's Markdown files (its files stay as they are: a new or deleted page builds the language anew)."""
        return self.files.documentation_pages()

    def page_for(self, source: Path):
        return self.pages_by_source.get(source)

    def static_file(self, source: Path):
        """The copied (not rendered) file whose source is `source`, else None."""
        return self.statics_by_source.get(source)


class BuildFailed(Exception):
    """MkDocs stopped or warned (strict): str() is its messages, one a line."""


class Messages(logging.Handler):
    """MkDocs' warnings and errors while a build or a page's rendering runs."""

    def __init__(self):
        super().__init__(logging.WARNING)
        self.lines: list[str] = []

    def emit(self, record):
        self.lines.append(record.getMessage())

    def __enter__(self):
        logging.getLogger("mkdocs").addHandler(self)
        return self

    def __exit__(self, *exc):
        logging.getLogger("mkdocs").removeHandler(self)


def build_language(config_file: Path, locale: str, site_dir: Path) -> LanguageBuild:
    """Build `locale` alone into `site_dir` and keep its state; BuildFailed with MkDocs' messages."""
    config = load_config(config_file=str(config_file), site_dir=str(site_dir))
    mkdocs_internals.only_language(config, locale)
    capture = _Capture()
    config.plugins["preview-capture"] = capture
    with Messages() as messages:
        try:
            build(config)
        except Exception as error:  # noqa: BLE001 - MkDocs' Abort, a plugin's error: shown, never a traceback
            raise BuildFailed("\n".join([*messages.lines, str(error)]).strip()) from None
    pages = {Path(os.path.abspath(file.abs_src_path)): file.page
             for file in capture.files.documentation_pages() if file.page is not None and file.abs_src_path}
    statics = {Path(os.path.abspath(file.abs_src_path)): file for file in capture.files
               if not file.is_documentation_page() and file.abs_src_path and not file.generated_by}
    return LanguageBuild(locale, site_dir, config, capture.files, capture.nav, capture.env, pages, statics)


def rerender(state: LanguageBuild, pages) -> list[str]:
    """Render `pages` of this language again; returns MkDocs' warnings (empty when all went well)."""
    with Messages() as messages:
        for page in pages:
            try:
                mkdocs_internals.render_page(page, state.config, state.files, state.nav, state.env,
                                             state.documentation_pages)
            except Exception as error:  # noqa: BLE001 - a plugin's error about the author's page: shown
                messages.lines.append(f"docs/{page.file.src_uri}: {error}")
    return messages.lines
