"""The site's languages and the facts of each (fonts, search, fallback), read from the one place they are
defined: mkdocs.yml (plugins → i18n → languages, each entry's `extra`), checked once."""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

import yaml

from scripts import folders

ROOT = folders.CODE  # this code's checkout (the project a command works on when told no other: scripts/folders.py)
MKDOCS_YML = ROOT / "mkdocs.yml"


@dataclass(frozen=True)
class Language:
    locale: str  # "vi", "en", "lo"
    name: str  # native name shown in the switcher
    default: bool  # the default language is served at "/", the others at "/<locale>/"
    source_default: bool = False  # the sources' own language: its files are name.md, the others name.<locale>.md
    # facts of the language, from its entry's `extra` in mkdocs.yml (see LANGUAGE_FACTS):
    font_subsets: tuple[str, ...] = ("latin",)  # the web font subsets its pages load (overrides/main.html)
    search_languages: tuple[str, ...] = ("en",)  # lunr's languages for its search index (scripts/search_index.py)
    word_breaks: bool = False  # written without spaces between words: search cuts its text into words (ICU)
    fallback: str | None = None  # the language an empty catalogue field shows instead (the template's contract)

    @property
    def prefix(self) -> str:
        """URL path prefix of this language's pages, "" for the default language."""
        return "" if self.default else f"{self.locale}/"

    @property
    def source_suffix(self) -> str:
        """What its source files add before ".md": "" for the sources' own language, else ".<locale>"."""
        return "" if self.source_default else f".{self.locale}"


# key in a language's `extra` → (Language field, what it must be)
LANGUAGE_FACTS = {"font_subsets": ("font_subsets", "a list of font subset names"),
                  "search_languages": ("search_languages", "a list of lunr language codes"),
                  "word_breaks": ("word_breaks", "true or false"),
                  "fallback": ("fallback", "one of the site's locales")}


class LanguagesError(ValueError):
    """mkdocs.yml's language list is not what the site can build."""


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


def load_mkdocs_config(path: Path | None = None) -> dict:
    """The project's mkdocs.yml (by default the one being built, scripts/folders.py), read once."""
    return _load_mkdocs_config(path or folders.current().config_file)


@lru_cache(maxsize=4)
def _load_mkdocs_config(path: Path) -> dict:
    with open(path, encoding="utf-8") as handle:
        return yaml.load(handle, Loader=_ConfigLoader)


def i18n_settings(config: dict) -> dict:
    for plugin in config.get("plugins", []):
        if isinstance(plugin, dict) and "i18n" in plugin:
            return plugin["i18n"]
    raise ValueError("mkdocs.yml: expected an 'i18n' entry under 'plugins', got none")


def languages(path: Path | None = None) -> list[Language]:
    """The languages this build makes, in mkdocs.yml order, with their facts. Honours the i18n
    plugin's `build_only_locale` (BUILD_ONLY_LOCALE) as the plugin does: that language alone, as the
    default (served at "/"). Languages with `build: false` are left out."""
    return list(_languages(path or folders.current().config_file)[1])


def declared_languages(path: Path | None = None) -> list[Language]:
    """Every language mkdocs.yml declares, built now or not (interface catalogs, message languages)."""
    return list(_languages(path or folders.current().config_file)[0])


def reload() -> None:
    """Read mkdocs.yml (and the environment its !ENV tags name) again on the next call."""
    _load_mkdocs_config.cache_clear()
    _languages.cache_clear()


@lru_cache(maxsize=4)
def _languages(path: Path) -> tuple[tuple[Language, ...], tuple[Language, ...]]:  # asked for on every page: read once
    """(declared, built), checked: every problem is collected into one LanguagesError."""
    settings = i18n_settings(load_mkdocs_config(path))
    entries, problems = settings.get("languages") or [], []
    where = f"{path.name}: plugins → i18n → languages"
    declared = tuple(_language(entry, f"{where}[{index}]", problems) for index, entry in enumerate(entries))
    codes = [language.locale for language in declared]
    defaults = [language.locale for language in declared if language.default]
    if len(defaults) != 1:
        problems.append(f"{where}: expected one language with 'default: true', got {len(defaults)}")
    for language in declared:
        if language.fallback is not None and language.fallback not in codes:
            problems.append(f"{where}: {language.locale}: fallback: expected one of {', '.join(codes)}, "
                            f"got {language.fallback!r}")
    if len({language.fallback for language in declared} - {None}) > 1:
        problems.append(f"{where}: fallback: expected the same language for all (the catalogue has one), got "
                        f"{', '.join(sorted({language.fallback for language in declared} - {None}))}")
    only = settings.get("build_only_locale")
    if only and only not in codes:
        problems.append(f"{path.name}: plugins → i18n → build_only_locale: expected one of {', '.join(codes)}, "
                        f"got {only!r}")
    if problems:
        raise LanguagesError("\n".join(problems))
    if only:
        built = tuple(replace(language, default=True) for language in declared if language.locale == only)
    else:
        built = tuple(language for language, entry in zip(declared, entries, strict=True) if entry.get("build", True))
    return declared, built


def _language(entry, where: str, problems: list[str]) -> Language:
    if not isinstance(entry, dict) or not isinstance(entry.get("locale"), str) or not isinstance(entry.get("name"), str):
        problems.append(f"{where}: expected a locale and a name, got {entry!r}")
        return Language(str(entry), str(entry), False)
    facts, extra = {}, entry.get("extra") or {}
    for key, (field_name, expected) in LANGUAGE_FACTS.items():
        if key not in extra:
            continue
        value = extra[key]
        if key == "word_breaks" and isinstance(value, bool) or key == "fallback" and isinstance(value, str):
            facts[field_name] = value
        elif key in ("font_subsets", "search_languages") and isinstance(value, list) and value \
                and all(isinstance(item, str) for item in value):
            facts[field_name] = tuple(value)
        else:
            problems.append(f"{where}: {entry['locale']}: extra.{key}: expected {expected}, got {value!r}")
    default = bool(entry.get("default", False))
    return Language(entry["locale"], entry["name"], default, source_default=default, **facts)


def site_names(path: Path | None = None) -> dict[str, str]:
    """Each language's site name: its own `site_name` in the i18n entry, else the top-level one."""
    config = load_mkdocs_config(path)
    return {entry["locale"]: entry.get("site_name", config["site_name"]) for entry in i18n_settings(config)["languages"]}


def locales(path: Path | None = None) -> list[str]:
    return [language.locale for language in languages(path)]


def declared_locales(path: Path | None = None) -> list[str]:
    return [language.locale for language in declared_languages(path)]


def source_locale(path: Path | None = None) -> str:
    """The sources' own language (files name.md), whichever languages this build makes."""
    return next(language.locale for language in declared_languages(path) if language.source_default)


def translation_locales(path: Path | None = None) -> list[str]:
    """The languages the sources are translated into (files name.<locale>.md)."""
    return [language.locale for language in declared_languages(path) if not language.source_default]


def fallback_locale(path: Path | None = None) -> str:
    """The language an empty catalogue field shows instead: the `fallback` the languages name (else the default)."""
    named = [language.fallback for language in declared_languages(path) if language.fallback]
    return named[0] if named else source_locale(path)


def default_locale(path: Path | None = None) -> str:
    return next(language.locale for language in languages(path) if language.default)


def site_url(path: Path | None = None) -> str:
    url = load_mkdocs_config(path)["site_url"]
    return url if url.endswith("/") else url + "/"


def language(locale: str, path: Path | None = None) -> Language:
    return next(candidate for candidate in languages(path) if candidate.locale == locale)
