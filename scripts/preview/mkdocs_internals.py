"""Every private name of MkDocs, mkdocs-static-i18n and our hooks that the preview uses, in one place.

MkDocs 1.6 has no public way to render one page again, so the preview calls the two steps its own
build runs per page (`mkdocs.commands.build._populate_page` and `_build_page`); building one
language alone sets the i18n plugin's `current_language` and `building` (as
scripts/parallel_build.py does); the data step's result is handed to the hooks through their
module's `_current`. tests/test_preview.py fails when an upgrade removes one of these names.
"""

from __future__ import annotations

from mkdocs.commands import build as mkdocs_build
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation

PRIVATE_NAMES = {  # module or object → the private names used from it (checked by the test)
    "mkdocs.commands.build": ("_populate_page", "_build_page"),
    "mkdocs_static_i18n.plugin.I18n": ("current_language", "building"),
    "scripts/mkdocs_hooks.py": ("_current",),
}
HOOKS = "scripts/mkdocs_hooks.py"  # the hooks' name in mkdocs.yml (and so in config.plugins)


def only_language(config: MkDocsConfig, locale: str) -> None:
    """Make `config` build `locale` alone: the i18n plugin then skips the other languages."""
    i18n = config.plugins["i18n"]
    i18n.current_language = locale
    i18n.building = True


def render_page(page, config: MkDocsConfig, files: Files, nav: Navigation, env, documentation_pages=None) -> None:
    """Read, convert and write one page again, with every plugin event a build runs for it.
    `documentation_pages`: `files.documentation_pages()`, when the caller renders several pages
    (listing them costs milliseconds with thousands of project pages)."""
    mkdocs_build._populate_page(page, config, files, dirty=False)
    pages = files.documentation_pages() if documentation_pages is None else documentation_pages
    mkdocs_build._build_page(page, config, pages, nav, env)


def hooks_module(config: MkDocsConfig):
    """Our hooks module as MkDocs loaded it (one per process, shared by every language's config)."""
    return config.plugins[HOOKS]


def set_prepared(config: MkDocsConfig, prepared) -> None:
    """Hand the data step's new result to the hooks (their on_config does this at a build's start)."""
    hooks_module(config)._current["prepared"] = prepared
