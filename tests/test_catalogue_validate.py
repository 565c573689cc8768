"""Every validation rule: each bad input gives its message, and all are reported together."""

import csv
import datetime
import io
import shutil
import unicodedata
from pathlib import Path

import pytest

from scripts.catalogue.validate import load_catalogue
from scripts.catalogue.vocabularies import load_vocabularies
from scripts.languages import ROOT

HEADER = ("id,name_vi,name_en,name_lo,sector,locality,lat,lon,area_ha,investment_vnd_bn,form,status,"
          "summary_vi,summary_en,summary_lo,contact,updated,visibility")
GOOD = ('{id},Dự án {id},Project {id},,manufacturing,Hưng Nguyên,18.68,105.63,12.5,300,fdi,calling,'
        '"Mô tả, có dấu phẩy và ""ngoặc kép""\nvà xuống dòng",Summary,,ipa@example.org,2025-03-13,public')
TODAY = datetime.date(2026, 11, 24)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    data.mkdir()
    for name in ("vocabularies.yml", "project-template.yml"):
        shutil.copy(ROOT / "data" / name, data / name)
    (data / "departments.yml").write_text("dept-a: {vi: A, en: A, lo: A}\ndept-b: {vi: B, en: B, lo: B}\n", "utf-8")
    shutil.copytree(ROOT / "data" / "geo", data / "geo")
    (data / "projects").mkdir()
    return data


def write(data_dir: Path, name: str, *rows: str, encoding="utf-8", newline="\n", header=HEADER) -> Path:
    path = data_dir / "projects" / name
    path.write_bytes(newline.join([header, *rows, ""]).encode(encoding))
    return path


def messages(data_dir: Path) -> list[str]:
    return [str(problem) for problem in sorted(load_catalogue(data_dir, root=data_dir.parent, today=TODAY).problems)]


def test_good_rows_from_two_files_are_merged(data_dir):
    write(data_dir, "dept-a.csv", GOOD.format(id="a-1"), GOOD.format(id="a-2"))
    write(data_dir, "dept-b.csv", GOOD.format(id="b-1"))
    catalogue = load_catalogue(data_dir, root=data_dir.parent, today=TODAY)
    assert catalogue.problems == []
    assert [p.id for p in catalogue.projects] == ["a-1", "a-2", "b-1"]
    first = catalogue.projects[0]
    assert first.summaries["vi"] == 'Mô tả, có dấu phẩy và "ngoặc kép"\nvà xuống dòng'
    assert first.names == {"vi": "Dự án a-1", "en": "Project a-1"} and first.area_ha == 12.5


def test_every_problem_in_every_file_is_reported_with_path_line_column(data_dir):
    bad = GOOD.format(id="Bad Id").replace("manufacturing", "manufacture").replace(",12.5,", ",ten,")
    write(data_dir, "dept-a.csv", GOOD.format(id="ok"), bad)
    write(data_dir, "dept-b.csv", GOOD.format(id="b-1").replace("2025-03-13", "13/03/2025"))
    assert messages(data_dir) == [
        "data/projects/dept-a.csv:4: area_ha: expected a number with a decimal point, e.g. 18.83, got 'ten'",
        "data/projects/dept-a.csv:4: id: expected lowercase letters a-z, digits and single hyphens, got 'Bad Id'"
        " (for example 'bad-id')",
        "data/projects/dept-a.csv:4: sector: expected one of " + ", ".join(load_vocabularies().sectors)
        + ", got 'manufacture' (did you mean 'manufacturing'?)",
        "data/projects/dept-b.csv:2: updated: expected a date written YYYY-MM-DD, e.g. 2025-03-13, got '13/03/2025'",
    ]


def test_line_numbers_count_multi_line_cells(data_dir):
    write(data_dir, "dept-a.csv", GOOD.format(id="a-1"), GOOD.format(id="a-2").replace("fdi", "joint"))
    assert messages(data_dir)[0].startswith("data/projects/dept-a.csv:4: form:")  # row 2 spans lines 2-3


def test_required_values_and_columns(data_dir):
    write(data_dir, "dept-a.csv", GOOD.format(id="a-1").replace("Project a-1", ""))
    write(data_dir, "dept-b.csv", GOOD.format(id="b-1"), header=HEADER.replace("name_en", "Name_en"))
    assert messages(data_dir) == [
        "data/projects/dept-a.csv:2: name_en: expected a value (this column is required), got an empty cell",
        "data/projects/dept-b.csv:1: Name_en: expected a column name of the template, got an unknown column"
        " (did you mean 'name_en'?)",
    ]


def test_swapped_coordinates_get_one_clear_hint(data_dir):
    write(data_dir, "dept-a.csv", GOOD.format(id="a-1").replace("18.68,105.63", "105.63,18.68"))
    assert messages(data_dir) == [
        "data/projects/dept-a.csv:2: lat, lon: expected a point inside Nghệ An (latitude about 18.5–20.0, longitude"
        " about 103.9–105.8), got 105.63, 18.68 (latitude and longitude look swapped)"]


def test_point_outside_the_province(data_dir):
    write(data_dir, "dept-a.csv", GOOD.format(id="a-1").replace("18.68,105.63", "21.03,105.85"),
          GOOD.format(id="a-2").replace("18.68,105.63", "19.1,104.0"))  # Hà Nội; inside the box, in Laos
    found = messages(data_dir)
    assert len(found) == 2
    assert found[0].startswith("data/projects/dept-a.csv:2: lat, lon: expected a point inside Nghệ An (latitude 18.55")
    assert found[0].endswith("got 21.03, 105.85 (outside the province)")
    assert found[1].endswith("got 19.1, 104 (outside the province)")


def test_duplicate_id_names_both_places(data_dir):
    write(data_dir, "dept-a.csv", GOOD.format(id="same"))
    write(data_dir, "dept-b.csv", GOOD.format(id="other"), GOOD.format(id="same"))
    assert messages(data_dir) == [
        "data/projects/dept-b.csv:4: id: expected an id used only once in all files, got 'same'"
        " (already used at data/projects/dept-a.csv:2)"
    ]


def test_unknown_department_file_name(data_dir):
    write(data_dir, "dept-c.csv", GOOD.format(id="a-1"))
    (message,) = messages(data_dir)
    assert message.startswith("data/projects/dept-c.csv:1: file name: expected the key of a department listed in"
                              " data/departments.yml, got 'dept-c' (did you mean 'dept-")


def test_encodings_bom_crlf_and_a_clear_message_for_utf16(data_dir):
    path = write(data_dir, "dept-a.csv", GOOD.format(id="a-1"), newline="\r\n")
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert messages(data_dir) == []
    write(data_dir, "dept-b.csv", GOOD.format(id="b-1"), encoding="utf-16")
    assert messages(data_dir) == [
        "data/projects/dept-b.csv:1: file: expected UTF-8 text, got bytes in UTF-16"
        " (in Excel use File → Save As → 'CSV UTF-8 (Comma delimited) (*.csv)')"
    ]


def as_windows_1258(text: str) -> bytes:
    """Text as Excel's "CSV (Comma delimited)" saves it on a Vietnamese Windows: letters the code page
    lacks are written as a base letter and a combining tone mark."""
    out = b""
    for char in text:
        try:
            out += char.encode("cp1258")
        except UnicodeEncodeError:  # e.g. ặ: ă (one letter in the code page) and a combining dot below
            base, *marks = unicodedata.normalize("NFD", char)
            kept = next((m for m in marks if len(unicodedata.normalize("NFC", base + m)) == 1
                         and unicodedata.normalize("NFC", base + m) in "ăâêôơưĂÂÊÔƠƯ"), "")
            rest = list(marks)
            if kept:
                rest.remove(kept)
            out += (unicodedata.normalize("NFC", base + kept) + "".join(rest)).encode("cp1258")
    return out


def test_a_windows_1258_csv_is_read_like_its_utf8_copy(data_dir):
    text = "\n".join([HEADER, GOOD.format(id="b-1").replace("Dự án", "Dự án Nghĩa Đàn – Cửa Lò ở"), ""])
    (data_dir / "projects" / "dept-b.csv").write_bytes(as_windows_1258(text))
    assert b"\xd0" in as_windows_1258(text) and b"\xf2" in as_windows_1258(text)  # Đ and a combining dot below
    read = load_catalogue(data_dir, root=data_dir.parent, today=TODAY)
    (data_dir / "projects" / "dept-b.csv").write_text(text, encoding="utf-8")
    utf8 = load_catalogue(data_dir, root=data_dir.parent, today=TODAY)
    assert read.problems == utf8.problems == []
    assert read.projects == utf8.projects
    assert read.projects[0].names["vi"] == "Dự án Nghĩa Đàn – Cửa Lò ở b-1"


def test_lao_lost_in_a_legacy_code_page_is_reported(data_dir):
    row = GOOD.format(id="b-1").replace(",Project b-1,,", ",Project b-1,???? ??,")  # Excel's "?" for Lao letters
    (data_dir / "projects" / "dept-b.csv").write_bytes(as_windows_1258(f"{HEADER}\n{row}"))
    assert messages(data_dir) == [
        "data/projects/dept-b.csv:2: name_lo: expected letters (this file was saved as cp1258, which has no Lao"
        " letters), got '???? ??' (in Excel use File → Save As → 'CSV UTF-8 (Comma delimited) (*.csv)')"]


def test_vietnamese_excel_semicolons_and_decimal_commas(data_dir):
    row = GOOD.format(id="a-1").replace(",", ";").replace("18.68", "18,68").replace("105.63", "105,63")
    row = row.replace("12.5", "12,5").replace("Mô tả; có dấu phẩy", "Mô tả, có dấu phẩy")
    write(data_dir, "dept-a.csv", row, header=HEADER.replace(",", ";"))
    catalogue = load_catalogue(data_dir, root=data_dir.parent, today=TODAY)
    assert catalogue.problems == []
    project = catalogue.projects[0]
    assert (project.lat, project.lon, project.area_ha) == (18.68, 105.63, 12.5)
    write(data_dir, "dept-a.csv", row.replace("12,5", "12.5"), header=HEADER.replace(",", ";"))
    (message,) = messages(data_dir)
    assert message.startswith("data/projects/dept-a.csv:2: area_ha: expected a number with a decimal comma")


def test_xlsx_with_numbers_and_dates(data_dir):
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(HEADER.split(","))
    sheet.append(["x-1", "Dự án", "Project", "", "tourism", "Cửa Lò", 18.817, 105.7, 3, None, "any", "calling",
                  "Mô tả", "Summary", "", "", datetime.datetime(2025, 1, 2), "public"])
    sheet.append(["x-2", "Dự án", "Project", "", "tourism", "Cửa Lò", 18.817, 105.7, -3, None, "any", "calling",
                  "Mô tả", "Summary", "", "", datetime.datetime(2025, 1, 2), "public"])
    workbook.save(data_dir / "projects" / "dept-a.xlsx")
    catalogue = load_catalogue(data_dir, root=data_dir.parent, today=TODAY)
    assert [str(p) for p in catalogue.problems] == [
        "data/projects/dept-a.xlsx:3: area_ha: expected a number ≥ 0, got '-3'"]
    assert catalogue.projects[0].updated == datetime.date(2025, 1, 2) and catalogue.projects[0].lat == 18.817


def test_damaged_xlsx(data_dir):
    (data_dir / "projects" / "dept-a.xlsx").write_bytes(b"not a workbook")
    assert messages(data_dir) == [
        "data/projects/dept-a.xlsx:1: file: expected an Excel workbook (.xlsx), got a file that cannot be opened"
        " (BadZipFile)"]


def _row(project_id: str, visibility: str) -> str:
    return GOOD.format(id=project_id).removesuffix(",public") + "," + visibility


def test_only_rows_marked_public_are_published(data_dir):
    write(data_dir, "dept-a.csv", _row("a-1", "internal"), _row("a-2", "draft"), _row("a-3", "public"),
          _row("a-4", ""), _row("a-5", "Public"))
    catalogue = load_catalogue(data_dir, root=data_dir.parent, today=TODAY)
    assert [p.id for p in catalogue.projects] == ["a-3"]
    assert [str(p) for p in sorted(catalogue.problems)] == [
        "data/projects/dept-a.csv:8: visibility: expected a value (this column is required), got an empty cell",
        "data/projects/dept-a.csv:10: visibility: expected one of public, internal, draft, got 'Public'"
        " (did you mean 'public'?)"]


def test_the_template_states_there_is_no_default_visibility():
    from scripts.catalogue.vocabularies import load_vocabularies

    column = next(c for c in load_vocabularies().columns if c.name == "visibility")
    assert column.required and "no default" in column.description["en"]


@pytest.mark.parametrize("name", ["Visibility", "visiblity", "Hiển thị", "VISIBILITY "])
def test_a_misspelt_visibility_column_publishes_nothing(data_dir, name):
    write(data_dir, "dept-a.csv", _row("a-1", "internal"), header=HEADER.replace(",visibility", "," + name))
    catalogue = load_catalogue(data_dir, root=data_dir.parent, today=TODAY)
    assert catalogue.projects == []
    assert [str(p) for p in catalogue.problems] == [
        f"data/projects/dept-a.csv:1: {name.strip()}: expected a column name of the template, got an unknown column"
        " (did you mean 'visibility'?)"]


def test_own_note_columns_are_allowed_other_columns_and_extra_cells_are_not(data_dir):
    write(data_dir, "dept-a.csv", GOOD.format(id="a-1") + ",note", header=HEADER + ",notes_internal")
    assert messages(data_dir) == []
    write(data_dir, "dept-a.csv", GOOD.format(id="a-1") + ",stray")
    assert messages(data_dir)[0].startswith("data/projects/dept-a.csv:2: row: expected at most 18 cells")
    write(data_dir, "dept-a.csv", GOOD.format(id="a-1") + ",x", header=HEADER + ",our_remarks")
    assert messages(data_dir) == ["data/projects/dept-a.csv:1: our_remarks: expected a column name of the template,"
                                  " got an unknown column (a department's own notes go in a column whose name"
                                  " starts with 'note')"]


def test_an_amount_with_a_thousands_dot_is_a_problem(data_dir):
    write(data_dir, "dept-a.csv", GOOD.format(id="a-1").replace(",300,", ",1.200,"))
    assert messages(data_dir) == [
        "data/projects/dept-a.csv:2: investment_vnd_bn: expected a number with a decimal point and no thousands"
        " separator, got '1.200' ('1.200' reads as 1.2 but may mean 1200: write 1200 (or 1.2 if that is meant))"]


def test_an_unnamed_column_holding_values_is_a_problem(data_dir):
    write(data_dir, "dept-a.csv", GOOD.format(id="a-1") + ",secret", header=HEADER + ",")
    assert messages(data_dir) == ["data/projects/dept-a.csv:2: column 19: expected a name in the first row above a"
                                  " filled cell, got an unnamed column holding 'secret'"]


@pytest.mark.parametrize("content, expected", [
    ("", "data/projects/dept-a.csv:1: file: expected a header row and at least one project row, got an empty file"),
    (HEADER + "\n", "data/projects/dept-a.csv:1: file: expected at least one project row under the header, got only"
     " the header (delete the file if the department has no projects to publish)"),
])
def test_an_empty_or_header_only_file_is_a_problem(data_dir, content, expected):
    (data_dir / "projects" / "dept-a.csv").write_text(content, "utf-8")
    assert messages(data_dir) == [expected]


def _workbook(data_dir: Path, rows: list[list], hidden_first: bool = False, extra_sheet: bool = False) -> None:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    if hidden_first:
        hidden = sheet
        hidden.title = "old"
        hidden.append(HEADER.split(","))
        hidden.append(_row("hidden-1", "public").split(","))
        hidden.sheet_state = "hidden"
        sheet = workbook.create_sheet("projects")
    for row in rows:
        sheet.append(row)
    if extra_sheet:
        workbook.create_sheet("notes").append(["anything"])
    workbook.save(data_dir / "projects" / "dept-a.xlsx")


def _xlsx_row(project_id: str) -> list:
    return [project_id, "Dự án", "Project", "", "tourism", "Cửa Lò", 18.817, 105.7, 3, None, "any", "calling",
            "Mô tả", "Summary", "", "", datetime.datetime(2025, 1, 2), "public"]


def test_a_workbook_with_a_hidden_or_second_sheet_is_a_problem(data_dir):
    _workbook(data_dir, [HEADER.split(","), _xlsx_row("x-1")], hidden_first=True)
    catalogue = load_catalogue(data_dir, root=data_dir.parent, today=TODAY)
    assert "hidden-1" not in [p.id for p in catalogue.projects]
    assert [str(p) for p in catalogue.problems] == [
        "data/projects/dept-a.xlsx:1: sheets: expected one visible sheet holding the projects, got 'old' (hidden),"
        " 'projects' (visible) (delete the other sheets, or keep them in a separate workbook outside data/projects/)"]
    _workbook(data_dir, [HEADER.split(","), _xlsx_row("x-1")], extra_sheet=True)
    assert messages(data_dir)[0].startswith("data/projects/dept-a.xlsx:1: sheets: expected one visible sheet")


def test_a_formula_without_a_saved_result_is_a_problem(data_dir):
    row = _xlsx_row("x-1")
    row[8] = "=2*3"  # openpyxl saves the formula without a result, as a script would
    _workbook(data_dir, [HEADER.split(","), row])
    assert messages(data_dir) == [
        "data/projects/dept-a.xlsx:2: cell I2: expected a value (Excel saves a formula's result), got the formula"
        " '=2*3' with no saved result (open the file in Excel and save it, or paste the values instead of the"
        " formula)"]


def test_the_repository_seed_catalogue_is_valid():
    catalogue = load_catalogue()
    assert catalogue.problems == []
    assert len(catalogue.projects) >= 8
    assert all(project.source and project.source.startswith("https://") for project in catalogue.projects)


@pytest.mark.parametrize("column, bad, expected", [
    ("id", "../../CONTRIBUTING", "lowercase letters a-z"),
    ("name_vi", "Dự\x00án", "text without control characters"),
    ("sector", "Tourism", "one of manufacturing"),
    ("lat", "18,68", "a number with a decimal point"),
    ("area_ha", "-5", "a number ≥ 0"),
    ("investment_vnd_bn", "20.776", "a number with a decimal point and no thousands separator"),
    ("form", "joint venture", "one of fdi"),
    ("status", "open", "one of calling"),
    ("contact", "ipa at example.org", "an e-mail address"),
    ("updated", "20/03/2025", "a date written YYYY-MM-DD"),
    ("source", "javascript:alert(1)", "a web address starting with https://"),
    ("visibility", "yes", "one of public, internal, draft"),
])
def test_each_column_kind_names_file_line_and_column(data_dir, column, bad, expected):
    """One broken cell per column kind of the template: one message, on its line, nothing published."""
    header = HEADER + ",source"
    cells = dict(zip(header.split(","), next(csv.reader([GOOD.format(id="a-1") + ",https://x.example/"]))))
    cells[column] = bad
    row = ",".join('"' + value.replace('"', '""') + '"' for value in cells.values())
    write(data_dir, "dept-a.csv", row, header=header)
    catalogue = load_catalogue(data_dir, root=data_dir.parent, today=TODAY)
    assert catalogue.projects == []
    (problem,) = catalogue.problems
    assert str(problem).startswith(f"data/projects/dept-a.csv:2: {column}: expected {expected}"), problem


def test_an_unknown_agency_is_reported_with_file_and_line(data_dir):
    header = HEADER + ",agency"
    write(data_dir, "dept-a.csv", GOOD.format(id="a-1") + ",dept-b", GOOD.format(id="a-2") + ",dept-bb",
          GOOD.format(id="a-3") + ",", header=header)
    catalogue = load_catalogue(data_dir, root=data_dir.parent, today=TODAY)
    (message,) = [str(problem) for problem in catalogue.problems]
    line = 2 + 2 * 1  # header, then rows of two lines each (the summary has a line break)
    assert message == (f"data/projects/dept-a.csv:{line}: agency: expected a key of data/departments.yml, "
                       "got 'dept-bb' (did you mean 'dept-b'?)")
    assert [(p.id, p.contact_agency) for p in catalogue.projects] == [("a-1", "dept-b"), ("a-3", "dept-a")]


def test_review_lists_languages_and_rejects_unknown_codes(data_dir):
    write(data_dir, "dept-a.csv", GOOD.format(id="a-1") + ",lo", GOOD.format(id="a-2") + ",xx",
          header=HEADER + ",review")
    catalogue = load_catalogue(data_dir, root=data_dir.parent, today=TODAY)
    assert [p.review for p in catalogue.projects] == [("lo",)]
    assert [(p.column, p.got) for p in catalogue.problems] == [("review", "'xx'")]


# The real catalogue (data/projects/*.csv): what it holds must match what the site says it holds.

def real_projects():
    catalogue = load_catalogue()
    assert catalogue.problems == []
    return catalogue.projects


@pytest.mark.xfail(strict=True, reason="the stored sources name only 3 of the programme's 15 calls and 2 other "
                   "published calls; remove this marker when the catalogue holds 10 opportunities")
def test_the_catalogue_holds_at_least_ten_opportunities():
    opportunities = [p.id for p in real_projects() if p.is_opportunity]
    assert len(opportunities) >= 10, f"only {len(opportunities)} rows calling or preparing: {opportunities}"


PROGRAMME_SOURCES = (  # the 2026–2030 key programme: names the projects only, no area or capital
    "https://www.vietnamplus.vn/nghe-an-trien-khai-24-du-an-trong-diem-giai-doan-2026-2030-post1075738.vnp",
    "https://baonghean.vn/24-du-an-trong-diem-nghe-an-don-luc-dau-tu-thu-hut-dau-tu-giai-doan-2026-2030-10309964.html",
)


def test_every_calling_row_has_a_source_and_no_unsourced_figures():
    calling = [p for p in real_projects() if p.status == "calling"]
    assert calling
    for project in calling:
        assert project.source and project.source.startswith("https://"), project.id
        if project.source in PROGRAMME_SOURCES:
            assert (project.area_ha, project.investment_vnd_bn, project.investment_usd_m) == (None, None, None), project.id
        assert project.position_note, f"{project.id}: say where its position comes from"


def test_every_row_names_a_known_agency():
    departments = load_vocabularies().departments
    for project in real_projects():
        assert project.contact_agency in departments, project.id


NUMBER_COLUMNS = ("lat", "lon", "area_ha", "investment_vnd_bn")


def test_a_vietnamese_excel_csv_gives_the_same_projects_as_its_comma_copy(data_dir):
    """The same rows saved by English Excel (",", decimal points) and Vietnamese Excel (";", decimal
    commas, BOM, CRLF): the semicolon dialect reads 348,117 as 348.117, never as 348117."""
    rows = list(csv.DictReader((HEADER + "\n" + GOOD.format(id="a-1") + "\n" + GOOD.format(id="a-2") + "\n")
                               .splitlines(keepends=True)))
    # "348.117" is refused in a comma file (it may mean 348117): English Excel users write 348.1170
    rows[1].update(area_ha="348.1170", investment_vnd_bn="1200.5", lat="19.2612", lon="105.6904")

    def saved(delimiter: str, decimal: str) -> bytes:
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=HEADER.split(","), delimiter=delimiter, lineterminator="\r\n")
        writer.writeheader()
        for row in rows:
            writer.writerow({key: value.replace(".", decimal).replace(",1170", ",117") if key in NUMBER_COLUMNS
                             else value for key, value in row.items()})
        return ("\ufeff" + buffer.getvalue()).encode("utf-8")

    path = data_dir / "projects" / "dept-a.csv"
    path.write_bytes(saved(",", "."))
    english = load_catalogue(data_dir, root=data_dir.parent, today=TODAY)
    vietnamese_bytes = saved(";", ",")
    assert b"348,117;1200,5" in vietnamese_bytes and b'"M\xc3\xb4 t\xe1\xba\xa3, c\xc3\xb3' in vietnamese_bytes
    path.write_bytes(vietnamese_bytes)
    vietnamese = load_catalogue(data_dir, root=data_dir.parent, today=TODAY)
    assert english.problems == vietnamese.problems == []
    assert vietnamese.projects == english.projects
    assert (vietnamese.projects[1].area_ha, vietnamese.projects[1].investment_vnd_bn) == (348.117, 1200.5)
