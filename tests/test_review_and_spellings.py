"""Avoided spellings in the glossary check, and what awaits a native reviewer (rule, report, pages)."""

import dataclasses
import datetime
from pathlib import Path

from scripts import glossary, translation_status
from scripts.catalogue.build_step import exchange_rate
from scripts.catalogue.geo import load_outline
from scripts.catalogue.model import Project
from scripts.catalogue.pages import PageContext, project_page
from scripts.catalogue.reviews import load_reviewed_rows
from scripts.catalogue.vocabularies import load_vocabularies
from scripts.languages import ROOT, languages, load_mkdocs_config

TERMS = [glossary.Term({"vi": ("Đông Hồi",), "lo": ("ດົ່ງໂຮ່ຍ",)}, {"lo": ("ດົ່ງຮ່ອຍ",)})]
CONTEXT = PageContext(load_vocabularies(), load_outline(), exchange_rate(load_mkdocs_config()["extra"]),
                      "https://x.example/", datetime.date(2025, 6, 1), 365)
LAO = next(language for language in languages() if language.locale == "lo")


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def lao_row(row_id: str = "p-1") -> Project:
    return Project(id=row_id, names={"vi": "Dự án", "en": "Project", "lo": "ໂຄງການ"},
                   summaries={"vi": "Mô tả", "en": "Summary", "lo": "ສະຫຼຸບ"}, sector="tourism", locality="Cửa Lò",
                   lat=18.817, lon=105.7, status="calling", updated=datetime.date(2025, 3, 13),
                   department="public-sources", source="https://baonghean.vn/x")


def test_an_avoided_spelling_is_reported_in_a_page_and_in_data(tmp_path: Path):
    write(tmp_path / "docs" / "x.md", "---\ntitle: X\n---\n\nCảng Đông Hồi.\n")
    write(tmp_path / "docs" / "x.lo.md", "---\ntitle: X\n---\n\nທ່າເຮືອ ດົ່ງໂຮ່ຍ ແລະ ດົ່ງຮ່ອຍ.\n")
    write(tmp_path / "data" / "places.yml", "places:\n  - {vi: {name: Đông Hồi}, lo: {name: ທ່າເຮືອ ດົ່ງຮ່ອຍ}}\n"
                                            "  - {en: {name: ດົ່ງຮ່ອຍ is only avoided in Lao}}\n")
    assert glossary.check_docs(tmp_path / "docs", ["lo"], TERMS, root=tmp_path) == [
        "docs/x.lo.md: 'ດົ່ງຮ່ອຍ' is not the glossary's spelling; write 'ດົ່ງໂຮ່ຍ'"]
    assert glossary.check_data(tmp_path / "data", TERMS, root=tmp_path) == [
        "data/places.yml: 'ດົ່ງຮ່ອຍ' is not the glossary's spelling; write 'ດົ່ງໂຮ່ຍ'"]


def test_the_sites_own_pages_and_data_use_the_glossarys_spellings():
    others = [language.locale for language in languages() if not language.default]
    assert [w for w in glossary.check_docs(ROOT / "docs", others) if "is not the glossary's spelling" in w] == []
    assert glossary.check_data(ROOT / "data") == []


def test_a_lao_row_awaits_review_until_it_is_listed_as_reviewed():
    unlisted = dataclasses.replace(CONTEXT, reviewed_rows={"lo": frozenset()})
    listed = dataclasses.replace(CONTEXT, reviewed_rows={"lo": frozenset({"p-1"})})
    assert "review: \"needed\"" in project_page(lao_row(), LAO, unlisted)
    assert "review:" not in project_page(lao_row(), LAO, listed)
    assert "review:" not in project_page(lao_row(), LAO, CONTEXT)  # no review step for the language
    missing_text = dataclasses.replace(lao_row(), names={"vi": "Dự án", "en": "Project"})
    assert "review: \"needed\"" in project_page(missing_text, LAO, listed)


def test_the_review_record_is_read_per_language(tmp_path: Path):
    write(tmp_path / "translation-reviews.yml", "lo: [a, b]\nen: []\n")
    assert load_reviewed_rows(tmp_path) == {"lo": frozenset({"a", "b"}), "en": frozenset()}
    assert load_reviewed_rows(tmp_path / "missing") == {}


def test_the_status_report_lists_what_awaits_a_native_reviewer(tmp_path: Path):
    docs = tmp_path / "docs"
    write(docs / "about.md", "---\ntitle: A\n---\n\nA.\n")
    write(docs / "about.lo.md", "---\ntitle: ກ\nreview: needed\n---\n\nກ.\n")
    write(docs / "contact.md", "---\ntitle: B\n---\n\nB.\n")
    write(docs / "contact.lo.md", "---\ntitle: ຂ\n---\n\nຂ. review: needed in the text does not count.\n")
    for translation in docs.glob("*.lo.md"):
        translation_status.stamp(translation)
    status = translation_status.page_status(docs, languages())["lo"]
    assert status.awaiting_review == ["about"]
    assert status.gaps == 0  # awaiting review is shown, not counted as a gap (--strict stays usable)


def test_the_sites_report_lists_every_lao_row_not_yet_reviewed():
    report = translation_status.status_report()
    reviewed = load_reviewed_rows()
    rows = [item.removeprefix("projects/") for item in report["lo"].awaiting_review if item.startswith("projects/")]
    assert rows and all(row not in reviewed.get("lo", ()) for row in rows)
    assert "awaiting review" in translation_status.table(report)
