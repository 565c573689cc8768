"""The editor's Decap configuration follows the schemas, and its messages to decap-server keep the
repository's file names and set the translation stamp."""

from __future__ import annotations

import re

import pytest
import yaml

from scripts import front_matter, safe_yaml
from scripts.data_schemas import schemas
from scripts.editor import decap_config as generated
from scripts.editor import yaml_comments
from scripts.editor.locale_files import LocaleFiles
from scripts.editor.server import VENDOR
from scripts.languages import ROOT
from scripts.media.items import LICENCES
from scripts.problems import message_gettext, rendered
from scripts.schema import PATTERNS, Field, check_file, may, need, record
from scripts.translation_status import recorded_hash, text_hash

API = "http://127.0.0.1:8000/api/v1"


def _collection(config: dict, name: str) -> dict:
    return next(collection for collection in config["collections"] if collection["name"] == name)


def _data_file(config: dict, name: str) -> dict:
    return next(entry for entry in _collection(config, "data")["files"] if entry["name"] == name)


def _field(fields: list[dict], *names: str) -> dict:
    for name in names:
        field = next(field for field in fields if field["name"] == name)
        fields = field.get("fields", [])
    return field


@pytest.fixture(scope="module")
def config() -> dict:
    return generated.decap_config("vi", API)


def test_every_header_field_of_the_schema_is_a_form_field_with_its_rule(config):
    news = _collection(config, "news")
    names = [field["name"] for field in news["fields"]]
    assert names == [*front_matter.PAGE.fields, "body"]
    for name, spec in front_matter.PAGE.fields.items():
        field = _field(news["fields"], name)
        if field["widget"] != "hidden":
            assert field["required"] == (spec.required or name == "date"), name  # a news post needs its date
    assert _field(news["fields"], "date")["widget"] == "datetime"
    assert {option["value"] for option in _field(news["fields"], "tags")["options"]} >= {"laos", "administration"}
    assert config["i18n"] == {"structure": "multiple_files", "locales": ["vi", "en", "lo"], "default_locale": "vi"}


def test_a_field_added_to_a_schema_appears_in_the_config(monkeypatch):
    page = record(**front_matter.PAGE.fields, summary_for_press=need("url"))
    monkeypatch.setattr(generated, "PAGE", page)
    field = _field(_collection(generated.decap_config("en", API), "pages")["fields"], "summary_for_press")
    assert field["required"] is True and field["pattern"] == [PATTERNS["url"].pattern, generated.expected("url")]


def test_data_fields_follow_their_kinds_and_the_province_bounds(config):
    events = _field(_data_file(config, "events")["fields"], "events")
    assert events["widget"] == "list" and events["summary"] == "{{fields.id}}"
    source = _field(events["fields"], "source")
    assert source["required"] and source["pattern"][1] == "một địa chỉ web bắt đầu bằng https:// hoặc http://"
    assert source["hint"].startswith("Trang công khai")
    assert _field(events["fields"], "yearly")["pattern"][0] == PATTERNS["month_day"].pattern
    assert _field(events["fields"], "vi", "name")["required"]

    parks = _field(_data_file(config, "industrial-parks")["fields"], "parks")
    lat, lon = _field(parks["fields"], "lat"), _field(parks["fields"], "lon")
    assert 18 < lat["min"] < lat["max"] < 20.5 and 103.5 < lon["min"] < lon["max"] < 106.5
    assert _field(parks["fields"], "distances")["widget"] == "object"

    places = _field(_data_file(config, "places")["fields"], "places")
    assert _field(places["fields"], "kind")["widget"] == "select"
    agencies = _data_file(config, "departments")["fields"]
    assert _field(agencies, "southeast-economic-zone")["label"] == "Ban Quản lý Khu kinh tế Đông Nam Nghệ An"
    assert _field(agencies, "southeast-economic-zone", "email")["pattern"][0] == PATTERNS["email"].pattern


def test_the_patterns_refuse_what_the_build_refuses():
    samples = {"slug": ("vsip-3", "VSIP 3"), "url": ("https://baonghean.vn/x", "baonghean.vn/x"),
               "month_day": ("11-27", "27-11"), "colour": ("#1f5f8b", "1f5f8b"),
               "email": ("a@b.gov.vn", "a.gov.vn")}
    for kind, (good, bad) in samples.items():
        javascript_like = re.compile(PATTERNS[kind].pattern)
        assert bool(javascript_like.search(good)) == (generated.KINDS[kind](good) is None) is True
        assert bool(javascript_like.search(bad)) == (generated.KINDS[kind](bad) is None) is False


def test_the_interface_language_changes_the_labels():
    vi, en = (_collection(generated.decap_config(locale, API), "news") for locale in ("vi", "en"))
    assert _field(en["fields"], "title")["label"] == "Title"
    assert _field(vi["fields"], "title")["label"] == "Tiêu đề"


@pytest.mark.parametrize("locale", ["vi", "en"])
def test_a_refused_value_gets_the_builds_message_in_the_interface_language(locale):
    """The form's message for a source that is not a web address is the build's `expected …` for it."""
    events = _field(_data_file(generated.decap_config(locale, API), "events")["fields"], "events")
    text = (ROOT / "data" / "events.yml").read_text("utf-8")
    broken = re.sub(r"source: https?://\S+", "source: baonghean.vn/tin-tuc", text, count=1)
    [problem] = check_file(safe_yaml.load_text(broken, "data/events.yml"), schemas(["vi", "en", "lo"])["events.yml"])
    gettext, _ = message_gettext(locale)
    assert _field(events["fields"], "source")["pattern"][1] == rendered(problem.expected, gettext)
    assert problem.text(gettext).endswith(f"{rendered(problem.expected, gettext)}, {'nhưng có' if locale == 'vi' else 'got'}"
                                          " 'baonghean.vn/tin-tuc'")


def _shown_texts(node, path=()):
    """(where, text) of every label, hint, pattern message and option label a config shows."""
    if isinstance(node, list):
        for index, item in enumerate(node):
            yield from _shown_texts(item, (*path, index))
    elif isinstance(node, dict) and node.get("widget") != "hidden":
        for key, value in node.items():
            if key in ("label", "label_singular", "hint") and isinstance(value, str):
                yield (*path, key), value
            elif key == "pattern":
                yield (*path, key), value[1]
            elif key == "options":
                yield from (((*path, key, index), option["label"]) for index, option in enumerate(value)
                            if isinstance(option, dict))
            else:
                yield from _shown_texts(value, (*path, key))


def test_every_text_of_the_vietnamese_form_is_vietnamese(config):
    """Each label, hint and message differs from the English interface's: none is left as its English msgid
    or as an English name from the data (tags, layers, agencies, destinations)."""
    vi, en = dict(_shown_texts(config)), dict(_shown_texts(generated.decap_config("en", API)))
    assert vi.keys() == en.keys() and len(vi) > 300
    assert [en[where] for where in vi if vi[where] == en[where]] == []
    tags = {option["value"]: option["label"] for option in _field(_collection(
        generated.decap_config("en", API), "news")["fields"], "tags")["options"]}
    vocabularies = yaml.safe_load((ROOT / "data" / "vocabularies.yml").read_text("utf-8"))
    assert tags == {key: entry["en"] for key, entry in vocabularies["news_tags"].items()}


@pytest.mark.parametrize("name", generated.DATA_FILES)
def test_a_save_from_the_editor_keeps_the_data_files_comments(name, tmp_path):
    """Decap writes a data file from its values, without comments: on the way to decap-server each comment
    block is put back before its key or list item, and the file has no comment that could not be."""
    text = (ROOT / "data" / name).read_text("utf-8")
    assert yaml_comments.unplaceable(text) == [], f"data/{name}: a comment a save from the editor would drop"
    assert yaml_comments.comments(text), name
    values = yaml.safe_load(text)
    written_by_decap = yaml.safe_dump(values, allow_unicode=True, sort_keys=False, width=100)
    assert not yaml_comments.comments(written_by_decap)
    message = {"action": "persistEntry", "params": {"dataFiles": [{"path": f"data/{name}", "raw": written_by_decap}]}}
    saved = LocaleFiles(ROOT, "vi", ["vi", "en", "lo"]).request(message)["params"]["dataFiles"][0]["raw"]
    assert yaml_comments.comments(saved) == yaml_comments.comments(text)
    assert yaml.safe_load(saved) == values
    assert yaml_comments.restored(saved, text) == saved  # a block already in place is not repeated


def test_a_comment_at_the_end_of_a_line_or_inside_an_entry_is_found_as_one_a_save_would_drop():
    text = ("# kept\nplaces:\n  # kept too\n  - id: a\n    # dropped\n    lat: 18.8  # dropped\n"
            "    colour: '#1f5f8b'\n    source: https://x.vn/#top\n")
    assert yaml_comments.unplaceable(text) == [5, 6]
    assert yaml_comments.comments(text) == {"key places": ["# kept"], "id a": ["# kept too"]}


def test_the_default_language_keeps_its_name_without_a_suffix(tmp_path):
    files = LocaleFiles(tmp_path, "vi", ["vi", "en", "lo"])
    assert files.to_repository("docs/news/posts/2026-01-02-x.vi.md") == "docs/news/posts/2026-01-02-x.md"
    assert files.to_repository("docs/about.en.md") == "docs/about.en.md"
    assert files.to_editor("docs/about.md") == "docs/about.vi.md"
    assert files.to_editor("docs/about.lo.md") == "docs/about.lo.md"
    assert files.to_editor("data/events.yml") == "data/events.yml"
    listing = files.response([{"data": "", "file": {"path": "docs/about.md"}}])
    assert listing[0]["file"]["path"] == "docs/about.vi.md"


def test_a_saved_translation_is_stamped_in_the_same_write_and_an_untouched_one_keeps_its_stamp(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "about.lo.md").write_text("---\nsource_hash: 0123456789ab\ntitle: ລາວ\n---\nເກົ່າ\n")
    files = LocaleFiles(tmp_path, "vi", ["vi", "en", "lo"])
    source = "---\ntitle: Về\n---\nMới\n"
    message = {"action": "persistEntry", "params": {"dataFiles": [
        {"path": "docs/about.vi.md", "raw": source},
        {"path": "docs/about.en.md", "raw": "---\ntitle: About\n---\nNew\n"},
        {"path": "docs/about.lo.md", "raw": "---\nsource_hash: 0123456789ab\ntitle: 'ລາວ'\nhide: null\n---\nເກົ່າ\n"}]}}
    saved = {item["path"]: item["raw"] for item in files.request(message)["params"]["dataFiles"]}
    assert saved["docs/about.md"] == source
    assert saved["docs/about.en.md"].startswith(f"---\nsource_hash: {text_hash(source)}\ntitle: About")
    assert "hide" not in saved["docs/about.lo.md"]  # an empty field Decap writes is left out
    (tmp_path / "docs" / "after.lo.md").write_text(saved["docs/about.lo.md"])
    assert recorded_hash(tmp_path / "docs" / "after.lo.md") == "0123456789ab"  # not changed: still outdated


def test_only_the_schema_field_kinds_the_editor_knows_are_used():
    """Every kind a schema uses has a widget (a new kind must be given one, not shown as free text)."""
    fields = generated.Fields("vi")
    known = set(PATTERNS) | set(generated.NUMBER_KINDS) | {"text", "date", "boolean", "texts", "point",
                                                           "year_or_month", "text_or_languages", "vnd_per_usd",
                                                           *generated.CHOICES, "media_path"}
    assert set(generated.KINDS) <= known
    assert fields.value("date")["widget"] == "datetime"
    assert fields.value("licence") == {"widget": "select", "options": list(LICENCES)}
    assert fields.field("x", Field("boolean", False))["widget"] == "boolean"
    assert fields.field("x", may("texts"))["widget"] == "list"


def test_the_editor_is_no_part_of_the_published_sources():
    """The site (and the kiosk made from it) is built from docs/: Decap CMS and the editor page live elsewhere."""
    assert (ROOT / VENDOR / "decap-cms.js").is_file()
    assert not VENDOR.startswith("docs/")
    assert not [path for path in (ROOT / "docs").rglob("*") if "decap" in path.name or path.name == "admin"]
