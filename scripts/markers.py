"""Generated blocks inside hand-written pages: a marker on its own line, `<!-- catalogue:NAME -->` or
`<!-- catalogue:NAME:ARGUMENT -->` (also `content:` for blocks not drawn from the catalogue).
Markdown keeps the marker as it is; the hooks fill it in the page's HTML.

Markers:
- `catalogue:list` or `catalogue:list:PAGE`: the catalogue with its filters, page 1 or PAGE
- `catalogue:sector-projects:KEY`: the catalogue projects of one sector
- `catalogue:agencies`: the agencies an investor contacts, with their contact facts (data/departments.yml)
- `catalogue:columns`, `catalogue:sectors`, `catalogue:statuses`, `catalogue:forms`: template tables
- `catalogue:map`: the investment map; `catalogue:embed-snippets`: iframe code for other sites
- `catalogue:map-3d`: the 3D investment map, its legend and fallback (scripts/maps/map_3d.py)
- `content:fdi-chart`: the FDI chart from data/fdi.yml; `content:fdi-by-country-chart`: FDI by country of origin
- `content:key-figures`: the key figures with their sources (data/key-figures.yml)
- `content:parks-comparison`: the industrial parks side by side
- `content:media:ID`: the 360° panorama or 3D model ID of data/media.yml, behind its still image (scripts/media/viewer.py)
- `content:news-latest`: the latest news posts; `content:events`: upcoming and past events
- `catalogue:home-featured`, `catalogue:home-sectors`, `catalogue:home-map`: the home page's featured
  projects, sector tiles and map teaser (scripts/content/home.py)
- `content:home-trailer`: the data trailer of the page's language, its captions and downloads (scripts/media/)
"""

from __future__ import annotations

import re
from collections.abc import Callable

from scripts.catalogue import template_files
from scripts.catalogue.build_step import PreparedCatalogue
from scripts.catalogue.contacts import agencies_list
from scripts.catalogue.listing import catalogue_list, sector_projects
from scripts.content import home
from scripts.content.charts import fdi_by_country_chart, fdi_chart
from scripts.content.events import events_html
from scripts.content.generate import calendar_filename
from scripts.content.key_figures import key_figures_html, load_key_figures
from scripts.content.news import listing as news_listing
from scripts.content.parks import comparison_table
from scripts.languages import Language, source_locale
from scripts.maps.embed import embed_snippets, map_frame
from scripts.maps.map_3d import map_3d
from scripts.media.viewer import media_html
from scripts.seo import relative_root

MARKER = re.compile(r"^<!-- (catalogue|content):([\w-]+)(?::([\w-]+))? -->$", re.MULTILINE)


class UnknownMarker(KeyError):
    pass


def fill_markers(html: str, language: Language, prepared: PreparedCatalogue, page_url: str) -> str:
    """Replace every marker of a page at `page_url` (as MkDocs gives it, e.g. "en/map/")."""
    locale = language.locale
    vocabularies = prepared.context.vocabularies
    root = relative_root(page_url)  # to the site root
    within = relative_root(page_url[len(language.prefix):])  # to the language's root
    projects = list(prepared.projects)
    blocks: dict[str, Callable[[str | None], str]] = {
        "list": lambda arg: catalogue_list(projects, locale, prepared.context, within, root, int(arg or 1),
                                           prepared.listing_versions.get(locale, ""), prepared.list_items.get(locale)),
        "sector-projects": lambda arg: sector_projects(projects, arg, locale, prepared.context, within),
        "agencies": lambda arg: agencies_list(vocabularies, language, root),
        "columns": lambda arg: template_files.columns_table(vocabularies, locale),
        "sectors": lambda arg: template_files.vocabulary_table(vocabularies, "sectors", locale),
        "statuses": lambda arg: template_files.vocabulary_table(vocabularies, "statuses", locale),
        "forms": lambda arg: template_files.vocabulary_table(vocabularies, "forms", locale),
        "map": lambda arg: map_frame(language, root, within),
        "map-3d": lambda arg: map_3d(projects, language, prepared.context, root, within),
        "embed-snippets": lambda arg: embed_snippets(language, prepared.context),
        "fdi-chart": lambda arg: fdi_chart(locale),
        "fdi-by-country-chart": lambda arg: fdi_by_country_chart(locale),
        "key-figures": lambda arg: key_figures_html(load_key_figures(), locale),
        "parks-comparison": lambda arg: comparison_table(prepared.parks, locale),
        "media": lambda arg: media_html(prepared.media, arg, locale, root),
        "events": lambda arg: events_html(list(prepared.content.events), locale, prepared.context.today,
                                          f"{root}calendar/{calendar_filename(language)}"),
        "home-featured": lambda arg: home.featured_html(projects, locale, prepared.context, within),
        "home-sectors": lambda arg: home.sectors_html(projects, locale, prepared.context, within),
        "home-map": lambda arg: home.map_teaser_html(projects, locale, prepared.context, within),
        "home-trailer": lambda arg: home.trailer_html(language, root),
        "news-latest": lambda arg: news_listing(list(prepared.content.posts)[: int(arg or 3)], language,
                                                source_locale(), prepared.content.tags, f"{within}news/"),
    }

    def replace(match: re.Match) -> str:
        name, argument = match.group(2), match.group(3)
        if name not in blocks:
            raise UnknownMarker(f"unknown marker '{name}' (known: {', '.join(sorted(blocks))})")
        if name == "media" and argument not in prepared.media:
            raise UnknownMarker(f"media: expected the id of an item in data/media.yml"
                                f" ({', '.join(sorted(prepared.media)) or 'none'}), got {argument!r}")
        return blocks[name](argument)

    return MARKER.sub(replace, html)
