"""The catalogue's default order (opportunities first), its per-status counts, and pages that agree
with the listing script the filters load. Tested on copies of the real data given every status."""

import dataclasses
import datetime
import re

import pytest

from scripts.catalogue.listing import catalogue_list, listing_items, ordered, search_text
from scripts.catalogue.paging import PAGE_SIZE, page_count
from scripts.catalogue.validate import load_catalogue
from scripts.languages import languages
from scripts.locales import gettext_for
from tests.test_catalogue_pages import CONTEXT

VOCABULARIES = CONTEXT.vocabularies
STATUSES = list(VOCABULARIES.statuses)
PROJECT_LINK = re.compile(r'<h3[^>]*><a href="[^"]*projects/([^/"]+)/">')


def every_status_copy(copies: int = 1) -> list:
    """The real projects, `copies` times over, given each status in turn and different check dates."""
    real = load_catalogue().projects
    projects = []
    for copy in range(copies):
        for number, project in enumerate(real):
            index = copy * len(real) + number
            projects.append(dataclasses.replace(
                project, id=f"{project.id}-{copy}", status=STATUSES[index % len(STATUSES)],
                updated=project.updated - datetime.timedelta(days=index % 5)))
    return projects


def sort_key(project, locale):
    return STATUSES.index(project.status), -project.updated.toordinal(), search_text(project.name(locale, "vi")[0])


@pytest.mark.parametrize("locale", [language.locale for language in languages()])
def test_opportunities_come_first_then_the_latest_checked(locale):
    projects = every_status_copy()
    result = ordered(projects, locale, VOCABULARIES)
    assert sorted(p.id for p in result) == sorted(p.id for p in projects)
    keys = [sort_key(p, locale) for p in result]
    assert keys == sorted(keys)
    assert result[0].status == STATUSES[0] and result[-1].status == STATUSES[-1]
    assert {p.status for p in result} == set(STATUSES)  # the copy really holds every status


def test_the_pages_list_the_projects_in_the_listing_scripts_order():
    projects = every_status_copy(copies=-(-2 * PAGE_SIZE // len(load_catalogue().projects)) + 1)
    count = page_count(len(projects))
    assert count >= 3
    paged = []
    for number in range(1, count + 1):
        paged += PROJECT_LINK.findall(catalogue_list(projects, "en", CONTEXT, "../", "../../", number))
    script = PROJECT_LINK.findall("".join(listing_items(projects, "en", CONTEXT)))
    assert paged == script == [p.id for p in ordered(projects, "en", VOCABULARIES)]


@pytest.mark.parametrize("locale", [language.locale for language in languages()])
def test_the_list_says_how_many_projects_have_each_status(locale):
    projects = every_status_copy()[:-1]  # an uneven number, so the counts differ
    html = catalogue_list(projects, locale, CONTEXT, "../", "../")
    counts = dict(re.findall(r'<li class="status-([\w-]+)" data-count="(\d+)">', html))
    assert counts == {key: str(sum(p.status == key for p in projects)) for key in STATUSES}
    template = gettext_for(locale)("%(status)s: %(count)s")
    for key in STATUSES:
        text = template % {"status": VOCABULARIES.label("statuses", key, locale), "count": counts[key]}
        assert text in html
    assert f'aria-label="{gettext_for(locale)("Projects by status")}"' in html


def test_a_status_without_projects_is_counted_but_not_linked():
    projects = [p for p in every_status_copy() if p.status != STATUSES[0]]
    html = catalogue_list(projects, "en", CONTEXT, "../", "../")
    assert f'<li class="status-{STATUSES[0]}" data-count="0">' in html
    assert f'data-status="{STATUSES[0]}"' not in html and f'data-status="{STATUSES[1]}"' in html
