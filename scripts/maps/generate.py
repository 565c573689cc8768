"""Write the map files for every language: assets/maps/data-<locale>.js and embed/map-<locale>.html
(the flat map), assets/maps/columns-<locale>.json (the 3D map)."""

from __future__ import annotations

from pathlib import Path

from scripts.catalogue.generate import write_files
from scripts.catalogue.model import Project
from scripts.catalogue.pages import PageContext
from scripts.languages import Language
from scripts.maps.columns import columns_data, data_file
from scripts.maps.map_data import data_script, map_data
from scripts.maps.places import MapPlaces

EMBED_DIR = Path("embed")
DATA_DIR = Path("assets") / "maps"


def embed_filename(language: Language) -> str:
    return f"map-{language.locale}.html"


def columns_filename(language: Language) -> str:
    return f"columns-{language.locale}.json"


def generate_maps(projects: list[Project], places: MapPlaces, languages: list[Language], context: PageContext,
                  docs_dir: Path) -> list[Path]:
    from scripts.maps.folium_map import map_html  # here: folium takes 0.3 s to import, and builds whose data
    # has not changed (the data step's cache) never draw a map
    files = {}
    for language in languages:
        data = map_data(projects, places, language, context)
        files[docs_dir / DATA_DIR / f"data-{language.locale}.js"] = data_script(data)
        files[docs_dir / EMBED_DIR / embed_filename(language)] = map_html(language, data["layers"])
        files[docs_dir / DATA_DIR / columns_filename(language)] = data_file(columns_data(projects, language, context))
    return write_files(files)
