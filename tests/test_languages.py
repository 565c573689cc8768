import re
from pathlib import Path

from scripts import languages
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
    languages.load_mkdocs_config.cache_clear()
    monkeypatch.setenv("SITE_URL_TEST", "https://b.example")
    assert languages.site_url(config) == "https://b.example/"
    languages.load_mkdocs_config.cache_clear()
