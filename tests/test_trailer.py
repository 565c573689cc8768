"""The data trailer (scripts/media/): its scenes show the sourced facts, its captions follow them, the
build publishes a 30–60 s video per language whose frames are not blank, and the cache skips encoding."""

from __future__ import annotations

import re
import subprocess
from collections import Counter
from dataclasses import replace
from itertools import pairwise
from pathlib import Path

import pytest
from PIL import Image, ImageChops, ImageStat

from scripts import locales
from scripts.catalogue.geo import load_outline
from scripts.catalogue.validate import load_catalogue
from scripts.catalogue.vocabularies import load_vocabularies
from scripts.content.key_figures import load_key_figures
from scripts.content.parks import load_parks
from scripts.languages import ROOT, languages, site_names, site_url
from scripts.media import captions, encode, frames, scenes, trailer
from scripts.media.addresses import trailer_files

CUE = re.compile(r"^(\d\d):(\d\d):(\d\d)\.(\d\d\d) --> (\d\d):(\d\d):(\d\d)\.(\d\d\d)$", re.MULTILINE)


def _facts(locale: str) -> scenes.Facts:
    catalogue = load_catalogue(ROOT / "data", root=ROOT)
    return trailer.gather_facts(locale, site_names()[locale], site_url(), load_key_figures(), list(catalogue.projects),
                                load_vocabularies(), load_parks(), load_outline())


def _seconds(parts: tuple[str, ...]) -> float:
    hours, minutes, seconds, milliseconds = map(int, parts)
    return hours * 3600 + minutes * 60 + seconds + milliseconds / 1000


def _cues(text: str) -> list[tuple[float, float]]:
    assert text.startswith("WEBVTT\n")
    return [(_seconds(match.groups()[:4]), _seconds(match.groups()[4:])) for match in CUE.finditer(text)]


@pytest.mark.parametrize("locale", [language.locale for language in languages()])
def test_figures_scenes_show_every_key_figure_with_its_source_and_year(locale):
    found = scenes.scenes(_facts(locale), locales.gettext_for(locale))
    shown = [item for scene in found if scene.kind == "figures" for item in scene.items]
    figures = load_key_figures()
    assert len(shown) == len(figures) > 0
    for figure, item in zip(figures, shown):
        assert item.value == figure.value(locale) and item.text == figure.label(locale)
        assert figure.source_name(locale) in item.note
        assert (str(figure.year) in item.badge) if figure.year else item.badge == ""


def test_opportunities_scene_counts_the_catalogues_open_projects_by_sector():
    facts = _facts("en")
    projects = load_catalogue(ROOT / "data", root=ROOT).projects
    expected = Counter(project.sector for project in projects if project.status in ("calling", "preparing"))
    vocabularies = load_vocabularies()
    sectors = next(scene for scene in scenes.scenes(facts, locales.gettext_for("en")) if scene.kind == "sectors")
    assert {item.text: int(item.value) for item in sectors.items} == {
        vocabularies.label("sectors", key, "en"): count for key, count in expected.items()}
    assert f"{sum(expected.values())} of the {len(projects)} projects" in sectors.footer


def test_captions_cover_the_trailer_from_start_to_end_without_gaps():
    found = scenes.scenes(_facts("lo"), locales.gettext_for("lo"))
    text = captions.webvtt(found)
    cues = _cues(text)
    assert cues[0][0] == 0 and cues[-1][1] == pytest.approx(scenes.duration(found), abs=0.002)
    assert all(abs(end - next_start) < 0.002 for (_, end), (next_start, _) in pairwise(cues))
    assert load_key_figures()[0].value("lo") in text


def test_frames_draw_the_figures_in_the_languages_script():
    facts = _facts("lo")
    figures_scene = next(scene for scene in scenes.scenes(facts, locales.gettext_for("lo")) if scene.kind == "figures")
    picture = frames.still(figures_scene, facts, (640, 360))
    blank = frames.still(replace(figures_scene, items=()), facts, (640, 360))
    assert picture.size == (640, 360)
    assert ImageStat.Stat(picture.convert("L")).stddev[0] > ImageStat.Stat(blank.convert("L")).stddev[0] + 5


def test_an_unchanged_trailer_is_not_encoded_again(tmp_path, monkeypatch):
    monkeypatch.setattr(trailer, "SIZES", {"": (320, 180)})  # small and short: this test is about the cache
    facts = _facts("en")
    first = trailer.build_trailer(facts, speed=0.05, cache=tmp_path)
    video = first / "trailer-en.mp4"
    stamp = video.stat().st_mtime_ns
    assert trailer.build_trailer(facts, speed=0.05, cache=tmp_path) == first
    assert video.stat().st_mtime_ns == stamp
    changed = [trailer.build_trailer(replace(facts, catalogue_size=facts.catalogue_size + more), speed=0.05,
                                     cache=tmp_path) for more in range(1, trailer.KEPT_VERSIONS + 1)]
    assert first not in changed and not first.exists()  # the least recently used version is pruned
    assert sorted(path.name for path in tmp_path.iterdir()) == sorted(path.name for path in changed)


def _frame(video: Path, seconds: float, target: Path) -> Image.Image:
    """The picture shown at `seconds`. A still is one frame lasting its scene (variable frame rate), and
    ffmpeg's seeking may land on the next frame: pick the last frame starting at or before the time."""
    starts = sorted(float(value) for value in subprocess.run(
        ["ffprobe", "-v", "error", "-select_streams", "v:0", "-show_entries", "packet=pts_time", "-of", "csv=p=0",
         str(video)], capture_output=True, text=True, check=True).stdout.split())
    index = max(number for number, start in enumerate(starts) if start <= seconds)
    subprocess.run(["ffmpeg", "-nostdin", "-v", "error", "-y", "-i", str(video), "-vf", f"select=eq(n\\,{index})",
                    "-fps_mode", "passthrough", "-frames:v", "1", str(target)], check=True)
    return Image.open(target)


def _probe(video: Path, entries: str) -> str:
    return subprocess.run(["ffprobe", "-v", "error", "-select_streams", "v:0", "-show_entries", entries,
                           "-of", "default=noprint_wrappers=1", str(video)], capture_output=True, text=True,
                          check=True).stdout


@pytest.mark.parametrize("locale", [language.locale for language in languages()])
def test_the_build_publishes_a_30_to_60_second_trailer_per_language(built_site, locale, tmp_path):
    files = trailer_files(locale)
    video, square = built_site / files.video, built_site / files.square
    length = encode.duration(video)
    assert 30 <= length <= 60
    assert _probe(video, "stream=codec_name,pix_fmt,width,height").split() == [
        "codec_name=h264", "width=1280", "height=720", "pix_fmt=yuv420p"]
    assert "width=1080\nheight=1080" in _probe(square, "stream=width,height")
    assert encode.duration(square) == pytest.approx(length, abs=0.2)
    cues = _cues((built_site / files.captions).read_text("utf-8"))
    assert cues[0][0] == 0 and cues[-1][1] == pytest.approx(length, abs=0.3)
    assert Image.open(built_site / files.poster).size == (1280, 720)
    found = scenes.scenes(_facts(locale), locales.gettext_for(locale))
    at = found[0].duration + found[1].duration / 2  # the middle of the first figures scene
    assert found[1].kind == "figures"
    figures, title = _frame(video, at, tmp_path / "figures.png"), _frame(video, 1, tmp_path / "title.png")
    assert ImageStat.Stat(figures.convert("L")).stddev[0] > 20  # text on the background, not a flat frame
    difference = ImageChops.difference(figures.convert("L"), title.convert("L"))
    assert ImageStat.Stat(difference).mean[0] > 5  # another picture than the title's


@pytest.mark.parametrize("language", languages(), ids=lambda language: language.locale)
def test_the_home_page_offers_the_trailer_with_its_captions_and_downloads(built_site, language):
    html = (built_site / language.prefix / "index.html").read_text("utf-8")
    root = "" if language.default else "../"
    files = trailer_files(language.locale, root)
    assert '<video controls preload="none"' in html and f'data-poster="{files.poster}"' in html
    assert f'<track kind="captions" src="{files.captions}" srclang="{language.locale}"' in html
    for address in (files.video, files.square, files.captions, files.poster):
        assert f'href="{address}" download' in html
        assert (built_site / language.prefix / address).resolve().is_file()


@pytest.mark.parametrize("size", [(390, 844), (1366, 900)], ids=["phone", "laptop"])
def test_the_trailers_poster_is_fetched_only_when_the_video_nears_the_screen(page_offline, site_url, size):
    posters = []
    page_offline.on("request", lambda request: posters.append(request.url) if "/media/trailer-" in request.url
                    and request.url.endswith(".jpg") else None)
    page_offline.set_viewport_size({"width": size[0], "height": size[1]})
    page_offline.goto(site_url, wait_until="networkidle")
    video = page_offline.locator(".home-trailer video")
    assert posters == [] and video.get_attribute("poster") is None, "the poster was fetched before it was near"
    video.scroll_into_view_if_needed()
    page_offline.wait_for_function("() => document.querySelector('.home-trailer video').hasAttribute('poster')")
    page_offline.wait_for_load_state("networkidle")
    default = next(language for language in languages() if language.default)
    assert posters == [site_url.rstrip("/") + "/" + trailer_files(default.locale, "").poster]
    assert page_offline.external.blocked == []
