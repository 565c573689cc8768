"""Read a department's spreadsheet (.csv or .xlsx) into rows of text cells, with their line numbers.

CSV: UTF-8 with or without BOM, CRLF or LF, "," or ";" (Vietnamese-locale Excel) as separator; a
";"-separated file writes decimal commas. A file that is not UTF-8 is read as Excel's "CSV (Comma
delimited)" writes it: Windows-1258 on a Vietnamese Windows, Windows-1252 elsewhere. Such a file cannot
hold Lao (Excel writes "?" for each letter), so cells with "??" are reported. UTF-16 is refused with one
problem explaining how to save the file as UTF-8 CSV.
"""

from __future__ import annotations

import csv
import datetime
import io
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from scripts.problems import Problem, _, shown

LISTS_SHEET = "lists"  # the template's hidden sheet of drop-down lists: allowed beside the projects, not read
SAVE_AS_UTF8 = _("in Excel use File → Save As → 'CSV UTF-8 (Comma delimited) (*.csv)'")


@dataclass
class Table:
    path: str  # as shown in messages
    header: list[str] = field(default_factory=list)
    rows: list[tuple[int, dict[str, str]]] = field(default_factory=list)  # (line, cells by column name)
    decimal: str = "point"  # "comma" for ";"-separated Vietnamese-locale exports
    encoding: str = "utf-8"  # or the Windows code page a legacy CSV was read with
    header_line: int = 1


def read_table(path: Path, shown_path: str) -> tuple[Table, list[Problem]]:
    if path.suffix.lower() == ".xlsx":
        return _read_xlsx(path, shown_path)
    return _read_csv(path.read_bytes(), shown_path)


# Bytes that are Vietnamese letters or tone marks in Windows-1258 (Ă ă Đ đ Ơ ơ Ư ư ₫ and the five
# combining tone marks); elsewhere the two code pages agree on the letters a clerk types.
VIETNAMESE_1258 = re.compile(rb"[\xc3\xe3\xd0\xf0\xd5\xf5\xdd\xfd\xfe\xcc\xd2\xde\xec\xf2]")
LOST_LETTERS = "??"  # what Excel writes for letters its code page lacks


def legacy_encoding(raw: bytes) -> str:
    """The Windows code page Excel saved a non-UTF-8 CSV in: 1258 when it holds Vietnamese, else 1252."""
    return "cp1258" if VIETNAMESE_1258.search(raw) else "cp1252"


def _decoded(raw: bytes) -> tuple[str, str]:
    """The text and its encoding; raises UnicodeDecodeError for UTF-16 or bytes no code page explains."""
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        if raw[:2] in (b"\xff\xfe", b"\xfe\xff"):
            raise
    encoding = legacy_encoding(raw)
    return unicodedata.normalize("NFC", raw.decode(encoding)), encoding  # 1258 writes tone marks apart


def _read_csv(raw: bytes, shown_path: str) -> tuple[Table, list[Problem]]:
    table = Table(shown_path)
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text, table.encoding = _decoded(raw)
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        got = (_("bytes in UTF-16") if raw[:2] in (b"\xff\xfe", b"\xfe\xff")
               else _("bytes in another encoding (e.g. Windows-1258)"))
        return table, [Problem(shown_path, line, _("file"), _("UTF-8 text"), got, SAVE_AS_UTF8)]
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    table.decimal = "comma" if delimiter == ";" else "point"
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    problems = []
    try:
        start = 1
        for cells in reader:
            if table.header == []:
                table.header = [cell.strip() for cell in cells]
            elif any(cell.strip() for cell in cells):
                problems += _check_width(table, start, cells) + _unnamed_cells(table, start, cells)
                table.rows.append((start, dict(zip(table.header, (c.strip() for c in cells)))))
            start = reader.line_num + 1
    except csv.Error as error:
        problems.append(Problem(shown_path, reader.line_num, _("file"), _("well-formed CSV quoting"), str(error)))
    return table, problems + _lost_letters(table) + _empty_problems(table)


def _lost_letters(table: Table) -> list[Problem]:
    """Lao (or other) letters Excel could not save in a legacy code page became question marks."""
    if table.encoding == "utf-8":
        return []
    return [Problem(table.path, line, name, _("letters (this file was saved as {encoding}, which has no Lao letters)")
                    .format(encoding=table.encoding), shown(value), SAVE_AS_UTF8)
            for line, cells in table.rows for name, value in cells.items() if LOST_LETTERS in value]


def _empty_problems(table: Table) -> list[Problem]:
    """An empty or header-only file would make a department's projects vanish without a word."""
    if not table.header or not any(table.header):
        return [Problem(table.path, 1, _("file"), _("a header row and at least one project row"), _("an empty file"))]
    if not table.rows:
        return [Problem(table.path, table.header_line, _("file"), _("at least one project row under the header"),
                        _("only the header"), _("delete the file if the department has no projects to publish"))]
    return []


def _unnamed_cells(table: Table, line: int, cells: list) -> list[Problem]:
    """A filled cell under a column with no name: its value would be dropped silently."""
    return [Problem(table.path, line, _("column {number}").format(number=index + 1),
                    _("a name in the first row above a filled cell"),
                    _("an unnamed column holding {value}").format(value=shown(str(cell).strip())))
            for index, cell in enumerate(cells[:len(table.header)])
            if table.header[index] == "" and str(cell).strip()]


def _check_width(table: Table, line: int, cells: list[str]) -> list[Problem]:
    extra = [cell for cell in cells[len(table.header):] if cell.strip()]
    if extra:
        return [Problem(table.path, line, _("row"),
                        _("at most {count} cells (one per header column)").format(count=len(table.header)),
                        _("{count} cells, extra {value}").format(count=len(cells), value=shown(extra[0])),
                        _("a value may contain the separator only inside double quotes"))]
    return []


def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        return value.date().isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, float):
        return repr(int(value)) if value.is_integer() else repr(value)
    return str(value).strip()


def _read_xlsx(path: Path, shown_path: str) -> tuple[Table, list[Problem]]:
    """The workbook's one visible sheet, read with the values Excel saved for its formulas."""
    from openpyxl import load_workbook

    table = Table(shown_path)
    try:
        values = load_workbook(path, data_only=True)
        formulas = load_workbook(path, data_only=False)
    except Exception as error:  # noqa: BLE001 - openpyxl raises many types for a damaged or misnamed file
        return table, [Problem(shown_path, 1, _("file"), _("an Excel workbook (.xlsx)"),
                               _("a file that cannot be opened ({error})").format(error=type(error).__name__))]
    problems = _sheet_problems(values, shown_path)
    visible = [sheet for sheet in values.worksheets if sheet.sheet_state == "visible"]
    if not visible:
        return table, problems
    sheet, formula_sheet = visible[0], formulas[visible[0].title]
    for number, (row, formula_row) in enumerate(zip(sheet.iter_rows(), formula_sheet.iter_rows()), start=1):
        cells = [_cell_text(cell.value) for cell in row]
        problems += _formula_problems(shown_path, number, row, formula_row)
        if not table.header:
            if any(cells):
                table.header = [cell for cell in cells]
                table.header_line = number
            continue
        if any(cells):
            problems += _unnamed_cells(table, number, cells)
            table.rows.append((number, dict(zip(table.header, cells))))
    while table.header and table.header[-1] == "":
        table.header.pop()
    return table, problems + _empty_problems(table)


def _sheet_problems(workbook, shown_path: str) -> list[Problem]:
    """Exactly one sheet, visible: a hidden or second sheet would be published or ignored unseen.
    The template's hidden sheet of drop-down lists may stay beside it."""
    sheets = [sheet for sheet in workbook.worksheets
              if not (sheet.title == LISTS_SHEET and sheet.sheet_state != "visible")]
    states = [f"'{sheet.title}' ({sheet.sheet_state})" for sheet in sheets]
    if len(states) == 1 and sheets[0].sheet_state == "visible":
        return []
    return [Problem(shown_path, 1, _("sheets"), _("one visible sheet holding the projects"), ", ".join(states),
                    _("delete the other sheets, or keep them in a separate workbook outside data/projects/"))]


def _formula_problems(shown_path: str, line: int, row, formula_row) -> list[Problem]:
    return [Problem(shown_path, line, _("cell {cell}").format(cell=cell.coordinate),
                    _("a value (Excel saves a formula's result)"),
                    _("the formula {formula} with no saved result").format(formula=shown(str(formula.value))),
                    _("open the file in Excel and save it, or paste the values instead of the formula"))
            for cell, formula in zip(row, formula_row)
            if cell.value is None and formula.data_type == "f"]
