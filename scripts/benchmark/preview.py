"""The benchmark's edit-to-reload times of the live preview (scripts/preview/), in the benchmark's copy.

The preview is started in the copy (every language); a news post, a content page and a project page
are opened in Chromium (requests to other hosts blocked), and each source is edited: a sentence added
to the post and to the page, one cell (the Vietnamese summary) of the project's spreadsheet row
changed. The time is from the save to the browser showing the new text (waited for in the page,
after the page reloaded itself). Each kind is edited `edits` times; the median is reported with
every time.
"""

from __future__ import annotations

import csv
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from scripts.benchmark.web import CHROMIUM, CHROMIUM_ARGS

NEWS_POST = Path("docs/news/posts/2025-03-12-vsip-nghe-an-3-investment-policy.md")
CONTENT_PAGE = Path("docs/labour.md")
CATALOGUE = Path("data/projects/public-sources.csv")
READY = "Preview ready at "


def _free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_preview(project: Path, log_path: Path) -> tuple[subprocess.Popen, str, float]:
    """`python -m scripts.preview` in `project`; returns it, its address and the seconds it took to be ready."""
    port = _free_port()
    started = time.perf_counter()
    with open(log_path, "wb") as log:  # the preview keeps its own copy of the file
        process = subprocess.Popen([sys.executable, "-m", "scripts.preview", "--port", str(port)], cwd=project,
                                   env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, stdout=log,
                                   stderr=subprocess.STDOUT)
    while READY not in log_path.read_text("utf-8", errors="replace"):
        if process.poll() is not None:
            raise SystemExit(f"the preview stopped:\n{log_path.read_text('utf-8', errors='replace')[-3000:]}")
        time.sleep(0.2)
    return process, f"http://127.0.0.1:{port}", round(time.perf_counter() - started, 1)


def _add_sentence(path: Path, text: str) -> None:
    path.write_text(path.read_text("utf-8").rstrip("\n") + f"\n\n{text}\n", encoding="utf-8")


def set_summary(path: Path, project_id: str, text: str) -> None:
    """Change one cell of a spreadsheet row, the Vietnamese summary, as the department's editor would."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    for row in rows:
        if row["id"] == project_id:
            row["summary_vi"] = text
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)


def _time_edit(page, edit, text: str) -> float:
    page.locator("html[data-preview-connected]").wait_for(state="attached")  # the page listens to the preview
    started = time.perf_counter()
    edit(text)
    page.get_by_text(text).first.wait_for(timeout=120_000)
    return time.perf_counter() - started


def measure_preview(project: Path, project_id: str, edits: int) -> dict:
    """Edit-to-reload seconds (median and every edit) for a news post, a content page and a catalogue row."""
    from playwright.sync_api import sync_playwright

    process, url, startup = start_preview(project, project / "preview-bench.log")
    post_url = "/news/posts/" + NEWS_POST.stem + "/"
    kinds = {
        "news_post": (post_url, lambda text: _add_sentence(project / NEWS_POST, text)),
        "content_page": ("/labour/", lambda text: _add_sentence(project / CONTENT_PAGE, text)),
        "catalogue_row": (f"/projects/{project_id}/", lambda text: set_summary(project / CATALOGUE, project_id, text)),
    }
    figures: dict = {"startup_seconds": startup, "edits": edits}
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            context = browser.new_context()
            context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(url)
                          else route.abort())
            for kind, (path, edit) in kinds.items():
                page = context.new_page()
                page.goto(url + path)
                times = [_time_edit(page, edit, f"Câu đo bản xem trước {kind} số {number}.")
                         for number in range(1, edits + 1)]
                figures[kind] = {"median_seconds": round(statistics.median(times), 2),
                                 "runs_seconds": [round(seconds, 2) for seconds in times]}
                page.close()
            browser.close()
    finally:
        process.terminate()
        process.wait(timeout=60)
    return figures


def print_preview(figures: dict) -> None:
    print(f"\npreview: ready after {figures['startup_seconds']} s; edit to reload, median of {figures['edits']}:")
    for kind in ("news_post", "content_page", "catalogue_row"):
        runs = " ".join(str(seconds) for seconds in figures[kind]["runs_seconds"])
        print(f"  {kind:<16}{figures[kind]['median_seconds']:>7} s   {runs}")
