"""What search engines and data portals read: robots.txt, sitemaps (no noindex pages, real dates),
feeds (RSS self link, Atom announced), the open data's Data Package (frictionless) and the JSON-LD
(read back with extruct, as a crawler would)."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import extruct
import pytest
import yaml

from scripts import page_dates, structured_data
from scripts.languages import ROOT, languages

SITEMAP = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
NOINDEX = re.compile(r'<meta name="robots" content="[^"]*noindex')


def json_ld(built_site: Path, path: str) -> list[dict]:
    html = (built_site / path / "index.html").read_text("utf-8")
    return extruct.extract(html, syntaxes=["json-ld"], uniform=True)["json-ld"]


def of_type(blocks: list[dict], kind: str) -> list[dict]:
    return [block for block in blocks if block.get("@type") == kind]


def page_file(built_site: Path, site_url: str, loc: str) -> Path:
    return built_site / loc[len(site_url):] / "index.html"


def test_robots_names_the_sitemap(built_site, site_url):
    robots = (built_site / "robots.txt").read_text("utf-8")
    assert f"Sitemap: {site_url}sitemap.xml" in robots.splitlines()


def test_sitemap_leaves_out_noindex_pages_and_lists_the_others(built_site, site_url):
    root = ET.parse(built_site / "sitemap.xml").getroot()
    listed = {page_file(built_site, site_url, loc.text) for loc in root.findall("s:url/s:loc", SITEMAP)}
    noindex = {path for path in built_site.rglob("index.html") if NOINDEX.search(path.read_text("utf-8"))}
    assert noindex, "expected at least one noindex page (the editors' translation status)"
    assert not listed & noindex
    assert all(path.is_file() for path in listed)


def test_sitemap_dates_are_each_pages_last_change(built_site, site_url):
    root = ET.parse(built_site / "sitemap.xml").getroot()
    dates = {url.find("s:loc", SITEMAP).text: url.find("s:lastmod", SITEMAP).text for url in root.findall("s:url", SITEMAP)}
    docs = ROOT / "docs"
    assert dates[site_url + "about/"] == page_dates.last_change(docs / "about.md", docs).isoformat()
    assert dates[site_url + "en/about/"] == page_dates.last_change(docs / "about.en.md", docs).isoformat()
    assert len(set(dates.values())) > 1  # not every page stamped with the build date


def test_rss_names_itself_and_pages_announce_both_feeds(built_site, site_url):
    for language in languages():
        rss = ET.parse(built_site / language.prefix / "rss.xml").getroot()
        self_link = rss.find("channel/{http://www.w3.org/2005/Atom}link")
        assert self_link.get("rel") == "self" and self_link.get("href") == f"{site_url}{language.prefix}rss.xml"
        head = (built_site / language.prefix / "about" / "index.html").read_text("utf-8").split("</head>")[0]
        atom = re.search(r'<link rel="alternate" type="application/atom\+xml" title="Atom" href="([^"]+)"', head)
        assert atom and (built_site / language.prefix / "about" / atom.group(1)).resolve().is_file()


def test_open_data_package_passes_frictionless(built_site):
    package = built_site / "opendata" / "datapackage.json"
    result = subprocess.run([str(Path(sys.executable).parent / "frictionless"), "validate", str(package)],
                            capture_output=True, text=True, cwd=package.parent)
    assert result.returncode == 0, result.stdout[-3000:]
    described = json.loads(package.read_text("utf-8"))
    header = (built_site / "opendata" / "catalogue.csv").read_text("utf-8-sig").splitlines()[0].split(",")
    assert [field["name"] for field in described["resources"][0]["schema"]["fields"]] == header
    assert described["licenses"][0]["name"] == "CC-BY-4.0" and described["updated"]


def test_contact_page_describes_every_agency(built_site):
    departments = yaml.safe_load((ROOT / "data" / "departments.yml").read_text("utf-8"))
    agencies = [entry for key, entry in departments.items() if key not in structured_data.NOT_AN_AGENCY]
    for language in languages():
        found = of_type(json_ld(built_site, language.prefix + "contact"), "GovernmentOrganization")
        assert sorted(block["name"] for block in found) == sorted(entry[language.locale] for entry in agencies)
        for block, entry in zip(sorted(found, key=lambda b: b["name"]), sorted(agencies, key=lambda e: e[language.locale])):
            assert block.get("url") == entry.get("website") and block.get("telephone") == entry.get("phone")


def test_news_event_park_dataset_and_breadcrumbs(built_site):
    post = min(p.name for p in (built_site / "en" / "news" / "posts").iterdir())
    article = of_type(json_ld(built_site, f"en/news/posts/{post}"), "NewsArticle")
    title = re.search(r"<title>([^<]*)", (built_site / "en/news/posts" / post / "index.html").read_text("utf-8")).group(1)
    assert len(article) == 1 and article[0]["headline"] in title and article[0]["datePublished"] == post[:10]
    events = yaml.safe_load((ROOT / "data" / "events.yml").read_text("utf-8"))["events"]
    dated = [e for e in events if e.get("start") or (e.get("yearly") and e.get("since"))]
    found = of_type(json_ld(built_site, "en/events"), "Event")
    assert len(found) == len(dated) and all(block["startDate"] and block["location"]["name"] for block in found)
    park = min(p.name for p in (built_site / "en" / "parks").iterdir() if p.is_dir())
    assert of_type(json_ld(built_site, f"en/parks/{park}"), "Place")[0]["address"]["addressCountry"] == "VN"
    data = of_type(json_ld(built_site, "en/catalogue"), "Dataset")[0]
    assert {d["contentUrl"].rsplit("/", 1)[1] for d in data["distribution"]} <= {
        p.name for p in (built_site / "opendata").iterdir()}
    crumbs = of_type(json_ld(built_site, f"en/parks/{park}"), "BreadcrumbList")[0]["itemListElement"]
    assert [c["item"].split("/en/", 1)[1] for c in crumbs] == ["", "parks/", f"parks/{park}/"]
    assert of_type(json_ld(built_site, ""), "BreadcrumbList") == []  # the home page has no trail


@pytest.mark.parametrize("name", ["</script><script>alert(1)</script>", "a & b <!-- c"])
def test_json_ld_text_cannot_end_its_script_element(name):
    text = structured_data.script_text({"name": name})
    assert "<" not in text and ">" not in text and json.loads(text) == {"name": name}


def test_source_name_drops_the_language_suffix():
    assert structured_data.source_name("events.en.md") == "events"
    assert structured_data.source_name("parks/dong-hoi.lo.md") == "parks/dong-hoi"
    assert structured_data.source_name("catalogue/index.md") == "catalogue/index"
