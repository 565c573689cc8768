"""Generated content: FDI chart, industrial parks, news listings and feeds, events and calendars."""

import datetime
import xml.etree.ElementTree as ET
from pathlib import Path

import yaml

from scripts.catalogue.geo import load_outline
from scripts.content import charts, events, feeds, news, parks
from scripts.languages import ROOT, languages, load_mkdocs_config

VI, EN, LO = languages()
TAGS = yaml.safe_load((ROOT / "data" / "vocabularies.yml").read_text("utf-8"))["news_tags"]


def test_fdi_chart_is_drawn_from_the_data_file(tmp_path: Path):
    data = tmp_path / "fdi.yml"
    data.write_text("years:\n  - {year: 2030, value: 1234.5, source: 'https://a.example/x'}\n"
                    "  - {year: 2031, value: 99, source: 'https://a.example/y'}\n", encoding="utf-8")
    svg = charts.fdi_chart("en", data)
    assert svg.count("<rect") == 2 and ">2030<" in svg and ">1,234<" in svg
    assert 'href="https://a.example/y"' in svg
    real = charts.fdi_chart("vi")
    assert ">2024<" in real and "1.750" in real  # 1,749.6 million US$ in 2024, Vietnamese grouping


def test_every_park_page_has_its_sources_and_the_comparison_lists_all(tmp_path: Path):
    loaded = parks.load_parks()
    assert len(loaded.parks) >= 6 and all(park.sources for park in loaded.parks)
    page = parks.park_page(loaded.parks[0], loaded, LO, load_outline())
    assert "review: " in page and loaded.parks[0].sources[0] in page
    table = parks.comparison_table(loaded, "en")
    assert table.count("<tr>") == len(loaded.parks) + 1
    assert "Occupancy" in table and "78 % (2023-02)" in table


def test_a_park_page_and_its_factsheet_show_the_same_facts_from_one_list():
    from html import unescape

    from scripts.catalogue.build_step import exchange_rate
    from scripts.catalogue.pages import PageContext
    from scripts.catalogue.vocabularies import load_vocabularies
    from scripts.printing.factsheets import park_factsheet

    loaded = parks.load_parks()
    park = next(park for park in loaded.parks if park.old_place)  # its locality says what it was called before
    context = PageContext(load_vocabularies(), load_outline(), exchange_rate(load_mkdocs_config()["extra"]),
                          "https://x.example/", datetime.date(2025, 6, 1), 365)
    for language in languages():
        facts = [fact for fact in parks.park_facts(park, loaded, language.locale) if fact.shown]
        page = unescape(parks.park_page(park, loaded, language, load_outline()))
        sheet = unescape(park_factsheet(park, loaded, language, context))
        assert len(facts) >= 5 and all(fact.term in page and fact.text in page and fact.text in sheet for fact in facts)
        assert park.old_place in sheet


def _post(folder: Path, name: str, title: str, date: str, tags: str = "[investment]") -> None:
    (folder / name).write_text(f"---\ntitle: {title}\ndescription: About {title}.\ndate: {date}\ntags: {tags}\n---\n\n"
                               f"# {title}\n", encoding="utf-8")


def test_news_listing_newest_first_with_language_fallback(tmp_path: Path):
    _post(tmp_path, "2024-01-02-old.md", "Cũ", "2024-01-02")
    _post(tmp_path, "2025-05-12-new.md", "Mới", "2025-05-12", "[laos]")
    _post(tmp_path, "2025-05-12-new.en.md", "New", "2025-05-12", "[laos]")
    posts, problems = news.load_posts(tmp_path, "vi", TAGS, tmp_path)
    assert problems == [] and [post.slug for post in posts] == ["2025-05-12-new", "2024-01-02-old"]
    pages = news.listing_pages(posts, EN, "vi", TAGS)
    assert set(pages) == {"index.en.md", "archive/2025.en.md", "archive/2024.en.md", "tags/investment.en.md",
                          "tags/laos.en.md"}
    index = pages["index.en.md"]
    assert index.index("New") < index.index("Cũ") and "Only in Vietnamese" in index


def test_bad_post_front_matter_is_reported(tmp_path: Path):
    _post(tmp_path, "2025-05-12-x.md", "X", "2025-05-13", "[nonsense]")
    (tmp_path / "news-without-date.md").write_text("# x\n", encoding="utf-8")
    _, problems = news.load_posts(tmp_path, "vi", TAGS, tmp_path)
    assert [(p.column, p.expected) for p in problems] == [
        ("date", "date: 2025-05-12 (the date in the file name)"),
        ("file name", "YYYY-MM-DD-slug.md (or .en.md, .lo.md)")]


def test_feeds_parse_as_rss_and_atom(tmp_path: Path):
    _post(tmp_path, "2025-05-12-a.md", "A <b> & \"c\"", "2025-05-12")
    posts, _ = news.load_posts(tmp_path, "vi", TAGS, tmp_path)
    rss = ET.fromstring(feeds.rss(posts, EN, "vi", "https://x.example/", "T", "D").encode())
    item = rss.find("channel/item")
    assert item.findtext("title") == 'A <b> & "c"'
    assert item.findtext("link") == "https://x.example/en/news/posts/2025-05-12-a/"
    atom = ET.fromstring(feeds.atom(posts, EN, "vi", "https://x.example/", "T").encode())
    namespace = {"a": "http://www.w3.org/2005/Atom"}
    assert atom.find("a:entry/a:id", namespace).text == "https://x.example/en/news/posts/2025-05-12-a/"


def test_events_upcoming_past_and_a_valid_calendar():
    loaded = events.load_events()
    html = events.events_html(loaded, "en", datetime.date(2026, 11, 24), "calendar.ics")
    upcoming, past = html.split("<h2>Past</h2>")
    assert "November 27, 2026" in upcoming and "Ví and Giặm" in upcoming
    assert "Cuông Temple festival 2025" in past
    ics = events.calendar_ics(loaded, "lo", datetime.date(2026, 11, 24), "https://x.example/")
    lines = ics.replace("\r\n ", "").split("\r\n")
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-2] == "END:VCALENDAR"
    assert lines.count("BEGIN:VEVENT") == lines.count("END:VEVENT") == len(loaded)
    assert "RRULE:FREQ=YEARLY" in lines and "DTSTART;VALUE=DATE:20141127" in lines
    assert all(len(line.encode()) <= 75 for line in ics.split("\r\n"))
