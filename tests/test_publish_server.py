"""End to end: publish twice to a temporary folder, serve `current` with Debian's nginx and the
generated site file, read pages in Chromium (zero CSP violations, zero errors), check headers,
precompressed responses and 404 pages, then roll back and an interrupted publish."""

from __future__ import annotations

import datetime
import gzip
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

import brotli
import pytest

from scripts import publishing_report, releases
from scripts.languages import ROOT, languages
from tests.nginx_server import Nginx, free_port

LANGUAGES = languages()
SECOND_PAGE = "second-release-check/"


def publish(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "scripts.publish", *args], cwd=ROOT, capture_output=True, text=True)


@pytest.fixture(scope="module")
def server():
    """Two releases published (the second adds one page), served by nginx; yields a dict of paths."""
    work = Path(tempfile.mkdtemp(prefix="publish-test-"))
    os.chmod(work, 0o755)  # nginx's workers read it as an unprivileged user
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    site, dest = work / "site", work / "dest"
    first = publish("--site-url", url, "--listen", f"127.0.0.1:{port}", "--site-dir", str(site), str(dest))
    assert first.returncode == 0, first.stderr[-3000:]
    (site / SECOND_PAGE).mkdir()
    (site / SECOND_PAGE / "index.html").write_text("<!doctype html><title>second</title><p>second release</p>")
    second = publish("--no-build", "--site-url", url, "--listen", f"127.0.0.1:{port}", "--site-dir", str(site), str(dest))
    assert second.returncode == 0, second.stderr[-3000:]
    nginx = Nginx(work / "nginx", dest / releases.CURRENT / "nginx.conf", port)
    assert nginx.check().returncode == 0, nginx.check().stderr
    nginx.start()
    yield {"url": url, "dest": dest, "site": site, "nginx": nginx, "port": port}
    nginx.stop()
    shutil.rmtree(work, ignore_errors=True)


def fetch(url: str, **headers: str):
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(request) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def pages_to_read(site: Path, language) -> list[str]:
    project = min(p.name for p in (site / language.prefix / "projects").iterdir() if p.is_dir())
    return ["", "catalogue/", f"projects/{project}/", "map/", "map/3d/"]


def embeds_to_read(site: Path, language) -> list[str]:
    card = min((site / "embed").glob(f"project-*-{language.locale}.html")).name
    return [f"embed/map-{language.locale}.html", f"embed/{card}"]


def search(page, url: str, query: str) -> None:
    """Type a query in Material's search and wait for results (a locator: the policy forbids the
    string evaluation Playwright's wait_for_function uses)."""
    page.goto(url, wait_until="networkidle")
    field = page.locator(".md-search__input")
    if not field.is_visible():
        page.locator('label[for="__search"]').first.click()
    field.focus()
    page.keyboard.type(query)
    page.locator(".md-search-result__item").first.wait_for()


CSP_LISTENER = ("document.addEventListener('securitypolicyviolation', e => console.error("
                "'CSP violation: ' + e.effectiveDirective + ' ' + e.blockedURI + ' ' + e.sourceFile + ':' + e.lineNumber))")


@pytest.mark.parametrize("language", LANGUAGES, ids=lambda language: language.locale)
def test_pages_load_with_no_csp_violation_and_no_error(server, browser, language):
    context = browser.new_context()
    context.add_init_script(CSP_LISTENER)
    problems = []
    page = context.new_page()
    page.on("console", lambda message: problems.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.on("response", lambda response: problems.append(f"{response.status} {response.url}")
            if response.status >= 400 else None)
    paths = [language.prefix + path for path in pages_to_read(server["site"], language)]
    for path in paths + embeds_to_read(server["site"], language):
        page.goto(server["url"] + path, wait_until="networkidle")
        if path.endswith("map/"):
            page.frame_locator(".map-frame iframe").locator(".folium-map[data-ready=true]").wait_for()
        if path.endswith("map/3d/"):  # MapLibre, its module worker and the columns file under the policy
            page.locator("[data-map-3d-start]").click()  # a real click: it requests no alternate sitemap
            page.locator("[data-map-3d][data-state=ready]").wait_for()
    search(page, server["url"] + language.prefix, "Nghệ An")  # Material's search worker and its results
    context.close()
    assert problems == []


def test_security_headers(server):
    status, headers, _ = fetch(server["url"])
    assert status == 200
    policy = headers["Content-Security-Policy"]
    assert "'unsafe-inline'" not in policy and "'unsafe-eval'" not in policy
    assert "frame-ancestors 'self'" in policy and "script-src 'self' 'wasm-unsafe-eval' 'sha256-" in policy
    assert headers["X-Frame-Options"] == "SAMEORIGIN"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert "camera=()" in headers["Permissions-Policy"]
    assert "Strict-Transport-Security" not in headers  # the test address is http
    _, embed_headers, _ = fetch(server["url"] + "embed/map-en.html")
    assert "frame-ancestors *" in embed_headers["Content-Security-Policy"]
    assert "X-Frame-Options" not in embed_headers
    stylesheet = fetch(server["url"] + "assets/stylesheets/site.css")[1]
    assert "Content-Security-Policy" not in stylesheet and stylesheet["X-Content-Type-Options"] == "nosniff"


def test_cache_lifetimes(server):
    site = server["site"]
    bundle = next((site / "assets" / "javascripts").glob("bundle.*.min.js")).relative_to(site).as_posix()
    assert "immutable" in fetch(server["url"] + bundle)[1]["Cache-Control"]
    assert fetch(server["url"] + "en/")[1]["Cache-Control"] == "public, max-age=300"
    assert fetch(server["url"] + "assets/stylesheets/site.css")[1]["Cache-Control"] == "public, max-age=86400"


@pytest.mark.parametrize("encoding, decompress", [("gzip", gzip.decompress), ("br", brotli.decompress)])
def test_precompressed_responses(server, encoding, decompress):
    if encoding == "br" and not server["nginx"].brotli:
        pytest.skip("Debian's libnginx-mod-http-brotli-static is not installed")
    for path, file in [("en/", "en/index.html"), ("assets/stylesheets/site.css", "assets/stylesheets/site.css")]:
        status, headers, body = fetch(server["url"] + path, **{"Accept-Encoding": encoding})
        assert status == 200 and headers["Content-Encoding"] == encoding
        assert "Accept-Encoding" in headers["Vary"]
        assert decompress(body) == (server["dest"] / "current" / "site" / file).read_bytes()
    assert "Content-Encoding" not in fetch(server["url"] + "en/")[1]  # a client that asks for none


@pytest.mark.parametrize("language", LANGUAGES, ids=lambda language: language.locale)
def test_404_page_of_the_readers_language(server, language):
    site = server["dest"] / "current" / "site"
    own = site / language.prefix / "404.html"
    expected = (own if own.is_file() else site / "404.html").read_bytes()
    status, headers, body = fetch(server["url"] + language.prefix + "no-such-page/")
    assert status == 404 and body == expected
    assert "Content-Security-Policy" in headers


def test_log_records_what_changed(server):
    records = releases.read_log(server["dest"] / releases.LOG)
    assert [r["action"] for r in records[-2:]] == ["publish", "publish"]
    first, second = records[-2:]
    assert first["pages"]["removed"] == [] and len(first["pages"]["added"]) > 3 * len(LANGUAGES)
    assert second["pages"] == {"added": [SECOND_PAGE], "changed": [], "removed": []}
    assert second["release"] == releases.current_release(server["dest"])
    day = datetime.date.fromisoformat(second["date"][:10])
    shown = publishing_report.publications_markdown(publishing_report.publications(records, day, day))
    assert f"| `{second['release']}` | `{second['commit']}` | 1 | 0 | 0 |" in shown


def test_interrupted_publish_leaves_current_as_it_was(server):
    dest = server["dest"]
    before, names = releases.current_release(dest), releases.release_names(dest)
    process = subprocess.Popen([sys.executable, "-m", "scripts.publish", "--no-build", "--site-url", server["url"],
                                "--site-dir", str(server["site"]), str(dest)], cwd=ROOT)
    while not list((dest / releases.RELEASES).glob(releases.INCOMING + "*")) and process.poll() is None:
        time.sleep(0.01)  # until the copy has started
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert releases.current_release(dest) == before
    assert releases.release_names(dest) == names
    assert fetch(server["url"] + SECOND_PAGE)[0] == 200


def test_rollback_serves_the_first_release(server):
    dest = server["dest"]
    assert fetch(server["url"] + SECOND_PAGE)[0] == 200
    result = publish("--rollback", str(dest))
    assert result.returncode == 0, result.stderr
    assert releases.current_release(dest) == releases.release_names(dest)[0]
    assert fetch(server["url"] + SECOND_PAGE)[0] == 404
    assert fetch(server["url"] + "en/")[0] == 200
    assert releases.read_log(dest / releases.LOG)[-1]["action"] == "rollback"
