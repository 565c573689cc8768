"""Project pages, the list and open data: content, fallbacks, and escaping of everything from data;
the live preview's memo, which renders again only the projects a save changed."""

import csv
import dataclasses
import datetime
import io
import json
from pathlib import Path

import yaml
from markupsafe import escape

from scripts.catalogue import generate as generate_module
from scripts.catalogue import opendata, pages
from scripts.catalogue.build_step import exchange_rate
from scripts.catalogue.generate import generate
from scripts.catalogue.geo import load_outline
from scripts.catalogue.listing import catalogue_list, listing_items, search_text
from scripts.catalogue.minimap import position_percent
from scripts.catalogue.model import Project
from scripts.catalogue.pages import PageContext, fill_project_body
from scripts.catalogue.paging import PAGE_SIZE
from scripts.catalogue.qr import qr_svg
from scripts.catalogue.vocabularies import load_vocabularies
from scripts.languages import languages, load_mkdocs_config
from scripts.render_memo import RenderMemo
from scripts.site_files import folder as site_files_folder

EVIL = '<script>window.pwned=1</script>${alert(1)}"\' onmouseover="x'
CONTEXT = PageContext(load_vocabularies(), load_outline(), exchange_rate(load_mkdocs_config()["extra"]),
                      "https://x.example/", datetime.date(2025, 6, 1), 365)
VI, EN, LO = languages()


def project(**changes) -> Project:
    values = dict(id="p-1", names={"vi": "Dự án", "en": "Project"}, summaries={"vi": "Mô tả", "en": "Summary"},
                  sector="tourism", locality="Cửa Lò", lat=18.817, lon=105.7, status="calling",
                  updated=datetime.date(2025, 3, 13), department="public-sources", investment_vnd_bn=2440.6,
                  area_ha=12.5, source="https://baonghean.vn/x")
    values.update(changes)
    return Project(**values)


def project_page(project, language, context) -> str:
    """A project's page as published: the generated Markdown with its body in place."""
    return fill_project_body(pages.project_page(project, language, context), project, language, context)


def front_matter(page: str) -> dict:
    return yaml.safe_load(page.split("---\n")[1])


def test_figures_are_formatted_for_each_language_with_a_usd_estimate():
    vietnamese = project_page(project(), VI, CONTEXT)
    english = project_page(project(), EN, CONTEXT)
    assert "2.440,6 tỷ đồng (khoảng 100 triệu USD)" in vietnamese and "12,5 ha" in vietnamese
    assert "VND 2,440.6 billion (about US$100 million)" in english and "12.5 ha" in english
    assert "24,406 VND per US dollar (2023-12-31)" in english
    assert "March 13, 2025" in english


def test_lao_page_falls_back_to_english_and_says_so():
    page = project_page(project(), LO, CONTEXT)
    assert front_matter(page)["review"] == "needed"
    assert '<h1 lang="en">Project</h1>' in page
    assert 'class="untranslated-note"' in page and '<div class="project-summary" lang="en">' in page
    translated = project_page(project(names={"vi": "a", "en": "b", "lo": "ຂ"}, summaries={"vi": "a", "en": "b", "lo": "ຄ"}),
                              LO, CONTEXT)
    assert "untranslated-note" not in translated and "review" not in front_matter(translated)


def test_everything_from_data_is_escaped_in_pages_and_lists():
    evil = project(names={"vi": EVIL, "en": EVIL}, summaries={"vi": EVIL, "en": EVIL}, locality=EVIL,
                   contact='a"b@x.org', position_note=EVIL)
    page = project_page(evil, EN, CONTEXT)
    listing = catalogue_list([evil], "en", CONTEXT, "../", "../../")
    for html in (page, listing):
        assert "<script>" not in html and 'onmouseover="x' not in html
        assert "&lt;script&gt;window.pwned=1&lt;/script&gt;" in html
    assert front_matter(page)["title"].startswith("&lt;script&gt;")


def test_summary_keeps_paragraphs_and_line_breaks():
    page = project_page(project(summaries={"vi": "a", "en": "One,\n\"two\"\n\nThree"}), EN, CONTEXT)
    quoted = escape('"two"')  # the quotes escaped
    assert f"<p>One,<br>{quoted}</p><p>Three</p>" in page


def test_qr_code_and_minimap():
    page = project_page(project(), EN, CONTEXT)
    assert '<img class="qr-code" src="../../../assets/catalogue/qr/en/p-1.svg"' in page
    assert "https://x.example/en/projects/p-1/" in page
    assert qr_svg("https://x.example/en/projects/p-1/").startswith("<svg")
    left, top = position_percent(CONTEXT.outline, 18.817, 105.7)
    assert 0 < left < 100 and 0 < top < 100
    assert f"left: {left}%; top: {top}%" in page


def test_rows_not_checked_for_a_year_are_flagged():
    assert "stale-note" not in project_page(project(), EN, CONTEXT)
    old = project_page(project(updated=datetime.date(2024, 5, 31)), EN, CONTEXT)
    assert '<p class="stale-note" role="note">Not checked since May 31, 2024' in old


def test_search_text_ignores_vietnamese_marks():
    assert search_text("Đầu tư Nghệ An") == "dau tu nghe an"


def test_open_data_round_trips():
    projects = [project(), project(id="p-2", investment_vnd_bn=None, investment_usd_m=52.5)]
    locales = ["vi", "en", "lo"]
    rows = list(csv.DictReader(io.StringIO(opendata.to_csv(projects, locales).lstrip("\ufeff"))))
    assert [row["id"] for row in rows] == ["p-1", "p-2"] and rows[1]["investment_usd_m"] == "52.5"
    document = json.loads(opendata.to_json(projects, locales, CONTEXT.vocabularies))
    assert document["licence"]["name"] == "CC BY 4.0" and len(document["projects"]) == 2
    geojson = json.loads(opendata.to_geojson(projects, locales))
    assert geojson["features"][0]["geometry"] == {"type": "Point", "coordinates": [105.7, 18.817]}


def test_generated_files_of_removed_projects_are_removed(tmp_path: Path):
    docs = tmp_path / "docs"
    many = [project(id=f"p-{number}") for number in range(PAGE_SIZE + 1)]
    generate(many, languages(), CONTEXT, docs)
    qr_codes = site_files_folder(docs) / "assets" / "catalogue" / "qr"
    assert (docs / "catalogue" / "page" / "2.en.md").is_file() and (qr_codes / "en" / f"p-{PAGE_SIZE}.svg").is_file()
    removed = generate(many[:2], languages(), CONTEXT, docs)
    assert docs / "catalogue" / "page" / "2.en.md" in removed and not list((docs / "catalogue" / "page").glob("*.md"))
    assert sorted(path.name for path in (qr_codes / "en").iterdir()) == ["p-0.svg", "p-1.svg"]
    assert sorted(path.name for path in (docs / "projects").iterdir()) == [
        "p-0.en.md", "p-0.lo.md", "p-0.md", "p-1.en.md", "p-1.lo.md", "p-1.md"]


def test_outline_simplification_keeps_corners_and_drops_small_wiggles():
    from scripts.catalogue.minimap import simplified

    line = [(0.0, 0.0), (5.0, 0.5), (10.0, 0.0), (15.0, 8.0), (20.0, 0.0)]
    assert simplified(line, 1.0) == [(0.0, 0.0), (10.0, 0.0), (15.0, 8.0), (20.0, 0.0)]
    assert simplified(line, 0) == line


def test_an_opportunity_without_figures_says_not_published_and_names_its_agency():
    bare = project(area_ha=None, investment_vnd_bn=None, agency="investment-promotion-centre")
    expected = {VI: ("Chưa công bố", "Trung tâm Xúc tiến"), EN: ("Not published", "Promotion Centre"),
                LO: ("ຍັງບໍ່ໄດ້ເຜີຍແຜ່", "ສູນສົ່ງເສີມ")}
    for language, (not_published, agency) in expected.items():
        page = project_page(bare, language, CONTEXT)
        assert page.count(not_published) == 2 and agency in page
    assert "Not published" not in project_page(project(), EN, CONTEXT)


def test_a_row_awaiting_review_flags_only_that_languages_page():
    flagged = project(names={"vi": "Dự án", "en": "Project", "lo": "ໂຄງການ"},
                      summaries={"vi": "Mô tả", "en": "Summary", "lo": "ສະຫຼຸບ"}, review=("lo",))
    assert front_matter(pages.project_page(flagged, LO, CONTEXT)).get("review") == "needed"
    assert "review" not in front_matter(pages.project_page(flagged, EN, CONTEXT))


def _count_renders(monkeypatch) -> list[str]:
    rendered: list[str] = []
    real = generate_module.project_page
    monkeypatch.setattr(generate_module, "project_page",
                        lambda item, language, context: rendered.append(item.id) or real(item, language, context))
    return rendered


def test_the_previews_memo_renders_again_only_the_project_that_changed(tmp_path: Path, monkeypatch):
    docs, memo, rendered = tmp_path / "docs", RenderMemo(), _count_renders(monkeypatch)
    first = [project(id="p-1"), project(id="p-2")]
    generate(first, languages(), CONTEXT, docs, memo=memo)
    assert sorted(rendered) == ["p-1"] * 3 + ["p-2"] * 3
    unchanged = (docs / "projects" / "p-1.en.md").read_text("utf-8")
    rendered.clear()
    second = [first[0], dataclasses.replace(first[1], summaries={"vi": "Mô tả mới", "en": "A new summary"})]
    changed = generate(second, languages(), CONTEXT, docs, memo=memo)
    assert rendered == ["p-2"] * 3
    assert "A new summary" in (docs / "projects" / "p-2.en.md").read_text("utf-8")
    assert (docs / "projects" / "p-1.en.md").read_text("utf-8") == unchanged
    assert docs / "projects" / "p-2.en.md" in changed and docs / "projects" / "p-1.en.md" not in changed
    rendered.clear()
    generate(second, languages(), dataclasses.replace(CONTEXT, today=datetime.date(2027, 1, 1)), docs, memo=memo)
    assert sorted(rendered) == ["p-1"] * 3 + ["p-2"] * 3  # the shared context changed: every project again


def test_a_build_without_the_memo_renders_every_project_each_time(tmp_path: Path, monkeypatch):
    docs, rendered = tmp_path / "docs", _count_renders(monkeypatch)
    for _ in range(2):
        generate([project(id="p-1")], languages(), CONTEXT, docs)
    assert rendered == ["p-1"] * 6


def test_the_page_and_the_factsheet_show_the_same_facts_from_one_list():
    from html import unescape

    from scripts.printing.factsheets import project_factsheet

    shown = project(contact="invest@x.org", form="fdi")
    for language in (VI, EN, LO):
        facts = [fact for fact in pages.project_facts(shown, language, CONTEXT) if fact.shown]
        page, sheet = unescape(project_page(shown, language, CONTEXT)), unescape(project_factsheet(shown, language, CONTEXT))
        assert [fact.term for fact in facts] == [fact.term for fact in facts if fact.term in page and fact.term in sheet]
        assert all(fact.text in page and fact.printed in sheet and fact.note in sheet for fact in facts)
    assert "24,406 VND per US dollar" in project_factsheet(shown, EN, CONTEXT)  # the conversion is sourced on paper too
    assert "https://baonghean.vn/x" in project_factsheet(shown, EN, CONTEXT)  # a printed source is its address


def test_everything_from_data_is_escaped_in_the_factsheet():
    from scripts.printing.factsheets import project_factsheet

    evil = project(names={"vi": EVIL, "en": EVIL}, summaries={"vi": EVIL, "en": EVIL}, locality=EVIL, contact=EVIL)
    sheet = project_factsheet(evil, EN, CONTEXT)
    assert "<script>" not in sheet and 'onmouseover="x' not in sheet and "&lt;script&gt;" in sheet


def test_a_catalogue_page_made_from_the_languages_items_is_the_one_made_from_the_projects():
    """The build makes each language's list items once; its catalogue pages take theirs from them."""
    many = [project(id=f"p-{number}", names={"vi": f"{EVIL} {number}", "en": f"P {number}"}) for number in range(PAGE_SIZE + 7)]
    for language in (VI, EN, LO):
        items = tuple(listing_items(many, language.locale, CONTEXT))
        for page, within in ((1, ""), (2, "../../")):
            made = catalogue_list(many, language.locale, CONTEXT, within, "../../", page, "v1")
            assert catalogue_list(many, language.locale, CONTEXT, within, "../../", page, "v1", items) == made
            assert f'href="{within}projects/p-' in made
