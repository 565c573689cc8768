"""Generated blocks inside hand-written pages: a page places `<!-- catalogue:NAME -->` on its own line.

Markers: `list` (the catalogue with filters), `columns` (the template's columns), `sectors`,
`statuses`, `forms` (vocabulary tables), `map` (the investment map), `embed-snippets` (copy-paste
iframe code for other sites).
"""

from __future__ import annotations

import re

from scripts.catalogue import template_files
from scripts.catalogue.build_step import PreparedCatalogue
from scripts.catalogue.listing import catalogue_list
from scripts.languages import Language
from scripts.maps.embed import embed_snippets, map_frame

MARKER = re.compile(r"^<!-- catalogue:(\w+) -->$", re.MULTILINE)


def fill_markers(markdown: str, language: Language, prepared: PreparedCatalogue, page_url: str) -> str:
    locale = language.locale
    vocabularies = prepared.context.vocabularies
    blocks = {
        "list": lambda: catalogue_list(list(prepared.projects), locale, prepared.context),
        "columns": lambda: template_files.columns_table(vocabularies, locale),
        "sectors": lambda: template_files.vocabulary_table(vocabularies, "sectors", locale),
        "statuses": lambda: template_files.vocabulary_table(vocabularies, "statuses", locale),
        "forms": lambda: template_files.vocabulary_table(vocabularies, "forms", locale),
        "map": lambda: map_frame(language, page_url),
        "embed-snippets": lambda: embed_snippets(language, prepared.context),
    }

    def replace(match: re.Match) -> str:
        name = match.group(1)
        if name not in blocks:
            raise KeyError(f"unknown catalogue marker '{name}' (known: {', '.join(blocks)})")
        return blocks[name]()

    return MARKER.sub(replace, markdown)
