"""The site's languages, read from the one place they are defined: mkdocs.yml (plugins → i18n)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
MKDOCS_YML = ROOT / "mkdocs.yml"


@dataclass(frozen=True)
class Language:
    locale: str  # "vi", "en", "lo"
    name: str  # native name shown in the switcher
    default: bool  # the default language is served at "/", the others at "/<locale>/"

    @property
    def prefix(self) -> str:
        """URL path prefix of this language's pages, "" for the default language."""
        return "" if self.default else f"{self.locale}/"


class _ConfigLoader(yaml.SafeLoader):
    """Safe YAML loader that understands MkDocs' `!ENV [NAME, default]` tag."""


def _env_tag(loader: yaml.SafeLoader, node: yaml.Node):
    values = loader.construct_sequence(node) if isinstance(node, yaml.SequenceNode) else [node.value]
    *names, default = values if len(values) > 1 else (values[0], None)
    for name in names:
        if os.environ.get(name):
            return os.environ[name]
    return default


_ConfigLoader.add_constructor("!ENV", _env_tag)


@lru_cache(maxsize=4)
def load_mkdocs_config(path: Path = MKDOCS_YML) -> dict:
    with open(path, encoding="utf-8") as handle:
        return yaml.load(handle, Loader=_ConfigLoader)


def i18n_settings(config: dict) -> dict:
    for plugin in config.get("plugins", []):
        if isinstance(plugin, dict) and "i18n" in plugin:
            return plugin["i18n"]
    raise ValueError("mkdocs.yml: expected an 'i18n' entry under 'plugins', got none")


def languages(path: Path = MKDOCS_YML) -> list[Language]:
    """All site languages in mkdocs.yml order, default first as declared."""
    return list(_languages(path))


@lru_cache(maxsize=4)
def _languages(path: Path) -> tuple[Language, ...]:  # asked for on every page: read once
    entries = i18n_settings(load_mkdocs_config(path))["languages"]
    return tuple(Language(e["locale"], e["name"], bool(e.get("default", False))) for e in entries)


def site_names(path: Path = MKDOCS_YML) -> dict[str, str]:
    """Each language's site name: its own `site_name` in the i18n entry, else the top-level one."""
    config = load_mkdocs_config(path)
    return {entry["locale"]: entry.get("site_name", config["site_name"]) for entry in i18n_settings(config)["languages"]}


def locales(path: Path = MKDOCS_YML) -> list[str]:
    return [language.locale for language in languages(path)]


def default_locale(path: Path = MKDOCS_YML) -> str:
    return next(language.locale for language in languages(path) if language.default)


def site_url(path: Path = MKDOCS_YML) -> str:
    url = load_mkdocs_config(path)["site_url"]
    return url if url.endswith("/") else url + "/"


def language(locale: str, path: Path = MKDOCS_YML) -> Language:
    return next(candidate for candidate in languages(path) if candidate.locale == locale)
