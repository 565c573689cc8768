"""News: dated posts in docs/news/posts/, listed newest first per language, by year and by tag,
with an RSS and an Atom feed per language. (Material's blog plugin builds empty blogs together with
mkdocs-static-i18n, so listings are generated here as ordinary pages.)

A post is `docs/news/posts/YYYY-MM-DD-slug.md` (Vietnamese) with optional `.en.md` and `.lo.md`
versions; its front matter has `title`, `description`, `date` and `tags` (keys of `news_tags` in
data/vocabularies.yml). A post missing in a language is listed there with a note.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from html import escape
from pathlib import Path

from babel.dates import format_date

from scripts import safe_yaml
from scripts.catalogue.pages import front_matter_block
from scripts.languages import Language
from scripts.locales import gettext_for
from scripts.problems import Problem
from scripts.templates_env import render

POST_NAME = re.compile(r"^(\d{4}-\d{2}-\d{2})-([a-z0-9-]+?)(?:\.([a-z]{2}))?\.md$")


@dataclass(frozen=True)
class PostVersion:
    title: str
    description: str
    date: datetime.date
    tags: tuple[str, ...]


@dataclass(frozen=True)
class Post:
    slug: str  # file stem without language, e.g. 2025-05-12-vientiane-agreement
    versions: dict[str, PostVersion]  # locale → version

    def version(self, locale: str, default_locale: str) -> tuple[PostVersion, str]:
        if locale in self.versions:
            return self.versions[locale], locale
        return self.versions[default_locale], default_locale

    @property
    def date(self) -> datetime.date:
        return next(iter(self.versions.values())).date


def _front_matter(path: Path) -> dict:
    """The header's fields; {} when it cannot be read safely (front_matter.py reports why)."""
    text = path.read_text("utf-8")
    match = re.match(r"^---\n(.*?)\n---\n", text, re.DOTALL)
    header = safe_yaml.load_text(match.group(1), path.name, first_line=2) if match else None
    return header.data if header and not header.problems and isinstance(header.data, dict) else {}


def load_posts(posts_dir: Path, default_locale: str, tags: dict, root: Path) -> tuple[list[Post], list[Problem]]:
    """Every post, newest first, and the problems found in their front matter."""
    versions: dict[str, dict[str, PostVersion]] = {}
    problems = []
    for path in sorted(posts_dir.glob("*.md")) if posts_dir.exists() else []:
        shown = path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
        match = POST_NAME.match(path.name)
        if not match:
            problems.append(Problem(shown, 1, "file name", "YYYY-MM-DD-slug.md (or .en.md, .lo.md)", repr(path.name)))
            continue
        meta = _front_matter(path)
        date = meta.get("date")
        if not isinstance(date, datetime.date) or date.isoformat() != match.group(1):
            got = date.isoformat() if isinstance(date, datetime.date) else repr(date)
            problems.append(Problem(shown, 1, "date", f"date: {match.group(1)} (the date in the file name)", got))
            continue
        unknown = [tag for tag in meta.get("tags", []) if tag not in tags]
        for field in ("title", "description"):
            if not meta.get(field):
                problems.append(Problem(shown, 1, field, "a value", "none"))
        if unknown:
            problems.append(Problem(shown, 1, "tags", "keys of news_tags in data/vocabularies.yml", repr(unknown)))
        if unknown or not meta.get("title") or not meta.get("description"):
            continue
        slug = f"{match.group(1)}-{match.group(2)}"
        versions.setdefault(slug, {})[match.group(3) or default_locale] = PostVersion(
            meta["title"], meta["description"], date, tuple(meta.get("tags", [])))
    missing = [slug for slug, found in versions.items() if default_locale not in found]
    problems += [Problem(f"docs/news/posts/{slug}.md", 1, "file", "a Vietnamese version of every post", "none")
                 for slug in missing]
    posts = [Post(slug, found) for slug, found in versions.items() if default_locale in found]
    return sorted(posts, key=lambda post: (post.date, post.slug), reverse=True), problems


def listing(posts: list[Post], language: Language, default: str, tags: dict, base: str) -> str:
    """The posts as a list (templates/news-parts.html), each in the language shown or else in Vietnamese."""
    items = []
    for post in posts:
        version, written_in = post.version(language.locale, default)
        items.append((post.slug, version, written_in, format_date(version.date, format="long", locale=language.locale),
                      written_in != language.locale))
    return render("news-list.html", language.locale, items=items, names=_tag_names(tags, language.locale), base=base)


def _tag_names(tags: dict, locale: str) -> dict[str, str]:
    return {tag: names[locale] for tag, names in tags.items()}


def listing_pages(posts: list[Post], language: Language, default: str, tags: dict) -> dict[str, str]:
    """Markdown of the news index, one page per year and one per tag, keyed by path under docs/news/."""
    _ = gettext_for(language.locale)
    suffix = language.source_suffix
    years = sorted({post.date.year for post in posts}, reverse=True)
    used_tags = [tag for tag in tags if any(tag in v.tags for p in posts for v in p.versions.values())]
    feeds = _("Subscribe: %(rss)s or %(atom)s") % {"rss": '<a href="../rss.xml">RSS</a>',
                                                   "atom": '<a href="../atom.xml">Atom</a>'}
    archive = " · ".join(f'<a href="archive/{year}/">{year}</a>' for year in years)
    topics = " · ".join(f'<a href="tags/{tag}/">{escape(tags[tag][language.locale])}</a>' for tag in used_tags)
    labels = {"title": _("News"), "description": _("News from the Nghệ An Department of Foreign Affairs: investment, "
              "cooperation with Laos, infrastructure and culture."), "years": _("By year"), "topics": _("By topic")}
    pages = {f"index{suffix}.md": front_matter_block({"title": labels["title"], "description": labels["description"]})
             + f"# {labels['title']}\n\n<p class=\"news-feeds\">{feeds}</p>\n\n"
             + f"<p><strong>{escape(labels['years'])}:</strong> {archive}<br><strong>{escape(labels['topics'])}:</strong> "
             f"{topics}</p>\n\n" + listing(posts, language, default, tags, "") + "\n"}
    for year in years:
        title = _("News of %(year)s") % {"year": year}
        about = _("News published in %(year)s by the Nghệ An Department of Foreign Affairs.") % {"year": year}
        chosen = [post for post in posts if post.date.year == year]
        pages[f"archive/{year}{suffix}.md"] = (front_matter_block({"title": title, "description": about})
                                              + f"# {title}\n\n" + listing(chosen, language, default, tags, "../../") + "\n")
    for tag in used_tags:
        title = _("News: %(topic)s") % {"topic": tags[tag][language.locale]}
        about = _("News about %(topic)s from the Nghệ An Department of Foreign Affairs.") % {
            "topic": tags[tag][language.locale]}
        chosen = [post for post in posts if any(tag in v.tags for v in post.versions.values())]
        pages[f"tags/{tag}{suffix}.md"] = (front_matter_block({"title": escape(title), "description": escape(about)})
                                          + f"# {escape(title)}\n\n" + listing(chosen, language, default, tags, "../../")
                                          + "\n")
    return pages


def decorate_post(markdown: str, meta: dict, locale: str, tags: dict) -> str:
    """Put the date and tag links under the post's first heading (posts live in news/posts/<slug>/)."""
    line = post_meta_line(meta, locale, tags, "../../")
    lines = markdown.split("\n")
    for index, text in enumerate(lines):
        if text.startswith("# "):
            return "\n".join(lines[: index + 1] + ["", line, ""] + lines[index + 1:])
    return line + "\n\n" + markdown


def post_meta_line(meta: dict, locale: str, tags: dict, base: str) -> str:
    """The date and tags shown under a post's title."""
    date = meta["date"]
    return render("news-meta.html", locale, date=date, text=format_date(date, format="long", locale=locale),
                  tags=[tag for tag in meta.get("tags", []) if tag in tags], names=_tag_names(tags, locale), base=base)
