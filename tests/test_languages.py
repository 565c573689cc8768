import json
import re
from pathlib import Path

import pytest

from scripts import languages, search_index
from scripts.languages import ROOT


def test_languages_come_from_mkdocs_yml_in_order():
    assert languages.locales() == ["vi", "en", "lo"]
    assert languages.default_locale() == "vi"
    assert [language.prefix for language in languages.languages()] == ["", "en/", "lo/"]


def test_no_second_hard_coded_language_list():
    """The language list is defined once (mkdocs.yml); code must read it, not repeat it."""
    pattern = re.compile(r"""\[\s*["']vi["']\s*,\s*["']en["']\s*,\s*["']lo["']\s*\]""")
    offenders = [
        str(path.relative_to(ROOT))
        for folder in ("scripts", "overrides")
        for path in (ROOT / folder).rglob("*")
        if path.is_file() and path.suffix in {".py", ".html", ".js"} and pattern.search(path.read_text("utf-8"))
    ]
    assert offenders == []


def test_env_tag_default_and_override(tmp_path: Path, monkeypatch):
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        'site_url: !ENV [SITE_URL_TEST, "https://a.example/"]\n'
        "plugins:\n  - i18n:\n      languages:\n        - {locale: vi, name: V, default: true}\n",
        encoding="utf-8",
    )
    assert languages.site_url(config) == "https://a.example/"
    languages.reload()
    monkeypatch.setenv("SITE_URL_TEST", "https://b.example")
    assert languages.site_url(config) == "https://b.example/"
    languages.reload()


@pytest.fixture
def only_locale(monkeypatch):
    """Set BUILD_ONLY_LOCALE for one test; mkdocs.yml is read again before and after it."""
    def choose(locale: str) -> None:
        monkeypatch.setenv("BUILD_ONLY_LOCALE", locale)
        languages.reload()

    yield choose
    monkeypatch.delenv("BUILD_ONLY_LOCALE", raising=False)
    languages.reload()


def test_build_only_locale_builds_that_language_alone_at_the_root(only_locale):
    only_locale("en")
    (english,) = languages.languages()
    assert (english.locale, english.default, english.prefix) == ("en", True, "")
    assert english.source_suffix == ".en"  # its sources are still about.en.md
    assert languages.declared_locales() == ["vi", "en", "lo"] and languages.source_locale() == "vi"
    assert languages.translation_locales() == ["en", "lo"]


def test_one_language_preview_gets_its_search_index_at_the_root(only_locale, tmp_path: Path):
    only_locale("en")
    site = tmp_path / "site"
    (site / "search").mkdir(parents=True)
    docs = [{"location": "about/", "title": "About the province", "text": "Investment in Nghệ An"}]
    (site / "search" / "search_index.json").write_text(json.dumps({"config": {}, "docs": docs}), "utf-8")
    (written,) = search_index.write_language_indexes(site, languages.languages())
    index = json.loads(written.read_text("utf-8"))
    assert written == site / "search" / "search_index.json"
    assert [doc["location"] for doc in index["docs"]] == ["about/"] and index["config"]["lang"] == ["en"]


def test_each_language_facts_come_from_its_entry_in_mkdocs_yml():
    entries = {entry["locale"]: entry.get("extra", {}) for entry in languages.i18n_settings(
        languages.load_mkdocs_config())["languages"]}
    for language in languages.languages():
        facts = entries[language.locale]
        assert list(language.font_subsets) == facts["font_subsets"], language.locale
        assert list(language.search_languages) == facts["search_languages"], language.locale
        assert language.word_breaks == facts.get("word_breaks", False) and language.fallback == facts.get("fallback")
    assert languages.fallback_locale() == entries["lo"]["fallback"]


def test_every_problem_of_the_language_list_is_reported_at_once(tmp_path: Path, only_locale):
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        "plugins:\n  - i18n:\n      build_only_locale: !ENV [BUILD_ONLY_LOCALE]\n      languages:\n"
        "        - {locale: vi, name: V, default: true, extra: {font_subsets: latin}}\n"
        "        - {locale: en, name: E, default: true, extra: {fallback: fr}}\n",
        encoding="utf-8")
    only_locale("de")
    with pytest.raises(languages.LanguagesError) as raised:
        languages.languages(config)
    assert str(raised.value).splitlines() == [
        "mkdocs.yml: plugins → i18n → languages[0]: vi: extra.font_subsets: expected a list of font subset names, "
        "got 'latin'",
        "mkdocs.yml: plugins → i18n → languages: expected one language with 'default: true', got 2",
        "mkdocs.yml: plugins → i18n → languages: en: fallback: expected one of vi, en, got 'fr'",
        "mkdocs.yml: plugins → i18n → build_only_locale: expected one of vi, en, got 'de'",
    ]


def test_no_per_language_fact_hard_coded_outside_mkdocs_yml():
    """A table keyed by language codes in code or templates (fonts, search, ...) belongs in mkdocs.yml."""
    keyed = re.compile(r"""\{\s*["'](?:vi|en|lo)["']\s*:\s*[\[("']""")
    comparison = re.compile(r"""(?:==|!=)\s*["'](?:vi|en|lo)["']""")
    # not a fact of the language but of the content: the Lao park pages await a native reviewer
    not_facts = {"scripts/content/parks.py": '{"review": "needed"} if locale == "lo"'}
    offenders = [
        f"{path.relative_to(ROOT)}:{number}"
        for folder in ("scripts", "overrides")
        for path in (ROOT / folder).rglob("*")
        if path.is_file() and path.suffix in {".py", ".html", ".js"} and "editor" not in path.parts
        for number, line in enumerate(path.read_text("utf-8").splitlines(), 1)
        if (keyed.search(line) or comparison.search(line))
        and not_facts.get(path.relative_to(ROOT).as_posix(), "\0") not in line
    ]
    assert offenders == []
