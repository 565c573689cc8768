"""Bar charts drawn as inline SVG at build time from a data file (no image is pasted by hand)."""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from pathlib import Path

from scripts import folders
from scripts.catalogue import formatting
from scripts.locales import gettext_for
from scripts.parsed_files import yaml_data

FDI_FILE = "fdi.yml"  # in the project's data/


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    source: str


def load_fdi(path: Path | None = None) -> list[Bar]:
    data = yaml_data(path or folders.current().data / FDI_FILE)
    return [Bar(str(entry["year"]), float(entry["value"]), entry["source"]) for entry in data["years"]]


def load_fdi_by_country(locale: str, path: Path | None = None) -> tuple[list[Bar], dict]:
    """The by-country breakdown as bars labelled in `locale`, and its block (title, source, date)."""
    block = yaml_data(path or folders.current().data / FDI_FILE)["by_country"]
    bars = [Bar(entry[locale], float(entry["value"]), block["source"]) for entry in block["countries"]]
    return bars, block


def _svg_open(width: int, height: int, title: str, title_id: str) -> str:
    return (f'<svg class="chart" viewBox="0 0 {width} {height}" role="img" aria-labelledby="{title_id}" '
            f'xmlns="http://www.w3.org/2000/svg"><title id="{title_id}">{escape(title)}</title>')


def _label(x: float, y: float, text: str, anchor: str = "middle", bold: bool = False) -> str:
    weight = ' font-weight="700"' if bold else ""
    return (f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}" font-size="15"{weight} '
            f'fill="#1a1a1a">{escape(text)}</text>')


def _bar(x: float, y: float, width: float, height: float) -> str:
    return f'<rect x="{x:.1f}" y="{y:.1f}" width="{width:.1f}" height="{height:.1f}" fill="#0b5e3c"/>'


def bar_chart(bars: list[Bar], title: str, value_label, width: int = 640, height: int = 320,
              title_id: str = "chart-title") -> str:
    """An accessible SVG bar chart; `value_label(value)` formats each bar's value for its label."""
    left, bottom, top = 16, 40, 36
    top_value = max(bar.value for bar in bars) * 1.15
    slot = (width - 2 * left) / len(bars)
    parts = [_svg_open(width, height, title, title_id),
             f'<line x1="{left}" y1="{height - bottom}" x2="{width - left}" y2="{height - bottom}" stroke="#4a4a4a"/>']
    for index, bar in enumerate(bars):
        bar_height = (height - bottom - top) * bar.value / top_value
        x = left + index * slot + slot * 0.2
        y = height - bottom - bar_height
        middle = x + slot * 0.3
        parts += [_bar(x, y, slot * 0.6, bar_height), _label(middle, y - 8, value_label(bar.value), bold=True),
                  _label(middle, height - bottom + 24, bar.label)]
    parts.append("</svg>")
    return "".join(parts)


def fdi_chart(locale: str, path: Path | None = None) -> str:
    _ = gettext_for(locale)
    bars = load_fdi(path)
    title = _("FDI registered in Nghệ An by year (new and additional capital, million US$)")
    chart = bar_chart(bars, title, lambda value: formatting.number(value, locale, 0), title_id="chart-fdi-year")
    sources = ", ".join(f'<a href="{escape(bar.source)}">{escape(bar.label)}</a>' for bar in bars)
    caption = _("Sources by year:")
    return (f'<figure class="chart-figure">{chart}<figcaption>{escape(title)}. {escape(caption)} {sources}'
            "</figcaption></figure>")


def horizontal_bar_chart(bars: list[Bar], title: str, value_label, title_id: str, width: int = 640) -> str:
    """An accessible SVG chart with one labelled horizontal bar per row (long labels fit on the left)."""
    row, label_width, right = 34, 210, 90
    height = row * len(bars) + 8
    top_value = max(bar.value for bar in bars)
    span = width - label_width - right
    parts = [_svg_open(width, height, title, title_id)]
    for index, bar in enumerate(bars):
        y = 4 + index * row
        length = max(span * bar.value / top_value, 1)
        parts += [_label(label_width - 8, y + 21, bar.label, anchor="end"), _bar(label_width, y + 4, length, row - 10),
                  _label(label_width + length + 6, y + 21, value_label(bar.value), anchor="start", bold=True)]
    parts.append("</svg>")
    return "".join(parts)


def fdi_by_country_chart(locale: str, path: Path | None = None) -> str:
    _ = gettext_for(locale)
    bars, block = load_fdi_by_country(locale, path)
    title = block["title"][locale]
    chart = horizontal_bar_chart(bars, title, lambda value: formatting.number(value, locale, 0), "chart-fdi-country")
    source = _("Source")
    return (f'<figure class="chart-figure">{chart}<figcaption>{escape(title)}. '
            f'<a href="{escape(block["source"])}">{escape(source)}</a></figcaption></figure>')
