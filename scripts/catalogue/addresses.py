"""Where a project's page is: its absolute address and the way from it back to the site root."""

from __future__ import annotations

from scripts.languages import Language
from scripts.seo import relative_root


def page_url(site_url: str, project_id: str, language: Language) -> str:
    return f"{site_url.rstrip('/')}/{language.prefix}projects/{project_id}/"


def detail_page_root(language: Language) -> str:
    """Relative path from a generated detail page (<lang>/projects/<id>/, <lang>/parks/<id>/) to the site root."""
    return relative_root(f"{language.prefix}folder/item/")
