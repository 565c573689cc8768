"""The home page's generated blocks: the hero, featured opportunities, sector tiles, the map teaser and the trailer.

The choices (which projects are featured, how many per sector) are plain functions the tests call;
the HTML comes from scripts/templates/home-*.html.
"""

from __future__ import annotations

from dataclasses import dataclass

from scripts import templates_env
from scripts.catalogue import formatting
from scripts.catalogue.minimap import outline_path, point_position
from scripts.catalogue.model import Project
from scripts.catalogue.pages import FALLBACK_LOCALE, PageContext
from scripts.languages import Language
from scripts.media.addresses import trailer_files

TEMPLATE = "home.html"  # the theme template of the home pages (overrides/home.html)
OPPORTUNITY_STATUSES = ("calling", "preparing")  # in the order they are featured on a tie
FEATURED_LIMIT = 6
OUTLINE_TOLERANCE = 2  # SVG units of 1000 across: a 4 KB outline, fine at screen sizes
OUTLINE_ID = "province-outline"  # drawn once in the hero, reused by the map teaser


@dataclass(frozen=True)
class Featured:
    projects: tuple[Project, ...]
    opportunities: bool  # False when no project is calling or preparing: these are the most recent ones


def featured(projects: list[Project], limit: int = FEATURED_LIMIT) -> Featured:
    """Projects calling for or preparing investment, newest `updated` first; if none, the most recent."""
    open_projects = [project for project in projects if project.status in OPPORTUNITY_STATUSES]
    chosen = open_projects or list(projects)
    rank = {status: index for index, status in enumerate(OPPORTUNITY_STATUSES)}
    chosen.sort(key=lambda project: (-project.updated.toordinal(), rank.get(project.status, len(rank)), project.id))
    return Featured(tuple(chosen[:limit]), bool(open_projects))


def sector_counts(projects: list[Project], sectors: dict) -> list[tuple[str, int]]:
    """(sector key, number of projects) for each sector that has projects, in the vocabulary's order."""
    counts = {key: 0 for key in sectors}
    for project in projects:
        counts[project.sector] += 1
    return [(key, count) for key, count in counts.items() if count]


def _card(project: Project, locale: str, context: PageContext) -> dict:
    name, name_locale = project.name(locale, FALLBACK_LOCALE)
    vocabularies = context.vocabularies
    figures = [project.locality, *formatting.key_figures(project.area_ha, project.investment_vnd_bn,
                                                          project.investment_usd_m, locale)]
    return {"id": project.id, "name": name, "name_locale": name_locale, "status": project.status,
            "status_label": vocabularies.label("statuses", project.status, locale),
            "sector_label": vocabularies.label("sectors", project.sector, locale),
            "colour": vocabularies.sectors[project.sector]["colour"], "figures": figures}


def hero_html(projects: list[Project], locale: str, context: PageContext, within: str) -> str:
    """The hero: province outline, what the portal offers, and three calls to action. `within` is the
    relative path from the page to its language's root."""
    path, height = outline_path(context.outline, OUTLINE_TOLERANCE)
    calling = any(project.status == "calling" for project in projects)
    return templates_env.render("home-hero.html", locale, within=within, outline_path=path,
                                 outline_height=round(height), outline_id=OUTLINE_ID, calling=calling)


def featured_html(projects: list[Project], locale: str, context: PageContext, within: str) -> str:
    chosen = featured(projects)
    return templates_env.render("home-featured.html", locale, within=within, opportunities=chosen.opportunities,
                                 cards=[_card(project, locale, context) for project in chosen.projects])


def sectors_html(projects: list[Project], locale: str, context: PageContext, within: str) -> str:
    sectors = context.vocabularies.sectors
    tiles = [{"key": key, "label": context.vocabularies.label("sectors", key, locale), "count": count,
              "colour": sectors[key]["colour"]} for key, count in sector_counts(projects, sectors)]
    return templates_env.render("home-sectors.html", locale, within=within, tiles=tiles)


def map_teaser_html(projects: list[Project], locale: str, context: PageContext, within: str) -> str:
    """The outline drawn in the hero, with a dot per project, linking to the map."""
    _, height = outline_path(context.outline, OUTLINE_TOLERANCE)
    sectors = context.vocabularies.sectors
    points = [(*point_position(context.outline, project.lat, project.lon), sectors[project.sector]["colour"])
              for project in projects]
    return templates_env.render("home-map.html", locale, within=within, outline_id=OUTLINE_ID,
                                 outline_height=round(height), points=points, count=len(projects))


def trailer_html(language: Language, root: str) -> str:
    """The data trailer of the page's language with its captions and downloads; `root` leads to the site root."""
    return templates_env.render("home-trailer.html", language.locale, files=trailer_files(language.locale, root),
                                 language_name=language.name)
