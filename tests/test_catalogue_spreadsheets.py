"""The files departments send: file names, empty files, encodings and Excel's CSV dialects, workbooks."""

import csv
import datetime
import io
import unicodedata
from pathlib import Path

import pytest

from scripts.catalogue.validate import load_catalogue
from tests.catalogue_fixture import (
    GOOD,
    HEADER,
    TODAY,
    messages,
    with_visibility,
    write,
)


def test_unknown_department_file_name(data_dir):
    write(data_dir, "dept-c.csv", GOOD.format(id="a-1"))
    (message,) = messages(data_dir)
    assert message.startswith("data/projects/dept-c.csv:1: file name: expected the key of a department listed in"
                              " data/departments.yml, got 'dept-c' (did you mean 'dept-")


@pytest.mark.parametrize("content, expected", [
    ("", "data/projects/dept-a.csv:1: file: expected a header row and at least one project row, got an empty file"),
    (HEADER + "\n", "data/projects/dept-a.csv:1: file: expected at least one project row under the header, got only"
     " the header (delete the file if the department has no projects to publish)"),
])


def test_an_empty_or_header_only_file_is_a_problem(data_dir, content, expected):
    (data_dir / "projects" / "dept-a.csv").write_text(content, "utf-8")
    assert messages(data_dir) == [expected]


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


def _workbook(data_dir: Path, rows: list[list], hidden_first: bool = False, extra_sheet: bool = False) -> None:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    if hidden_first:
        hidden = sheet
        hidden.title = "old"
        hidden.append(HEADER.split(","))
        hidden.append(with_visibility("hidden-1", "public").split(","))
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


def test_xlsx_with_numbers_and_dates(data_dir):
    negative = _xlsx_row("x-2")
    negative[8] = -3  # area_ha
    _workbook(data_dir, [HEADER.split(","), _xlsx_row("x-1"), negative])
    catalogue = load_catalogue(data_dir, root=data_dir.parent, today=TODAY)
    assert [str(p) for p in catalogue.problems] == [
        "data/projects/dept-a.xlsx:3: area_ha: expected a number ≥ 0, got '-3'"]
    assert catalogue.projects[0].updated == datetime.date(2025, 1, 2) and catalogue.projects[0].lat == 18.817


def test_damaged_xlsx(data_dir):
    (data_dir / "projects" / "dept-a.xlsx").write_bytes(b"not a workbook")
    assert messages(data_dir) == [
        "data/projects/dept-a.xlsx:1: file: expected an Excel workbook (.xlsx), got a file that cannot be opened"
        " (BadZipFile)"]


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
