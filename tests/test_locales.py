import re
from pathlib import Path

import material
import pytest

from scripts import languages, locales
from scripts.languages import ROOT

MATERIAL_LANGUAGES = Path(material.__file__).parent / "templates" / "partials" / "languages"
KEY = re.compile(r'^\s*"([^"]+)":', re.MULTILINE)


def ui_keys(path: Path) -> set[str]:
    return set(KEY.findall(path.read_text("utf-8")))


def test_lao_ui_file_has_every_key_of_materials_english_file():
    english = ui_keys(MATERIAL_LANGUAGES / "en.html")
    lao = ui_keys(ROOT / "overrides" / "partials" / "languages" / "lo.html")
    assert len(english) > 40
    assert english - lao == set(), "keys missing from lo.html"
    assert lao - english == set(), "keys in lo.html that Material does not have"


def test_lao_ui_strings_are_lao():
    text = (ROOT / "overrides" / "partials" / "languages" / "lo.html").read_text("utf-8")
    assert '"language": "lo"' in text
    assert re.search(r'"toc": "[\u0e80-\u0eff ]+"', text), "the table-of-contents label is not in Lao"


@pytest.mark.parametrize("locale", languages.locales())
def test_every_interface_string_is_translated(locale):
    assert locales.untranslated(locale) == []


def test_extraction_finds_the_template_strings():
    ids = {message.id for message in locales.extract_messages() if message.id}
    assert "Open the original page" in ids


def test_an_untranslated_string_is_reported(tmp_path: Path):
    (tmp_path / "overrides").mkdir()
    (tmp_path / "scripts").mkdir()
    (tmp_path / "babel.cfg").write_text((ROOT / "babel.cfg").read_text("utf-8"), encoding="utf-8")
    (tmp_path / "overrides" / "x.html").write_text('{{ _("A brand new label") }}', encoding="utf-8")
    po = tmp_path / "locales" / "lo" / "LC_MESSAGES" / "messages.po"
    po.parent.mkdir(parents=True)
    po.write_text('msgid ""\nmsgstr ""\n"Language: lo\\n"\n', encoding="utf-8")
    assert locales.untranslated("lo", root=tmp_path) == ["A brand new label"]


def test_catalogs_compile_to_mo(tmp_path: Path):
    po = tmp_path / "en" / "LC_MESSAGES" / "messages.po"
    po.parent.mkdir(parents=True)
    po.write_text('msgid ""\nmsgstr ""\n"Language: en\\n"\n\nmsgid "Map"\nmsgstr "Map!"\n', encoding="utf-8")
    (mo,) = locales.compile_catalogs(["en"], tmp_path)
    assert mo.exists()
    assert locales.translations("en", tmp_path).gettext("Map") == "Map!"


def test_no_translated_string_hides_inside_an_f_string():
    """Babel cannot extract _("…") written inside an f-string, so such a string would never be translated."""
    import io
    import tokenize

    offenders = []
    for path in (ROOT / "scripts").rglob("*.py"):
        for token in tokenize.generate_tokens(io.StringIO(path.read_text("utf-8")).readline):
            text = token.string
            if token.type == tokenize.STRING and text[:2].lower() in ("f'", 'f"', "rf", "fr") and "_(" in text:
                offenders.append(f"{path.relative_to(ROOT)}:{token.start[0]}")
    assert offenders == []
