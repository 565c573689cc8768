"""Jinja templates of the HTML our own code writes (scripts/templates/): autoescaped, with the
page language's gettext catalog installed, one environment per language."""

from __future__ import annotations

from functools import lru_cache
from urllib.parse import urlsplit

import jinja2

from scripts import folders
from scripts.locales import translations

TEMPLATES = folders.CODE / "scripts" / "templates"


def phone_uri(phone: str) -> str:
    """A telephone number as published, as the digits of a tel: address (RFC 3966 global form)."""
    digits = "".join(character for character in phone if character.isdigit())
    if phone.lstrip(" (").startswith("+"):  # "+84 …" or "(+84) …"
        return "+" + digits
    return "+84" + digits[1:] if digits.startswith("0") else digits


def environment(locale: str) -> jinja2.Environment:
    """The environment of `locale` with the project's interface translations (scripts/locales.py gives
    a new catalog object when its .mo is compiled again, and so a new environment)."""
    return _environment(locale, translations(locale))


@lru_cache(maxsize=16)
def _environment(locale: str, catalog) -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(TEMPLATES)), autoescape=True,
                             extensions=["jinja2.ext.i18n"], undefined=jinja2.StrictUndefined,
                             trim_blocks=True, lstrip_blocks=True,
                             auto_reload=False)  # our own templates: code, read once per process
    env.install_gettext_translations(catalog, newstyle=True)
    env.filters["phone_uri"] = phone_uri
    env.filters["host"] = lambda url: urlsplit(url).netloc
    # The parts of a project shared by its page, list item and card, made once for every template
    # (an {% import %} in each would make them again at each of thousands of renders).
    env.globals["parts"] = env.get_template("project-parts.html").module
    return env


def render(template: str, locale: str, **values) -> str:
    return environment(locale).get_template(template).render(locale=locale, **values)
