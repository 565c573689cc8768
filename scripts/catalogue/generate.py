"""Write the catalogue's generated files into docs/ (git ignores them), touching only what changed.

Writing only changed files keeps `mkdocs serve` from rebuilding in a loop and keeps a second
build with unchanged data cheap.
"""

from __future__ import annotations

from pathlib import Path

from scripts import written_files
from scripts.catalogue import listing, opendata, paging, template_files
from scripts.catalogue.contacts import contactable
from scripts.catalogue.minimap import outline_svg
from scripts.catalogue.model import Project
from scripts.catalogue.pages import PageContext, page_filename, page_url, project_page, qr_filename
from scripts.catalogue.qr import qr_svg
from scripts.catalogue.vcard import CARDS, agency_vcard, vcard_path
from scripts.languages import Language
from scripts.site_files import folder as site_files_folder
from scripts.site_files import replacing

PROJECT_PAGES = Path("projects")
OPEN_DATA = Path("opendata")
ASSETS = Path("assets") / "catalogue"


class OutsideOutput(ValueError):
    """A generated file's path would leave its output folder (an id or key made of '..' or '/')."""


def write_if_changed(path: Path, content: str | bytes) -> bool:
    if ".." in path.parts or any(part.startswith(("~", "\x00")) for part in path.parts):
        raise OutsideOutput(f"{path}: expected a generated file inside docs/ or .cache/, got a path that leaves it"
                            " (check the ids and keys in data/: lowercase letters, digits and hyphens only)")
    data = content.encode("utf-8") if isinstance(content, str) else content
    if path.exists() and path.read_bytes() == data:
        return False
    with replacing(path) as partial:
        partial.write_bytes(data)
    written_files.note(path)
    return True


def remove_stale(candidates, keep) -> list[Path]:
    """Delete the generated files among `candidates` that are no longer in `keep`; return them."""
    stale = sorted(set(candidates) - set(keep))
    for path in stale:
        path.unlink()
        written_files.note(path)
    return stale


def write_files(files: dict[Path, str | bytes], candidates=()) -> list[Path]:
    """Write every file that changed and remove `candidates` not among `files`; return what changed."""
    changed = [path for path, content in files.items() if write_if_changed(path, content)]
    return changed + remove_stale(candidates, files)


def generate(projects: list[Project], languages: list[Language], context: PageContext, docs_dir: Path,
             landmarks: tuple[tuple[float, float, str], ...] = (), localities: tuple[str, ...] = ()) -> list[Path]:
    """Write every generated file; return those that changed. Stale project and catalogue pages are removed.

    `localities` are the communes and wards the template's locality drop-down offers."""
    locales = [language.locale for language in languages]
    files: dict[Path, str | bytes] = {}
    qr_folder = site_files_folder(docs_dir) / ASSETS / "qr"
    for project in projects:
        for language in languages:
            files[docs_dir / PROJECT_PAGES / page_filename(project.id, language)] = project_page(project, language, context)
            qr_path = qr_folder / qr_filename(project.id, language)
            files[qr_path] = qr_svg(page_url(context.site_url, project.id, language))
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
    files[docs_dir / OPEN_DATA / "projects-template.xlsx"] = template_files.xlsx_bytes(vocabularies, localities)
    files[docs_dir / ASSETS / "province.svg"] = outline_svg(context.outline, landmarks=landmarks)
    files.update(paging.pager_pages(len(projects), languages, docs_dir))
    for locale in locales:
        items = listing.listing_items(projects, locale, context)
        files[docs_dir / paging.listing_script_path(locale)] = paging.listing_script(items)
    generated = [*(docs_dir / PROJECT_PAGES).glob("*.md"), *(docs_dir / paging.PAGER_DIR).glob("*.md"),
                 *(site_files_folder(docs_dir) / ASSETS / "qr").rglob("*.svg"),
                 *(site_files_folder(docs_dir) / CARDS).rglob("*.vcf"),
                 *(docs_dir / ASSETS / "qr").rglob("*.svg")]  # where QR codes were written before site files
    return write_files(files, generated)
