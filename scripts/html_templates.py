"""Our HTML templates (scripts/templates/): Jinja with autoescape, and gettext in a page's language."""

from __future__ import annotations

from functools import lru_cache

import jinja2

from scripts.languages import ROOT
from scripts.locales import translations

TEMPLATES_DIR = ROOT / "scripts" / "templates"


@lru_cache(maxsize=8)
def environment(locale: str) -> jinja2.Environment:
    """One environment per language, since gettext is installed into it."""
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES_DIR), autoescape=True,
                             extensions=["jinja2.ext.i18n"], trim_blocks=True, lstrip_blocks=True)
    env.install_gettext_translations(translations(locale), newstyle=True)
    return env


def render(template: str, locale: str, **values) -> str:
    return environment(locale).get_template(template).render(**values)
