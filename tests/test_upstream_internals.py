"""The internals of MkDocs, Material and mkdocs-static-i18n our code relies on: an upgrade that
removes or renames one fails here, with the module that needs it, instead of somewhere in a build.

Each entry: the module (ours) that needs it, what it needs, and how to see it is still there."""

from __future__ import annotations

import importlib
import inspect
import re
from pathlib import Path

import pytest
from mkdocs.config import load_config
from mkdocs.structure.files import File

from scripts.languages import MKDOCS_YML, ROOT, default_locale, locales

MATERIAL = Path(importlib.import_module("material").__file__).parent / "templates"
I18N = Path(importlib.import_module("mkdocs_static_i18n").__file__).parent


@pytest.fixture(scope="module")
def config():
    return load_config(config_file=str(MKDOCS_YML))


def _source(module: str) -> str:
    return inspect.getsource(importlib.import_module(module))


def test_python_names_we_import():
    needed = {  # (module, name): who needs it
        ("mkdocs.commands.build", "build"): "scripts/parallel_build.py",
        ("mkdocs.config", "load_config"): "scripts/parallel_build.py",
        ("mkdocs.plugins", "event_priority"): "scripts/mkdocs_hooks.py",
        ("mkdocs.exceptions", "PluginError"): "scripts/mkdocs_hooks.py",
        ("mkdocs.structure.files", "File"): "scripts/mkdocs_hooks.py",
        ("material", "__version__"): "scripts/search_entries.py (the search cache's version key)",
    }
    missing = [f"{module}.{name}, needed by {who}" for (module, name), who in needed.items()
               if not hasattr(importlib.import_module(module), name)]
    assert missing == []


def test_i18n_plugin_attributes_the_parallel_build_and_hooks_set_and_read(config):
    i18n = config.plugins["i18n"]
    for name in ("current_language", "building"):
        assert hasattr(i18n, name), (f"mkdocs-static-i18n's plugin has no '{name}': scripts/parallel_build.py "
                                     f"sets it, scripts/mkdocs_hooks.py reads 'building'")
    assert re.search(r"if self\.building:", _source("mkdocs_static_i18n.plugin")), (
        "mkdocs-static-i18n no longer skips the other languages when 'building' is set: "
        "scripts/parallel_build.py builds one language that way")


def test_i18n_file_attributes_hooks_and_templates_read(config):
    from mkdocs_static_i18n.suffix import create_i18n_file

    source = File("about.en.md", config.docs_dir, config.site_dir, config.use_directory_urls)
    file = create_i18n_file(source, "en", default_locale(), locales(), config)
    for name in ("alternates", "locale"):
        assert hasattr(file, name), (f"mkdocs-static-i18n's files have no '{name}': scripts/mkdocs_hooks.py "
                                     f"(hreflang, untranslated notice, sitemap dates), overrides/sitemap.xml and "
                                     f"overrides/main.html read it")
    assert file.locale == "en" and file.alternates == {"en": file}


def test_i18n_template_context_and_material_switcher():
    plugin = _source("mkdocs_static_i18n.plugin")
    assert 'context["i18n_alternates"]' in plugin, "i18n_alternates is gone: overrides/sitemap.xml loops over it"
    assert 'config.extra["alternate"]' in _source("mkdocs_static_i18n.reconfigure"), (
        "mkdocs-static-i18n no longer sets extra.alternate: scripts/mkdocs_hooks.py rewrites it on the 404 pages")
    assert (I18N / "custom_i18n_sitemap" / "sitemap.xml").is_file(), (
        "mkdocs-static-i18n's sitemap template moved: overrides/sitemap.xml is a changed copy of it")


def test_material_search_index_the_search_cache_wraps(config):
    search = config.plugins.get("material/search")
    assert search is not None, "no 'material/search' plugin: scripts/mkdocs_hooks.py looks it up by that name"
    search.on_config(config)
    index = getattr(search, "search_index", None)
    assert index is not None, "Material's search plugin has no search_index after on_config: scripts/mkdocs_hooks.py"
    assert isinstance(index.entries, list) and callable(index.add_entry_from_context), (
        "Material's SearchIndex has no entries list or add_entry_from_context: scripts/search_entries.py wraps them")


def test_material_templates_our_overrides_extend_or_replace():
    base = (MATERIAL / "base.html").read_text("utf-8")
    blocks = set(re.findall(r"{%-?\s*block\s+(\w+)", base))
    for override in ("main.html", "home.html", "404.html"):
        ours = set(re.findall(r"{%-?\s*block\s+(\w+)", (ROOT / "overrides" / override).read_text("utf-8")))
        assert ours <= blocks, f"overrides/{override} fills blocks Material's base.html no longer has: {ours - blocks}"
    for partial, included_by in (("partials/search.html", "partials/header.html"),
                                 ("partials/copyright.html", "partials/footer.html")):
        assert (MATERIAL / partial).is_file(), f"Material has no {partial}: overrides/{partial} replaces it"
        assert f'"{partial}"' in (MATERIAL / included_by).read_text("utf-8"), (
            f"Material's {included_by} no longer includes {partial}: overrides/{partial} would not be shown")
    language = (MATERIAL / "partials" / "language.html").read_text("utf-8")
    assert '"partials/languages/" ~ config.theme.language ~ ".html"' in language, (
        "Material no longer picks partials/languages/<language>.html: overrides/partials/languages/lo.html")
    assert (MATERIAL / ".icons" / "material" / "magnify.svg").is_file(), (
        "Material's .icons moved: overrides/partials/search.html includes them")
