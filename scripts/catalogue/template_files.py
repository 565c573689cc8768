"""The department template, generated from data/project-template.yml: CSV, XLSX and the column table."""

from __future__ import annotations

import datetime
import io
import re
import zipfile
from html import escape

from scripts.catalogue.vocabularies import Vocabularies
from scripts.locales import gettext_for

EXAMPLE_ROW = {
    "id": "hoang-mai-ii-industrial-park",
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
    "updated": "2026-11-24",
    "visibility": "public",
    "source": "https://baonghean.vn/pm-approves-the-investment-policy-for-the-hoang-mai-ii-industrial-zone-project-in-nghe-an-province-post278134.html",
    "agency": "southeast-economic-zone",
}


def header(vocabularies: Vocabularies) -> list[str]:
    return [column.name for column in vocabularies.columns]


def empty_csv(vocabularies: Vocabularies) -> str:
    return "\ufeff" + ",".join(header(vocabularies)) + "\r\n"


def xlsx_bytes(vocabularies: Vocabularies) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "projects"
    names = header(vocabularies)
    sheet.append(names)
    sheet.append([EXAMPLE_ROW.get(name, "") for name in names])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "A2"
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


def _code_spans(text: str) -> str:
    """`value` in a column's description (a value an editor types) shown as code."""
    return re.sub(r"`([^`<>]+)`", r"<code>\1</code>", text)


def columns_table(vocabularies: Vocabularies, locale: str) -> str:
    _ = gettext_for(locale)
    yes, no = _("yes"), _("no")
    rows = "".join(
        f"<tr><td><code>{escape(column.name)}</code></td>"
        f"<td>{escape(yes if column.required else no)}</td>"
        f"<td>{_code_spans(escape(column.description[locale]))}</td></tr>"
        for column in vocabularies.columns
    )
    headings = (_("Column"), _("Required"), _("Meaning"))
    return ('<table class="template-columns"><thead><tr>' + "".join(f"<th>{escape(h)}</th>" for h in headings)
            + "</tr></thead>"
            f"<tbody>{rows}</tbody></table>")


def vocabulary_table(vocabularies: Vocabularies, name: str, locale: str) -> str:
    _ = gettext_for(locale)
    entries = getattr(vocabularies, name)
    rows = "".join(f"<tr><td><code>{escape(key)}</code></td><td>{escape(labels[locale])}</td></tr>"
                   for key, labels in entries.items())
    headings = (_("Key"), _("Meaning"))
    return ('<table class="template-vocabulary"><thead><tr>' + "".join(f"<th>{escape(h)}</th>" for h in headings)
            + f"</tr></thead><tbody>{rows}</tbody></table>")
