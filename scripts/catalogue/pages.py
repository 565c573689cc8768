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


def badges(project: Project, locale: str, vocabularies: Vocabularies) -> str:
    colour = vocabularies.sectors[project.sector]["colour"]
    sector = escape(vocabularies.label("sectors", project.sector, locale))
    status = escape(vocabularies.label("statuses", project.status, locale))
    return (f'<span class="sector-badge" style="--sector-colour: {escape(colour)}">{sector}</span> '
            f'<span class="status-badge status-{escape(project.status)}">{status}</span>')


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


def _summary_html(text: str) -> str:
    return "".join("<p>" + escape(part).replace("\n", "<br>") + "</p>" for part in summary_paragraphs(text))


def minimap_figure(lat: float, lon: float, caption: str, map_query: str, language: Language, outline) -> str:
    """The static province map with a dot at (lat, lon); `caption` is already HTML-escaped."""
    _ = gettext_for(language.locale)
    base = detail_page_root(language)
    left, top = position_percent(outline, lat, lon)
    alt = _("Map of Nghệ An province showing where the project is")
    on_map = _("View on the interactive map")
    legend = _("Diamonds: the airport, seaports and border gates with Laos.")
    return (
        '<figure class="mini-map">'
        f'<div class="mini-map-frame"><img src="{base}assets/catalogue/province.svg" '
        f'alt="{escape(alt)}" width="300" height="215">'
        f'<span class="mini-map-marker" style="left: {left}%; top: {top}%"></span></div>'
        f"<figcaption>{caption}<br>{escape(legend)} "
        f'<a href="{base}{language.prefix}map/?{escape(map_query)}">{escape(on_map)}</a>'
        "</figcaption></figure>"
    )


def _minimap(project: Project, language: Language, context: PageContext) -> str:
    _ = gettext_for(language.locale)
    caption = f"{escape(project.locality)} · {project.lat:.4f}, {project.lon:.4f}"
    approximate = _("Approximate position within the commune or ward, not the project boundary.")
    note = approximate if project.position_note == APPROXIMATE else project.position_note
    if note:
        caption += f" · {escape(note)}"
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
    """The HTML of a project's page in one language; everything from data escaped."""
    _ = gettext_for(language.locale)
    locale = language.locale
    name, name_locale = project.name(locale, FALLBACK_LOCALE)
    summary, summary_locale = project.summary(locale, FALLBACK_LOCALE)
    url = page_url(context.site_url, project.id, language)
    assets = detail_page_root(language) + "assets/catalogue/"
    labels = {
        "untranslated": _("This project has not been translated into this language yet; its text is shown in English."),
        "summary": _("Summary"),
        "scan": _("Scan to open this page:"),
        "qr": _("QR code of this page's address"),
    }
    note = ""
    if name_locale != locale or summary_locale != locale:
        note = f'<p class="untranslated-note" role="note">{escape(labels["untranslated"])}</p>'
    if context.is_stale(project):
        stale = _("Not checked since %(date)s: confirm the details with the responsible agency before relying on them.")
        note += f'<p class="stale-note" role="note">{escape(stale % {"date": formatting.long_date(project.updated, locale)})}</p>'
    body = [
        f'<div class="project-page" data-project="{escape(project.id)}">',
        f'<h1 lang="{name_locale}">{escape(name)}</h1>',
        f'<p class="project-badges">{badges(project, locale, context.vocabularies)}</p>',
        note,
        '<div class="project-layout">',
        render("fact-list.html", locale, facts=project_facts(project, language, context)),
        _minimap(project, language, context),
        "</div>",
        f'<h2 id="summary">{escape(labels["summary"])}</h2>',
        f'<div class="project-summary" lang="{summary_locale}">{_summary_html(summary)}</div>',
        contact_block(project.contact_agency, project, language, context),
        '<figure class="project-qr">',
        f'<img class="qr-code" src="{assets}qr/{qr_filename(project.id, language)}" alt="{escape(labels["qr"])}" '
        f'width="{QR_SIZE}" height="{QR_SIZE}" loading="lazy">',
        f'<figcaption>{escape(labels["scan"])} <span class="qr-url">{escape(url)}</span></figcaption>',
        "</figure>",
        "</div>",
    ]
    return "\n".join(part for part in body if part)
