"""HTML → PDF with WeasyPrint, using the site's own fonts (embedded in every PDF), cached by content
(a verified cache, scripts/verified_cache.py: a damaged PDF is drawn again, never published)."""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache
from pathlib import Path

from scripts import folders
from scripts.process_pool import run_in_processes
from scripts.verified_cache import replacing, store

FONTS_CSS = Path("assets") / "stylesheets" / "fonts.css"  # under the project's docs/, naming its fonts
PRINT_CSS = """
@page { size: A4; margin: 14mm 16mm; @bottom-center { content: string(footer); font-size: 8pt; color: #555; } }
html { font-size: 10.5pt; color: #1a1a1a; }
h1 { font-size: 20pt; margin: 0 0 4mm; color: #0b5e3c; line-height: 1.25; }
h2 { font-size: 13pt; margin: 5mm 0 2mm; color: #0b5e3c; }
.site { font-size: 9pt; font-weight: 700; color: #8a6d00; margin-bottom: 3mm; string-set: footer content(); }
.badge { display: inline-block; padding: 0.5mm 2.5mm; border-radius: 3mm; font-size: 8.5pt; font-weight: 700;
         color: #fff; background: #0b5e3c; margin-right: 2mm; }
.badge.status { background: #fff; color: #0b5e3c; border: 0.3mm solid #0b5e3c; }
.layout { display: flex; gap: 6mm; margin-top: 4mm; }
.facts { flex: none; width: 60%; border-collapse: collapse; font-size: 9.5pt; }
.facts th { text-align: left; vertical-align: top; padding: 1mm 3mm 1mm 0; white-space: nowrap; }
.facts td { padding: 1mm 0; vertical-align: top; }
.map { flex: none; width: 36%; position: relative; }  /* fixed shares: long sources must not squeeze the map out */
.map svg { width: 100%; height: auto; }
.qr { display: flex; gap: 4mm; align-items: center; margin-top: 5mm; font-size: 8.5pt; }
.qr svg { width: 30mm; height: 30mm; }
.note { font-size: 8.5pt; color: #555; }
.brochure-item { page-break-inside: avoid; border-bottom: 0.3mm solid #ccd; padding: 2mm 0; }
.brochure-item h2 { font-size: 11.5pt; margin: 0 0 1mm; }
"""


def font_faces() -> str:
    """The site's fonts as @font-face rules WeasyPrint can use, and the font stack of the documents.

    WeasyPrint mishandles several faces of one family split by unicode-range (the subsets of Noto
    Sans), so each subset file becomes its own family, listed in turn; Pango then takes each
    character from the first family that has it. Every PDF embeds the fonts it uses.
    """
    return _font_faces(folders.current().docs)


@lru_cache(maxsize=4)
def _font_faces(docs: Path) -> str:
    fonts = (docs / "assets" / "fonts").resolve().as_uri()
    faces, families = [], []
    for block in re.findall(r"@font-face\s*{(.*?)}", (docs / FONTS_CSS).read_text("utf-8"), re.DOTALL):
        file = re.search(r'url\("\.\./fonts/([^"]+)"\)', block).group(1)
        weight = re.search(r"font-weight:\s*(\d+)", block).group(1)
        family = re.sub(r"-\d+-normal\.woff2$", "", file)  # e.g. noto-sans-vietnamese
        families.append(family) if family not in families else None
        faces.append(f'@font-face {{ font-family: "{family}"; font-weight: {weight}; '
                     f'src: url("{fonts}/{file}") format("woff2"); }}')
    order = sorted(families, key=lambda name: ("latin" not in name, "ext" in name, name))
    return "\n".join(faces) + "\nhtml { font-family: " + ", ".join(f'"{f}"' for f in order) + ", sans-serif; }\n"


def _styles():
    """One font configuration for all documents: loading the fonts is most of the cost of a PDF."""
    return _styles_for(font_faces())


@lru_cache(maxsize=2)
def _styles_for(faces: str):
    from weasyprint import CSS
    from weasyprint.text.fonts import FontConfiguration

    fonts = FontConfiguration()  # without it WeasyPrint ignores @font-face and falls back to system fonts
    return fonts, CSS(string=faces + PRINT_CSS, font_config=fonts)


def drop_empty_strings(document, pdf) -> None:
    """Remove the empty strings WeasyPrint leaves in its text arrays (`[<0044>-610<>290<005a>] TJ`).

    WeasyPrint writes a glyph's horizontal offset (Lao vowel and tone marks) as `>offset<`, which
    leaves `<>` between two numbers. PDF allows it, but PDFium (the viewer of Chrome and Edge)
    counts the empty strings when it sizes its list of spacings, then reads the spacing after the
    array's last glyph from an unused slot: that move is lost and the text after it overlaps
    (chromium/pdfium, core/fpdfapi/page/cpdf_streamcontentparser.cpp, Handle_ShowText_Positioning).
    A space in place of each `<>` keeps the numbers apart and means the same to every reader.
    Called by WeasyPrint as `finisher`, before the page streams are compressed.
    """
    import pydyf

    for stream in (item for item in pdf.objects if isinstance(item, pydyf.Stream)):
        stream.stream = [operation.replace(b"<>", b" ")
                         if isinstance(operation, bytes) and operation.startswith(b"[") and operation.endswith(b"] TJ")
                         else operation for operation in stream.stream]


def _cached_name(html: str) -> str:
    """Named by the document and by this module, so a change to how PDFs are written renders them again."""
    key = html + PRINT_CSS + font_faces() + Path(__file__).read_text("utf-8")
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:20] + ".pdf"


def _cache() -> Path:
    return folders.current().cache("pdf")


def write_pdf(html: str, target: Path, finisher=drop_empty_strings) -> None:
    """Render `html` with the print styles into `target` (no cache); `finisher` post-processes the PDF."""
    from weasyprint import HTML

    fonts, stylesheet = _styles()
    HTML(string=html, base_url=str(folders.current().root)).write_pdf(target, stylesheets=[stylesheet], font_config=fonts,
                                                     finisher=finisher)


def _render_into_cache(html: str) -> None:
    """Draw one PDF into the cache folder (in a worker process too: the caller records it)."""
    with replacing(_cache() / _cached_name(html)) as partial:
        write_pdf(html, partial)


def render_pdfs(documents: list[tuple[str, Path]]) -> list[Path]:
    """Render many documents; those not in the cache (or damaged there) are drawn in parallel
    processes, one per CPU."""
    cache = store(_cache())
    missing = [name_html for name_html in {_cached_name(html): html for html, _ in documents}.items()
               if not cache.has(name_html[0])]
    run_in_processes(_render_into_cache, [html for _, html in missing])
    for name, _ in missing:
        cache.adopt(name)
    written = [render_pdf(html, target) for html, target in documents]
    cache.save()
    return written


def render_pdf(html: str, target: Path) -> Path:
    """Write `html` as a PDF to `target` (a copy of the cached PDF, drawn first when missing or damaged)."""
    cache, name = store(_cache()), _cached_name(html)
    data = cache.read(name)
    if data is None:
        _render_into_cache(html)
        cache.adopt(name)
        data = cache.read(name)
    if not (target.is_file() and target.stat().st_size == len(data) and target.read_bytes() == data):
        with replacing(target) as partial:
            partial.write_bytes(data)
    return target
