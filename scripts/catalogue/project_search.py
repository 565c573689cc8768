"""The site-search entry of a project page, made from the catalogue data.

Material's search plugin would parse every project page's HTML, the costliest part of building
thousands of them, and would index the page's furniture with it: the map caption, the QR code's
address, "Back to the project catalogue", the facts run together ("LocalityXã 1Land area…"). One
entry made from the data holds what a reader looks a project up by: its name as the title; its
sector, status, locality and form of investment; its summary; and its names in the other languages,
so that a name copied from a Vietnamese document finds the English page too; its sector as a tag
(shown in the results), so that a sector's name finds its projects first. Text is escaped as
Material escapes the text it parses.
"""

from __future__ import annotations

from html import escape

from scripts.catalogue.model import Project
from scripts.catalogue.pages import FALLBACK_LOCALE, PageContext, summary_paragraphs
from scripts.languages import Language


def project_entry(project: Project, language: Language, context: PageContext, location: str) -> dict:
    """The entry of `project`'s page in `language`, published at `location` (the page's MkDocs URL)."""
    locale = language.locale
    vocabularies = context.vocabularies
    name = project.name(locale, FALLBACK_LOCALE)[0]
    summary = project.summary(locale, FALLBACK_LOCALE)[0]
    facts = [vocabularies.label("sectors", project.sector, locale),
             vocabularies.label("statuses", project.status, locale), project.locality,
             vocabularies.label("forms", project.form, locale) if project.form else ""]
    other_names = [other for other in dict.fromkeys(project.names.values()) if other != name]
    summary_lines = [" ".join(paragraph.split()) for paragraph in summary_paragraphs(summary)]  # one line each
    paragraphs = [" · ".join(fact for fact in facts if fact), *summary_lines, " · ".join(other_names)]
    sector = vocabularies.label("sectors", project.sector, locale)
    return {"location": location, "title": escape(name, quote=False), "tags": [sector],
            "text": "".join(f"<p>{escape(text, quote=False)}</p>" for text in paragraphs if text)}
