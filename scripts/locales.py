"""Our own interface strings: gettext catalogs in locales/<lang>/LC_MESSAGES/messages.po.

The .po files are committed; .mo files are compiled from them here (only when a .po changed) and are
not tracked by git.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import NullTranslations, Translations

from scripts.languages import ROOT

LOCALES_DIR = ROOT / "locales"
DOMAIN = "messages"


def po_path(locale: str, locales_dir: Path = LOCALES_DIR) -> Path:
    return locales_dir / locale / "LC_MESSAGES" / f"{DOMAIN}.po"


def compile_catalogs(locales: list[str], locales_dir: Path = LOCALES_DIR) -> list[Path]:
    """Compile each locale's .po into .mo when the .mo is missing or older. Returns the .mo paths."""
    compiled = []
    for locale in locales:
        po = po_path(locale, locales_dir)
        mo = po.with_suffix(".mo")
        if not mo.exists() or mo.stat().st_mtime < po.stat().st_mtime:
            with open(po, "rb") as source:
                catalog = read_po(source, locale=locale)
            tmp = mo.with_suffix(".mo.tmp")
            with open(tmp, "wb") as target:
                write_mo(target, catalog)
            tmp.replace(mo)
            translations.cache_clear()
        compiled.append(mo)
    return compiled


@lru_cache(maxsize=None)
def translations(locale: str, locales_dir: Path = LOCALES_DIR) -> NullTranslations:
    """The compiled catalog of `locale` (compile_catalogs must have run)."""
    return Translations.load(str(locales_dir), [locale], domain=DOMAIN)


def gettext_for(locale: str):
    """A `_()` function for Python code that writes pages in `locale`."""
    return translations(locale).gettext
