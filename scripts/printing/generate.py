"""Write the printed handouts, published at print/<locale>/ with the site and the kiosk.

The catalogue brochure, linked from Markdown, is written into docs/; the factsheets of projects and
parks, one per row and language, into the site files (scripts/site_files.py)."""

from __future__ import annotations

from pathlib import Path

from scripts.catalogue.model import Project
from scripts.catalogue.pages import PageContext
from scripts.content.parks import Parks
from scripts.generated_files import remove_stale
from scripts.languages import Language
from scripts.printing.factsheets import catalogue_brochure, park_factsheet, project_factsheet
from scripts.printing.pdf import render_pdfs
from scripts.site_files import folder as site_files_folder

PRINT_DIR = Path("print")


def project_pdf(project_id: str, language: Language) -> str:
    return f"{PRINT_DIR.as_posix()}/{language.locale}/project-{project_id}.pdf"


def park_pdf(park_id: str, language: Language) -> str:
    return f"{PRINT_DIR.as_posix()}/{language.locale}/park-{park_id}.pdf"


def brochure_pdf(language: Language) -> str:
    return f"{PRINT_DIR.as_posix()}/{language.locale}/catalogue.pdf"


def generate_print(projects: list[Project], parks: Parks, languages: list[Language], context: PageContext,
                   docs_dir: Path) -> list[Path]:
    documents = []
    factsheets = site_files_folder(docs_dir)
    for language in languages:
        documents += [(project_factsheet(project, language, context), factsheets / project_pdf(project.id, language))
                      for project in projects]
        documents += [(park_factsheet(park, parks, language, context), factsheets / park_pdf(park.id, language))
                      for park in parks.parks]
        documents.append((catalogue_brochure(projects, language, context), docs_dir / brochure_pdf(language)))
    written = render_pdfs(documents)
    remove_stale([*(docs_dir / PRINT_DIR).rglob("*.pdf"), *(factsheets / PRINT_DIR).rglob("*.pdf")], written)
    return written
