"""The HTML of the printed handouts, in each language (WeasyPrint turns it into PDF)."""

from __future__ import annotations

from functools import lru_cache
from html import escape

from markupsafe import Markup

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


def _qr(url: str) -> Markup:
    return Markup(qr_svg(url).replace(f"<title>{escape(url)}</title>", ""))  # the address is printed beside it


PRINT_TOLERANCE = 2.0  # outline simplification, in the map's 1000 units: 0.14 mm at its printed width


@lru_cache(maxsize=4)
def _outline(outline) -> str:
    return outline_svg(outline, tolerance=PRINT_TOLERANCE)


def _map(context: PageContext, lat: float, lon: float) -> Markup:
    svg = _outline(context.outline)
    left, top = position_percent(context.outline, lat, lon)
    width = float(svg.split('viewBox="0 0 ')[1].split(" ")[0])
    height = float(svg.split('viewBox="0 0 ')[1].split('"')[0].split(" ")[1])
    marker = (f'<circle cx="{left / 100 * width:.1f}" cy="{top / 100 * height:.1f}" r="22" fill="#b0371c" '
              'stroke="#fff" stroke-width="8"/>')
    return Markup(svg.replace("</svg>", marker + "</svg>"))


def agency_facts(agency: Agency, locale: str) -> list[Fact]:
    """The responsible agency and the contact facts it publishes, for a printed factsheet."""
    _ = gettext_for(locale)
    return [Fact(_("Whom to contact"), agency.name(locale)), Fact(_("Address"), agency.address or ""),
            Fact(_("Telephone"), agency.phone or ""), Fact(_("E-mail"), agency.email or ""),
            Fact(_("Website"), agency.website or "")]


def project_factsheet(project: Project, language: Language, context: PageContext) -> str:
    locale = language.locale
    name, name_locale = project.name(locale, FALLBACK_LOCALE)
    summary, summary_locale = project.summary(locale, FALLBACK_LOCALE)
    vocabulary = context.vocabularies
    url = page_url(context.site_url, project.id, language)
    _ = gettext_for(locale)
    return render(
        "project-factsheet.html", locale, title=name, name=name, name_locale=name_locale,
        colour=vocabulary.sectors[project.sector]["colour"], sector=vocabulary.label("sectors", project.sector, locale),
        status=vocabulary.label("statuses", project.status, locale),
        facts=project_facts(project, language, context) + agency_facts(vocabulary.agency(project.contact_agency), locale),
        map=_map(context, project.lat, project.lon), summary=summary, summary_locale=summary_locale,
        qr=_qr(url), qr_label=_("Scan to open this page:"), url=url)


def park_factsheet(park: Park, parks: Parks, language: Language, context: PageContext) -> str:
    _ = gettext_for(language.locale)
    url = f"{context.site_url.rstrip('/')}/{language.prefix}parks/{park.id}/"
    return render("park-factsheet.html", language.locale, title=park.text[language.locale]["name"],
                  facts=park_facts(park, parks, language.locale) + [Fact(_("Sources"), " · ".join(park.sources))],
                  map=_map(context, park.lat, park.lon), qr=_qr(url), qr_label=_("Scan to open this page:"), url=url)


def catalogue_brochure(projects: list[Project], language: Language, context: PageContext) -> str:
    """The investment opportunities (calling or preparing); then the province's track record (licensed
    projects), told apart, so the brochure is never empty."""
    _ = gettext_for(language.locale)
    locale = language.locale

    def item(project: Project) -> tuple[str, str, list[str]]:
        figures = formatting.investment(project.investment_vnd_bn, project.investment_usd_m, context.rate, locale)
        note = [context.vocabularies.label("sectors", project.sector, locale),
                context.vocabularies.label("statuses", project.status, locale), project.locality]
        return (*project.name(locale, FALLBACK_LOCALE), note + ([figures] if figures else []))

    url = f"{context.site_url.rstrip('/')}/{language.prefix}catalogue/"
    return render("catalogue-brochure.html", locale, title=_("Investment opportunities"),
                  calling=[item(p) for p in projects if p.is_opportunity],
                  others=[item(p) for p in projects if not p.is_opportunity],
                  qr=_qr(url), qr_label=_("The catalogue online:"), url=url)
