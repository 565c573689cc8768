"""The 3D map's Python side: which projects get a column, their heights and squares, the data file
and the page block (legend, fallback texts, one script loaded from this page only)."""

import dataclasses
import datetime
import json
import math
import re

import pytest

from scripts.catalogue.build_step import exchange_rate
from scripts.catalogue.geo import load_outline
from scripts.catalogue.pages import PageContext
from scripts.catalogue.validate import load_catalogue
from scripts.catalogue.vocabularies import load_vocabularies
from scripts.languages import languages, load_mkdocs_config
from scripts.maps.columns import (
    HALF_SIDE_M,
    METRES_PER_DEGREE,
    TALLEST_M,
    columns,
    columns_data,
    data_file,
    square,
)
from scripts.maps.map_3d import legend, map_3d

LANGUAGES = languages()
EN = LANGUAGES[1]


@pytest.fixture(scope="module")
def context():
    return PageContext(load_vocabularies(), load_outline(), exchange_rate(load_mkdocs_config()["extra"]),
                       "https://x.example/", datetime.date(2026, 12, 1), 365)


@pytest.fixture(scope="module")
def projects():
    return load_catalogue().projects


def published(projects):
    return [p for p in projects if p.investment_vnd_bn is not None or p.investment_usd_m is not None]


def test_one_column_per_project_with_a_published_investment(projects, context):
    drawn = columns(projects, context.rate)
    assert [c.project.id for c in drawn] == [p.id for p in published(projects)]
    assert 0 < len(drawn) < len(projects), "the catalogue has projects with and without a published figure"


def test_heights_are_proportional_from_zero_with_dollars_converted(projects, context):
    drawn = columns(projects, context.rate)
    tallest = max(drawn, key=lambda c: c.height_m)
    assert tallest.height_m == TALLEST_M
    for column in drawn:
        project = column.project
        vnd = project.investment_vnd_bn if project.investment_vnd_bn is not None else (
            project.investment_usd_m * context.rate.vnd_per_usd / 1000)
        assert column.vnd_bn == pytest.approx(vnd)
        assert column.height_m == pytest.approx(vnd / tallest.vnd_bn * TALLEST_M, abs=0.1)


def test_a_zero_investment_draws_no_column(projects, context):
    zero = dataclasses.replace(published(projects)[0], id="zero", investment_vnd_bn=0.0, investment_usd_m=None)
    assert "zero" not in {c.project.id for c in columns([*projects, zero], context.rate)}
    assert columns([zero], context.rate) == []


def test_a_column_is_a_closed_square_of_the_declared_size_around_its_project():
    ring = square(105.62, 18.67)
    assert len(ring) == 5 and ring[0] == ring[-1]
    xs, ys = {x for x, _ in ring}, {y for _, y in ring}
    assert sum(xs) / 2 == pytest.approx(105.62, abs=1e-5) and sum(ys) / 2 == pytest.approx(18.67, abs=1e-5)
    side_ns = (max(ys) - min(ys)) * METRES_PER_DEGREE
    side_ew = (max(xs) - min(xs)) * METRES_PER_DEGREE * math.cos(math.radians(18.67))
    assert side_ns == pytest.approx(2 * HALF_SIDE_M, rel=0.01) and side_ew == pytest.approx(2 * HALF_SIDE_M, rel=0.01)


@pytest.mark.parametrize("language", LANGUAGES, ids=lambda language: language.locale)
def test_data_file_has_every_column_in_the_pages_language(projects, context, language):
    data = json.loads(data_file(columns_data(projects, language, context)))
    features = data["columns"]["features"]
    assert [f["properties"]["id"] for f in features] == [p.id for p in published(projects)]
    by_id = {p.id: p for p in projects}
    for feature in features:
        properties, project = feature["properties"], by_id[feature["properties"]["id"]]
        assert (properties["name"], properties["lang"]) == project.name(language.locale, "en")
        assert properties["source"] == project.source
        assert properties["colour"] == context.vocabularies.sectors[project.sector]["colour"]
    assert data["locale"] == language.locale and data["outline"]["geometry"]["type"] == "MultiPolygon"
    assert "dvhcvn (GPL-3.0)" in data["notice"]
    assert data_file(columns_data(projects, language, context)) == data_file(data), "two builds write the same file"


def test_data_file_stays_small(projects, context):
    assert len(data_file(columns_data(projects, EN, context)).encode()) < 40_000


def test_legend_counts_and_names_the_tallest(projects, context):
    shown = legend(projects, "en", context)
    assert shown.drawn == len(published(projects)) and shown.not_published == len(projects) - shown.drawn
    tallest = max(columns(projects, context.rate), key=lambda c: c.height_m).project
    assert shown.tallest_name == tallest.names["en"]
    assert legend([p for p in projects if p not in published(projects)], "en", context) is None


def test_page_block_loads_its_script_and_escapes_names(projects, context):
    evil = dataclasses.replace(max(columns(projects, context.rate), key=lambda c: c.height_m).project,
                               names={"vi": "<b>x</b>", "en": "<b>x</b>", "lo": "<b>x</b>"})
    html = map_3d([evil if p.id == evil.id else p for p in projects], EN, context, "../../", "../")
    assert "<b>x</b>" not in html and "&lt;b&gt;x&lt;/b&gt;" in html
    assert re.findall(r'<script[^>]*src="([^"]+)"', html) == ["../../assets/javascripts/safe-dom.js",
                                                             "../../assets/maps/map-3d.js"]
    assert 'data-columns="../../assets/maps/columns-en.json"' in html
    assert 'data-flat-map="../../embed/map-en.html"' in html
    for state in ("script", "loading", "no-webgl", "failed"):
        assert f'data-map-3d-message="{state}"' in html
    assert "WebGL 2" in html
