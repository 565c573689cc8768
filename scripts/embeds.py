"""Embeddable widgets besides the map: a project card and a sector's project list, per language.

Standalone pages in embed/ (project-<id>-<locale>.html, sector-<key>-<locale>.html) that other
sites show in an <iframe>; they load only the site's fonts and link back to the full pages.
"""

from __future__ import annotations

from pathlib import Path

from markupsafe import Markup

from scripts.catalogue import formatting
from scripts.catalogue.model import Project
from scripts.catalogue.pages import FALLBACK_LOCALE, PageContext, page_url
from scripts.generated_files import write_files
from scripts.languages import Language
from scripts.render_memo import MAKE_EVERYTHING, NoMemo, RenderMemo
from scripts.site_files import folder as site_files_folder
from scripts.templates_env import render

STYLE = ("body{margin:0;font-family:'Noto Sans','Noto Sans Lao',sans-serif;color:#1a1a1a;font-size:15px}"
         "main{padding:12px 14px;border:1px solid #c5d3ca;border-radius:6px;background:#fff}"
         "h1{font-size:18px;margin:0 0 6px;color:#0b5e3c}h2{font-size:15px;margin:8px 0 2px}"
         ".sector-badge,.status-badge{display:inline-block;padding:1px 8px;border-radius:10px;font-size:12px;"
         "font-weight:700}.sector-badge{background:var(--sector-colour);color:#fff}.status-badge{border:1px solid}"
         "a{color:#0b5e3c;font-weight:700}ul{padding-left:18px;margin:4px 0}p{margin:6px 0}")


def project_card(project: Project, language: Language, context: PageContext) -> str:
    name, name_locale = project.name(language.locale, FALLBACK_LOCALE)
    figures = formatting.investment(project.investment_vnd_bn, project.investment_usd_m, context.rate, language.locale)
    return render("embed-project.html", language.locale, style=Markup(STYLE), title=name, name_locale=name_locale,
                  project=project, vocabularies=context.vocabularies,
                  facts=[project.locality, *([figures] if figures else [])],
                  url=page_url(context.site_url, project.id, language))


def sector_list(sector: str, projects: list[Project], language: Language, context: PageContext) -> str:
    chosen = [(page_url(context.site_url, p.id, language), *p.name(language.locale, FALLBACK_LOCALE), p.locality)
              for p in projects if p.sector == sector]
    return render("embed-sector.html", language.locale, style=Markup(STYLE), projects=chosen,
                  title=context.vocabularies.label("sectors", sector, language.locale))


def generate_embeds(projects: list[Project], languages: list[Language], context: PageContext,
                    docs_dir: Path, memo: RenderMemo | NoMemo = MAKE_EVERYTHING) -> list[Path]:
    folder = site_files_folder(docs_dir) / "embed"
    wanted = {}
    memo.share((context, tuple(languages)))
    for language in languages:
        for project in projects:
            wanted[folder / f"project-{project.id}-{language.locale}.html"] = memo.get(
                ("card", project.id, language.locale), project,
                lambda: project_card(project, language, context))  # noqa: B023 - called at once
        for sector in context.vocabularies.sectors:
            wanted[folder / f"sector-{sector}-{language.locale}.html"] = sector_list(sector, projects, language, context)
    before = docs_dir / "embed"  # where cards were written until they left MkDocs: removed once there
    candidates = [path for place in (folder, before) for pattern in ("project-*.html", "sector-*.html")
                  for path in place.glob(pattern)]
    return write_files(wanted, candidates)
