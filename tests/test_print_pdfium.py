"""The Lao handouts as PDFium (the PDF viewer of Chrome and Edge) draws them: no letter over the next.

PDFium lost the spacing after a Lao vowel or tone mark in WeasyPrint's text arrays, so the rest of
the line slid back over the word (scripts/printing/pdf.py, drop_empty_strings). These tests read
each glyph's box from PDFium's own text layer and compare neighbours on a line.
"""

from __future__ import annotations

import ctypes
from itertools import pairwise
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from scripts.printing.pdf import write_pdf

MAX_OVERLAP_EM = 0.1  # kerning overlaps ink by at most 0.03 em here; the lost spacing was 0.12–0.6 em
BASELINE_BAND_EM = 0.15  # a letter's ink crosses this height above its baseline; marks above or below do not
HEADING = "ໂຄງການທີ່ເຊີນຊວນການລົງທຶນ"  # the brochure's heading, which PDFium drew overlapped


def base_glyphs(textpage) -> list[tuple[str, float, float, float, float]]:
    """(text, left, right, baseline, font size) of each letter, digit or vowel sitting on the line, in order.

    Marks above or below a letter are left out (they sit over it by design), and so are the spaces
    and line ends PDFium adds itself; a ligature's second letter shares the first one's box.
    """
    glyphs = []
    for index in range(textpage.count_chars()):
        if pdfium_c.FPDFText_IsGenerated(textpage, index) == 1:
            continue
        left, bottom, right, top = textpage.get_charbox(index)
        size = pdfium_c.FPDFText_GetFontSize(textpage, index)
        x, y = ctypes.c_double(), ctypes.c_double()
        pdfium_c.FPDFText_GetCharOrigin(textpage, index, x, y)
        if not bottom < y.value + BASELINE_BAND_EM * size < top:
            continue
        if glyphs and (glyphs[-1][1], glyphs[-1][2]) == (left, right):
            continue
        glyphs.append((textpage.get_text_range(index, 1), left, right, round(y.value, 1), size))
    return glyphs


def overlaps(pdf: Path) -> list[str]:
    """Each pair of neighbouring letters on one line whose ink overlaps by more than MAX_OVERLAP_EM."""
    found = []
    document = pdfium.PdfDocument(pdf)
    for number, page in enumerate(document, start=1):
        textpage = page.get_textpage()
        glyphs = base_glyphs(textpage)
        for (text, _, right, baseline, _), (next_text, left, _, next_baseline, size) in pairwise(glyphs):
            if baseline == next_baseline and (right - left) / size > MAX_OVERLAP_EM:
                found.append(f"{pdf.name} page {number}: {text}{next_text} overlap {(right - left) / size:.2f} em")
    document.close()
    return found


def lao_document(body: str) -> str:
    return f'<!doctype html><html lang="lo"><head><meta charset="utf-8"></head><body>{body}</body></html>'


def test_pdfium_draws_the_lao_heading_over_itself_without_the_fix_and_cleanly_with_it(tmp_path: Path):
    html = lao_document(f"<h1>{HEADING}</h1><h2>ໂຮງງານ Foxconn ທີ່ VSIP ເງະອານ</h2>")
    unfixed, fixed = tmp_path / "unfixed.pdf", tmp_path / "fixed.pdf"
    write_pdf(html, unfixed, finisher=None)
    write_pdf(html, fixed)
    assert overlaps(unfixed), "the check did not see the overlap WeasyPrint's plain output gives in PDFium"
    assert overlaps(fixed) == []


def test_every_lao_pdf_draws_no_letter_over_the_next_in_pdfium(built_site: Path, artifacts_dir: Path):
    pdfs = sorted((built_site / "print" / "lo").glob("*.pdf"))
    assert pdfs, "no Lao PDFs were built"
    found = [problem for pdf in pdfs for problem in overlaps(pdf)]
    assert found == [], "\n".join(found)
    brochure = pdfium.PdfDocument(built_site / "print" / "lo" / "catalogue.pdf")
    brochure[0].render(scale=2).to_pil().save(artifacts_dir / "catalogue-lo-pdfium.png")  # to look at
    brochure.close()
