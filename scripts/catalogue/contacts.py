"""Whom an investor talks to: the contact block of a project page and the contact page's list of
agencies, from data/departments.yml (HTML from scripts/templates/, autoescaped).

The block is a function of an agency key (a row's department today; its `agency` column once the
catalogue has one); a department that is not itself an agency names the one to contact (`contact:`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from urllib.parse import quote

from markupsafe import escape

from scripts.catalogue.addresses import detail_page_root, page_url
from scripts.catalogue.model import FALLBACK_LOCALE, Project
from scripts.catalogue.vcard import vcard_path
from scripts.catalogue.vocabularies import Agency, Vocabularies
from scripts.languages import Language
from scripts.locales import gettext_for
from scripts.templates_env import environment, render

if TYPE_CHECKING:
    from scripts.catalogue.pages import PageContext


def mailto_href(email: str, subject: str, body: str) -> str:
    """A mailto: address (RFC 6068) with its subject and body percent-encoded as UTF-8; line breaks
    in the body are sent as CRLF."""
    body = body.replace("\r\n", "\n").replace("\n", "\r\n")
    return f"mailto:{quote(email, safe='@')}?subject={quote(subject, safe='')}&body={quote(body, safe='')}"


def enquiry_mailto(agency: Agency, project: Project, language: Language, context: PageContext) -> str:
    """The prefilled e-mail about `project`, in the page's language, or "" when the agency has no e-mail."""
    if not agency.email:
        return ""
    _ = gettext_for(language.locale)
    values = {"name": project.name(language.locale, FALLBACK_LOCALE)[0], "id": project.id,
              "url": page_url(context.site_url, project.id, language)}
    subject = _("Investment enquiry: %(name)s (%(id)s)") % values
    body = _("Hello,\n\nI would like to know more about the project “%(name)s” (%(id)s) published on the "
             "Nghệ An investment portal: %(url)s\n\nMy questions:\n\n") % values
    return mailto_href(agency.email, subject, body)


def contactable(vocabularies: Vocabularies) -> list[Agency]:
    """The agencies a reader can contact, in the file's order (not the departments that only name one)."""
    return [agency for agency in vocabularies.departments.values() if not agency.contact]


def _slot(name: str) -> str:
    """Where a project's own value goes in a rendered block: NUL characters, which no data file
    holds (YAML does not allow them) and autoescape leaves as they are."""
    return f"\x00{name}\x00"


_blocks: dict[tuple, str] = {}  # (agency's facts, locale, root, has e-mail, translations) → block


def _agency_block(agency: Agency, locale: str, root: str, mailto: bool) -> str:
    """contact-block.html for `agency` with slots for the project's own values: the agency's part
    (its card) is the same on each of its projects' pages, so it is rendered once per language."""
    key = (repr(agency), locale, root, mailto, environment(locale))  # repr: every fact of the agency
    if key not in _blocks:
        _blocks[key] = render("contact-block.html", locale, agency=agency,
                              vcard_url=f"{root}{vcard_path(agency.key, locale)}",
                              mailto=_slot("mailto") if mailto else "",
                              factsheet_url=_slot("factsheet_url"), map_url=_slot("map_url"))
    return _blocks[key]


def contact_block(agency_key: str, project: Project, language: Language, context: PageContext) -> str:
    """The "whom to contact" section of `project`'s page for the agency `agency_key`: the agency's
    block, its slots filled with the project's values, escaped as autoescape escapes them."""
    agency = context.vocabularies.agency(agency_key)
    root = detail_page_root(language)
    values = {"mailto": enquiry_mailto(agency, project, language, context),
              "factsheet_url": f"{root}print/{language.locale}/project-{project.id}.pdf",
              "map_url": f"{root}{language.prefix}map/?project={quote(project.id, safe='')}"}
    block = _agency_block(agency, language.locale, root, bool(values["mailto"]))
    for name, value in values.items():
        block = block.replace(_slot(name), str(escape(value)))
    return block


def agencies_list(vocabularies: Vocabularies, language: Language, root: str) -> str:
    """Every contactable agency with its contact facts (the contact page); `root` leads to the site root."""
    agencies = [(agency, f"{root}{vcard_path(agency.key, language.locale)}") for agency in contactable(vocabularies)]
    return render("agencies.html", language.locale, agencies=agencies)
