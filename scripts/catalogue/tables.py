"""Read a department's spreadsheet (.csv or .xlsx) into rows of text cells, with their line numbers.

CSV: UTF-8 with or without BOM, CRLF or LF, "," or ";" (Vietnamese-locale Excel) as separator.
Any other encoding gives one problem explaining how to save the file as UTF-8 CSV.
"""

from __future__ import annotations

import csv
import datetime
import io
from dataclasses import dataclass, field
from pathlib import Path

from scripts.catalogue.problems import Problem, shown

SAVE_AS_UTF8 = "in Excel use File → Save As → 'CSV UTF-8 (Comma delimited) (*.csv)'"


@dataclass
class Table:
    path: str  # as shown in messages
    header: list[str] = field(default_factory=list)
    rows: list[tuple[int, dict[str, str]]] = field(default_factory=list)  # (line, cells by column name)
    decimal: str = "point"  # "comma" for ";"-separated Vietnamese-locale exports
    header_line: int = 1


def read_table(path: Path, shown_path: str) -> tuple[Table, list[Problem]]:
    if path.suffix.lower() == ".xlsx":
        return _read_xlsx(path, shown_path)
    return _read_csv(path.read_bytes(), shown_path)


def _read_csv(raw: bytes, shown_path: str) -> tuple[Table, list[Problem]]:
    table = Table(shown_path)
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        encoding = "UTF-16" if raw[:2] in (b"\xff\xfe", b"\xfe\xff") else "another encoding (e.g. Windows-1258)"
        return table, [Problem(shown_path, line, "file", "UTF-8 text", f"bytes in {encoding}", SAVE_AS_UTF8)]
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
        problems.append(Problem(shown_path, reader.line_num, "file", "well-formed CSV quoting", str(error)))
    return table, problems + _empty_problems(table)


def _empty_problems(table: Table) -> list[Problem]:
    """An empty or header-only file would make a department's projects vanish without a word."""
    if not table.header or not any(table.header):
        return [Problem(table.path, 1, "file", "a header row and at least one project row", "an empty file")]
    if not table.rows:
        return [Problem(table.path, table.header_line, "file", "at least one project row under the header",
                        "only the header", "delete the file if the department has no projects to publish")]
    return []


def _unnamed_cells(table: Table, line: int, cells: list) -> list[Problem]:
    """A filled cell under a column with no name: its value would be dropped silently."""
    return [Problem(table.path, line, f"column {index + 1}", "a name in the first row above a filled cell",
                    f"an unnamed column holding {shown(str(cell).strip())}")
            for index, cell in enumerate(cells[:len(table.header)])
            if table.header[index] == "" and str(cell).strip()]


def _check_width(table: Table, line: int, cells: list[str]) -> list[Problem]:
    extra = [cell for cell in cells[len(table.header):] if cell.strip()]
    if extra:
        return [Problem(table.path, line, "row", f"at most {len(table.header)} cells (one per header column)",
                        f"{len(cells)} cells, extra {shown(extra[0])}",
                        "a value may contain the separator only inside double quotes")]
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
    except Exception as error:  # openpyxl raises many types for a damaged or misnamed file
        return table, [Problem(shown_path, 1, "file", "an Excel workbook (.xlsx)",
                               f"a file that cannot be opened ({type(error).__name__})")]
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
    """Exactly one sheet, visible: a hidden or second sheet would be published or ignored unseen."""
    states = [f"'{sheet.title}' ({sheet.sheet_state})" for sheet in workbook.worksheets]
    if len(states) == 1 and workbook.worksheets[0].sheet_state == "visible":
        return []
    return [Problem(shown_path, 1, "sheets", "one visible sheet holding the projects", ", ".join(states),
                    "delete the other sheets, or keep them in a separate workbook outside data/projects/")]


def _formula_problems(shown_path: str, line: int, row, formula_row) -> list[Problem]:
    return [Problem(shown_path, line, f"cell {cell.coordinate}", "a value (Excel saves a formula's result)",
                    f"the formula {shown(str(formula.value))} with no saved result",
                    "open the file in Excel and save it, or paste the values instead of the formula")
            for cell, formula in zip(row, formula_row)
            if cell.value is None and formula.data_type == "f"]
