"""Every section of the site exists in the three languages; Lao pages are in Lao script and flagged."""

import re
from pathlib import Path

import pytest

from scripts.languages import ROOT, languages
from scripts.translation_status import GENERATED

SECTIONS = ["index", "why-nghe-an", "sectors", "catalogue/index", "map/index", "parks/index", "incentives", "labour",
            "culture", "laos", "news/index", "events", "contact", "about"]
LAO = re.compile(r"[\u0e80-\u0eff]")


@pytest.mark.parametrize("section", SECTIONS)
def test_section_is_built_in_every_language(built_site: Path, section: str):
    path = "" if section == "index" else section.removesuffix("/index").removesuffix("index") + "/"
    for language in languages():
        page = built_site / language.prefix / path / "index.html"
        html = page.read_text("utf-8")
        assert 'class="fallback-notice"' not in html, f"{language.locale}/{path} is not translated"
        if language.locale == "lo":
            body = html.split('class="md-content"')[1]
            assert len(LAO.findall(body)) > 100, f"lo/{path} has little Lao text"


def test_lao_pages_awaiting_review_are_flagged_and_listed_in_the_readme():
    flagged = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "docs").rglob("*.lo.md")
                     if re.search(r"^review: needed$", p.read_text("utf-8"), re.MULTILINE)
                     and not GENERATED.match(p.relative_to(ROOT / "docs").as_posix()))
    readme = (ROOT / "README.md").read_text("utf-8")
    listed = readme.split("## Lao pages awaiting a native reviewer", 1)[1]
    assert flagged and all(f"`{path}`" in listed for path in flagged)


def test_news_posts_show_their_date_and_tags_in_every_language(built_site: Path):
    """The date and tag links under each post's title (added to the post's Markdown by the hooks)."""
    for language in languages():
        posts = sorted((built_site / language.prefix / "news" / "posts").glob("*/index.html"))
        assert posts, f"no news posts built for {language.locale}"
        for post in posts:
            html = post.read_text("utf-8")
            assert re.search(r'<p class="news-meta"><time datetime="\d{4}-\d{2}-\d{2}">[^<]+</time> '
                             r'<a class="news-tag" href="\.\./\.\./tags/[\w-]+/">', html), post
