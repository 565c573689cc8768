"""Each rule for a row and its cells: a bad value gives its message with its file, line and column,
and every problem is reported together."""

import csv

import pytest

from scripts.catalogue.validate import load_catalogue
from scripts.catalogue.vocabularies import load_vocabularies
from tests.catalogue_fixture import (
    GOOD,
    HEADER,
    TODAY,
    messages,
    with_visibility,
    write,
)


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


def test_only_rows_marked_public_are_published(data_dir):
    write(data_dir, "dept-a.csv", with_visibility("a-1", "internal"), with_visibility("a-2", "draft"), with_visibility("a-3", "public"),
          with_visibility("a-4", ""), with_visibility("a-5", "Public"))
    catalogue = load_catalogue(data_dir, root=data_dir.parent, today=TODAY)
    assert [p.id for p in catalogue.projects] == ["a-3"]
    assert [str(p) for p in sorted(catalogue.problems)] == [
        "data/projects/dept-a.csv:8: visibility: expected a value (this column is required), got an empty cell",
        "data/projects/dept-a.csv:10: visibility: expected one of public, internal, draft, got 'Public'"
        " (did you mean 'public'?)"]


def test_the_template_states_there_is_no_default_visibility():
    column = next(c for c in load_vocabularies().columns if c.name == "visibility")
    assert column.required and "no default" in column.description["en"]


@pytest.mark.parametrize("name", ["Visibility", "visiblity", "Hiển thị", "VISIBILITY "])
def test_a_misspelt_visibility_column_publishes_nothing(data_dir, name):
    write(data_dir, "dept-a.csv", with_visibility("a-1", "internal"), header=HEADER.replace(",visibility", "," + name))
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
