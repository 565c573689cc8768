"""Our own interface strings: gettext catalogs in locales/<lang>/LC_MESSAGES/messages.po.

The .po files are committed; .mo files are compiled from them here (only when a .po changed) and are
not tracked by git.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import NullTranslations, Translations

from scripts import folders
from scripts.site_files import replacing

DOMAIN = "messages"


def po_path(locale: str, locales_dir: Path | None = None) -> Path:
    return (locales_dir or folders.current().locales) / locale / "LC_MESSAGES" / f"{DOMAIN}.po"


def compile_catalogs(locales: list[str], locales_dir: Path | None = None) -> list[Path]:
    """Compile each locale's .po into .mo when the .mo is missing or older. Returns the .mo paths."""
    compiled = []
    for locale in locales:
        po = po_path(locale, locales_dir)
        mo = po.with_suffix(".mo")
        if not mo.exists() or mo.stat().st_mtime < po.stat().st_mtime:
            with open(po, "rb") as source:
                catalog = read_po(source, locale=locale)
            with replacing(mo) as partial, open(partial, "wb") as target:
                write_mo(target, catalog)
            _translations.cache_clear()
        compiled.append(mo)
    return compiled


def translations(locale: str, locales_dir: Path | None = None) -> NullTranslations:
    """The compiled catalog of `locale` (compile_catalogs must have run), by default the project's."""
    return _translations(locale, locales_dir or folders.current().locales)


@cache
def _translations(locale: str, locales_dir: Path) -> NullTranslations:
    return Translations.load(str(locales_dir), [locale], domain=DOMAIN)


def gettext_for(locale: str):
    """A `_()` function for Python code that writes pages in `locale`."""
    return translations(locale).gettext


def extract_messages(root: Path = folders.CODE):
    """Every interface string in our templates and scripts, as babel.cfg describes them."""
    from babel.messages.catalog import Catalog
    from babel.messages.extract import extract_from_dir
    from babel.messages.frontend import parse_mapping_cfg

    with open(root / "babel.cfg", encoding="utf-8") as handle:
        method_map, options_map = parse_mapping_cfg(handle)
    catalog = Catalog(project="nghean-invest")
    for filename, lineno, message, comments, context in extract_from_dir(
        str(root), method_map, options_map, keywords={"_": None, "gettext": None, "ngettext": (1, 2)}
    ):
        catalog.add(message, None, [(filename, lineno)], auto_comments=comments, context=context)
    return catalog


def read_catalog(locale: str, locales_dir: Path | None = None):
    with open(po_path(locale, locales_dir), "rb") as handle:
        return read_po(handle, locale=locale)


def untranslated(locale: str, root: Path = folders.CODE, template=None) -> list[str]:
    """Extracted msgids that the locale's .po lacks, leaves empty, or marks fuzzy.

    `template` is the extracted catalog when the caller has it already (extraction reads every file)."""
    catalog = read_catalog(locale, root / "locales")
    problems = []
    for message in template if template is not None else extract_messages(root):
        if not message.id:
            continue
        found = catalog.get(message.id, context=message.context)
        strings = found.string if found is not None else None
        empty = not strings or (isinstance(strings, tuple) and not all(strings))
        if found is None or empty or found.fuzzy:
            problems.append(message.id if isinstance(message.id, str) else message.id[0])
    return problems


def update_catalogs(locales: list[str], root: Path = folders.CODE) -> None:
    """Add new msgids to every .po (and drop obsolete ones), keeping existing translations."""
    from babel.messages.pofile import write_po

    template = extract_messages(root)
    for locale in locales:
        catalog = read_catalog(locale, root / "locales")
        catalog.update(template, update_header_comment=False)
        with open(po_path(locale, root / "locales"), "wb") as handle:
            write_po(handle, catalog, width=100, omit_header=False, ignore_obsolete=True)


if __name__ == "__main__":
    import sys

    from scripts.languages import declared_locales as site_locales

    if sys.argv[1:] == ["update"]:
        update_catalogs(site_locales())
        for code in site_locales():
            print(f"{code}: {len(untranslated(code))} untranslated")
    else:
        print("usage: python -m scripts.locales update   (extract strings and update locales/*/messages.po)")
