"""Bar charts drawn as inline SVG at build time from a data file (no image is pasted by hand)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from markupsafe import Markup

from scripts import folders
from scripts.catalogue import formatting
from scripts.languages import source_locale
from scripts.locales import gettext_for
from scripts.parsed_files import yaml_data
from scripts.templates_env import render

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


def _label(x: float, y: float, text: str, anchor: str = "middle", bold: bool = False) -> dict:
    return {"kind": "text", "x": f"{x:.1f}", "y": f"{y:.1f}", "anchor": anchor, "bold": bold, "text": text}


def _bar(x: float, y: float, width: float, height: float) -> dict:
    return {"kind": "rect", "x": f"{x:.1f}", "y": f"{y:.1f}", "width": f"{width:.1f}", "height": f"{height:.1f}"}


def _chart(width: int, height: int, title: str, title_id: str, shapes: list[dict]) -> Markup:
    """The SVG (templates/chart.html: no words of its own, so any language's templates draw it)."""
    return Markup(render("chart.html", source_locale(), width=width, height=height, title=title, title_id=title_id, shapes=shapes))


def bar_chart(bars: list[Bar], title: str, value_label, width: int = 640, height: int = 320,
              title_id: str = "chart-title") -> Markup:
    """An accessible SVG bar chart; `value_label(value)` formats each bar's value for its label."""
    left, bottom, top = 16, 40, 36
    top_value = max(bar.value for bar in bars) * 1.15
    slot = (width - 2 * left) / len(bars)
    shapes = [{"kind": "line", "x1": left, "y1": height - bottom, "x2": width - left, "y2": height - bottom}]
    for index, bar in enumerate(bars):
        bar_height = (height - bottom - top) * bar.value / top_value
        x = left + index * slot + slot * 0.2
        y = height - bottom - bar_height
        middle = x + slot * 0.3
        shapes += [_bar(x, y, slot * 0.6, bar_height), _label(middle, y - 8, value_label(bar.value), bold=True),
                   _label(middle, height - bottom + 24, bar.label)]
    return _chart(width, height, title, title_id, shapes)


def fdi_chart(locale: str, path: Path | None = None) -> str:
    _ = gettext_for(locale)
    bars = load_fdi(path)
    title = _("FDI registered in Nghệ An by year (new and additional capital, million US$)")
    chart = bar_chart(bars, title, lambda value: formatting.number(value, locale, 0), title_id="chart-fdi-year")
    return render("chart-figure.html", locale, chart=chart, title=title, caption=_("Sources by year:"),
                  sources=[(bar.source, bar.label) for bar in bars])


def horizontal_bar_chart(bars: list[Bar], title: str, value_label, title_id: str, width: int = 640) -> Markup:
    """An accessible SVG chart with one labelled horizontal bar per row (long labels fit on the left)."""
    row, label_width, right = 34, 210, 90
    height = row * len(bars) + 8
    top_value = max(bar.value for bar in bars)
    span = width - label_width - right
    shapes = []
    for index, bar in enumerate(bars):
        y = 4 + index * row
        length = max(span * bar.value / top_value, 1)
        shapes += [_label(label_width - 8, y + 21, bar.label, anchor="end"), _bar(label_width, y + 4, length, row - 10),
                   _label(label_width + length + 6, y + 21, value_label(bar.value), anchor="start", bold=True)]
    return _chart(width, height, title, title_id, shapes)


def fdi_by_country_chart(locale: str, path: Path | None = None) -> str:
    _ = gettext_for(locale)
    bars, block = load_fdi_by_country(locale, path)
    title = block["title"][locale]
    chart = horizontal_bar_chart(bars, title, lambda value: formatting.number(value, locale, 0), "chart-fdi-country")
    return render("chart-figure.html", locale, chart=chart, title=title, caption="", sources=[(block["source"], _("Source"))])
