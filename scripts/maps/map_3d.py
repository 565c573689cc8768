"""The 3D map block of the map/3d pages (marker `catalogue:map-3d`, template scripts/templates/map-3d.html).

The HTML holds the place assets/maps/map-3d.js draws the map in, the legend (sector colours, what a
column's height stands for, where the figures come from, how many projects are not drawn) and the
texts shown instead of the map: without JavaScript, without WebGL 2, or when the map cannot load.
Only this page loads the script; MapLibre and the columns file load when the reader asks for the map.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from scripts import templates_env
from scripts.catalogue import formatting
from scripts.catalogue.minimap import outline_path
from scripts.catalogue.model import Project
from scripts.catalogue.pages import FALLBACK_LOCALE, PageContext
from scripts.languages import Language
from scripts.maps.columns import columns, not_published
from scripts.maps.generate import DATA_DIR, EMBED_DIR, columns_filename, embed_filename

PREVIEW_TOLERANCE = 2  # SVG units of 1000 across: the outline shown until the map is asked for, about 4 KB


@dataclass(frozen=True)
class Legend:
    sectors: tuple[tuple[str, str], ...]  # (label, colour) of the sectors that have a column
    tallest_name: str
    tallest_lang: str
    tallest_amount: str  # as published, with the other currency
    drawn: int
    not_published: int
    first_checked: str  # the oldest and newest `updated` date of the drawn projects
    last_checked: str


def legend(projects: list[Project], locale: str, context: PageContext) -> Legend | None:
    """What the legend says; None when no project has a published investment."""
    drawn = columns(projects, context.rate)
    if not drawn:
        return None
    vocabularies = context.vocabularies
    present = {column.project.sector for column in drawn}
    tallest = max(drawn, key=lambda column: column.height_m).project
    name, name_locale = tallest.name(locale, FALLBACK_LOCALE)
    dates = sorted(column.project.updated for column in drawn)
    return Legend(
        sectors=tuple((vocabularies.label("sectors", key, locale), vocabularies.sectors[key]["colour"])
                      for key in vocabularies.sectors if key in present),
        tallest_name=name, tallest_lang=name_locale,
        tallest_amount=formatting.investment(tallest.investment_vnd_bn, tallest.investment_usd_m,
                                             context.rate, locale),
        drawn=len(drawn), not_published=len(not_published(projects, context.rate)),
        first_checked=formatting.long_date(dates[0], locale), last_checked=formatting.long_date(dates[-1], locale),
    )


def map_3d(projects: list[Project], language: Language, context: PageContext, root: str, within: str) -> str:
    """The block for a page `root` below the site root and `within` below its language's root."""
    locale = language.locale
    rate = context.rate
    preview_path, preview_height = outline_path(context.outline, PREVIEW_TOLERANCE)
    return templates_env.render(
        "map-3d.html", locale, root=root, within=within, legend=legend(projects, locale, context),
        columns_url=f"{root}{DATA_DIR.as_posix()}/{columns_filename(language)}",
        preview_path=preview_path, preview_height=round(preview_height, 1),
        flat_map_url=f"{root}{EMBED_DIR.as_posix()}/{embed_filename(language)}",
        rate=formatting.number(rate.vnd_per_usd, locale, 0), rate_date=formatting.long_date(datetime.date.fromisoformat(rate.date), locale),
         rate_source=rate.source)
