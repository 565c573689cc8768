"""Validate every department file under data/projects/ and merge them into one list of projects.

Every problem in every file is collected (nothing stops at the first one); the caller reports them
all and builds nothing if there is any.
"""

from __future__ import annotations

import datetime
import difflib
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from scripts import folders
from scripts.catalogue import fields
from scripts.catalogue.geo import OUTLINE, Outline, load_outline
from scripts.catalogue.model import Project
from scripts.catalogue.tables import Table, read_table
from scripts.catalogue.vocabularies import Vocabularies, load_vocabularies
from scripts.folding import fold_marks
from scripts.languages import translation_locales
from scripts.problems import Problem, _, shown

PUBLIC = "public"  # the only value that publishes a row; there is no default
# The most projects a build may have: what builds within 2 GB of memory on a two-core machine
# (peak memory measured with synthetic catalogues, see scripts/README.md "Limits"); above it the
# build stops before doing any work.
MAX_PROJECTS = 12_000
HIDDEN = ("internal", "draft")
EXAMPLE_ID = "vi-du-xoa-dong-nay"  # "example, delete this row": the template's example row, never read


@dataclass
class Catalogue:
    projects: list[Project] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def project_files(data_dir: Path) -> list[Path]:
    folder = data_dir / "projects"
    return sorted(p for p in folder.iterdir() if p.suffix.lower() in (".csv", ".xlsx") and not p.name.startswith("~$"))


def load_catalogue(data_dir: Path | None = None, root: Path | None = None, today: datetime.date | None = None) -> Catalogue:
    data_dir, root = data_dir or folders.current().data, root or folders.current().root
    vocabularies = load_vocabularies(data_dir)
    outline = load_outline(data_dir / OUTLINE)
    catalogue = Catalogue(problems=list(vocabularies.department_problems))
    first_use: dict[str, str] = {}
    for path in project_files(data_dir):
        shown_path = path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
        table, problems = read_table(path, shown_path)
        catalogue.problems += problems
        department = path.stem
        if department not in vocabularies.departments:
            catalogue.problems.append(Problem(
                shown_path, 1, _("file name"), _("the key of a department listed in data/departments.yml"),
                shown(department), fields.closest(department, list(vocabularies.departments))))
        if not table.header:
            continue
        projects, problems = validate_table(table, vocabularies, outline, department, today)
        catalogue.problems += problems
        for project in projects:
            if project.id in first_use:
                line = int(project.origin.rsplit(":", 1)[1])
                catalogue.problems.append(Problem(shown_path, line, "id", _("an id used only once in all files"),
                                                  shown(project.id),
                                                  _("already used at {place}").format(place=first_use[project.id])))
            else:
                first_use[project.id] = project.origin
                catalogue.projects.append(project)
    if len(catalogue.projects) > MAX_PROJECTS:
        catalogue.problems.append(Problem(
            (data_dir / "projects").relative_to(root).as_posix() if data_dir.is_relative_to(root) else str(data_dir),
            1, "rows", f"at most {MAX_PROJECTS:,} projects (the limit of one build within 2 GB of memory)",
            f"{len(catalogue.projects):,}", "split the catalogue, or raise MAX_PROJECTS in scripts/catalogue/validate.py "
            "after measuring the build's memory"))
    return catalogue


NOTES_PREFIX = "note"  # a department's own columns (note, notes_internal…) are kept out of the site
# Column names a clerk may write in Vietnamese (folded, lowercase) → the contract's name
VIETNAMESE_NAMES = {"hien thi": "visibility", "che do hien thi": "visibility", "cong khai": "visibility",
                    "trang thai": "status", "linh vuc": "sector", "ma": "id", "ma du an": "id",
                    "nguon": "source", "vi do": "lat", "kinh do": "lon", "dien tich": "area_ha",
                    "ngay cap nhat": "updated", "lien he": "contact", "hinh thuc": "form", "dia ban": "locality"}


def _header_problems(table: Table, vocabularies: Vocabularies) -> list[Problem]:
    problems = []
    seen = set()
    names = [column.name for column in vocabularies.columns]
    suggested = set()
    for name in table.header:
        if name in seen and name:
            problems.append(Problem(table.path, table.header_line, name, _("each column name once"), _("it twice")))
        seen.add(name)
        if name and name not in names and not name.lower().startswith(NOTES_PREFIX):
            match = _resembled_column(name, names)
            suggested.add(match)
            hint = _("did you mean '{match}'?").format(match=match) if match else (
                _("a department's own notes go in a column whose name starts with '{prefix}'").format(prefix=NOTES_PREFIX))
            problems.append(Problem(table.path, table.header_line, name, _("a column name of the template"),
                                    _("an unknown column"), hint))
    for column in vocabularies.columns:
        if column.required and column.name not in table.header and column.name not in suggested:
            problems.append(Problem(table.path, table.header_line, column.name,
                                    _("a column named '{name}' in the first row").format(name=column.name),
                                    _("no such column")))
    return problems


def _resembled_column(name: str, names: list[str]) -> str:
    """Names match exactly: the template column a case, accent, spelling or Vietnamese variant stands for."""
    folded = fold_marks(name).strip().lower()
    return VIETNAMESE_NAMES.get(folded) or next(iter(difflib.get_close_matches(folded, names, n=1, cutoff=0.6)), "")


COLUMN_TYPES = ("identifier", "text", "email", "url", "date", "latitude", "longitude", "non_negative_number",
                "sector", "status", "form", "visibility", "agency", "review")  # the `type` a column of the template may have


def _checker(column_type: str, vocabularies: Vocabularies, decimal: str, today):
    numeric = {"latitude": fields.latitude, "longitude": fields.longitude,
               "non_negative_number": fields.non_negative_number}
    choices = {"sector": list(vocabularies.sectors), "status": list(vocabularies.statuses),
               "form": list(vocabularies.forms), "visibility": [PUBLIC, *HIDDEN]}
    if column_type in numeric:
        return partial(numeric[column_type], decimal=decimal)
    if column_type in choices:
        return partial(fields.choice, choices=choices[column_type])
    if column_type == "agency":
        return partial(fields.key_of, choices=list(vocabularies.departments), listed_in="data/departments.yml")
    if column_type == "review":
        return partial(fields.locales_listed, choices=translation_locales())
    if column_type == "date":
        return partial(fields.date, today=today)
    return getattr(fields, column_type)


def _position_problem(table: Table, line: int, lat: float, lon: float, outline: Outline) -> Problem | None:
    if outline.contains(lon, lat):
        return None
    expected = _("a point inside Nghệ An (latitude {south}–{north}, longitude {west}–{east})").format(
        south=f"{outline.south:.2f}", north=f"{outline.north:.2f}", west=f"{outline.west:.2f}", east=f"{outline.east:.2f}")
    hint = _("latitude and longitude look swapped") if outline.contains(lat, lon) else _("outside the province")
    return Problem(table.path, line, "lat, lon", expected, f"{lat:g}, {lon:g}", hint)


def validate_table(table: Table, vocabularies: Vocabularies, outline: Outline, department: str,
                   today: datetime.date | None = None) -> tuple[list[Project], list[Problem]]:
    problems = _header_problems(table, vocabularies)
    if problems and not table.rows:
        return [], problems
    present = [column for column in vocabularies.columns if column.name in table.header]
    projects = []
    rows = [(line, cells) for line, cells in table.rows if cells.get("id") != EXAMPLE_ID]
    if table.rows and not rows:
        problems.append(Problem(table.path, table.rows[0][0], "id", _("a project row besides the template's example row"),
                                shown(EXAMPLE_ID), _("replace the example row with the department's projects")))
    for line, cells in rows:
        values, row_problems = {}, []
        swapped = _swapped_position(table, line, cells, outline)
        row_problems += [swapped] if swapped else []
        for column in present:
            if swapped and column.name in ("lat", "lon"):
                continue
            text = cells.get(column.name, "")
            if text == "":
                if column.required:
                    row_problems.append(Problem(table.path, line, column.name, _("a value (this column is required)"),
                                                _("an empty cell")))
                continue
            try:
                values[column.name] = _checker(column.type, vocabularies, table.decimal, today)(text)
            except fields.FieldError as error:
                row_problems.append(Problem(table.path, line, column.name, error.expected, shown(text), error.hint))
        if "lat" in values and "lon" in values:
            position = _position_problem(table, line, values["lat"], values["lon"], outline)
            row_problems += [position] if position else []
        problems += row_problems
        if not row_problems and not problems_in_header(problems, table) and values.get("visibility") == PUBLIC:
            projects.append(_project(values, department, f"{table.path}:{line}"))
    return projects, problems


def _swapped_position(table: Table, line: int, cells: dict, outline: Outline) -> Problem | None:
    """One clear problem when the two coordinates are only right the other way round."""
    try:
        lat = fields.number(cells.get("lat", ""), table.decimal)
        lon = fields.number(cells.get("lon", ""), table.decimal)
    except fields.FieldError:
        return None
    if outline.contains(lon, lat) or not outline.contains(lat, lon):
        return None
    return Problem(table.path, line, "lat, lon", _("a point inside Nghệ An (latitude about 18.5–20.0, "
                   "longitude about 103.9–105.8)"), f"{lat:g}, {lon:g}", _("latitude and longitude look swapped"))


def problems_in_header(problems: list[Problem], table: Table) -> bool:
    return any(problem.line == table.header_line and problem.path == table.path for problem in problems)


def _localized(values: dict, prefix: str) -> dict[str, str]:
    return {key[len(prefix):]: value for key, value in values.items() if key.startswith(prefix)}


def _project(values: dict, department: str, origin: str) -> Project:
    return Project(
        id=values["id"], names=_localized(values, "name_"), summaries=_localized(values, "summary_"),
        sector=values["sector"], locality=values["locality"], lat=values["lat"], lon=values["lon"],
        status=values["status"], updated=values["updated"], department=department,
        agency=values.get("agency", department), review=values.get("review", ()),
        area_ha=values.get("area_ha"), investment_vnd_bn=values.get("investment_vnd_bn"),
        investment_usd_m=values.get("investment_usd_m"), form=values.get("form"), contact=values.get("contact"),
        source=values.get("source"), position_note=values.get("position_note"), origin=origin,
    )
