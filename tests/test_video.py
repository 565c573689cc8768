"""Videos with captions: the sources an editor drops, the build's checks and encoding, the player in
Chromium (tracks, Lao captions in Noto Sans Lao, nothing downloaded before play, no other host), and
the kiosk's own server playing the video with the network blocked."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from scripts import build_site
from scripts.kiosk import build_kiosk
from scripts.languages import ROOT, languages, locales
from scripts.media import transcode, video_step
from scripts.server.csp import InlineCode
from scripts.server.headers import content_security_policy
from tests.conftest import ExternalRequests, copy_project, serve_directory, start_kiosk
from tests.test_checkers import run_axe
from tests.video_fixture import CUES, LAO_CUE, NAME, SIDECAR, drop_video, make_clip, put_marker

MEDIA_FILE = (".webm", ".mp4")


@pytest.fixture(scope="module")
def video_project(tmp_path_factory) -> Path:
    """A copy of the sources with a test clip on the about page of every language, and its site."""
    project = copy_project(tmp_path_factory.mktemp("video") / "project")
    drop_video(project / "docs")
    put_marker(project / "docs")
    return project


@pytest.fixture(scope="module")
def video_site(video_project: Path):
    site = video_project.parent / "site"
    server = serve_directory(site)
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    assert build_site.build(site, video_project / "mkdocs.yml", site_url=url) == 0
    yield site, url
    server.shutdown()


def offline_page(browser, origin: str):
    context = browser.new_context()
    page = context.new_page()
    page.external = ExternalRequests(origin)
    context.route("**/*", page.external.route)
    page.media_requests = []
    page.on("request", lambda request: page.media_requests.append(request.url)
            if request.url.endswith(MEDIA_FILE) else None)
    return context, page


def play(page) -> None:
    """Play the video muted (headless Chromium allows that without a gesture) until a cue shows."""
    page.evaluate("() => { const v = document.querySelector('video'); v.muted = true; return v.play(); }")
    page.wait_for_function("""() => { const v = document.querySelector('video');
        const shown = [...v.textTracks].find(t => t.mode === 'showing');
        return v.currentTime > 0.2 && shown && shown.activeCues && shown.activeCues.length > 0; }""", timeout=15_000)


@pytest.mark.parametrize("language", languages(), ids=lambda language: language.locale)
def test_player_offers_three_caption_tracks_with_the_page_language_by_default(browser, video_site, language):
    _, url = video_site
    context, page = offline_page(browser, url)
    page.goto(f"{url}{language.prefix}about/", wait_until="networkidle")
    video = page.locator("figure.video-player video")
    assert video.get_attribute("preload") == "none" and video.get_attribute("controls") is not None
    video.scroll_into_view_if_needed()  # the poster is set when the video nears the screen
    page.wait_for_function("() => document.querySelector('figure.video-player video').hasAttribute('poster')")
    assert video.get_attribute("poster").endswith(f"media/{NAME}-poster.jpg")
    tracks = page.evaluate("() => [...document.querySelector('video').querySelectorAll('track')].map(t => "
                           "({lang: t.srclang, kind: t.kind, default: t.default, mode: t.track.mode}))")
    assert [t["lang"] for t in tracks] == locales() and {t["kind"] for t in tracks} == {"captions"}
    assert [t["lang"] for t in tracks if t["default"]] == [language.locale]
    assert [t["lang"] for t in tracks if t["mode"] == "showing"] == [language.locale]
    assert page.media_requests == [], "the video was downloaded before play"
    play(page)
    assert page.media_requests and page.media_requests[0].endswith(f"media/{NAME}-90.webm")
    cue = page.evaluate("() => [...document.querySelector('video').textTracks].find(t => t.mode === 'showing')"
                        ".activeCues[0].text")
    assert cue == CUES[language.locale]
    assert page.external.blocked == []
    context.close()


def _text_nodes(node: dict, text: str) -> list[dict]:
    found = [node] if node.get("nodeType") == 3 and text in node.get("nodeValue", "") else []
    for child in [*node.get("children", []), *node.get("shadowRoots", [])]:
        found += _text_nodes(child, text)
    return found


def test_lao_cue_is_drawn_in_noto_sans_lao(browser, video_site, artifacts_dir):
    _, url = video_site
    context, page = offline_page(browser, url)
    page.goto(f"{url}lo/about/", wait_until="networkidle")
    play(page)
    session = page.context.new_cdp_session(page)
    session.send("DOM.enable")
    session.send("CSS.enable")
    document = session.send("DOM.getDocument", {"depth": -1, "pierce": True})["root"]
    cues = [node for node in _text_nodes(document, LAO_CUE)]  # the cue, inside the video's own shadow tree
    assert len(cues) == 1, "the Lao cue is not on screen"
    fonts = session.send("CSS.getPlatformFontsForNode", {"nodeId": cues[0]["parentId"]})["fonts"]
    glyphs = {font["familyName"]: font["glyphCount"] for font in fonts if font["isCustomFont"]}
    assert glyphs.get("Noto Sans Lao", 0) >= len(LAO_CUE.replace(" ", "")) - 2, fonts
    page.locator("figure.video-player").screenshot(path=artifacts_dir / "video-lo-cue.png")
    context.close()


def test_video_page_passes_axe_and_the_nu_validator(browser, video_site, node_modules):
    site, url = video_site
    context, page = offline_page(browser, url)
    for language in languages():
        page.goto(f"{url}{language.prefix}about/", wait_until="networkidle")
        assert run_axe(page, node_modules) == []
    context.close()
    jar = node_modules / "vnu-jar" / "build" / "dist" / "vnu.jar"
    pages = [str(site / language.prefix / "about" / "index.html") for language in languages()]
    result = subprocess.run(["java", "-jar", str(jar), "--errors-only", "--format", "json", *pages],
                            capture_output=True, text=True, timeout=300)
    messages = json.loads(result.stderr or result.stdout or '{"messages": []}')["messages"]
    assert [f"{m.get('url', '')}:{m.get('lastLine')}: {m['message']}" for m in messages] == []


def test_sources_are_not_published_raw_and_the_encoded_files_are(video_site):
    site, _ = video_site
    published = sorted(path.name for path in (site / "media").iterdir() if path.name.startswith(NAME))
    assert published == sorted([f"{NAME}-90.webm", f"{NAME}-90.mp4", f"{NAME}-poster.jpg",
                                *[f"{NAME}.{locale}.vtt" for locale in locales()]])
    leaked = [p for p in site.rglob(f"{NAME}*") if p.parent != site / "media"]
    assert leaked == [] and not list(site.rglob(f"{NAME}.yml"))


def test_a_rebuild_does_not_encode_again(video_project: Path, video_site, monkeypatch):
    monkeypatch.setattr(transcode, "_encode", lambda *args: pytest.fail("encoded again"))
    published = video_step.prepare(video_project / "docs")
    assert [r.path.suffix for r in published[NAME].encoded.renditions] == list(MEDIA_FILE)


def test_two_heights_in_webm_and_mp4_without_metadata(tmp_path: Path):
    source = make_clip(tmp_path / "clip.mp4")
    subprocess.run(["ffmpeg", "-loglevel", "error", "-i", str(source), "-c", "copy", "-metadata",
                    "location=+18.67+105.69/", "-metadata", "title=private", str(tmp_path / "tagged.mp4")], check=True)
    encoded = transcode.transcode(tmp_path / "tagged.mp4", cache=tmp_path / "cache", heights=(90, 48))
    assert [(r.height, r.path.suffix) for r in encoded.renditions] == [(90, ".webm"), (90, ".mp4"), (48, ".webm"),
                                                                       (48, ".mp4")]
    for rendition in encoded.renditions:
        info = json.loads(subprocess.run(["ffprobe", "-v", "error", "-show_streams", "-show_format", "-of", "json",
                                          str(rendition.path)], capture_output=True, text=True, check=True).stdout)
        codecs = sorted(stream["codec_name"] for stream in info["streams"])
        assert codecs == (["opus", "vp9"] if rendition.path.suffix == ".webm" else ["aac", "h264"])
        assert "private" not in json.dumps(info) and "105.69" not in json.dumps(info)
    assert encoded.poster.read_bytes()[:2] == b"\xff\xd8"  # a JPEG
    assert not list((tmp_path / "cache").glob("*.tmp"))


def _problems(docs: Path) -> list[str]:
    return sorted(str(problem) for problem in video_step.check(docs, docs.parent)[1])


@pytest.fixture
def media_docs(tmp_path: Path) -> Path:
    """A docs folder with one good video, and data/ holding the licence vocabulary."""
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "media-licences.yml").write_bytes((ROOT / "data" / "media-licences.yml").read_bytes())
    drop_video(tmp_path / "docs")
    return tmp_path / "docs"


def test_a_good_video_has_no_problem(media_docs: Path):
    assert _problems(media_docs) == []


def test_a_missing_licence_or_caption_file_is_a_problem(media_docs: Path):
    (media_docs / "media" / f"{NAME}.yml").write_text(SIDECAR.replace("licence: CC0-1.0\n", ""), encoding="utf-8")
    (media_docs / "media" / f"{NAME}.lo.vtt").unlink()
    assert _problems(media_docs) == [
        f"docs/media/{NAME}.yml:1: captions.lo: expected a WebVTT caption file docs/media/{NAME}.lo.vtt, got none",
        f"docs/media/{NAME}.yml:1: licence: expected a 'licence:' line (required), got none"]


def test_an_undeclared_licence_a_missing_credit_and_an_unknown_marker_are_problems(media_docs: Path):
    (media_docs / "media" / f"{NAME}.yml").write_text(SIDECAR.replace("CC0-1.0", "all-rights-reserved"), "utf-8")
    drop_video(media_docs, "second", SIDECAR.replace("CC0-1.0", "CC-BY-4.0").replace("credit:", "note:"))
    (media_docs / "page.md").write_text("# Page\n\n<!-- media:video no-such-video -->\n", encoding="utf-8")
    second, licence, marker = _problems(media_docs)
    assert second == ("docs/media/second.yml:2: note: expected a field of this block, got unknown field 'note'"
                      " (allowed: licence, credit, rights_holder, source, title, poster_at, loop_in_kiosk)")
    assert licence.startswith(f"docs/media/{NAME}.yml:1: licence: expected one of the licences declared in"
                              " data/media-licences.yml: CC-BY-4.0, ")
    assert licence.endswith(", got 'all-rights-reserved'")
    assert marker == ("docs/page.md:3: media:video: expected the name of a video in docs/media/ (second, test-clip),"
                      " got 'no-such-video'")


def test_a_video_without_sidecar_or_not_webvtt_captions_is_a_problem(media_docs: Path):
    (media_docs / "media" / f"{NAME}.yml").unlink()
    drop_video(media_docs, "other")
    (media_docs / "media" / "other.en.vtt").write_text("1\n00:00:00,000 --> 00:00:02,000\nSRT\n", encoding="utf-8")
    assert _problems(media_docs) == [
        "docs/media/other.en.vtt:1: file: expected a WebVTT file starting with the line WEBVTT, got '1'",
        f"docs/media/{NAME}.mp4:1: sidecar: expected a file docs/media/{NAME}.yml with the licence, credit and"
        " titles, got none"]


def test_the_build_stops_on_a_missing_licence_and_keeps_the_last_site(tmp_path: Path, capsys):
    project = copy_project(tmp_path / "project")
    drop_video(project / "docs", sidecar=SIDECAR.replace("licence: CC0-1.0\n", ""))
    site = tmp_path / "site"
    assert build_site.build(site, project / "mkdocs.yml", lang="en") == 1
    error = capsys.readouterr().err
    assert f"docs/media/{NAME}.yml:1: licence: expected a 'licence:' line (required), got none" in error
    assert "Traceback" not in error and not site.exists()


def test_the_policy_allows_media_and_tracks_from_this_site_only():
    policy = content_security_policy(InlineCode(), "'self'", True)
    assert "media-src 'self';" in policy


@pytest.fixture(scope="module")
def kiosk_server(video_site, tmp_path_factory):
    """The kiosk folder served by its own kiosk-server.py, as start-kiosk.sh starts it."""
    kiosk = tmp_path_factory.mktemp("dist") / "kiosk"
    build_kiosk(video_site[0], kiosk.parent)
    assert {"start-kiosk.sh", "start-kiosk.command", "start-kiosk.desktop", "start-kiosk.bat"} <= {
        path.name for path in kiosk.iterdir()}
    with start_kiosk(kiosk) as chooser:
        yield kiosk, chooser


def test_kiosk_server_plays_the_looping_video_with_captions_offline(browser, kiosk_server):
    _, chooser = kiosk_server
    origin = chooser.rsplit("/", 1)[0]
    context, page = offline_page(browser, origin)
    page.goto(chooser)
    page.click('a.choice[lang="lo"]')
    page.goto(f"{origin}/site/lo/about/index.html")
    video = page.locator("figure.video-player video")
    assert video.get_attribute("loop") is not None
    play(page)
    page.evaluate("() => { const v = document.querySelector('video'); v.currentTime = v.duration - 0.2; }")
    page.wait_for_function("() => { const v = document.querySelector('video'); return v.currentTime < 1 && !v.paused; }",
                           timeout=15_000)  # it started again
    assert page.external.blocked == []
    context.close()


def test_kiosk_start_scripts_can_be_double_clicked(kiosk_server):
    kiosk, chooser = kiosk_server
    assert chooser.startswith("http://127.0.0.1:")  # served on the loopback only
    assert b"\r\n" in (kiosk / "start-kiosk.bat").read_bytes()  # Windows' cmd needs CRLF lines
    for name in ("start-kiosk.sh", "start-kiosk.command", "start-kiosk.desktop"):
        assert (kiosk / name).stat().st_mode & 0o111, f"{name} is not executable"


def test_kiosk_server_answers_byte_ranges(kiosk_server):
    import urllib.request

    kiosk, chooser = kiosk_server
    address = chooser.rsplit("/", 1)[0] + f"/site/media/{NAME}-90.mp4"
    whole = (kiosk / "site" / "media" / f"{NAME}-90.mp4").read_bytes()
    request = urllib.request.Request(address, headers={"Range": "bytes=100-199"})
    with urllib.request.urlopen(request) as response:
        assert response.status == 206 and response.headers["Content-Type"] == "video/mp4"
        assert response.headers["Content-Range"] == f"bytes 100-199/{len(whole)}"
        assert response.read() == whole[100:200]
    with urllib.request.urlopen(address.replace("-90.mp4", ".lo.vtt")) as response:
        assert response.headers["Content-Type"] == "text/vtt"
