"""The browser editor end to end: ./scripts/edit's Python entry point in a copy of the sources, Decap CMS
in Chromium with every request to another host blocked and counted, a news post written in three
languages through the forms, and a value the build would refuse refused in the form."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
import urllib.request

import pytest

from scripts.editor import yaml_comments
from scripts.editor.decap_config import expected
from scripts.editor.server import free_port, wait_for_port
from scripts.languages import ROOT
from scripts.problems import message_gettext
from scripts.translation_status import recorded_hash, source_hash
from tests.conftest import ExternalRequests, copy_project

SHOTS = ROOT / "test-artifacts" / "editor"
TITLES = {"vi": "Hội thảo thử nghiệm trình soạn thảo", "en": "Editor trial workshop", "lo": "ກອງປະຊຸມທົດລອງບັນນາທິການ"}
SLUG = "hoi-thao-thu-nghiem-trinh-soan-thao"


@pytest.fixture(scope="module")
def editor(tmp_path_factory):
    """The editor and its preview on a free port, serving a copy of the sources (Vietnamese preview only)."""
    project = copy_project(tmp_path_factory.mktemp("editor") / "project")
    (project / "node_modules").symlink_to(ROOT / "node_modules")
    port = free_port()
    log = open(project / "editor.log", "wb")  # noqa: SIM115 - the server writes to it until the fixture ends
    process = subprocess.Popen([sys.executable, "-m", "scripts.editor", "--port", str(port)], cwd=project,
                               env={**os.environ, "BUILD_ONLY_LOCALE": "vi"}, stdout=log, stderr=subprocess.STDOUT)
    wait_for_port(port, process, seconds=60)
    yield project, f"http://127.0.0.1:{port}"
    process.terminate()
    process.wait(timeout=60)
    log.close()


@pytest.fixture
def admin(browser, editor):
    """The editor page, signed in to the local backend, with other hosts blocked (page.external)."""
    _, url = editor
    context = browser.new_context(viewport={"width": 1366, "height": 900}, locale="vi-VN")
    external = ExternalRequests(url)
    context.route("**/*", external.route)
    page = context.new_page()
    page.external = external
    page.goto(f"{url}/admin/")
    page.get_by_role("button", name="Đăng nhập").click()
    page.get_by_role("link", name="Tin tức").first.wait_for()
    yield page
    context.close()


def _pane_locale(page, pane: int, locale: str) -> None:
    """Choose the language a side of the editor writes in ("Writing in EN" → LO)."""
    page.get_by_role("button", name=re.compile(r"^Writing in ")).nth(pane).click()
    page.get_by_role("menuitem", name=locale, exact=True).click()


def _fill_post(page, pane: int, locale: str, body: str) -> None:
    page.locator("input[id^=title-field]").nth(pane).fill(TITLES[locale])
    page.locator("input[id^=description-field]").nth(pane).fill(f"{TITLES[locale]}: {body}")
    editor = page.locator("[contenteditable=true]").nth(pane)
    editor.click()
    page.keyboard.type(body)


def _publish(page) -> None:
    page.get_by_role("button", name="Công bố", exact=True).click()
    page.get_by_text("Công bố ngay", exact=True).click()


def _first_event(page, editor):
    """data/events.yml of the editor's copy, its text before the test, and its first event's source field
    opened in the form."""
    project, url = editor
    events = project / "data" / "events.yml"
    before = events.read_text("utf-8")
    page.goto(f"{url}/admin/#/collections/data/entries/events")
    item = page.get_by_text("vi-giam-unesco-anniversary", exact=True)
    item.locator("xpath=ancestor::*[.//button][1]").locator("button").first.click()  # open the first event
    return events, before, page.locator("input[id^=source-field]").first


def _shot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"))


def test_a_news_post_in_three_languages_is_written_as_the_site_names_its_files(admin, editor):
    project, url = editor
    page = admin
    page.goto(f"{url}/admin/#/collections/news/new")
    page.locator("input[id^=title-field]").nth(1).wait_for()
    page.locator("input[type=date]").first.fill("2026-11-30")
    _fill_post(page, 0, "vi", "Nội dung tiếng Việt.")
    _fill_post(page, 1, "en", "English text.")
    _shot(page, "news-post-vi-en")
    _pane_locale(page, 1, "lo")
    _fill_post(page, 1, "lo", "ເນື້ອໃນພາສາລາວ.")
    _shot(page, "news-post-vi-lo")
    _publish(page)
    page.get_by_text("Đã công bố", exact=True).wait_for(timeout=60_000)  # "published": saved
    _shot(page, "news-post-published")

    posts = project / "docs" / "news" / "posts"
    source = posts / f"2026-11-30-{SLUG}.md"
    for _ in range(600):  # the save is written within a minute
        if all((posts / f"2026-11-30-{SLUG}{suffix}.md").exists() for suffix in ("", ".en", ".lo")):
            break
        time.sleep(0.1)
    assert sorted(path.name for path in posts.glob(f"*{SLUG}*")) == [
        f"2026-11-30-{SLUG}.en.md", f"2026-11-30-{SLUG}.lo.md", f"2026-11-30-{SLUG}.md"]
    assert page.external.blocked == []

    from scripts.front_matter import check_page
    for locale, suffix in (("vi", ""), ("en", ".en"), ("lo", ".lo")):
        path = posts / f"2026-11-30-{SLUG}{suffix}.md"
        assert check_page(path, path.name) == []
        text = path.read_text("utf-8")
        assert f"title: {TITLES[locale]}" in text and re.search(r"^date: '?2026-11-30'?$", text, re.MULTILINE)
        if locale != "vi":  # the translation stamp, set in the same save
            assert recorded_hash(path) == source_hash(source)
    assert "source_hash" not in source.read_text("utf-8")

    preview = f"{url}/news/posts/2026-11-30-{SLUG}/"
    for _ in range(600):  # the preview rebuilds after the save (the whole site, today)
        try:
            with urllib.request.urlopen(preview) as response:
                if TITLES["vi"] in response.read().decode():
                    break
        except OSError:
            pass
        time.sleep(1)
    page.goto(preview)
    assert page.get_by_role("heading", name=TITLES["vi"]).first.is_visible()
    assert page.external.blocked == []


def test_a_value_the_build_refuses_is_refused_in_the_form_with_its_message(admin, editor):
    page = admin
    events, before, source = _first_event(page, editor)
    source.fill("baonghean.vn/tin-tuc")
    _publish(page)
    message = page.get_by_text(expected("url", message_gettext("vi")[0]))  # the build's words, in Vietnamese
    message.first.wait_for()
    assert "không khớp với mẫu: một địa chỉ web" in message.first.text_content().lower()  # Decap's words, then ours
    _shot(page, "refused-value")
    assert events.read_text("utf-8") == before
    assert page.external.blocked == []


def test_a_data_file_saved_in_the_editor_keeps_its_comments(admin, editor):
    """Decap writes data/events.yml from its values: the file's guidance comments are put back on the way."""
    page = admin
    events, before, source = _first_event(page, editor)
    changed = source.input_value().rstrip("/") + "/?editor-test"
    source.fill(changed)
    _publish(page)
    page.get_by_text("Đã công bố", exact=True).wait_for(timeout=60_000)
    for _ in range(600):
        if changed in events.read_text("utf-8"):
            break
        time.sleep(0.1)
    after = events.read_text("utf-8")
    SHOTS.mkdir(parents=True, exist_ok=True)
    (SHOTS / "events-saved-by-the-editor.yml").write_text(after, "utf-8")  # to look at Decap's layout
    assert changed in after
    assert yaml_comments.comments(after) == yaml_comments.comments(before) != {}
    assert page.external.blocked == []
