"""The live preview (scripts/preview/): what a save affects, the private names it relies on, and a real
preview process in a copy of the sources with Chromium (other hosts blocked): a save reloads the page
with the new text, a broken header shows its problem over the last good page, the fix takes it away,
each save is one rebuild, and a saved spreadsheet row reloads its project page with the new text and
leaves the other projects' pages as they were. Also: the data step's written files are recorded,
and the pages open in a browser are rendered first."""

from __future__ import annotations

import csv
import importlib
import os
import re
import subprocess
import sys
import time
from pathlib import Path
from types import SimpleNamespace

import pytest

from scripts import site_files, verified_cache, written_files
from scripts.benchmark.preview import CATALOGUE, set_summary
from scripts.catalogue.preview_step import PDF_NOTE
from scripts.editor.server import free_port, wait_for_port
from scripts.generated_files import write_files, write_if_changed
from scripts.preview import mkdocs_internals
from scripts.preview.affects import Plan, affected, page_locale
from scripts.preview.events import Events
from scripts.preview.server import SCRIPT_TAG, resolve, with_script
from scripts.preview.session import Session
from tests.conftest import ExternalRequests, copy_project

LOCALES, DEFAULT = ["vi", "en", "lo"], "vi"


@pytest.fixture
def sources(tmp_path):
    root = tmp_path
    for name in ("docs/labour.md", "docs/labour.en.md", "docs/news/posts/p.md", "docs/why.md", "docs/assets/site.css",
                 "data/projects/public-sources.csv", "data/events.yml", "mkdocs.yml", "overrides/main.html"):
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text("x", encoding="utf-8")
    docs = root / "docs"
    pages = {"vi": {docs / "labour.md", docs / "why.md"},
             "en": {docs / "labour.en.md", docs / "why.md", docs / "news" / "posts" / "p.md"},  # shown as fallbacks
             "lo": {docs / "labour.md", docs / "why.md"}}
    return root, pages, {docs / "assets" / "site.css"}


def _plan(sources, *names):
    root, pages, statics = sources
    return affected([root / name for name in names], root, pages, statics, LOCALES, DEFAULT)


def test_a_page_is_rendered_again_in_the_languages_that_show_it(sources):
    root = sources[0]
    plan = _plan(sources, "docs/labour.en.md")
    assert plan.pages == {"en": {root / "docs" / "labour.en.md"}}
    assert not plan.rebuild and not plan.data_step
    fallback = _plan(sources, "docs/why.md")  # the other languages show it as their fallback
    assert set(fallback.pages) == set(LOCALES) and not fallback.rebuild and not fallback.data_step


def test_a_news_post_also_runs_the_data_step_for_the_lists_made_from_posts(sources):
    root = sources[0]
    plan = _plan(sources, "docs/news/posts/p.md")
    assert plan.pages == {"en": {root / "docs" / "news" / "posts" / "p.md"}} and plan.data_step
    assert plan.markers == {"content"}


def test_a_spreadsheet_runs_the_data_step_only(sources):
    plan = _plan(sources, "data/projects/public-sources.csv")
    assert plan.data_step and plan.markers == {"catalogue"} and not plan.rebuild and not any(plan.pages.values())


def test_a_copied_file_is_copied_again(sources):
    root = sources[0]
    plan = _plan(sources, "docs/assets/site.css")
    assert plan.statics == {root / "docs" / "assets" / "site.css"} and not plan.rebuild


def test_new_and_deleted_pages_rebuild_their_languages(sources):
    root = sources[0]
    (root / "docs" / "new.lo.md").write_text("x", encoding="utf-8")
    assert _plan(sources, "docs/new.lo.md").rebuild == {"lo"}
    (root / "docs" / "new.md").write_text("x", encoding="utf-8")
    assert _plan(sources, "docs/new.md").rebuild == set(LOCALES)  # others may show it as their fallback
    (root / "docs" / "labour.en.md").unlink()
    deleted = _plan(sources, "docs/labour.en.md")
    assert deleted.rebuild == {"en"} and "en" not in deleted.pages


@pytest.mark.parametrize("name", ["mkdocs.yml", "overrides/main.html", "data/events.yml"])
def test_everything_else_rebuilds_every_language(sources, name):
    plan = _plan(sources, name, "docs/labour.md")
    assert plan.rebuild == set(LOCALES) and not any(plan.pages.values())


def test_page_locale_reads_the_suffix():
    assert page_locale("a.en.md", LOCALES, DEFAULT) == "en"
    assert page_locale("a.md", LOCALES, DEFAULT) == "vi"
    assert page_locale("v1.2.md", LOCALES, DEFAULT) == "vi"


def test_the_private_names_the_preview_uses_still_exist():
    """Fails when an upgrade of MkDocs or mkdocs-static-i18n (or a change of our hooks) removes one."""
    from mkdocs.config import load_config

    for name in mkdocs_internals.PRIVATE_NAMES["mkdocs.commands.build"]:
        assert callable(getattr(importlib.import_module("mkdocs.commands.build"), name, None)), name
    config = load_config(config_file=str(Path(__file__).resolve().parents[1] / "mkdocs.yml"))
    i18n = config.plugins["i18n"]
    assert type(i18n).__module__ + "." + type(i18n).__name__ in mkdocs_internals.PRIVATE_NAMES
    for name in mkdocs_internals.PRIVATE_NAMES["mkdocs_static_i18n.plugin.I18n"]:
        assert hasattr(i18n, name), name
    hooks = mkdocs_internals.hooks_module(config)
    for name in mkdocs_internals.PRIVATE_NAMES[mkdocs_internals.HOOKS]:
        assert isinstance(getattr(hooks, name, None), dict), name


def test_the_reload_script_goes_into_the_head():
    page = with_script(b"<html><head><title>t</title></head><body></body></html>")
    assert page.index(SCRIPT_TAG) < page.index(b"</head>") and page.count(SCRIPT_TAG) == 1


def test_files_are_found_in_the_first_folder_that_has_them_and_never_outside(tmp_path):
    first, second = tmp_path / "en", tmp_path / "vi"
    (first / "en" / "x").mkdir(parents=True)
    (first / "en" / "x" / "index.html").write_text("en")
    (second / "assets").mkdir(parents=True)
    (second / "assets" / "a.css").write_text("css")
    (tmp_path / "secret.txt").write_text("no")
    assert resolve([first, second], "/en/x/") == first / "en" / "x" / "index.html"
    assert resolve([first, second], "/en/x") == "/en/x/"
    assert resolve([first, second], "/assets/a.css") == second / "assets" / "a.css"
    assert resolve([first, second], "/../secret.txt") is None
    assert resolve([first, second], "/nothing.html") is None


def test_the_data_steps_writes_and_removals_are_recorded_not_its_unchanged_files(tmp_path):
    kept, changed, stale = tmp_path / "kept.md", tmp_path / "changed.md", tmp_path / "stale.md"
    for path in (kept, changed, stale):
        path.write_text("old", encoding="utf-8")
    with written_files.recording() as written:
        write_files({kept: "old", changed: "new", tmp_path / "new.md": "new"}, [kept, changed, stale])
    assert sorted(written) == sorted([changed, tmp_path / "new.md", stale])
    write_if_changed(kept, "after")  # no recording under way: nothing kept
    assert sorted(written) == sorted([changed, tmp_path / "new.md", stale])


def test_sealing_the_written_site_files_gives_the_manifest_a_whole_seal_gives(tmp_path):
    whole, written = tmp_path / "whole", tmp_path / "written"
    for folder in (whole, written):
        for name in ("qr/a.svg", "qr/b.svg", "embed/c.html"):
            (folder / name).parent.mkdir(parents=True, exist_ok=True)
            (folder / name).write_text(name, encoding="utf-8")
        site_files.seal(folder)
    for folder in (whole, written):
        with written_files.recording() as changed:
            write_files({folder / "qr/a.svg": "qr/a.svg", folder / "qr/b.svg": "new", folder / "qr/d.svg": "d"},
                        [folder / "qr/a.svg", folder / "qr/b.svg", folder / "embed/c.html"])
        if folder == whole:
            site_files.seal(folder)
        else:
            assert site_files.seal_written(folder, changed) == 3  # b changed, d new, c removed
    manifests = [verified_cache.VerifiedCache(folder).known for folder in (whole, written)]
    assert manifests[0] == manifests[1] and sorted(manifests[1]) == ["qr/a.svg", "qr/b.svg", "qr/d.svg"]


def test_a_page_is_open_while_its_stream_is_and_open_pages_render_first(tmp_path):
    events = Events()
    with events.listening("/projects/a/"), events.listening("/projects/a/"):
        assert events.open_pages() == {"/projects/a/"}
    assert events.open_pages() == set()
    session = Session(Path(__file__).resolve().parents[1] / "mkdocs.yml", tmp_path)
    sources = {tmp_path / name: SimpleNamespace(url=name) for name in ("projects/a/", "projects/b/", "catalogue/")}
    session.builds = {"vi": SimpleNamespace(page_for=sources.get)}
    with session.events.listening("/projects/a/"):
        first, later = session._open_first({"vi": set(sources)})
    assert first == {"vi": {tmp_path / "projects/a/"}}
    assert later == {"vi": {tmp_path / "projects/b/", tmp_path / "catalogue/"}}


def test_an_open_news_post_is_rendered_and_told_before_the_data_step_the_pages_it_fills_after(tmp_path):
    session = Session(Path(__file__).resolve().parents[1] / "mkdocs.yml", tmp_path)
    post, latest, other = tmp_path / "post.md", tmp_path / "index.md", tmp_path / "other.md"
    pages = {post: SimpleNamespace(url="news/posts/post/", markdown="# Post", meta={}),
             latest: SimpleNamespace(url="", markdown="# Home\n<!-- content:news-latest:3 -->\n", meta={}),
             other: SimpleNamespace(url="other/", markdown="# Other", meta={})}
    session.builds = {"vi": SimpleNamespace(page_for=pages.get, pages_by_source=pages)}
    rendered = []
    session.render = lambda locale, sources: rendered.append(set(sources)) or ["/" + pages[s].url for s in sources]
    plan, urls = Plan(pages={"vi": {post, latest, other}}, data_step=True, markers={"content"}), []
    with session.events.listening("/news/posts/post/"), session.events.listening("/"):
        session._before_data_step(plan, urls)
    assert rendered == [{post}] and urls == ["/news/posts/post/"]
    assert session.events.state["changed"] == ["/news/posts/post/"] and session.published == 1
    assert plan.pages == {"vi": {latest, other}}  # the home page shows the posts: after the data step


def test_a_newer_save_interrupts_the_pages_no_browser_shows_and_they_are_rendered_with_it(tmp_path):
    session = Session(Path(__file__).resolve().parents[1] / "mkdocs.yml", tmp_path)
    names = ("a.md", "b.md", "c.md")
    pages = {tmp_path / name: SimpleNamespace(url=name[0] + "/") for name in names}
    session.builds = {"vi": SimpleNamespace(page_for=pages.get)}
    rendered: list[Path] = []
    session.render = lambda locale, sources: rendered.extend(sorted(sources)) or [f"/{s.stem}/" for s in sources]
    session.save_waiting = lambda: len(rendered) >= 1  # a save comes in once the first page is rendered
    assert session._render_until_a_save({"vi": set(pages)}) == ["/a/"]
    assert session.carried == {"vi": {tmp_path / "b.md", tmp_path / "c.md"}}
    plan = session._with_carried(Plan(pages={"vi": {tmp_path / "a.md"}}))
    assert plan.pages == {"vi": set(pages)} and session.carried == {}
    session.carried = {"vi": {tmp_path / "b.md"}}
    assert session._with_carried(Plan(rebuild={"vi"})).pages == {}  # built whole: nothing left to render alone


def test_what_a_newer_save_interrupted_is_done_once_no_save_comes_in(tmp_path):
    session = Session(Path(__file__).resolve().parents[1] / "mkdocs.yml", tmp_path)
    pages = {tmp_path / name: SimpleNamespace(url=name[0] + "/") for name in ("a.md", "b.md")}
    session.builds = {"vi": SimpleNamespace(page_for=pages.get, pages_by_source=pages, static_file=lambda path: None)}
    rendered: list[Path] = []
    session.render = lambda locale, sources: rendered.extend(sorted(sources)) or [f"/{s.stem}/" for s in sources]
    assert not session.behind
    session.catch_up()
    assert rendered == []
    session.carried = {"vi": set(pages)}
    assert session.behind
    session.catch_up()
    assert rendered == sorted(pages) and not session.behind
    assert sorted(session.events.state["changed"]) == ["/a/", "/b/"]  # the open browsers are told


def test_a_catch_up_that_fails_waits_for_the_next_save_instead_of_retrying(tmp_path):
    session = Session(Path(__file__).resolve().parents[1] / "mkdocs.yml", tmp_path)
    pages = {tmp_path / "a.md": SimpleNamespace(url="a/")}
    session.builds = {"vi": SimpleNamespace(page_for=pages.get, pages_by_source=pages, static_file=lambda path: None)}
    session.render = lambda locale, sources: 1 / 0
    session.carried = {"vi": set(pages)}
    session.catch_up()
    assert not session.behind and "ZeroDivisionError" in session.problems_text()


def test_a_save_outside_the_spreadsheets_is_checked_against_the_data_files_as_they_are_now(tmp_path, monkeypatch):
    from scripts.catalogue import build_step

    session, calls = Session(Path(__file__).resolve().parents[1] / "mkdocs.yml", tmp_path), []
    monkeypatch.setattr(build_step, "reload_data_files", lambda: calls.append("reload"))
    monkeypatch.setattr(session, "source_problems", lambda: calls.append("check") or "a problem")
    assert session.rebuild({"vi"}) == [] and calls == ["reload", "check"]


def test_the_watcher_tells_a_waiting_save_from_the_files_the_rebuild_writes_itself(tmp_path):
    from scripts.preview.watcher import Watcher

    (tmp_path / "docs").mkdir()
    ours, saved = tmp_path / "docs" / "generated.md", tmp_path / "docs" / "saved.md"
    for path in (ours, saved):
        path.write_text("before", encoding="utf-8")
    watcher = Watcher(tmp_path)
    ours.write_text("written by the rebuild", encoding="utf-8")
    watcher.events.put(ours)
    assert not watcher.save_waiting({ours})
    saved.write_text("saved by an author", encoding="utf-8")
    watcher.events.put(saved)
    assert watcher.save_waiting({ours})
    assert saved in watcher.next_batch()  # the events it looked at are not lost
    assert watcher.next_batch(idle_after=0.05) == []  # no save for that long: the preview may catch up


# --- a real preview ------------------------------------------------------------------------------

PAGE = "docs/labour.md"
URL_PATH = "/labour/"
REBUILT = re.compile(r"^Rebuilt after saving ", re.MULTILINE)


@pytest.fixture(scope="module")
def preview(tmp_path_factory):
    """`python -m scripts.preview` in a copy of the sources (the Vietnamese pages only), and its log."""
    project = copy_project(tmp_path_factory.mktemp("preview") / "project")
    port = free_port()
    log_path = project / "preview-test.log"
    with open(log_path, "wb") as log:  # the preview keeps its own copy of the file
        process = subprocess.Popen([sys.executable, "-m", "scripts.preview", "--port", str(port)], cwd=project,
                                   env={**os.environ, "BUILD_ONLY_LOCALE": "vi"}, stdout=log,
                                   stderr=subprocess.STDOUT)
    wait_for_port(port, process, seconds=60)
    deadline = time.monotonic() + 600
    while "Preview ready at" not in log_path.read_text("utf-8", errors="replace"):
        assert process.poll() is None and time.monotonic() < deadline, log_path.read_text("utf-8", errors="replace")
        time.sleep(0.5)
    yield project, f"http://127.0.0.1:{port}", log_path
    process.terminate()
    process.wait(timeout=60)


def _vietnamese_build(project: Path) -> Path:
    """The preview's build folder of the Vietnamese pages now (a new one each time the language is built whole)."""
    return max((project / ".preview").glob("vi-*"), key=lambda folder: int(folder.name.split("-")[1]))


def _rebuilds(log_path: Path) -> int:
    return len(REBUILT.findall(log_path.read_text("utf-8", errors="replace")))


def _wait_for_rebuilds(log_path: Path, count: int) -> None:
    for _ in range(1200):  # not a time limit on the preview: the test ends if it never comes
        if _rebuilds(log_path) >= count:
            return
        time.sleep(0.1)
    raise AssertionError(log_path.read_text("utf-8", errors="replace"))


def test_a_save_reloads_the_page_and_a_broken_header_shows_over_the_last_good_page(browser, preview):
    project, url, log_path = preview
    context = browser.new_context()
    external = ExternalRequests(url)
    context.route("**/*", external.route)
    page = context.new_page()
    page.goto(url + URL_PATH)
    page.locator("html[data-preview-connected]").wait_for(state="attached")  # listening to the preview
    source = project / PAGE
    original = source.read_text("utf-8")
    rebuilds = _rebuilds(log_path)

    first = original.replace("# Lao động", "# Lao động\n\nĐoạn thử nghiệm bản xem trước số một.", 1)
    source.write_text(first, encoding="utf-8")
    page.get_by_text("Đoạn thử nghiệm bản xem trước số một.").wait_for(timeout=60_000)  # the page reloaded
    page.locator("html[data-preview-connected]").wait_for(state="attached")
    _wait_for_rebuilds(log_path, rebuilds + 1)

    broken = first.replace("title: Lao động", "title: Lao động: ngày hội", 1)  # a colon YAML cannot read
    source.write_text(broken, encoding="utf-8")
    overlay = page.locator("#preview-problems")
    overlay.wait_for(timeout=60_000)
    assert re.search(r"docs/labour\.md:2: ", overlay.text_content()), overlay.text_content()
    assert page.get_by_text("Đoạn thử nghiệm bản xem trước số một.").is_visible()  # the last good page stays
    _wait_for_rebuilds(log_path, rebuilds + 2)

    fixed = first.replace("Đoạn thử nghiệm bản xem trước số một.", "Đoạn thử nghiệm bản xem trước số hai.")
    source.write_text(fixed, encoding="utf-8")
    page.get_by_text("Đoạn thử nghiệm bản xem trước số hai.").wait_for(timeout=60_000)
    assert page.locator("#preview-problems").count() == 0
    _wait_for_rebuilds(log_path, rebuilds + 3)
    time.sleep(1)  # any second rebuild of the same save would be logged by now
    assert _rebuilds(log_path) == rebuilds + 3, "one save, one rebuild"
    assert not external.blocked, external.blocked
    context.close()


def test_a_saved_spreadsheet_row_reloads_its_project_page_with_the_new_text(browser, preview):
    project, url, log_path = preview
    sheet = project / CATALOGUE
    with sheet.open(encoding="utf-8", newline="") as handle:
        rows = csv.DictReader(handle)
        project_id, other_id = next(rows)["id"], next(rows)["id"]
    context = browser.new_context()
    external = ExternalRequests(url)
    context.route("**/*", external.route)
    page = context.new_page()
    page.goto(url + f"/projects/{project_id}/")
    page.locator("html[data-preview-connected]").wait_for(state="attached")
    rebuilds = _rebuilds(log_path)
    text = "Tóm tắt thử nghiệm bản xem trước của dòng bảng tính."
    assert page.get_by_text(text).count() == 0
    site = _vietnamese_build(project)
    other = site / "projects" / other_id / "index.html"
    other_before = other.stat().st_mtime_ns
    set_summary(sheet, project_id, text)
    page.get_by_text(text).first.wait_for(timeout=120_000)  # the project page reloaded with the new summary
    _wait_for_rebuilds(log_path, rebuilds + 1)
    assert _vietnamese_build(project) == site, "a row's save renders pages again, it builds no language anew"
    assert text in (site / "projects" / project_id / "index.html").read_text("utf-8")
    assert other.stat().st_mtime_ns == other_before, "another row's page is left as it was"
    assert text not in other.read_text("utf-8")
    line = REBUILT.split(log_path.read_text("utf-8", errors="replace"))[-1].splitlines()[0]
    assert "public-sources.csv" in line and PDF_NOTE in line, line  # the PDFs wait for the next build
    assert not external.blocked, external.blocked
    context.close()
