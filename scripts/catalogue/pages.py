"""One Markdown page per project per language (docs/projects/<id>.md, <id>.en.md, <id>.lo.md).

Every value from a spreadsheet is HTML-escaped here. The page body is raw HTML, so Markdown does
not interpret it either; MkDocs' templates do not escape front matter, so title and description are
stored escaped.
"""

from __future__ import annotations

import datetime
import json
from dataclasses import dataclass, field
from html import escape
from urllib.parse import urlsplit

from markupsafe import Markup

from scripts.catalogue import formatting, reviews
from scripts.catalogue.addresses import detail_page_root, page_url
from scripts.catalogue.contacts import contact_block
from scripts.catalogue.geo import Outline
from scripts.catalogue.minimap import position_percent
from scripts.catalogue.model import FALLBACK_LOCALE, Project
from scripts.catalogue.vocabularies import Vocabularies
from scripts.facts import Fact, not_published
from scripts.languages import Language
from scripts.locales import gettext_for
from scripts.templates_env import render

QR_SIZE = 120  # CSS pixels the QR image is shown at
PROJECT_BODY = "<!-- project-body -->"  # in a generated project page, where its HTML goes (fill_project_body)
APPROXIMATE = "approximate"  # position_note value shown as a translated "approximate position" note


@dataclass(frozen=True)
class PageContext:
    vocabularies: Vocabularies
    outline: Outline
    rate: formatting.ExchangeRate
    site_url: str
    today: datetime.date
    stale_after_days: int  # rows not checked for longer than this are flagged on their page
    reviewed_rows: dict[str, frozenset[str]] = field(default_factory=dict)  # scripts/catalogue/reviews.py

    def is_stale(self, project: Project) -> bool:
        return (self.today - project.updated).days > self.stale_after_days

    def awaits_review(self, project: Project, locale: str) -> bool:
        """Whether readers are told that the row's text in `locale` awaits a native reviewer."""
        return reviews.awaits_review(project, locale, self.reviewed_rows)


def page_filename(project_id: str, language: Language) -> str:
    return f"{project_id}{language.source_suffix}.md"


def qr_filename(project_id: str, language: Language) -> str:
    """Where the QR code of a project page is published, under assets/catalogue/qr/ (scripts/site_files.py)."""
    return f"{language.locale}/{project_id}.svg"


def project_facts(project: Project, language: Language, context: PageContext) -> list[Fact]:
    """The project's facts, for its page and its factsheet; a figure the source gives none of is "not published"."""
    _ = gettext_for(language.locale)
    locale = language.locale
    rate = context.rate
    investment = formatting.investment(project.investment_vnd_bn, project.investment_usd_m, rate, locale)
    rate_note = _("Approximate conversion at %(rate)s VND per US dollar (%(date)s).") % {
        "rate": formatting.number(rate.vnd_per_usd, locale, 0), "date": rate.date}
    department = context.vocabularies.department_name(project.department, locale)
    checked = _("%(date)s, by %(department)s") % {
        "date": formatting.long_date(project.updated, locale), "department": department}
    source = project.source or ""
    return [
        Fact(_("Locality"), project.locality),
        Fact(_("Land area"), formatting.area(project.area_ha, locale)) if project.area_ha is not None
        else not_published(_("Land area")),
        Fact(_("Investment"), investment, note=rate_note, note_link=rate.source) if investment
        else not_published(_("Investment")),
        Fact(_("Form of investment"), context.vocabularies.label("forms", project.form, locale) if project.form else ""),
        Fact(_("Contact"), project.contact or "", link=f"mailto:{project.contact}" if project.contact else None),
        Fact(_("Last checked"), checked),
        Fact(_("Source"), urlsplit(source).netloc, link=source) if source else Fact(_("Source"), ""),
    ]


def summary_paragraphs(text: str) -> list[str]:
    """A summary's paragraphs: separated by a blank line, line breaks inside them kept."""
    return [part.strip() for part in text.replace("\r\n", "\n").split("\n\n") if part.strip()]


def minimap_figure(lat: float, lon: float, caption: list[str], map_query: str, language: Language, outline) -> Markup:
    """The static province map with a dot at (lat, lon), captioned by the parts of `caption`."""
    left, top = position_percent(outline, lat, lon)
    return Markup(render("mini-map.html", language.locale, base=detail_page_root(language), left=left, top=top,
                         caption=caption, prefix=language.prefix, map_query=map_query))


def _minimap(project: Project, language: Language, context: PageContext) -> Markup:
    _ = gettext_for(language.locale)
    approximate = _("Approximate position within the commune or ward, not the project boundary.")
    note = approximate if project.position_note == APPROXIMATE else project.position_note
    caption = [project.locality, f"{project.lat:.4f}, {project.lon:.4f}", *([note] if note else [])]
    return minimap_figure(project.lat, project.lon, caption, f"project={project.id}", language, context.outline)


def front_matter_block(values: dict) -> str:
    # JSON strings are valid YAML scalars, and json.dumps is ~20 times faster than yaml.safe_dump here.
    return "---\n" + "".join(f"{key}: {json.dumps(value, ensure_ascii=False)}\n" for key, value in values.items()) + "---\n\n"


def project_page(project: Project, language: Language, context: PageContext) -> str:
    """The Markdown source of a project's page in one language: its header, a placeholder for the
    body and the link back to the catalogue. The body (project_body) takes the placeholder's place
    after Markdown has run (hooks: on_page_content): Markdown would only pass the raw HTML through,
    at a cost of about a millisecond a page."""
    _ = gettext_for(language.locale)
    locale = language.locale
    name = project.name(locale, FALLBACK_LOCALE)[0]
    description = " ".join(project.summary(locale, FALLBACK_LOCALE)[0].split())
    front_matter = {
        "title": escape(name),
        "description": escape(description[:155] + ("…" if len(description) > 155 else "")),
        "project": project.id,
    }
    if context.awaits_review(project, locale):
        front_matter["review"] = "needed"
    label = _("Back to the project catalogue")
    back = f"[{label}](../catalogue/index.md)"
    return front_matter_block(front_matter) + PROJECT_BODY + "\n\n" + back + "\n"


def card_texts(projects: list[Project], languages: list[Language], site_names: dict[str, str],
               tagline: str) -> list[tuple[str, str, str]]:
    """The (title, site name, tagline) of each project page's Open Graph card, as the hooks draw it."""
    return [(project.name(language.locale, FALLBACK_LOCALE)[0], site_names[language.locale], tagline)
            for language in languages for project in projects]


def fill_project_body(html: str, project: Project, language: Language, context: PageContext) -> str:
    """Put the project's body in place of the placeholder that project_page wrote."""
    return html.replace(PROJECT_BODY, project_body(project, language, context), 1)


def project_body(project: Project, language: Language, context: PageContext) -> str:
    """The HTML of a project's page in one language (templates/project-body.html); everything from data escaped."""
    locale = language.locale
    name, name_locale = project.name(locale, FALLBACK_LOCALE)
    summary, summary_locale = project.summary(locale, FALLBACK_LOCALE)
    return render(
        "project-body.html", locale, project=project, name=name, name_locale=name_locale,
        vocabularies=context.vocabularies,
        untranslated=name_locale != locale or summary_locale != locale,
        stale_since=formatting.long_date(project.updated, locale) if context.is_stale(project) else None,
        facts=project_facts(project, language, context), minimap=_minimap(project, language, context),
        summary_locale=summary_locale, summary=[part.split("\n") for part in summary_paragraphs(summary)],
        contact=Markup(contact_block(project.contact_agency, project, language, context)),
        assets=detail_page_root(language) + "assets/catalogue/", qr_file=qr_filename(project.id, language),
        qr_size=QR_SIZE, url=page_url(context.site_url, project.id, language))
