"""Write the catalogue's generated files into docs/ (git ignores them), touching only what changed
(scripts/generated_files.py)."""

from __future__ import annotations

from pathlib import Path

from scripts.catalogue import listing, opendata, paging, template_files
from scripts.catalogue.contacts import contactable
from scripts.catalogue.minimap import outline_svg
from scripts.catalogue.model import Project
from scripts.catalogue.pages import PageContext, page_filename, page_url, project_page, qr_filename
from scripts.catalogue.qr import qr_svg
from scripts.catalogue.vcard import CARDS, agency_vcard, vcard_path
from scripts.generated_files import write_files
from scripts.languages import Language
from scripts.render_memo import MAKE_EVERYTHING, NoMemo, RenderMemo
from scripts.site_files import folder as site_files_folder

PROJECT_PAGES = Path("projects")
OPEN_DATA = Path("opendata")
ASSETS = Path("assets") / "catalogue"


def generate(projects: list[Project], languages: list[Language], context: PageContext, docs_dir: Path,
             landmarks: tuple[tuple[float, float, str], ...] = (), localities: tuple[str, ...] = (),
             memo: RenderMemo | NoMemo = MAKE_EVERYTHING, list_items: dict[str, tuple[str, ...]] | None = None) -> list[Path]:
    """Write every generated file; return those that changed. Stale project and catalogue pages are removed.
    `list_items`: each language's list items (listing.listing_items) when the caller made them already.

    `localities` are the communes and wards the template's locality drop-down offers; `memo` (the live
    preview's) keeps each project's page and QR code while the project and the context are unchanged."""
    locales = [language.locale for language in languages]
    files: dict[Path, str | bytes] = {}
    qr_folder = site_files_folder(docs_dir) / ASSETS / "qr"
    memo.share((context, tuple(languages)))
    for project in projects:
        for language in languages:
            page, qr = ("page", project.id, language.locale), ("qr", project.id, language.locale)
            files[docs_dir / PROJECT_PAGES / page_filename(project.id, language)] = memo.get(
                page, project, lambda: project_page(project, language, context))  # noqa: B023 - called at once
            files[qr_folder / qr_filename(project.id, language)] = memo.get(
                qr, project.id, lambda: qr_svg(page_url(context.site_url, project.id, language)))  # noqa: B023
    vocabularies = context.vocabularies
    for agency in [agency for agency in contactable(vocabularies) if agency.reachable]:
        for locale in locales:
            files[site_files_folder(docs_dir) / vcard_path(agency.key, locale)] = agency_vcard(agency, locale)
    files[docs_dir / OPEN_DATA / "catalogue.csv"] = opendata.to_csv(projects, locales)
    files[docs_dir / OPEN_DATA / "catalogue.json"] = opendata.to_json(projects, locales, vocabularies)
    files[docs_dir / OPEN_DATA / "catalogue.geojson"] = opendata.to_geojson(projects, locales)
    files[docs_dir / OPEN_DATA / "datapackage.json"] = opendata.to_datapackage(
        projects, locales, "Nghệ An investment catalogue", context.site_url)
    files[docs_dir / OPEN_DATA / "projects-template.csv"] = template_files.empty_csv(vocabularies)
    files[docs_dir / OPEN_DATA / "projects-template.xlsx"] = memo.get(
        ("template",), localities, lambda: template_files.xlsx_bytes(vocabularies, localities))
    files[docs_dir / ASSETS / "province.svg"] = outline_svg(context.outline, landmarks=landmarks)
    files.update(paging.pager_pages(len(projects), languages, docs_dir))
    for locale in locales:
        items = list_items[locale] if list_items is not None else listing.listing_items(projects, locale, context, memo)
        files[docs_dir / paging.listing_script_path(locale)] = paging.listing_script(items)
    generated = [*(docs_dir / PROJECT_PAGES).glob("*.md"), *(docs_dir / paging.PAGER_DIR).glob("*.md"),
                 *(site_files_folder(docs_dir) / ASSETS / "qr").rglob("*.svg"),
                 *(site_files_folder(docs_dir) / CARDS).rglob("*.vcf"),
                 *(docs_dir / ASSETS / "qr").rglob("*.svg")]  # where QR codes were written before site files
    return write_files(files, generated)
