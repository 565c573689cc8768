"""Shared fixtures: one built site per test session, a local HTTP server for it, and Chromium."""

from __future__ import annotations

import contextlib
import csv
import functools
import http.server
import shutil
import subprocess
import threading
from pathlib import Path

import pytest

from scripts import build_site, folders
from scripts.benchmark.run import synthetic_rows
from scripts.catalogue.paging import PAGE_SIZE
from scripts.languages import ROOT
from scripts.source_copy import copy_sources

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ARTIFACTS = ROOT / "test-artifacts"
EVIL_NAME = '<img src=x onerror="window.pwned=1">${window.pwned=2}'
EXTRA_ROWS = 2 * PAGE_SIZE
EVIL_SUMMARY = '<script>window.pwned=3</script> "quoted", and more'


@pytest.fixture(scope="session", autouse=True)
def _compiled_translations():
    """The interface translations compiled, as every build does first: tests that render pages in one
    language alone expect its texts, whichever test runs first."""
    from scripts.languages import languages
    from scripts.locales import compile_catalogs

    compile_catalogs([language.locale for language in languages()])



@pytest.fixture(autouse=True)
def _this_checkout():
    """Each test starts on this checkout's project: one that ran MkDocs on a copy in this process (its
    hooks name the copy, as they would in a real build's own process) does not carry it over."""
    yield
    if folders.current().config_file != ROOT / "mkdocs.yml":
        folders.use(ROOT / "mkdocs.yml")

class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


@contextlib.contextmanager
def start_kiosk(kiosk: Path):
    """The kiosk folder served by its own kiosk-server.py, started as a visitor's double click starts it
    (start-kiosk.sh, without opening a browser, on a free port); yields the chooser's address."""
    server = subprocess.Popen(["sh", str(kiosk / "start-kiosk.sh"), "--no-browser", "--port", "0"],
                              stdout=subprocess.PIPE, text=True)
    try:
        line = server.stdout.readline()
        assert line.startswith("Kiosk: http://127.0.0.1:"), line
        yield line.split()[1]
    finally:
        server.terminate()
        server.wait(timeout=10)


def serve_directory(directory: Path) -> http.server.ThreadingHTTPServer:
    """Serve `directory` on a free local port (the folder may be filled after this returns)."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


@pytest.fixture(scope="session")
def _served_site(tmp_path_factory):
    """The repository's site, built once per session for the local address it is served from."""
    site_dir = tmp_path_factory.mktemp("build") / "site"
    server = serve_directory(site_dir)
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    assert build_site.build(site_dir, site_url=url) == 0, "the site did not build; see the output above"
    yield site_dir, url
    server.shutdown()


@pytest.fixture(scope="session")
def built_site(_served_site) -> Path:
    return _served_site[0]


@pytest.fixture(scope="session")
def site_url(_served_site) -> str:
    return _served_site[1]


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: ./scripts/test installs Debian's chromium package")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


class ExternalRequests:
    """Blocks and records every request that does not go to the local test server."""

    def __init__(self, local_origin: str):
        self.local_origin = local_origin.rstrip("/")
        self.blocked: list[str] = []

    def route(self, route):
        url = route.request.url
        if url.startswith((self.local_origin, "data:", "blob:")):
            route.continue_()
        else:
            self.blocked.append(url)
            route.abort()


@pytest.fixture
def page_offline(browser, site_url):
    """A fresh page whose requests to any other host are blocked and counted in page.external."""
    context = browser.new_context()
    page = context.new_page()
    external = ExternalRequests(site_url)
    context.route("**/*", external.route)
    page.external = external
    yield page
    context.close()


@pytest.fixture(scope="session")
def artifacts_dir() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


@pytest.fixture(scope="session")
def node_modules() -> Path:
    path = ROOT / "node_modules"
    if not (path / "axe-core").exists():
        pytest.fail("node_modules is missing: run ./scripts/test, which installs the npm checkers")
    return path


def copy_project(destination: Path) -> Path:
    """A copy of the repository's sources (no build output, no environments) for tests that change them."""
    return copy_sources(destination)


@pytest.fixture(scope="session")
def _evil(tmp_path_factory, browser):
    """A copy of the site whose spreadsheet holds markup and template code in every text field, and
    enough synthetic rows (the benchmark's, of every status) for the catalogue to need three pages."""
    root = tmp_path_factory.mktemp("evil")
    project = copy_project(root / "project")
    seed = project / "data" / "projects" / "public-sources.csv"
    rows = list(csv.DictReader(seed.open(encoding="utf-8")))
    evil = dict(rows[0], id="evil", name_vi=EVIL_NAME, name_en=EVIL_NAME, name_lo=EVIL_NAME,
                summary_vi=EVIL_SUMMARY, summary_en=EVIL_SUMMARY, summary_lo=EVIL_SUMMARY,
                locality='Cửa Lò"><b>x</b>', position_note="<i>note</i>",
                status="calling")  # an opportunity, checked most recently: first in the catalogue's order
    with seed.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows([*rows, evil, *synthetic_rows(EXTRA_ROWS)])
    site = root / "site"
    server = serve_directory(site)
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    assert build_site.build(site, project / "mkdocs.yml", site_url=url) == 0
    yield url, project
    server.shutdown()


@pytest.fixture(scope="session")
def evil_site(_evil) -> str:
    return _evil[0]


@pytest.fixture(scope="session")
def evil_project(_evil) -> Path:
    """The sources the evil site was built from (its data/ holds the rows the site shows)."""
    return _evil[1]


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """A data folder for catalogue checks: the vocabularies, the template, two agencies, the outline and an
    empty projects folder (tests/catalogue_fixture.py writes rows into it)."""
    data = tmp_path / "data"
    data.mkdir()
    for name in ("vocabularies.yml", "project-template.yml"):
        shutil.copy(ROOT / "data" / name, data / name)
    (data / "departments.yml").write_text("dept-a: {vi: A, en: A, lo: A}\ndept-b: {vi: B, en: B, lo: B}\n", "utf-8")
    shutil.copytree(ROOT / "data" / "geo", data / "geo")
    (data / "projects").mkdir()
    return data
