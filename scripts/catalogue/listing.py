"""The catalogue list for one language: plain HTML that works without JavaScript, in pages (paging.py).

assets/javascripts/catalogue.js adds filters, sorting and text search on top, reading the data-*
attributes written here; the filter controls are shown only where scripts run.
"""

from __future__ import annotations

from functools import lru_cache
from html import escape

from scripts.catalogue import formatting, paging
from scripts.catalogue.model import Project
from scripts.catalogue.pages import FALLBACK_LOCALE, PageContext, badges
from scripts.catalogue.vocabularies import Vocabularies
from scripts.folding import fold_marks
from scripts.locales import gettext_for
from scripts.render_memo import MAKE_EVERYTHING, NoMemo, RenderMemo


@lru_cache(maxsize=16384)  # each name is sorted on every catalogue page of its language
def search_text(*parts: str) -> str:
    """Lowercase text without Vietnamese marks (đ → d), so "dau tu" matches "đầu tư"."""
    return fold_marks(" ".join(parts).lower())


def _options(pairs: list[tuple[str, str]]) -> str:
    return "".join(f'<option value="{escape(value)}">{escape(label)}</option>' for value, label in pairs)


def _select(name: str, label: str, all_label: str, pairs: list[tuple[str, str]]) -> str:
    return (f'<label>{escape(label)} <select name="{name}" data-filter="{name}">'
            f'<option value="">{escape(all_label)}</option>{_options(pairs)}</select></label>')


def _status_counts(projects: list[Project], locale: str, vocab: Vocabularies) -> str:
    """How many projects have each status, in the vocabulary's order; each non-zero count filters the list."""
    _ = gettext_for(locale)
    items = []
    for key in vocab.statuses:
        number = sum(1 for p in projects if p.status == key)
        text = _("%(status)s: %(count)s") % {"status": vocab.label("statuses", key, locale), "count": number}
        inner = f'<a href="?status={escape(key)}" data-status="{escape(key)}">{escape(text)}</a>' if number else escape(text)
        items.append(f'<li class="status-{escape(key)}" data-count="{number}">{inner}</li>')
    label = _("Projects by status")
    return f'<ul class="catalogue-status-counts" aria-label="{escape(label)}">{"".join(items)}</ul>'


def filters(projects: list[Project], locale: str, context: PageContext, shown: tuple[int, int], within: str) -> str:
    """The filter form (folded behind a "Filter" button on narrow screens), the per-status counts, the
    link to the map with the same filters and the count line; `shown` is the first and last position
    listed on this page."""
    _ = gettext_for(locale)
    vocab = context.vocabularies
    localities = sorted({p.locality for p in projects})
    labels = {"form": _("Filter the catalogue"), "search": _("Search"), "sort": _("Sort by"),
              "clear": _("Clear filters"), "count": _("%(shown)s of %(total)s projects shown"),
              "error": _("The full list could not be loaded. Check the connection and try again."),
              "toggle": _("Filter"), "map": _("Show on the map")}
    sorts = [("status", _("Opportunities first")), ("name", _("Name")), ("investment", _("Investment, largest first")),
             ("area", _("Land area, largest first")), ("updated", _("Last checked, newest first"))]
    return (
        f'<details class="catalogue-filter-box"><summary>{escape(labels["toggle"])}'
        f'<span class="catalogue-filter-active" data-filter-active></span></summary>'
        f'<form class="catalogue-filters" role="search" aria-label="{escape(labels["form"])}">'
        f'<label>{escape(labels["search"])} <input type="search" name="text" data-filter="text"></label>'
        + _select("sector", _("Sector"), _("All sectors"), [(k, vocab.label("sectors", k, locale)) for k in vocab.sectors])
        + _select("status", _("Status"), _("All statuses"), [(k, vocab.label("statuses", k, locale)) for k in vocab.statuses])
        + _select("locality", _("Locality"), _("All localities"), [(name, name) for name in localities])
        + _select("form", _("Form of investment"), _("All forms"), [(k, vocab.label("forms", k, locale)) for k in vocab.forms])
        + f'<label>{escape(labels["sort"])} <select name="sort" data-filter="sort">{_options(sorts)}</select></label>'
        + f'<button type="reset">{escape(labels["clear"])}</button>'
        + "</form></details>"
        + f'<a class="catalogue-map-link" href="{escape(within)}map/" data-map-link>{escape(labels["map"])}</a>'
        + _status_counts(projects, locale, vocab)
        + f'<p class="catalogue-count" aria-live="polite" data-template="{escape(labels["count"])}" '
        + f'data-error="{escape(labels["error"])}">'
        + escape(_count_text(len(projects), shown, locale)) + "</p>"
    )


def _count_text(total: int, shown: tuple[int, int], locale: str) -> str:
    _ = gettext_for(locale)
    if shown == (1, total):
        return _("%(total)s projects") % {"total": total}
    return _("Projects %(first)s–%(last)s of %(total)s") % {"first": shown[0], "last": shown[1], "total": total}


def _item(project: Project, locale: str, context: PageContext, within: str) -> str:
    """One list item; `within` is the relative path from the page to its language's root."""
    _ = gettext_for(locale)
    name, name_locale = project.name(locale, FALLBACK_LOCALE)
    summary, summary_locale = project.summary(locale, FALLBACK_LOCALE)
    invest = formatting.investment_in_vnd_bn(project.investment_vnd_bn, project.investment_usd_m, context.rate)
    figures = [escape(figure) for figure in (project.locality, *formatting.key_figures(
        project.area_ha, project.investment_vnd_bn, project.investment_usd_m, locale))]
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
        f'<h3 lang="{name_locale}"><a href="{within}projects/{escape(project.id)}/">{escape(name)}</a></h3>'
        f'<p class="catalogue-meta">{badges(project, locale, context.vocabularies)} '
        f'<span>{" · ".join(figures)}</span></p>'
        f'<p class="catalogue-summary" lang="{summary_locale}">{escape(short)}</p></li>'
    )


def ordered(projects: list[Project], locale: str, vocabularies: Vocabularies) -> list[Project]:
    """The catalogue's default order, shared by its pages and its script: opportunities first (statuses
    in the order data/vocabularies.yml lists them), then the most recently checked, then by name."""
    rank = {key: number for number, key in enumerate(vocabularies.statuses)}
    return sorted(projects, key=lambda p: (rank[p.status], -p.updated.toordinal(),
                                           search_text(p.name(locale, FALLBACK_LOCALE)[0])))


def catalogue_list(projects: list[Project], locale: str, context: PageContext, within: str, site_root: str,
                   page: int = 1, listing_version: str = "") -> str:
    """Page `page` of the catalogue, on a page whose relative paths to its language's root and to the
    site's root are `within` and `site_root`; `listing_version` names the listing script's content,
    so a browser never pairs a new page with an old cached listing."""
    _ = gettext_for(locale)
    listed = paging.page_slice(ordered(projects, locale, context.vocabularies), page)
    first = (page - 1) * paging.PAGE_SIZE + 1
    items = "".join(_item(project, locale, context, within) for project in listed)
    count = paging.page_count(len(projects))
    data = (f'data-root="{escape(within)}" data-page-size="{paging.PAGE_SIZE}" data-total="{len(projects)}" '
            f'data-listing="{escape(site_root + paging.listing_script_path(locale))}?v={escape(listing_version)}"')
    heading, more = _("Projects"), _("Show more projects")
    return (f'<div class="catalogue" data-catalogue {data}><h2 id="projects">{escape(heading)}</h2>'
            f'{filters(projects, locale, context, (first, first + len(listed) - 1), within)}'
            f'<ul class="catalogue-list">{items}</ul>'
            f'<button type="button" class="catalogue-more" hidden>{escape(more)}</button>'
            f'{paging.pager_html(page, count, locale, within)}</div>')


def listing_items(projects: list[Project], locale: str, context: PageContext,
                  memo: RenderMemo | NoMemo = MAKE_EVERYTHING) -> list[str]:
    """Every list item of one language, in the default order (ordered), links relative to the language's
    root; `memo` (the live preview's) keeps each project's item while the project is unchanged."""
    return [memo.get(("list item", project.id, locale), project, lambda: _item(project, locale, context, ""))  # noqa: B023
            for project in ordered(projects, locale, context.vocabularies)]


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
