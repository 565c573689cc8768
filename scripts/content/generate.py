"""Write the generated content pages and files: news listings and feeds, the events calendars."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from pathlib import Path

from scripts.content import events as events_module
from scripts.content import feeds, news
from scripts.generated_files import write_files, write_if_changed
from scripts.languages import Language, source_locale, translation_locales
from scripts.locales import gettext_for
from scripts.problems import Problem

NEWS_DIR = Path("news")
CALENDAR_DIR = Path("calendar")


@dataclass(frozen=True)
class Content:
    posts: tuple[news.Post, ...]
    events: tuple[events_module.Event, ...]
    tags: dict


def calendar_filename(language: Language) -> str:
    return f"nghean-events-{language.locale}.ics"


def load_content(docs_dir: Path, data_dir: Path, tags: dict, default_locale: str) -> tuple[Content, list[Problem]]:
    posts, problems = news.load_posts(docs_dir / NEWS_DIR / "posts", default_locale, tags, data_dir.parent)
    return Content(tuple(posts), tuple(events_module.load_events(data_dir / "events.yml")), tags), problems


def generate_content(content: Content, languages: list[Language], docs_dir: Path, site_url: str,
                     today: datetime.date) -> list[Path]:
    default = source_locale()  # the posts' own language
    files: dict[Path, str] = {}
    posts = list(content.posts)
    for language in languages:
        _ = gettext_for(language.locale)
        for relative, markdown in news.listing_pages(posts, language, default, content.tags).items():
            files[docs_dir / NEWS_DIR / relative] = markdown
        title = _("Nghệ An Investment Portal – news")
        description = _("News from the Nghệ An Department of Foreign Affairs: investment, cooperation with Laos, "
                        "infrastructure and culture.")
        # Feeds sit at each language's root, beside its sitemap (Material fetches the sitemap next to
        # every rel=alternate link of a page).
        files[docs_dir / language.prefix / "rss.xml"] = feeds.rss(posts, language, default, site_url, title, description)
        files[docs_dir / language.prefix / "atom.xml"] = feeds.atom(posts, language, default, site_url, title)
        files[docs_dir / CALENDAR_DIR / calendar_filename(language)] = events_module.calendar_ics(
            list(content.events), language.locale, today, site_url)
    listings = [*(docs_dir / NEWS_DIR / "archive").glob("*.md"), *(docs_dir / NEWS_DIR / "tags").glob("*.md")]
    return write_files(files, listings)


def write_editors_page(docs_dir: Path, root: Path, projects: list) -> bool:
    """The translation status page for editors, at /editors/translation-status/."""
    from scripts.glossary import check_data, check_docs
    from scripts.translation_status import editors_page, status_report

    others = translation_locales()
    glossary = check_docs(docs_dir, others, root=root) + check_data(root / "data", root=root)
    page = editors_page(status_report(docs_dir, root, projects), glossary)
    return write_if_changed(docs_dir / "editors" / "translation-status.md", page)
