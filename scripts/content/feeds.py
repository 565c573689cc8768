"""RSS 2.0 and Atom feeds of the news, one of each per language."""

from __future__ import annotations

import datetime
from email.utils import format_datetime
from xml.sax.saxutils import escape

from scripts.content.news import Post
from scripts.languages import Language


def _news_home(site_url: str, language: Language) -> str:
    return f"{site_url.rstrip('/')}/{language.prefix}news/"


def _post_url(site_url: str, language: Language, post: Post) -> str:
    return f"{_news_home(site_url, language)}posts/{post.slug}/"


def _moment(date: datetime.date) -> datetime.datetime:
    # Posts carry a date only; 08:00 in Vietnam (UTC+7) keeps the day right in every time zone near it.
    return datetime.datetime(date.year, date.month, date.day, 8, tzinfo=datetime.timezone(datetime.timedelta(hours=7)))


def rss(posts: list[Post], language: Language, default: str, site_url: str, title: str, description: str) -> str:
    home = _news_home(site_url, language)
    feed_url = f"{site_url.rstrip('/')}/{language.prefix}rss.xml"
    items = []
    for post in posts:
        version, _ = post.version(language.locale, default)
        url = _post_url(site_url, language, post)
        items.append(
            f"<item><title>{escape(version.title)}</title><link>{escape(url)}</link>"
            f'<guid isPermaLink="true">{escape(url)}</guid><pubDate>{format_datetime(_moment(version.date))}</pubDate>'
            f"<description>{escape(version.description)}</description></item>")
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel>'
            f"<title>{escape(title)}</title><link>{escape(home)}</link><description>{escape(description)}</description>"
            f'<atom:link href="{escape(feed_url)}" rel="self" type="application/rss+xml"/>'
            f"<language>{language.locale}</language>{''.join(items)}</channel></rss>\n")


def atom(posts: list[Post], language: Language, default: str, site_url: str, title: str) -> str:
    home = _news_home(site_url, language)
    feed_url = f"{site_url.rstrip('/')}/{language.prefix}atom.xml"
    updated = _moment(posts[0].date).isoformat() if posts else _moment(datetime.date(2026, 1, 1)).isoformat()
    entries = []
    for post in posts:
        version, written_in = post.version(language.locale, default)
        url = _post_url(site_url, language, post)
        entries.append(
            f'<entry><title xml:lang="{written_in}">{escape(version.title)}</title><id>{escape(url)}</id>'
            f'<link href="{escape(url)}"/><updated>{_moment(version.date).isoformat()}</updated>'
            f'<summary xml:lang="{written_in}">{escape(version.description)}</summary></entry>')
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="{language.locale}">'
            f"<title>{escape(title)}</title><id>{escape(home)}</id><link href=\"{escape(home)}\"/>"
            f'<link rel="self" href="{escape(feed_url)}"/><updated>{updated}</updated>'
            f"<author><name>{escape(title)}</name></author>{''.join(entries)}</feed>\n")
