"""One site built from a copy of the sources holding secrets and attacks, checked output by output.

Secrecy: internal and draft rows (in a CSV and in an XLSX) appear in no file of the site or the kiosk
zip — pages, search indexes, sitemaps, open data, map data, embeds, PDF text, social cards.
Injection: script in a page's Markdown, its front matter, a glossary rendering, an event's text, a
spreadsheet's cells and a photo's comment runs nothing in Chromium, on load or on click, and the
calendar and the open-data CSV stay what they claim to be.
"""

from __future__ import annotations

import csv
import re
import subprocess
import zipfile
from pathlib import Path

import pytest
from PIL import Image

from scripts import build_site, social_cards
from scripts.kiosk import build_kiosk
from scripts.languages import languages, site_names
from tests.conftest import copy_project, serve_directory

SECRETS = {  # id → a name that must never be published
    "secret-internal-csv": "Dự án mật XQZINTERNAL",
    "secret-draft-csv": "Dự án nháp XQZDRAFT",
    "secret-internal-xlsx": "Dự án mật XQZWORKBOOK",
}
FORMULA = "=HYPERLINK(\"https://evil.example\",\"x\")"
PWN = "window.__pwned"
MARKDOWN_ATTACKS = f"""

<script>{PWN}=1</script>
<img src="x" onerror="{PWN}=2">
<a id="evil-link" href="javascript:{PWN}=3">evil link</a>
<a id="evil-entity" href="jav&#x61;script:{PWN}=4">evil entity link</a>

Click this paragraph
{{: #evil-attr onclick="{PWN}=5" }}

<div onmouseover="{PWN}=6" id="evil-div">hover</div>
<iframe src="javascript:{PWN}=7"></iframe>
<svg onload="{PWN}=8"><circle r="1"/></svg>
<style>body {{ background: url(https://evil.example/x.png) }}</style>
<form action="javascript:{PWN}=9"><button id="evil-button">send</button></form>

![photo](photos/commented.jpg)
"""
TITLE = f"Về \"cổng\" </title><script>{PWN}=10</script>"
DESCRIPTION = f"Mô tả \"có ngoặc\" \"><script>{PWN}=11</script><meta x=\""
GLOSSARY_ATTACK = f"  - {{vi: Vinh, en: '<img src=x onerror={PWN}=12>', lo: ວິນ}}\n"
EVENT_ATTACK = "Hội chợ\\r\\nBEGIN:VEVENT\\r\\nSUMMARY:INJECTED"


def _secret_rows(seed: Path) -> None:
    rows = list(csv.DictReader(seed.open(encoding="utf-8")))
    base = rows[0]
    added = [dict(base, id=key, name_vi=name, name_en=name, name_lo=name, visibility=visibility)
             for (key, name), visibility in zip(list(SECRETS.items())[:2], ("internal", "draft"))]
    added.append(dict(base, id="formula-row", summary_en=FORMULA, name_en="@SUM(A1:A9)", visibility="public"))
    with seed.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(base))
        writer.writeheader()
        writer.writerows([*rows, *added])
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(list(base))
    name = SECRETS["secret-internal-xlsx"]
    sheet.append(list(dict(base, id="secret-internal-xlsx", name_vi=name, name_en=name, name_lo=name,
                           visibility="internal").values()))
    sheet.append(list(dict(base, id="public-from-xlsx", visibility="public").values()))
    workbook.save(seed.parent / "foreign-affairs.xlsx")


def _attacks(project: Path) -> None:
    about = project / "docs" / "about.md"
    text = about.read_text("utf-8")
    text = re.sub(r"^title: .*$", "title: '" + TITLE.replace("'", "''") + "'", text, count=1, flags=re.MULTILINE)
    text = re.sub(r"^description: .*$", "description: '" + DESCRIPTION + "'", text, count=1, flags=re.MULTILINE)
    about.write_text(text + MARKDOWN_ATTACKS, "utf-8")
    (project / "docs" / "photos").mkdir(exist_ok=True)
    Image.new("RGB", (40, 30), (10, 90, 40)).save(project / "docs" / "photos" / "commented.jpg",
                                                  comment=b"XQZCOMMENT secret note")
    glossary = project / "data" / "glossary.yml"
    glossary.write_text(glossary.read_text("utf-8") + GLOSSARY_ATTACK, "utf-8")
    events = project / "data" / "events.yml"
    attacked = re.sub(r'(vi: \{name: )"', lambda match: match[1] + '"' + EVENT_ATTACK + " ", events.read_text("utf-8"),
                      count=1)
    events.write_text(attacked, "utf-8")


@pytest.fixture(scope="module")
def attacked_site(tmp_path_factory):
    root = tmp_path_factory.mktemp("attacked")
    project = copy_project(root / "project")
    _secret_rows(project / "data" / "projects" / "public-sources.csv")
    _attacks(project)
    site = root / "site"
    server = serve_directory(site)
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    assert build_site.build(site, project / "mkdocs.yml", site_url=url) == 0
    archive = build_kiosk(site, root / "dist")
    yield site, url, archive
    server.shutdown()


def _texts(site: Path, archive: Path):
    """(name, text) of every file of the site and the kiosk zip that can hold text; PDFs as their text."""
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        if path.suffix == ".pdf":
            yield str(path), subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True).stdout
        elif path.suffix not in (".png", ".webp", ".jpg", ".woff2", ".ttf", ".gz", ".ico", ".xlsx"):
            yield str(path), path.read_bytes().decode("utf-8", "replace")
    with zipfile.ZipFile(archive) as kiosk:
        for name in kiosk.namelist():
            if name.endswith((".html", ".js", ".json", ".xml", ".csv", ".geojson", ".ics", ".txt", ".svg")):
                yield f"{archive}:{name}", kiosk.read(name).decode("utf-8", "replace")


def test_no_internal_or_draft_row_reaches_any_output(attacked_site):
    site, _, archive = attacked_site
    words = [*SECRETS, *SECRETS.values(), "XQZINTERNAL", "XQZDRAFT", "XQZWORKBOOK"]
    leaks = [(name, word) for name, text in _texts(site, archive) for word in words if word in text]
    assert leaks == []
    assert (site / "projects" / "public-from-xlsx" / "index.html").exists(), "the public XLSX row is published"
    assert any(path.suffix == ".pdf" for path in site.rglob("*.pdf")), "the PDFs were searched"


def test_no_social_card_was_drawn_for_a_secret_row(attacked_site):
    site, url, _ = attacked_site
    names = site_names()
    for name in SECRETS.values():
        for language in languages():
            card = social_cards._cached((name, names[language.locale], social_cards.tagline(url)))
            assert not (site / social_cards.CARDS_FOLDER / card).exists()


def test_photo_comment_is_not_published(attacked_site):
    site, _, _ = attacked_site
    photos = list(site.rglob("commented*"))
    assert photos and not any(b"XQZCOMMENT" in photo.read_bytes() for photo in photos)


def test_calendar_lines_are_not_injected(attacked_site):
    site, _, _ = attacked_site
    for calendar in site.rglob("*.ics"):
        lines = calendar.read_bytes().decode("utf-8").split("\r\n")  # read_text would translate newlines
        assert not any(line.startswith("SUMMARY:INJECTED") for line in lines)
        assert lines.count("BEGIN:VEVENT") == lines.count("END:VEVENT")
        assert all("\r" not in line and "\n" not in line for line in lines)


def test_open_data_csv_cells_cannot_start_a_formula(attacked_site):
    site, _, _ = attacked_site
    rows = list(csv.DictReader((site / "opendata" / "catalogue.csv").read_text("utf-8-sig").splitlines()))
    row = next(row for row in rows if row["id"] == "formula-row")
    assert row["summary_en"] == "'" + FORMULA and row["name_en"] == "'@SUM(A1:A9)"
    assert not [cell for row in rows for cell in row.values() if cell[:1] in ("=", "+", "@")]


def _pages(site: Path) -> list[str]:
    project = "projects/formula-row/"
    return ["about/", "en/about/", "lo/about/", "events/", "en/events/", "editors/translation-status/",
            project, "en/" + project, "catalogue/"]


def test_nothing_runs_on_load_or_on_click(attacked_site, browser):
    site, url, _ = attacked_site
    context = browser.new_context()
    dialogs = []
    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(url) else route.abort())
    page = context.new_page()
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    for path in _pages(site):
        page.goto(url + path, wait_until="load")
        for selector in ("#evil-link", "#evil-entity", "#evil-attr", "#evil-div", "#evil-button"):
            element = page.query_selector(selector)
            if element is not None and element.is_visible():
                element.hover()
                element.click(no_wait_after=True)
        flag = page.evaluate(f"typeof {PWN} === 'undefined' ? null : {PWN}")
        assert flag is None and dialogs == [], (path, flag)
        page.goto(url + path, wait_until="load")  # a click may have followed a link
    context.close()


def test_the_attacks_were_in_the_pages_as_text_or_removed(attacked_site):
    site, _, _ = attacked_site
    about = (site / "about" / "index.html").read_text("utf-8")
    assert "<script>" + PWN not in about and "onerror=" not in about and "javascript:" not in about
    assert "onclick" not in about and "<iframe" not in about and "evil.example" not in about
    assert 'content="Mô tả &quot;có ngoặc&quot;' in about  # the description is whole, quotes escaped
    assert "<title>Về &quot;cổng&quot; &lt;/title&gt;" in about
    editors = (site / "editors" / "translation-status" / "index.html").read_text("utf-8")
    assert "&lt;img src=x onerror=" in editors and "<img src=x" not in editors
