"""The HTML of the printed handouts, in each language (WeasyPrint turns it into PDF)."""

from __future__ import annotations

from functools import lru_cache
from html import escape

from scripts.catalogue import formatting
from scripts.catalogue.minimap import outline_svg, position_percent
from scripts.catalogue.model import Project
from scripts.catalogue.pages import FALLBACK_LOCALE, PageContext, page_url, project_facts
from scripts.catalogue.qr import qr_svg
from scripts.catalogue.vocabularies import Agency
from scripts.content.parks import Park, Parks, park_facts
from scripts.facts import Fact
from scripts.languages import Language
from scripts.locales import gettext_for
from scripts.templates_env import render


def _qr(url: str) -> str:
    return qr_svg(url).replace(f"<title>{escape(url)}</title>", "")  # the address is printed beside it


PRINT_TOLERANCE = 2.0  # outline simplification, in the map's 1000 units: 0.14 mm at its printed width


@lru_cache(maxsize=4)
def _outline(outline) -> str:
    return outline_svg(outline, tolerance=PRINT_TOLERANCE)


def _map(context: PageContext, lat: float, lon: float) -> str:
    svg = _outline(context.outline)
    left, top = position_percent(context.outline, lat, lon)
    width = float(svg.split('viewBox="0 0 ')[1].split(" ")[0])
    height = float(svg.split('viewBox="0 0 ')[1].split('"')[0].split(" ")[1])
    marker = (f'<circle cx="{left / 100 * width:.1f}" cy="{top / 100 * height:.1f}" r="22" fill="#b0371c" '
              'stroke="#fff" stroke-width="8"/>')
    return svg.replace("</svg>", marker + "</svg>")


def _document(language: Language, title: str, body: str) -> str:
    _ = gettext_for(language.locale)
    site = _("Nghệ An Investment Portal")
    return (f'<!doctype html><html lang="{language.locale}"><head><meta charset="utf-8"><title>{escape(title)}</title>'
            f'</head><body><div class="site">{escape(site)}</div>{body}</body></html>')


def _table(facts: list[Fact], locale: str) -> str:
    return render("fact-table.html", locale, facts=facts)


def agency_facts(agency: Agency, locale: str) -> list[Fact]:
    """The responsible agency and the contact facts it publishes, for a printed factsheet."""
    _ = gettext_for(locale)
    return [Fact(_("Whom to contact"), agency.name(locale)), Fact(_("Address"), agency.address or ""),
            Fact(_("Telephone"), agency.phone or ""), Fact(_("E-mail"), agency.email or ""),
            Fact(_("Website"), agency.website or "")]


def project_factsheet(project: Project, language: Language, context: PageContext) -> str:
    _ = gettext_for(language.locale)
    locale = language.locale
    name, name_locale = project.name(locale, FALLBACK_LOCALE)
    summary, summary_locale = project.summary(locale, FALLBACK_LOCALE)
    vocabulary = context.vocabularies
    url = page_url(context.site_url, project.id, language)
    rows = _table(project_facts(project, language, context) + agency_facts(vocabulary.agency(project.contact_agency), locale),
                  locale)
    labels = {"summary": _("Summary"), "scan": _("Scan to open this page:")}
    body = (f'<h1 lang="{name_locale}">{escape(name)}</h1>'
            f'<span class="badge" style="background:{escape(vocabulary.sectors[project.sector]["colour"])}">'
            f'{escape(vocabulary.label("sectors", project.sector, locale))}</span>'
            f'<span class="badge status">{escape(vocabulary.label("statuses", project.status, locale))}</span>'
            f'<div class="layout">{rows}<div class="map">{_map(context, project.lat, project.lon)}'
            f'</div></div><h2>{escape(labels["summary"])}</h2><p lang="{summary_locale}">{escape(summary)}</p>'
            f'<div class="qr">{_qr(url)}<div>{escape(labels["scan"])}<br>{escape(url)}</div></div>')
    return _document(language, name, body)


def park_factsheet(park: Park, parks: Parks, language: Language, context: PageContext) -> str:
    _ = gettext_for(language.locale)
    locale = language.locale
    text = park.text[locale]
    url = f"{context.site_url.rstrip('/')}/{language.prefix}parks/{park.id}/"
    rows = _table(park_facts(park, parks, locale) + [Fact(_("Sources"), " · ".join(park.sources))], locale)
    scan = _("Scan to open this page:")
    body = (f"<h1>{escape(text['name'])}</h1><div class=\"layout\">{rows}"
            f'<div class="map">{_map(context, park.lat, park.lon)}</div></div>'
            f'<div class="qr">{_qr(url)}<div>{escape(scan)}<br>{escape(url)}</div></div>')
    return _document(language, text["name"], body)


def catalogue_brochure(projects: list[Project], language: Language, context: PageContext) -> str:
    """The investment opportunities (calling or preparing); then the province's track record (licensed
    projects), told apart, so the brochure is never empty."""
    _ = gettext_for(language.locale)
    locale = language.locale
    calling = [p for p in projects if p.is_opportunity]
    others = [p for p in projects if not p.is_opportunity]
    labels = {"title": _("Investment opportunities"),
              "others": _("Track record: projects that already have their investor"),
              "none": _("No project in the catalogue is calling for investors at the moment."),
              "online": _("The catalogue online:")}

    def item(project: Project) -> str:
        name, name_locale = project.name(locale, FALLBACK_LOCALE)
        figures = formatting.investment(project.investment_vnd_bn, project.investment_usd_m, context.rate, locale)
        status = context.vocabularies.label("statuses", project.status, locale)
        sector = context.vocabularies.label("sectors", project.sector, locale)
        return (f'<div class="brochure-item"><h2 lang="{name_locale}">{escape(name)}</h2>'
                f'<div class="note">{escape(sector)} · {escape(status)} · {escape(project.locality)}'
                f'{" · " + escape(figures) if figures else ""}</div></div>')

    url = f"{context.site_url.rstrip('/')}/{language.prefix}catalogue/"
    body = (f"<h1>{escape(labels['title'])}</h1>"
            + ("".join(item(p) for p in calling) if calling else f"<p>{escape(labels['none'])}</p>")
            + (f"<h1>{escape(labels['others'])}</h1>" + "".join(item(p) for p in others) if others else "")
            + f'<div class="qr">{_qr(url)}<div>{escape(labels["online"])}<br>{escape(url)}</div></div>')
    return _document(language, labels["title"], body)
