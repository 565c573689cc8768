"""The department's Excel template, read back with openpyxl as Excel would open it, and the checker's
languages (Vietnamese by default, English with --lang en)."""

import datetime
import io
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from openpyxl import load_workbook

from scripts.catalogue import template_files
from scripts.catalogue.geo import load_outline
from scripts.catalogue.tables import LISTS_SHEET, read_table
from scripts.catalogue.validate import EXAMPLE_ID, HIDDEN, PUBLIC, load_catalogue, validate_table
from scripts.catalogue.vocabularies import load_vocabularies
from scripts.languages import ROOT, locales
from scripts.problems import Message, Problem, message_gettext
from tests.conftest import copy_project

LOCALITIES = ("Hoàng Mai", "Cửa Lò")  # names as data/ holds them
VOCABULARIES = load_vocabularies()
CONTRACT = yaml.safe_load((ROOT / "data" / "project-template.yml").read_text("utf-8"))["columns"]
TODAY = datetime.date(2026, 11, 24)


@pytest.fixture(scope="module")
def workbook():
    message_gettext("vi")  # compiles the catalogs the template's texts are translated with
    return load_workbook(io.BytesIO(template_files.xlsx_bytes(VOCABULARIES, LOCALITIES)))


@pytest.fixture(scope="module")
def sheet(workbook):
    return workbook[template_files.DATA_SHEET]


def letter_of(sheet, name: str) -> str:
    return next(cell.column_letter for cell in sheet[1] if cell.value == name)


def validation_of(sheet, name: str):
    """The one data validation covering the column's rows under the header."""
    letter = letter_of(sheet, name)
    wanted = f"{letter}2:{letter}{template_files.TEMPLATE_ROWS + 1}"
    (found,) = [rule for rule in sheet.data_validations.dataValidation if str(rule.sqref) == wanted]
    return found


def list_values(workbook, formula: str) -> list[str]:
    sheet_name, cells = formula.split("!")
    first, last = cells.replace("$", "").split(":")
    return [cell.value for (cell,) in workbook[sheet_name][first:last]]


def test_the_header_is_the_contract_and_frozen(sheet):
    assert [cell.value for cell in sheet[1]] == list(CONTRACT)
    assert sheet.freeze_panes == "A2"
    assert all(cell.font.bold for cell in sheet[1])


EXPECTED_LISTS = {"sector": list(VOCABULARIES.sectors), "status": list(VOCABULARIES.statuses),
                  "form": list(VOCABULARIES.forms), "visibility": [PUBLIC, *HIDDEN],
                  "agency": list(VOCABULARIES.departments), "locality": list(LOCALITIES)}


def test_the_lists_sheet_is_hidden_protected_and_holds_exactly_the_vocabularies(workbook):
    lists = workbook[LISTS_SHEET]
    assert lists.sheet_state == "hidden" and lists.protection.sheet
    assert workbook.security.lockStructure, "the clerk cannot unhide, add or delete sheets"
    assert workbook.sheetnames == [template_files.DATA_SHEET, LISTS_SHEET]
    columns = {column[0].value: [cell.value for cell in column[1:] if cell.value is not None]
               for column in lists.iter_cols()}
    vocabularies = yaml.safe_load((ROOT / "data" / "vocabularies.yml").read_text("utf-8"))
    assert columns["sector"] == list(vocabularies["sectors"])
    assert columns["status"] == list(vocabularies["statuses"])
    assert columns["form"] == list(vocabularies["forms"])
    assert columns == EXPECTED_LISTS


def test_the_localities_offered_are_those_the_data_names():
    """No official list of the 2025 communes and wards is in data/: the names the rows and parks use."""
    from scripts.content.parks import load_parks

    projects, parks = load_catalogue().projects, load_parks().parks
    offered = template_files.known_localities(projects, parks)
    assert set(offered) == {p.locality for p in projects} | {park.locality for park in parks}
    assert offered.index("Cửa Lò") < offered.index("Hoàng Mai") < offered.index("Vinh Hưng")


@pytest.mark.parametrize("column", list(EXPECTED_LISTS))
def test_each_drop_down_covers_its_column_with_its_list(workbook, sheet, column):
    rule = validation_of(sheet, column)
    assert rule.type == "list"
    assert rule.formula1.startswith(f"{LISTS_SHEET}!")
    assert sorted(list_values(workbook, rule.formula1)) == sorted(EXPECTED_LISTS[column])
    # the vocabularies are strict; a commune missing from the list may still be typed
    assert bool(rule.showErrorMessage) == (column != "locality")


def test_no_list_when_data_names_no_locality():
    workbook = load_workbook(io.BytesIO(template_files.xlsx_bytes(VOCABULARIES)))
    assert "locality" not in [cell.value for cell in workbook[LISTS_SHEET][1]]
    assert validation_of(workbook[template_files.DATA_SHEET], "locality").type is None


def test_number_and_date_formats(sheet):
    for name, expected in (("area_ha", "0.0##"), ("investment_vnd_bn", "0.0##"), ("investment_usd_m", "0.0##"),
                           ("lat", "0.0000##"), ("lon", "0.0000##"), ("updated", "yyyy-mm-dd")):
        letter = letter_of(sheet, name)
        assert sheet.column_dimensions[letter].number_format == expected, name
        assert sheet[f"{letter}2"].number_format == expected, name
        assert "," not in expected, "a thousands separator would reach CSV exports"
    updated = sheet[f"{letter_of(sheet, 'updated')}2"]
    assert updated.is_date and updated.value.date() == datetime.date(2026, 11, 24)
    assert validation_of(sheet, "area_ha").type == "decimal" and validation_of(sheet, "area_ha").formula1 == "0"


@pytest.mark.parametrize("column", list(CONTRACT))
def test_every_column_has_its_input_help_in_three_languages(sheet, column):
    rule = validation_of(sheet, column)
    assert rule.showInputMessage
    lines = rule.prompt.split("\n")
    assert lines == [CONTRACT[column]["help"][locale] for locale in locales()]
    assert set(locales()) == {"vi", "en", "lo"} and len(set(lines)) == 3
    assert any("\u0e80" <= char <= "\u0eff" for char in lines[2]), "the third line is Lao"
    assert len(rule.prompt) <= 255 and len(rule.promptTitle) <= 32
    required = message_gettext("vi")[0]("required")  # the title is in the default language
    assert required != "required"
    assert rule.promptTitle == (f"{column} – {required}" if CONTRACT[column]["required"] else column)


def test_the_example_row_is_valid_and_skipped(tmp_path: Path):
    """Left in the file, the example row is neither published nor reported; with a real id it would be."""
    path = tmp_path / "investment-promotion-centre.xlsx"
    path.write_bytes(template_files.xlsx_bytes(VOCABULARIES, LOCALITIES))
    outline = load_outline(ROOT / "data" / "geo" / "nghe-an-outline.geojson")
    table, problems = read_table(path, path.name)
    assert problems == [] and table.rows[0][1]["id"] == EXAMPLE_ID
    projects, problems = validate_table(table, VOCABULARIES, outline, path.stem, TODAY)
    assert projects == []
    assert [str(problem) for problem in problems] == [
        f"{path.name}:2: id: expected a project row besides the template's example row, got '{EXAMPLE_ID}'"
        " (replace the example row with the department's projects)"]
    workbook = load_workbook(path)
    workbook[template_files.DATA_SHEET]["A2"] = "a-real-project"
    workbook.save(path)
    table, problems = read_table(path, path.name)
    projects, problems = validate_table(table, VOCABULARIES, outline, path.stem, TODAY)
    assert problems == [] and [project.id for project in projects] == ["a-real-project"]


def test_a_second_visible_sheet_is_still_refused(tmp_path: Path):
    path = tmp_path / "t.xlsx"
    workbook = load_workbook(io.BytesIO(template_files.xlsx_bytes(VOCABULARIES)))
    workbook[LISTS_SHEET].sheet_state = "visible"
    workbook.save(path)
    _, problems = read_table(path, "t.xlsx")
    (problem,) = problems
    assert str(problem).startswith("t.xlsx:1: sheets: expected one visible sheet holding the projects, "
                                   "got 'projects' (visible), 'lists' (visible)")


def run_checker(project: Path, *arguments: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "scripts.catalogue", *arguments], cwd=project,
                          capture_output=True, text=True)


def test_the_checker_speaks_vietnamese_by_default_and_english_with_lang_en(tmp_path: Path):
    project = copy_project(tmp_path / "project")
    seed = project / "data" / "projects" / "public-sources.csv"
    seed.write_text(seed.read_text("utf-8").replace(",licensed,", ",licenced,", 1), encoding="utf-8")
    vietnamese, english = run_checker(project), run_checker(project, "--lang", "en")
    assert vietnamese.returncode == english.returncode == 1
    problem = Problem("data/projects/public-sources.csv", 2, "status",
                      Message("one of {choices}").format(choices=", ".join(VOCABULARIES.statuses)), "'licenced'",
                      Message("did you mean '{match}'?").format(match="licensed"))
    # English is the msgids themselves; Vietnamese is what the catalog makes of them
    assert english.stderr.splitlines()[0] == str(problem)
    assert vietnamese.stderr.splitlines()[0] == problem.text(message_gettext("vi")[0])
    assert vietnamese.stderr.splitlines()[0] != str(problem)
    assert vietnamese.stderr.splitlines()[0].startswith("data/projects/public-sources.csv:2: status: ")
    assert "'licenced'" in vietnamese.stderr and "Traceback" not in vietnamese.stderr + english.stderr
    shutil.copy(ROOT / "data" / "projects" / "public-sources.csv", seed)
    good_vi, good_en = run_checker(project), run_checker(project, "--lang", "en")
    count = len(load_catalogue().projects)
    assert good_en.stdout.strip() == f"{count} projects, no problems."
    assert good_vi.returncode == 0 and good_vi.stdout.strip() != good_en.stdout.strip()
    assert good_vi.stdout.startswith(f"{count} ")
