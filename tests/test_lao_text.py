"""The Lao pages are in Lao: what the built site shows a Lao reader, paragraph by paragraph.

The rule, applied to the main content of every page under site/lo/:
- a text block (paragraph, list item, table cell, heading, definition, caption, option) either has
  Lao script or consists of names and numbers only: no ordinary English or Vietnamese word, that
  is a word starting in lower case ("town", "and") or a common noun of the glossary written in Latin
  letters ("JSC");
- a block with Lao script has no such word either, except in a gloss: Latin words in brackets right
  after the Lao text they explain, "ຫໍບູຊາ ກວົງ (Đền Cuông)";
- not counted: code, links to sources on other sites (their text names the source), units of
  measure, web addresses with their parameters ("sector=") and file types (".xlsx"), and text an element declares to be in another language (lang="en": the
  English fallback of a catalogue row, which the page says is untranslated; those rows must be the
  ones the translation-status report lists);
- no spelling that data/glossary.yml lists under `avoid` for Lao.
The editors' translation-status page is a tool for the department's editors, in English in every
language folder, and is left out.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from scripts.glossary import avoided_in, load_glossary
from scripts.translation_status import REVIEW_LINE, status_report

LAO = re.compile(r"[\u0e80-\u0eff]")
LATIN = "A-Za-z\u00c0-\u024f\u1e00-\u1eff"
WORD = re.compile(rf"[{LATIN}]+")
GLOSS = re.compile(r"(?<=[\u0e80-\u0eff])\s*\([^()\u0e80-\u0eff]*\)")
ADDRESS = re.compile(r"\S*(?:https?://|www\.|\.org|\.vn|\.la|\.com)\S*|(?<!\w)\.[a-z]{2,4}\b|[\w-]+=\S*")
UNITS = {"km", "ha", "kV", "kW", "MW", "MVA", "m", "kg", "t", "mm", "cm"}
BLOCKS = {"p", "li", "td", "th", "dd", "dt", "h1", "h2", "h3", "h4", "h5", "h6", "figcaption", "caption",
          "option", "label", "summary"}
NOT_TEXT = {"code", "pre", "kbd", "script", "style", "svg", "template"}
VOID = {"br", "img", "input", "meta", "link", "hr", "wbr", "source", "col", "area"}
LEFT_OUT = ("editors/",)


class MainText(HTMLParser):
    """(tag, text) of each block in a page's main content, without the parts the rule leaves out."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.open: list[tuple[str, bool]] = []  # (tag, text inside is left out)
        self.blocks: list[list] = []  # blocks being read: [tag, parts]
        self.found: list[tuple[str, str]] = []
        self.in_main = False

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if tag == "article" and "md-content__inner" in (values.get("class") or ""):
            self.in_main, self.open = True, []
        if not self.in_main or tag in VOID:
            return
        outside = bool(re.match(r"https?://", values.get("href") or "")) or values.get("lang", "lo") != "lo"
        self.open.append((tag, (self.open[-1][1] if self.open else False) or tag in NOT_TEXT or outside))
        if tag in BLOCKS:
            self.blocks.append([tag, []])

    def handle_endtag(self, tag):
        if not self.in_main or tag in VOID:
            return
        while self.open:
            closed, _ = self.open.pop()
            if closed in BLOCKS and self.blocks:
                block_tag, parts = self.blocks.pop()
                self.found.append((block_tag, " ".join("".join(parts).split())))
            if closed == tag:
                break
        if tag == "article":
            self.in_main = False

    def handle_data(self, data):
        if self.in_main and self.blocks and not (self.open and self.open[-1][1]):
            self.blocks[-1][1].append(data)


def common_nouns() -> set[str]:
    """The Latin forms of the glossary's common nouns (terms whose Vietnamese form is lower case)."""
    return {form for term in load_glossary() if term.forms["vi"][0][:1].islower()
            for locale in ("vi", "en") for form in term.forms.get(locale, ()) if form.isupper()}


def ordinary_words(text: str, nouns: set[str]) -> list[str]:
    words = WORD.findall(ADDRESS.sub(" ", text))
    return [w for w in words if (w[0].islower() and len(w) > 1 and w not in UNITS) or w in nouns]


def lao_pages(site: Path) -> list[tuple[str, str]]:
    pages = []
    for page in sorted((site / "lo").rglob("index.html")):
        name = page.relative_to(site / "lo").as_posix()
        if not name.startswith(LEFT_OUT):
            pages.append((name, page.read_text("utf-8")))
    return pages


def blocks(html: str) -> list[tuple[str, str]]:
    parser = MainText()
    parser.feed(html)
    return parser.found


@pytest.fixture(scope="module")
def lao_site(built_site: Path) -> list[tuple[str, list[tuple[str, str]]]]:
    return [(name, blocks(html)) for name, html in lao_pages(built_site)]


def test_the_reader_finds_lao_text_blocks_to_check(lao_site):
    assert len(lao_site) > 40
    assert sum(1 for _, found in lao_site for _, text in found if LAO.search(text)) > 500


def test_no_lao_page_shows_a_paragraph_without_lao_script_names_and_numbers_aside(lao_site):
    nouns = common_nouns()
    found = [f"lo/{name} <{tag}>: {text[:120]}" for name, page_blocks in lao_site for tag, text in page_blocks
             if not LAO.search(text) and ordinary_words(text, nouns)]
    assert found == [], "\n".join(found)


def test_lao_paragraphs_carry_no_english_or_vietnamese_words_outside_glosses(lao_site):
    nouns = common_nouns()
    found = [f"lo/{name} <{tag}> {ordinary_words(GLOSS.sub(' ', text), nouns)}: {text[:120]}"
             for name, page_blocks in lao_site for tag, text in page_blocks
             if LAO.search(text) and ordinary_words(GLOSS.sub(" ", text), nouns)]
    assert found == [], "\n".join(found)


def test_no_lao_page_uses_a_spelling_the_glossary_avoids(lao_site):
    terms = load_glossary()
    found = [f"lo/{name}: {spelling} (write {wanted})" for name, page_blocks in lao_site
             for spelling, wanted in avoided_in(" ".join(text for _, text in page_blocks), "lo", terms)]
    assert found == []


def test_english_fallback_text_appears_only_for_rows_the_status_report_lists(built_site: Path):
    fallback = sorted(page.parent.name for page in (built_site / "lo" / "projects").glob("*/index.html")
                      if '<h1 lang="en">' in page.read_text("utf-8"))
    assert fallback == sorted(status_report()["lo"].catalogue_rows)


def test_the_rule_catches_fragments_like_the_ones_it_was_written_for():
    """The three kinds of slip the rule exists for, seen in the built pages before they were fixed."""
    nouns = common_nouns()
    assert ordinary_words("VSIP (Becamex IDC and Sembcorp)", nouns) == ["and"]
    assert ordinary_words("Hoàng Thịnh Đạt JSC", nouns) == ["JSC"]
    assert ordinary_words(GLOSS.sub(" ", "Tân Mai (ເດີມແມ່ນ Quỳnh Lập (Hoàng Mai town))"), nouns) == ["town"]
    assert ordinary_words(GLOSS.sub(" ", "ຫໍບູຊາ ກວົງ (Đền Cuông), 22 kV, https://baonghean.vn/x"), nouns) == []


def test_the_review_notice_shows_on_a_flagged_page_and_not_on_an_unflagged_one(built_site: Path):
    docs = Path(__file__).resolve().parents[1] / "docs"
    flagged = [p for p in sorted(docs.glob("*.lo.md")) if REVIEW_LINE.search(p.read_text("utf-8"))]
    unflagged = [p for p in sorted(docs.glob("*.en.md")) if not REVIEW_LINE.search(p.read_text("utf-8"))]
    assert flagged and unflagged

    def built(source: Path) -> str:
        stem, locale = source.name.split(".")[:2]
        folder = "" if stem == "index" else f"{stem}/"
        return (built_site / locale / folder / "index.html").read_text("utf-8")

    notice = 'class="review-notice"'
    assert all(notice in built(page) for page in flagged)
    assert not any(notice in built(page) for page in unflagged)
    assert notice not in (built_site / "index.html").read_text("utf-8")  # the Vietnamese original
    lao_notice = re.search(r'class="review-notice"[^>]*><p>([^<]+)</p>', built(flagged[0])).group(1)
    assert LAO.search(lao_notice), "the notice on a Lao page is not in Lao"
