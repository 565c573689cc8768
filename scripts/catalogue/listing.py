"""The catalogue list for one language: plain HTML that works without JavaScript.

assets/javascripts/catalogue.js adds filters, sorting and text search on top, reading the data-*
attributes written here; the filter controls are hidden until that script enables them.
"""

from __future__ import annotations

import unicodedata
from html import escape

from scripts.catalogue import formatting
from scripts.catalogue.model import Project
from scripts.catalogue.pages import FALLBACK_LOCALE, PageContext, badges
from scripts.locales import gettext_for


def search_text(*parts: str) -> str:
    """Lowercase text without Vietnamese marks (đ → d), so "dau tu" matches "đầu tư"."""
    text = " ".join(parts).lower().replace("đ", "d")
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(c for c in decomposed if not ("\u0300" <= c <= "\u036f"))


def _options(pairs: list[tuple[str, str]]) -> str:
    return "".join(f'<option value="{escape(value)}">{escape(label)}</option>' for value, label in pairs)


def _select(name: str, label: str, all_label: str, pairs: list[tuple[str, str]]) -> str:
    return (f'<label>{escape(label)} <select name="{name}" data-filter="{name}">'
            f'<option value="">{escape(all_label)}</option>{_options(pairs)}</select></label>')


def filters(projects: list[Project], locale: str, context: PageContext) -> str:
    _ = gettext_for(locale)
    vocab = context.vocabularies
    localities = sorted({p.locality for p in projects})
    labels = {"form": _("Filter the catalogue"), "search": _("Search"), "sort": _("Sort by"),
              "clear": _("Clear filters"), "count": _("%(shown)s of %(total)s projects shown")}
    sorts = [("name", _("Name")), ("investment", _("Investment, largest first")),
             ("area", _("Land area, largest first")), ("updated", _("Last checked, newest first"))]
    return (
        f'<form class="catalogue-filters" role="search" aria-label="{escape(labels["form"])}" hidden>'
        f'<label>{escape(labels["search"])} <input type="search" name="q" data-filter="q"></label>'
        + _select("sector", _("Sector"), _("All sectors"), [(k, vocab.label("sectors", k, locale)) for k in vocab.sectors])
        + _select("status", _("Status"), _("All statuses"), [(k, vocab.label("statuses", k, locale)) for k in vocab.statuses])
        + _select("locality", _("Locality"), _("All localities"), [(name, name) for name in localities])
        + _select("form", _("Form of investment"), _("All forms"), [(k, vocab.label("forms", k, locale)) for k in vocab.forms])
        + f'<label>{escape(labels["sort"])} <select name="sort" data-filter="sort">{_options(sorts)}</select></label>'
        + f'<button type="reset">{escape(labels["clear"])}</button>'
        + "</form>"
        + f'<p class="catalogue-count" aria-live="polite" data-template="{escape(labels["count"])}">'
        + escape(_("%(total)s projects") % {"total": len(projects)}) + "</p>"
    )


def _item(project: Project, locale: str, context: PageContext) -> str:
    _ = gettext_for(locale)
    name, name_locale = project.name(locale, FALLBACK_LOCALE)
    summary, summary_locale = project.summary(locale, FALLBACK_LOCALE)
    invest = formatting.investment_in_vnd_bn(project.investment_vnd_bn, project.investment_usd_m, context.rate)
    figures = [escape(project.locality)]
    if project.area_ha is not None:
        figures.append(escape(formatting.area(project.area_ha, locale)))
    if project.investment_vnd_bn is not None:
        figures.append(escape(formatting.vnd_billion(project.investment_vnd_bn, locale)))
    elif project.investment_usd_m is not None:
        figures.append(escape(formatting.usd_million(project.investment_usd_m, locale)))
    short = summary if len(summary) <= 220 else summary[:219].rsplit(" ", 1)[0] + "…"
    attributes = {
        "sector": project.sector, "status": project.status, "locality": project.locality,
        "form": project.form or "", "investment": "" if invest is None else f"{invest:.3f}",
        "area": "" if project.area_ha is None else f"{project.area_ha:.3f}",
        "updated": project.updated.isoformat(), "name": search_text(name),
        "text": search_text(name, project.locality, summary, *project.names.values()),
    }
    data = " ".join(f'data-{key}="{escape(value)}"' for key, value in attributes.items())
    return (
        f'<li class="catalogue-item" {data}>'
        f'<h3 lang="{name_locale}"><a href="../projects/{escape(project.id)}/">{escape(name)}</a></h3>'
        f'<p class="catalogue-meta">{badges(project, locale, context.vocabularies)} '
        f'<span>{" · ".join(figures)}</span></p>'
        f'<p class="catalogue-summary" lang="{summary_locale}">{escape(short)}</p></li>'
    )


def catalogue_list(projects: list[Project], locale: str, context: PageContext) -> str:
    _ = gettext_for(locale)
    heading = _("Projects")
    ordered = sorted(projects, key=lambda p: search_text(p.name(locale, FALLBACK_LOCALE)[0]))
    items = "".join(_item(project, locale, context) for project in ordered)
    return (f'<div class="catalogue" data-catalogue><h2 id="projects">{escape(heading)}</h2>'
            f'{filters(projects, locale, context)}'
            f'<ul class="catalogue-list">{items}</ul></div>')


def sector_projects(projects: list[Project], sector: str | None, locale: str, context: PageContext,
                    base: str) -> str:
    """A short list of the catalogue projects of one sector, linking to their pages.

    `base` is the relative path from the page to its language's root (e.g. "../").
    """
    _ = gettext_for(locale)
    if sector not in context.vocabularies.sectors:
        raise KeyError(f"unknown sector '{sector}' in a sector-projects marker")
    chosen = sorted((p for p in projects if p.sector == sector), key=lambda p: search_text(p.name(locale, FALLBACK_LOCALE)[0]))
    if not chosen:
        empty = _("No project of this sector is in the catalogue yet.")
        return f'<p class="sector-projects-empty">{escape(empty)}</p>'
    items = []
    for project in chosen:
        name, name_locale = project.name(locale, FALLBACK_LOCALE)
        status = context.vocabularies.label("statuses", project.status, locale)
        items.append(f'<li><a href="{base}projects/{escape(project.id)}/" lang="{name_locale}">{escape(name)}</a>'
                     f" ({escape(project.locality)}, {escape(status)})</li>")
    heading = _("Projects of this sector in the catalogue")
    return f'<p class="sector-projects-heading"><strong>{escape(heading)}</strong></p><ul class="sector-projects">{"".join(items)}</ul>'
