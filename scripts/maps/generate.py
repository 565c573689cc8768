"""Write the map files for every language: assets/maps/data-<locale>.js and embed/map-<locale>.html
(the flat map), assets/maps/columns-<locale>.json (the 3D map)."""

from __future__ import annotations

from pathlib import Path

from scripts.catalogue.model import Project
from scripts.catalogue.pages import PageContext
from scripts.generated_files import write_files
from scripts.languages import Language
from scripts.maps.columns import columns_data, data_file
from scripts.maps.map_data import data_script, map_data
from scripts.maps.places import MapPlaces
from scripts.render_memo import MAKE_EVERYTHING, NoMemo, RenderMemo

EMBED_DIR = Path("embed")
DATA_DIR = Path("assets") / "maps"


def embed_filename(language: Language) -> str:
    return f"map-{language.locale}.html"


def columns_filename(language: Language) -> str:
    return f"columns-{language.locale}.json"


def generate_maps(projects: list[Project], places: MapPlaces, languages: list[Language], context: PageContext,
                  docs_dir: Path, memo: RenderMemo | NoMemo = MAKE_EVERYTHING) -> list[Path]:
    from scripts.maps.folium_map import map_html  # here: folium takes 0.3 s to import, and builds whose data
    # has not changed (the data step's cache) never draw a map
    files = {}
    memo.share((context, tuple(languages)))
    for language in languages:
        data = map_data(projects, places, language, context)
        files[docs_dir / DATA_DIR / f"data-{language.locale}.js"] = data_script(data)
        files[docs_dir / EMBED_DIR / embed_filename(language)] = memo.get(  # its frame: the same for every row
            ("map frame", language.locale), data["layers"], lambda: map_html(language, data["layers"]))  # noqa: B023
        files[docs_dir / DATA_DIR / columns_filename(language)] = data_file(columns_data(projects, language, context))
    return write_files(files)
