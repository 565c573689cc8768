"""The catalogue list for one language: plain HTML that works without JavaScript, in pages (paging.py).

assets/javascripts/catalogue.js adds filters, sorting and text search on top, reading the data-*
attributes written here; the filter controls are shown only where scripts run.
"""

from __future__ import annotations

from functools import lru_cache

from markupsafe import Markup

from scripts.catalogue import formatting, paging
from scripts.catalogue.model import Project
from scripts.catalogue.pages import FALLBACK_LOCALE, PageContext
from scripts.catalogue.vocabularies import Vocabularies
from scripts.folding import fold_marks
from scripts.locales import gettext_for
from scripts.render_memo import MAKE_EVERYTHING, NoMemo, RenderMemo
from scripts.templates_env import render


@lru_cache(maxsize=16384)  # each name is sorted on every catalogue page of its language
def search_text(*parts: str) -> str:
    """Lowercase text without Vietnamese marks (đ → d), so "dau tu" matches "đầu tư"."""
    return fold_marks(" ".join(parts).lower())


def filters(projects: list[Project], locale: str, context: PageContext, shown: tuple[int, int], within: str) -> Markup:
    """The filter form (folded behind a "Filter" button on narrow screens), the per-status counts, the
    link to the map with the same filters and the count line; `shown` is the first and last position
    listed on this page."""
    _ = gettext_for(locale)
    vocab = context.vocabularies
    sorts = [("status", _("Opportunities first")), ("name", _("Name")), ("investment", _("Investment, largest first")),
             ("area", _("Land area, largest first")), ("updated", _("Last checked, newest first"))]
    counts = [(key, _("%(status)s: %(count)s") % {"status": vocab.label("statuses", key, locale), "count": number}, number)
              for key in vocab.statuses for number in [sum(1 for p in projects if p.status == key)]]
    return Markup(render(
        "catalogue-filters.html", locale, within=within, sorts=sorts, counts=counts,
        sectors=[(k, vocab.label("sectors", k, locale)) for k in vocab.sectors],
        statuses=[(k, vocab.label("statuses", k, locale)) for k in vocab.statuses],
        localities=[(name, name) for name in sorted({p.locality for p in projects})],
        forms=[(k, vocab.label("forms", k, locale)) for k in vocab.forms],
        count_template=_("%(shown)s of %(total)s projects shown"), count=_count_text(len(projects), shown, locale)))


def _count_text(total: int, shown: tuple[int, int], locale: str) -> str:
    _ = gettext_for(locale)
    if shown == (1, total):
        return _("%(total)s projects") % {"total": total}
    return _("Projects %(first)s–%(last)s of %(total)s") % {"first": shown[0], "last": shown[1], "total": total}


def _item(project: Project, locale: str, context: PageContext, within: str) -> str:
    """One list item; `within` is the relative path from the page to its language's root."""
    name, name_locale = project.name(locale, FALLBACK_LOCALE)
    summary, summary_locale = project.summary(locale, FALLBACK_LOCALE)
    invest = formatting.investment_in_vnd_bn(project.investment_vnd_bn, project.investment_usd_m, context.rate)
    figures = [project.locality, *formatting.key_figures(project.area_ha, project.investment_vnd_bn,
                                                         project.investment_usd_m, locale)]
    short = summary if len(summary) <= 220 else summary[:219].rsplit(" ", 1)[0] + "…"
    attributes = {
        "sector": project.sector, "status": project.status, "locality": project.locality,
        "form": project.form or "", "investment": "" if invest is None else f"{invest:.3f}",
        "area": "" if project.area_ha is None else f"{project.area_ha:.3f}",
        "updated": project.updated.isoformat(), "name": search_text(name),
        "text": search_text(name, project.locality, summary, *project.names.values()),
    }
    return render("catalogue-item.html", locale, attributes=attributes, name=name, name_locale=name_locale,
                  within=within, project=project, vocabularies=context.vocabularies,
                  figures=figures, short=short, summary_locale=summary_locale)


def ordered(projects: list[Project], locale: str, vocabularies: Vocabularies) -> list[Project]:
    """The catalogue's default order, shared by its pages and its script: opportunities first (statuses
    in the order data/vocabularies.yml lists them), then the most recently checked, then by name."""
    rank = {key: number for number, key in enumerate(vocabularies.statuses)}
    return sorted(projects, key=lambda p: (rank[p.status], -p.updated.toordinal(),
                                           search_text(p.name(locale, FALLBACK_LOCALE)[0])))


def catalogue_list(projects: list[Project], locale: str, context: PageContext, within: str, site_root: str,
                   page: int = 1, listing_version: str = "", items: tuple[str, ...] | None = None) -> str:
    """Page `page` of the catalogue, on a page whose relative paths to its language's root and to the
    site's root are `within` and `site_root`; `listing_version` names the listing script's content,
    so a browser never pairs a new page with an old cached listing. `items`: every list item of the
    language in order (listing_items), when made already: this page's are taken from them."""
    if items is None:  # made here: this page's projects in the catalogue's order
        listed = paging.page_slice(ordered(projects, locale, context.vocabularies), page)
        shown = [Markup(_item(project, locale, context, within)) for project in listed]
    else:  # already in that order: no need to sort the projects again for every page
        shown = [Markup(_within(item, within)) for item in paging.page_slice(list(items), page)]
    first = (page - 1) * paging.PAGE_SIZE + 1
    return render("catalogue-list.html", locale, within=within, page_size=paging.PAGE_SIZE, total=len(projects),
                  listing=site_root + paging.listing_script_path(locale), listing_version=listing_version,
                  filters=filters(projects, locale, context, (first, first + len(shown) - 1), within),
                  items=shown,
                  pager=paging.pager_html(page, paging.page_count(len(projects)), locale, within))


def _within(item: str, within: str) -> str:
    """An item made for the language's root (its one link is "projects/…") as seen from `within`, a
    relative path of our own ("../" steps, never data)."""
    return item.replace(' href="projects/', f' href="{within}projects/', 1)


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
    if sector not in context.vocabularies.sectors:
        raise KeyError(f"unknown sector '{sector}' in a sector-projects marker")
    chosen = sorted((p for p in projects if p.sector == sector), key=lambda p: search_text(p.name(locale, FALLBACK_LOCALE)[0]))
    return render("sector-projects.html", locale, base=base, projects=[
        (project.id, *project.name(locale, FALLBACK_LOCALE), project.locality,
         context.vocabularies.label("statuses", project.status, locale)) for project in chosen])
