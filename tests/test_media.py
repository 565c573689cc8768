"""360° panoramas and 3D models (scripts/media/): the data checks, the generated files, and the pages in
Chromium — nothing heavy before the button, both viewers render offline under the site's real CSP,
and the still image stays where WebGL is missing."""

from __future__ import annotations

import io
import json
import re
import shutil
import struct
from pathlib import Path

import pytest
from PIL import Image

from scripts.catalogue.geo import load_outline
from scripts.content.parks import load_parks
from scripts.data_schemas import check_data
from scripts.kiosk import build_kiosk
from scripts.languages import ROOT
from scripts.media import relief_model
from scripts.media.generate import MAX_PANORAMA_WIDTH, model_files, texture_limited
from scripts.media.items import file_problems, load_media, park_media_problems
from scripts.server.csp import scan_site
from scripts.server.headers import policies
from tests.conftest import CHROMIUM, CHROMIUM_ARGS, ExternalRequests, start_kiosk

WEBGL_ARGS = [*CHROMIUM_ARGS, "--use-angle=swiftshader", "--enable-unsafe-swiftshader"]
HEAVY = re.compile(r"/assets/vendor/(?:pannellum|model-viewer)/|\.glb$|/assets/media/generated/parks-compass-[a-z]+\.jpg$")
PAGE = "en/parks/"
MODEL, PANORAMA = "#media-province-parks-model", "#media-parks-compass"


def _data_copy(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "data", tmp_path / "data")
    return tmp_path / "data"


def test_a_missing_licence_is_a_build_error_with_its_line(tmp_path):
    data = _data_copy(tmp_path)
    media = data / "media.yml"
    lines = media.read_text("utf-8").splitlines(keepends=True)
    number = next(i for i, line in enumerate(lines) if line.startswith("    licence:"))
    item_line = next(i for i, line in enumerate(lines) if line.startswith("  - id:")) + 1
    media.write_text("".join(lines[:number] + lines[number + 1:]), "utf-8")
    problems = [str(problem) for problem in check_data(data, tmp_path)]
    assert problems == [f"data/media.yml:{item_line}: media.licence: expected a 'licence:' line (required), got none"]


def test_an_unknown_licence_and_a_missing_text_alternative_are_both_reported(tmp_path):
    data = _data_copy(tmp_path)
    media = data / "media.yml"
    text = media.read_text("utf-8").replace("licence: CC-BY-4.0", "licence: all rights reserved", 1)
    media.write_text(re.sub(r"^      alt: .*\n", "", text, count=1, flags=re.MULTILINE), "utf-8")
    problems = [str(problem) for problem in check_data(data, tmp_path)]
    assert len(problems) == 2
    assert any("media.vi.alt: expected a 'alt:' line (required), got none" in p for p in problems)
    assert any("media.licence: expected a licence, one of CC0-1.0" in p and "'all rights reserved'" in p for p in problems)


def test_a_named_file_that_is_missing_is_reported_with_its_line(tmp_path):
    docs = tmp_path / "docs"
    (docs / "assets" / "media").mkdir(parents=True)
    problems = [str(p) for p in file_problems(ROOT / "data" / "media.yml", docs)]
    assert "data/media.yml:17: file: expected a .glb file under docs/assets/media/, got no file" \
           " docs/assets/media/generated/province-parks-model.glb" in problems
    assert len(problems) == 2 + 2 * 3  # the model and its still; a panorama and a still per language


def test_an_unreadable_still_and_a_park_naming_an_unknown_item_are_reported(tmp_path):
    docs = tmp_path / "docs"
    generated = docs / "assets" / "media" / "generated"
    generated.mkdir(parents=True)
    for name in ("province-parks-model.glb", "province-parks-model.png"):
        (generated / name).write_bytes(b"not an image")
    model = [str(p) for p in file_problems(ROOT / "data" / "media.yml", docs) if "province-parks-model" in str(p)]
    assert model == ["data/media.yml:18: still: expected a JPEG or PNG image, got a file Pillow cannot read"
                     " (generated/province-parks-model.png)"]
    parks = _data_copy(tmp_path) / "industrial-parks.yml"
    parks.write_text(parks.read_text("utf-8").replace("    approximate: true\n", "    approximate: true\n    media: [nowhere]\n", 1),
                     "utf-8")
    problems = [str(p) for p in park_media_problems(parks, load_media(), tmp_path)]
    assert problems == ["data/industrial-parks.yml:12: media: expected the id of an item in data/media.yml, got 'nowhere'"]


def _glb_document(data: bytes) -> tuple[dict, bytes]:
    magic, version, length = struct.unpack_from("<III", data)
    assert (magic, version, length) == (0x46546C67, 2, len(data))
    json_length, json_type = struct.unpack_from("<II", data, 12)
    assert json_type == 0x4E4F534A
    document = json.loads(data[20:20 + json_length])
    bin_length, bin_type = struct.unpack_from("<II", data, 20 + json_length)
    assert bin_type == 0x004E4942
    return document, data[28 + json_length:28 + json_length + bin_length]


def test_the_model_is_a_glb_whose_accessors_fit_its_buffer_and_whose_land_faces_up():
    files = model_files(load_outline(), load_parks())
    document, binary = _glb_document(files["province-parks-model.glb"])
    assert document["buffers"][0]["byteLength"] == len(binary)
    for accessor in document["accessors"]:
        view = document["bufferViews"][accessor["bufferView"]]
        assert view["byteOffset"] + view["byteLength"] <= len(binary)
        assert accessor["count"] * 12 == view["byteLength"]
    assert [m["name"] for m in document["materials"]] == ["land", "area", "no-area"]
    parts = relief_model.model_parts(load_outline(), [relief_model.Column(p.lat, p.lon, p.area_ha) for p in load_parks().parks])
    tops = [n for p, n in zip(parts["land"].positions, parts["land"].normals) if p[1] == relief_model.SLAB_KM and abs(n[1]) > 0.5]
    assert tops and all(normal[1] > 0.99 for normal in tops)
    # one column per park: five faces of two triangles each
    assert (len(parts["area"].positions) + len(parts["no-area"].positions)) // 30 == len(load_parks().parks)


def test_ear_clipping_covers_a_concave_polygon_exactly():
    ring = [(0, 0), (4, 0), (4, 1), (1, 1), (1, 3), (0, 3)]  # an L: area 4 + 2
    triangles = relief_model.ear_clip(ring)
    area = sum(abs((ring[b][0] - ring[a][0]) * (ring[c][1] - ring[a][1]) - (ring[c][0] - ring[a][0]) * (ring[b][1] - ring[a][1])) / 2
               for a, b, c in triangles)
    assert len(triangles) == len(ring) - 2 and area == pytest.approx(6)


def test_a_panorama_wider_than_the_mobile_texture_limit_gets_a_4096_copy(tmp_path):
    media_dir = tmp_path / "media"
    (media_dir / "views").mkdir(parents=True)
    Image.new("RGB", (6000, 3000), (10, 120, 200)).save(media_dir / "views" / "wide.jpg")
    Image.new("RGB", (4000, 2000), (10, 120, 200)).save(media_dir / "views" / "narrow.jpg")
    item = next(i for i in load_media().values() if i.kind == "panorama")
    wide = {item.id: type(item)(item.id, "panorama", "views/wide.jpg", "views/wide.jpg", "CC0-1.0", "x", {}),
            "n": type(item)("n", "panorama", "views/narrow.jpg", "views/narrow.jpg", "CC0-1.0", "x", {})}
    files = texture_limited(wide, media_dir, ["vi", "en"])
    assert list(files) == ["generated/wide-4096.jpg"]
    assert Image.open(io.BytesIO(files["generated/wide-4096.jpg"])).size == (MAX_PANORAMA_WIDTH, 2048)


def test_the_published_panoramas_respect_the_texture_limit(built_site):
    panoramas = sorted((built_site / "assets" / "media" / "generated").glob("parks-compass-??.jpg"))
    assert len(panoramas) == 3
    assert all(Image.open(path).width <= MAX_PANORAMA_WIDTH for path in panoramas)


# The browser: WebGL through SwiftShader (the shared fixture's Chromium runs with --disable-gpu).

@pytest.fixture(scope="module")
def webgl_browser(browser):
    """A second Chromium of the shared fixture's Playwright (one Playwright per process), with WebGL."""
    chromium = browser.browser_type.launch(executable_path=CHROMIUM, args=WEBGL_ARGS)
    yield chromium
    chromium.close()


@pytest.fixture(scope="module")
def page_policy(built_site) -> str:
    """The Content-Security-Policy the published site sends with its pages (scripts/server/headers.py)."""
    return policies(scan_site(built_site), https=False).page


def _open_page(browser, site_url: str, policy: str):
    """A page served with the site's real CSP; requests to other hosts blocked and counted;
    every request and every console error kept."""
    context = browser.new_context(viewport={"width": 1000, "height": 900})
    external = ExternalRequests(site_url)

    def route(route):
        if route.request.resource_type == "document" and route.request.url.startswith(site_url):
            response = route.fetch()
            route.fulfill(response=response, headers={**response.headers, "content-security-policy": policy})
        else:
            external.route(route)

    context.route("**/*", route)
    page = context.new_page()
    page.external, page.requested, page.errors, page.missing = external, [], [], []
    page.on("request", lambda request: page.requested.append(request.url))
    page.on("response", lambda response: page.missing.append(response.url) if response.status >= 400 else None)
    page.on("console", lambda message: page.errors.append(message.text)
            if message.type == "error" and not message.text.startswith("Failed to load resource") else None)
    page.goto(site_url + PAGE, wait_until="networkidle")
    return page


def _clean(page) -> list[str]:
    """What went wrong: requests to other hosts, console errors (CSP refusals among them), assets not found."""
    return page.external.blocked + page.errors + [url for url in page.missing if "/assets/" in url]


def _colours(page, selector: str) -> int:
    page.evaluate(f"document.querySelector('{selector}').scrollIntoView({{block: 'center'}})")
    shot = page.screenshot(clip=page.locator(selector).bounding_box(timeout=120_000), timeout=120_000)
    colours = Image.open(io.BytesIO(shot)).convert("RGB").getcolors(maxcolors=1 << 20)
    return len(colours)


def test_nothing_heavy_is_fetched_before_the_button_and_the_still_and_alt_are_there(webgl_browser, site_url, page_policy):
    page = _open_page(webgl_browser, site_url, page_policy)
    try:
        assert [url for url in page.requested if HEAVY.search(url)] == []
        media = load_media()
        for selector, item in ((MODEL, media["province-parks-model"]), (PANORAMA, media["parks-compass"])):
            still = page.locator(f"{selector} img.media-viewer__still")
            assert still.get_attribute("alt") == item.text["en"]["alt"]
            assert page.locator(f"{selector} .media-viewer__open").is_visible()
            assert page.locator(f"{selector} figcaption").inner_text().startswith("Generated illustration")
        assert _clean(page) == []
    finally:
        page.context.close()


DRAWN = {  # when each viewer has drawn its file
    PANORAMA: "() => { const box = document.querySelector('#media-parks-compass .pnlm-load-box');"
              " return box && box.style.display === 'none'; }",
    MODEL: "() => { const model = document.querySelector('#media-province-parks-model model-viewer');"
           " return model && model.loaded; }",
}


def _press_and_check_it_draws(page, selector: str, media_id: str) -> None:
    """Press the button; the viewer draws (not one colour), labelled with the text alternative, in place of
    the still image, with nothing refused or fetched elsewhere. Software WebGL is slow here:
    <model-viewer> may take a minute to draw its first frame."""
    page.click(f"{selector} .media-viewer__open")
    page.wait_for_function(DRAWN[selector], timeout=150_000, polling=2000)
    assert page.locator(f"{selector} .media-viewer__still").is_hidden()
    alt = load_media()[media_id].text["en"]["alt"]
    assert page.locator(f"{selector} .media-viewer__canvas").get_attribute("aria-label") == alt
    assert _colours(page, f"{selector} .media-viewer__canvas") > 1
    assert _clean(page) == []


def test_the_panorama_renders_offline_under_the_sites_policy(webgl_browser, site_url, page_policy):
    page = _open_page(webgl_browser, site_url, page_policy)
    try:
        _press_and_check_it_draws(page, PANORAMA, "parks-compass")
        assert any(url.endswith("/assets/media/generated/parks-compass-en.jpg") for url in page.requested)
    finally:
        page.context.close()


def test_the_model_renders_offline_under_the_sites_policy(webgl_browser, site_url, page_policy):
    page = _open_page(webgl_browser, site_url, page_policy)
    try:
        _press_and_check_it_draws(page, MODEL, "province-parks-model")
        alt = load_media()["province-parks-model"].text["en"]["alt"]
        assert page.locator(f"{MODEL} model-viewer").get_attribute("alt") == alt
        decoders = page.evaluate("(() => { const M = customElements.get('model-viewer');"
                                 " return [M.dracoDecoderLocation, M.ktx2TranscoderLocation, M.meshoptDecoderLocation]; })()")
        assert decoders == [f"{site_url}assets/vendor/model-viewer/{path}"
                            for path in ("draco/", "basis/", "meshopt/meshopt_decoder.js")]
    finally:
        page.context.close()


def test_the_kiosk_shows_the_panorama_with_the_network_blocked(webgl_browser, built_site, tmp_path):
    """At a trade fair: the kiosk folder on a laptop, started by its start script, no network at all."""
    build_kiosk(built_site, tmp_path)
    with start_kiosk(tmp_path / "kiosk") as chooser:
        origin = chooser.rsplit("/", 1)[0]
        context = webgl_browser.new_context(viewport={"width": 1000, "height": 900})
        external = ExternalRequests(origin)
        context.route("**/*", external.route)
        page = context.new_page()
        missing = []
        page.on("response", lambda response: missing.append(response.url) if response.status >= 400 else None)
        try:
            page.goto(chooser)
            page.click('a.choice[lang="en"]')
            page.goto(f"{origin}/site/{PAGE}index.html", wait_until="networkidle")
            page.click(f"{PANORAMA} .media-viewer__open")
            page.wait_for_function(DRAWN[PANORAMA], timeout=150_000, polling=2000)
            assert page.locator(f"{PANORAMA} .media-viewer__still").is_hidden()
            assert _colours(page, f"{PANORAMA} .media-viewer__canvas") > 1
            assert external.blocked == [] and [url for url in missing if "/assets/" in url] == []
        finally:
            context.close()


@pytest.fixture(scope="module")
def browser_without_webgl(browser):
    chromium = browser.browser_type.launch(executable_path=CHROMIUM, args=[*CHROMIUM_ARGS, "--disable-3d-apis"])
    yield chromium
    chromium.close()


def test_without_webgl_the_still_image_stays_with_a_note_and_no_button(browser_without_webgl, site_url, page_policy):
    page = _open_page(browser_without_webgl, site_url, page_policy)
    try:
        assert page.evaluate("!document.createElement('canvas').getContext('webgl')")
        for selector in (MODEL, PANORAMA):
            assert page.locator(f"{selector} .media-viewer__still").is_visible()
            assert page.locator(f"{selector} .media-viewer__open").is_hidden()
            assert page.locator(f"{selector} .media-viewer__note").is_visible()
        assert [url for url in page.requested if HEAVY.search(url)] == []
    finally:
        page.context.close()


def test_a_park_that_names_media_carries_its_marker_on_its_own_line():
    from dataclasses import replace

    from scripts.content.parks import park_page
    from scripts.languages import languages
    from scripts.markers import MARKER

    parks = load_parks()
    park = replace(parks.parks[0], media=("parks-compass",))
    page = park_page(park, parks, languages()[1], load_outline())
    assert [m.group(0) for m in MARKER.finditer(page)] == ["<!-- content:media:parks-compass -->"]
