"""Page weight in Chromium (every request a page makes, raw and gzip) and Lighthouse scores."""

from __future__ import annotations

import functools
import gzip
import http.server
import io
import json
import os
import statistics
import subprocess
import tempfile
import threading
from pathlib import Path

from scripts import folders

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


def page_weights(urls: dict[str, str]) -> dict[str, dict]:
    """Bytes transferred to load each page (and its frames) until the network is idle."""
    from playwright.sync_api import sync_playwright

    results = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for name, url in urls.items():
            page = browser.new_page()
            bodies = []
            # A function of our own: Playwright marks each handler, which a list's builtin append cannot carry.
            page.on("response", lambda response, bodies=bodies: bodies.append(response))
            page.goto(url, wait_until="networkidle")
            page.wait_for_timeout(300)
            raw = gz = requests = 0
            for response in bodies:
                try:
                    body = response.body()
                except Exception:  # noqa: BLE001, S112 - redirects and aborted requests have no body
                    continue
                raw += len(body)
                gz += len(gzip.compress(body, 6))
                requests += 1
            results[name] = {"requests": requests, "raw_kb": round(raw / 1024, 1), "gzip_kb": round(gz / 1024, 1)}
            page.close()
        browser.close()
    return results


LIGHTHOUSE_RUNS = 3  # Lighthouse's own advice for its variance: run several times, report the median


def lighthouse(url: str, runs: int = LIGHTHOUSE_RUNS) -> dict[str, float]:
    """Lighthouse (mobile) category scores for `url`, run with Debian's Chromium, offline: the median
    of `runs` runs per category (one run's performance score moves by a few hundredths with the load
    of the machine)."""
    reports = [_lighthouse_run(url) for _ in range(runs)]
    return {category: statistics.median(report[category] for report in reports) for category in CATEGORIES}


def _lighthouse_run(url: str) -> dict[str, float]:
    binary = folders.CODE / "node_modules" / ".bin" / "lighthouse"
    with tempfile.TemporaryDirectory() as tmp:
        output = Path(tmp) / "report.json"
        subprocess.run([str(binary), url, "--quiet", "--output=json", f"--output-path={output}",
                        "--only-categories=" + ",".join(CATEGORIES), "--form-factor=mobile",
                        "--chrome-flags=--headless=new " + " ".join(CHROMIUM_ARGS)],
                       check=True, env={**os.environ, "CHROME_PATH": CHROMIUM}, capture_output=True, timeout=240)
        report = json.loads(output.read_text("utf-8"))
    return {category: report["categories"][category]["score"] for category in CATEGORIES}


COMPRESSED_SUFFIXES = (".html", ".css", ".js", ".mjs", ".json", ".xml", ".svg", ".txt", ".csv", ".geojson", ".ics")


class _Host(http.server.SimpleHTTPRequestHandler):
    """A static host as sites are published: text compressed with gzip when the browser accepts it."""

    def log_message(self, format, *args):
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?")[0].endswith("/"):
            path = path / "index.html"
        if ("gzip" not in self.headers.get("Accept-Encoding", "") or not path.is_file()
                or not path.name.endswith(COMPRESSED_SUFFIXES)):
            return super().send_head()  # directories without a slash are redirected here
        body = gzip.compress(path.read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


def serve(directory: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Host, directory=str(directory)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"
