"""End to end: the repository's site, built as ./scripts/build does, checked file by file."""

import re
import xml.etree.ElementTree as ET
from pathlib import Path

from scripts import build_site, languages
from tests.conftest import copy_project

LOCALES = languages.locales()


def html_pages(site: Path) -> list[Path]:
    return [p for p in site.rglob("*.html") if not p.relative_to(site).as_posix().startswith("assets/")]


def page_language(site: Path, page: Path) -> str:
    parts = page.relative_to(site).parts
    if parts[0] == "embed":  # embed/map-<locale>.html
        return page.stem.rsplit("-", 1)[1]
    return parts[0] if parts[0] in LOCALES else languages.default_locale()


def test_every_language_has_home_and_about(built_site: Path):
    for language in languages.languages():
        for page in ("index.html", "about/index.html"):
            assert (built_site / language.prefix / page).is_file(), f"{language.prefix}{page} missing"


def test_html_lang_description_canonical_and_hreflang_on_every_page(built_site: Path, site_url: str):
    pages = [p for p in html_pages(built_site) if p.name != "404.html"]
    assert len(pages) >= 3 * 2
    for page in pages:
        html = page.read_text("utf-8")
        where = page.relative_to(built_site)
        assert f'<html lang="{page_language(built_site, page)}"' in html, where
        assert re.search(r'<meta name="description" content="[^"]{20,}">', html), where
        generic = re.escape(languages.load_mkdocs_config()["site_description"])
        if where.name != "404.html" and not re.match(r"(en/|lo/)?(embed|editors)/", where.as_posix()):
            assert not re.search(rf'<meta name="description" content="{generic}">', html), f"{where}: no own description"
        if where.parts[0] == "embed":
            assert '<meta name="robots" content="noindex">' in html  # frames of the map pages
            continue
        assert re.search(rf'<link rel="canonical" href="{re.escape(site_url)}[^"]*">', html), where
        hreflangs = re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', html)
        assert [lang for lang, _ in hreflangs] == [*LOCALES, "x-default"], where
        assert all(href.startswith(site_url) for _, href in hreflangs), where


def test_sitemap_lists_every_language(built_site: Path, site_url: str):
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    locs = [e.text for e in ET.parse(built_site / "sitemap.xml").findall(".//s:loc", namespace)]
    for language in languages.languages():
        assert f"{site_url}{language.prefix}about/" in locs


def test_nothing_is_loaded_from_another_host(built_site: Path):
    external = re.compile(r'<(?:script|link|img|iframe|source)\b[^>]*(?:src|href)="(?:https?:)?//', re.IGNORECASE)
    for page in html_pages(built_site):
        html = page.read_text("utf-8")
        for tag in external.findall(html):
            assert 'rel="canonical"' in tag or 'rel="alternate"' in tag, f"{page}: {tag}"
    css = "".join(p.read_text("utf-8") for p in (built_site / "assets" / "stylesheets").glob("*.css"))
    assert "fonts.googleapis" not in css and "@import url(http" not in css


def test_readable_heading_anchors(built_site: Path):
    lao = (built_site / "lo" / "index.html").read_text("utf-8")
    assert 'id="ຕົວເລກສຳຄັນ"' in lao
    vietnamese = (built_site / "index.html").read_text("utf-8")
    assert 'id="so-lieu-chinh"' in vietnamese
    assert not re.search(r'id="_\d+"', lao + vietnamese)


def test_failed_build_keeps_the_last_good_site(tmp_path: Path):
    project = copy_project(tmp_path / "project")
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("last good site", encoding="utf-8")
    (project / "docs" / "about.en.md").write_text("# About\n\n[broken](missing-page.md)\n", encoding="utf-8")
    assert build_site.build(site, project / "mkdocs.yml") == 1
    assert [p.name for p in site.iterdir()] == ["index.html"]
    assert (site / "index.html").read_text("utf-8") == "last good site"
    assert not (tmp_path / "site.new").exists()


def test_each_language_folder_has_a_sitemap_of_its_pages(built_site: Path, site_url: str):
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    for language in languages.languages():
        if not language.prefix:
            continue
        locs = [e.text for e in ET.parse(built_site / language.prefix / "sitemap.xml").findall(".//s:loc", namespace)]
        assert locs and all(loc.startswith(f"{site_url}{language.prefix}") for loc in locs)
        assert f"{site_url}{language.prefix}about/" in locs


def test_a_page_shown_in_a_fallback_language_says_so(built_site: Path, site_url: str):
    post = "editors/translation-status/"  # written in the default language only, by design
    for prefix, lang in (("en/", "en"), ("lo/", "lo")):
        html = (built_site / prefix / post / "index.html").read_text("utf-8")
        assert f'<html lang="{lang}"' in html and 'class="fallback-notice"' in html
        assert f'<a href="{site_url}{post}" hreflang="vi">' in html
        assert '<div lang="vi">' in html
        assert f'<link rel="canonical" href="{site_url}{post}">' in html
    original = (built_site / post / "index.html").read_text("utf-8")
    assert "fallback-notice" not in original


def test_pages_are_counted_per_language_without_404_pages_assets_or_embeds(tmp_path: Path):
    for page in ("index.html", "404.html", "about/index.html", "assets/x.html", "search/x.html", "embed/map-vi.html",
                 "en/index.html", "en/404.html", "en/about/index.html", "en/projects/a/index.html",
                 "lo/index.html", "sitemap.xml"):
        (tmp_path / page).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / page).write_text("x")
    assert build_site.count_pages(tmp_path) == {"vi": 2, "en": 3, "lo": 1}
