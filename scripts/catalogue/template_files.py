"""The department template, generated from data/project-template.yml: CSV, XLSX and the column table.

The XLSX has a header row (frozen), one example row (the checker skips its id), drop-down lists on a
hidden, protected sheet, number and date formats and each column's input help in every site language.
"""

from __future__ import annotations

import datetime
import io
import re
import zipfile

from scripts.catalogue.tables import LISTS_SHEET
from scripts.catalogue.validate import EXAMPLE_ID, HIDDEN, PUBLIC
from scripts.catalogue.vocabularies import Vocabularies
from scripts.folding import fold_marks
from scripts.languages import locales
from scripts.locales import gettext_for
from scripts.templates_env import render

EXAMPLE_ROW = {  # a real project (public-sources.csv), under the id the checker skips
    "id": EXAMPLE_ID,
    "name_vi": "Khu công nghiệp Hoàng Mai II",
    "name_en": "Hoàng Mai II Industrial Park",
    "sector": "urban-infrastructure",
    "locality": "Hoàng Mai",
    "lat": 19.26,
    "lon": 105.69,
    "area_ha": 334.79,
    "investment_vnd_bn": 1900,
    "form": "domestic",
    "status": "licensed",
    "summary_vi": "Ví dụ: dự án hạ tầng khu công nghiệp 334,79 ha (Quyết định 1164/QĐ-TTg ngày 9/10/2023).",
    "summary_en": "Example: a 334.79 ha industrial-park infrastructure project (Decision 1164/QĐ-TTg of 9 October 2023).",
    "updated": datetime.date(2026, 11, 24),
    "visibility": "public",
    "source": "https://baonghean.vn/pm-approves-the-investment-policy-for-the-hoang-mai-ii-industrial-zone-project-in-nghe-an-province-post278134.html",
    "agency": "southeast-economic-zone",
}

DATA_SHEET = "projects"
TEMPLATE_ROWS = 2000  # the rows (example included) that the drop-downs, formats and input help cover
INPUT_MESSAGE_LIMIT, TITLE_LIMIT = 255, 32  # Excel's limits for a data validation's message and title
# No thousands separator: a CSV saved from Excel writes the numbers as shown, and the checker refuses
# "1,900.5" and "1.900,5" as ambiguous. Up to three (six for degrees) decimals are shown, so kept.
NUMBER_FORMATS = {"non_negative_number": "0.0##", "latitude": "0.0000##", "longitude": "0.0000##",
                  "date": "yyyy-mm-dd"}
NUMBER_RULES = {"non_negative_number": ("greaterThanOrEqual", "0", None), "latitude": ("between", "-90", "90"),
                "longitude": ("between", "-180", "180")}


def _(msgid: str) -> str:
    """Mark a template text for extraction (babel.cfg); it is translated into each language where used."""
    return msgid


REQUIRED = _("required")
NOT_ACCEPTED = _("Value not accepted")
CHOOSE_FROM_LIST = _("Choose a value from the drop-down list.")
TYPE_A_NUMBER = _("Type a number, without thousands separators.")
EXAMPLE_NOTE = _("Example row: replace it with a project, or delete it. The checker skips the row with this id.")
LOCALITY = "locality"  # a text column: its list offers the known names, another may be typed


def header(vocabularies: Vocabularies) -> list[str]:
    return [column.name for column in vocabularies.columns]


def empty_csv(vocabularies: Vocabularies) -> str:
    return "\ufeff" + ",".join(header(vocabularies)) + "\r\n"


def known_localities(*groups) -> tuple[str, ...]:
    """The communes and wards named in the data (projects, parks: items with a `locality`), sorted."""
    names = {item.locality.strip() for group in groups for item in group if item.locality.strip()}
    return tuple(sorted(names, key=lambda name: (fold_marks(name).lower(), name)))


def template_lists(vocabularies: Vocabularies, localities: tuple[str, ...] = ()) -> dict[str, list[str]]:
    """The drop-down lists of the template, by column type (and `locality`), as the checker accepts them."""
    lists = {"sector": list(vocabularies.sectors), "status": list(vocabularies.statuses),
             "form": list(vocabularies.forms), "visibility": [PUBLIC, *HIDDEN], "agency": list(vocabularies.departments)}
    return {**lists, LOCALITY: list(localities)} if localities else lists


def input_message(help_texts: dict[str, str]) -> str:
    """A column's help in every site language, one a line (the cell's input message in Excel)."""
    return "\n".join(help_texts[locale].strip() for locale in locales() if help_texts.get(locale))


def _in_languages(msgid: str) -> str:
    return "\n".join(gettext_for(locale)(msgid) for locale in locales())


def _prompt_title(column) -> str:
    title = column.name + (" – " + gettext_for(locales()[0])(REQUIRED) if column.required else "")
    return title if len(title) <= TITLE_LIMIT else column.name[:TITLE_LIMIT]


def _validation(column, list_ranges: dict[str, str]):
    """The column's data validation: its drop-down or number rule, and its input help."""
    from openpyxl.worksheet.datavalidation import DataValidation

    key = LOCALITY if column.name == LOCALITY else column.type
    if key in list_ranges:
        strict = key != LOCALITY
        rule = DataValidation(type="list", formula1=list_ranges[key], allow_blank=True, showErrorMessage=strict)
        error = CHOOSE_FROM_LIST
    elif column.type in NUMBER_RULES:
        operator, low, high = NUMBER_RULES[column.type]
        rule = DataValidation(type="decimal", operator=operator, formula1=low, formula2=high, allow_blank=True,
                              showErrorMessage=True)
        error = TYPE_A_NUMBER
    else:
        rule, error = DataValidation(allow_blank=True), ""
    rule.showInputMessage = True
    rule.promptTitle, rule.prompt = _prompt_title(column), input_message(column.help)[:INPUT_MESSAGE_LIMIT]
    if error:
        rule.errorTitle = gettext_for(locales()[0])(NOT_ACCEPTED)[:TITLE_LIMIT]
        rule.error = _in_languages(error)[:INPUT_MESSAGE_LIMIT]
    return rule


def _lists_sheet(workbook, lists: dict[str, list[str]]) -> dict[str, str]:
    """One column per list on a hidden, protected sheet; returns each list's range for the drop-downs."""
    from openpyxl.utils import get_column_letter

    sheet = workbook.create_sheet(LISTS_SHEET)
    ranges = {}
    for index, (name, values) in enumerate(lists.items(), start=1):
        letter = get_column_letter(index)
        sheet.cell(row=1, column=index, value=name)
        for row, value in enumerate(values, start=2):
            sheet.cell(row=row, column=index, value=value)
        ranges[name] = f"{LISTS_SHEET}!${letter}$2:${letter}${len(values) + 1}"
    sheet.sheet_state = "hidden"
    sheet.protection.sheet = True
    return ranges


def xlsx_bytes(vocabularies: Vocabularies, localities: tuple[str, ...] = ()) -> bytes:
    """The Excel template: header, example row, drop-downs, formats and input help in every language."""
    from openpyxl import Workbook
    from openpyxl.comments import Comment
    from openpyxl.styles import Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.workbook.protection import WorkbookProtection

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = DATA_SHEET
    names = header(vocabularies)
    sheet.append(names)
    sheet.append([EXAMPLE_ROW.get(name) for name in names])
    ranges = _lists_sheet(workbook, template_lists(vocabularies, localities))
    for index, column in enumerate(vocabularies.columns, start=1):
        letter = get_column_letter(index)
        sheet.column_dimensions[letter].width = 40 if column.name.startswith("summary_") else 18
        if column.type in NUMBER_FORMATS:
            sheet.column_dimensions[letter].number_format = NUMBER_FORMATS[column.type]
            sheet.cell(row=2, column=index).number_format = NUMBER_FORMATS[column.type]
        rule = _validation(column, ranges)
        rule.add(f"{letter}2:{letter}{TEMPLATE_ROWS + 1}")
        sheet.add_data_validation(rule)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDEBF7")
    for cell in sheet[2]:
        cell.font = Font(italic=True, color="7F7F7F")
        cell.fill = PatternFill("solid", fgColor="FFF2CC")
    sheet["A2"].comment = Comment(_in_languages(EXAMPLE_NOTE), "Nghệ An Investment Portal", width=320, height=160)
    sheet.freeze_panes = "A2"
    workbook.security = WorkbookProtection(lockStructure=True)  # no sheet unhidden, added or removed by mistake
    workbook.properties.creator = "Nghệ An Investment Portal"
    # A fixed timestamp keeps the file identical from one build to the next.
    workbook.properties.created = workbook.properties.modified = datetime.datetime(2026, 1, 1)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return _fixed_zip_dates(buffer.getvalue())


def _fixed_zip_dates(data: bytes) -> bytes:
    """The same workbook bytes on every build: openpyxl stamps each zip entry with the current time."""
    source, target = zipfile.ZipFile(io.BytesIO(data)), io.BytesIO()
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as rewritten:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(2026, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            content = source.read(info.filename)
            if info.filename == "docProps/core.xml":  # openpyxl writes the time of saving here too
                content = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>2026-01-01T00:00:00Z", content)
            rewritten.writestr(fixed, content)
    return target.getvalue()


def columns_table(vocabularies: Vocabularies, locale: str) -> str:
    """Each column of the template: its name, whether it is required, and its meaning; `value` in a
    meaning (a value an editor types) is shown as code (templates/template-tables.html)."""
    columns = [(column.name, column.required, re.split(r"`([^`]+)`", column.description[locale]))
               for column in vocabularies.columns]
    return render("template-tables.html", locale, columns=columns)


def vocabulary_table(vocabularies: Vocabularies, name: str, locale: str) -> str:
    """The keys of one vocabulary (sectors, statuses, forms) and their meaning in `locale`."""
    return render("template-tables.html", locale, entries=getattr(vocabularies, name))
