"""`./scripts/edit`: the browser editor at http://127.0.0.1:8000/admin/ beside the live preview.

One local address for the clerk: this server answers `/admin/` (the editor page, its generated
config.yml and the vendored Decap CMS in editor/vendor/), forwards `/api/v1` to decap-server (the
file names and the translation stamp rewritten by locale_files), and passes every other request to
the live preview (`python -m scripts.preview`, its event stream passed through as it comes). Both
run on other local ports and stop with it.
The editor is never part of the published site: nothing of it is under docs/.
"""

from __future__ import annotations

import contextlib
import http.client
import http.server
import json
import mimetypes
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import yaml

from scripts.editor.decap_config import decap_config
from scripts.editor.locale_files import LocaleFiles
from scripts.languages import declared_languages, declared_locales, source_locale
from scripts.local_http import LocalHandler
from scripts.locales import compile_catalogs
from scripts.templates_env import environment

VENDOR = "editor/vendor/decap-cms"
UI_LOCALES = ("vi", "en")  # Decap ships both; the page picks by ?lang=, the last choice, or the browser
PREVIEW_EVENTS = "/__preview/events"  # the preview's Server-Sent Events (scripts/preview/server.py)
# Only this machine: scripts, styles, images and requests of the editor page come from it.
ADMIN_POLICY = ("default-src 'self'; script-src 'self' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; "
                "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; "
                "worker-src 'self' blob:; frame-src 'self' blob:; object-src 'none'; base-uri 'none'")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for_port(port: int, process: subprocess.Popen, seconds: float = 600) -> None:
    """Until a child listens on `port` (mkdocs serve builds the whole site first)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"error: {process.args[0]} stopped (exit {process.returncode})")
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.2)
    raise SystemExit(f"error: nothing answers on 127.0.0.1:{port}")


class Editor:
    """What the front server needs: the source folder, the children's ports and the rewriting."""

    def __init__(self, root: Path, port: int, backend_port: int, preview_port: int):
        self.root, self.port, self.backend_port, self.preview_port = root, port, backend_port, preview_port
        compile_catalogs(list(UI_LOCALES))  # the editor page's own texts
        self.files = LocaleFiles(root, source_locale(root / "mkdocs.yml"), declared_locales(root / "mkdocs.yml"))

    def config(self, ui_locale: str) -> bytes:
        api = f"http://127.0.0.1:{self.port}/api/v1"
        return yaml.safe_dump(decap_config(ui_locale, api, self.root), allow_unicode=True, sort_keys=False).encode()

    def admin_page(self, ui_locale: str) -> bytes:
        ui_languages = [language for language in declared_languages(self.root / "mkdocs.yml") if language.locale in UI_LOCALES]
        return environment(ui_locale).get_template("editor-admin.html").render(
            ui_locale=ui_locale, ui_languages=ui_languages).encode()

    def api(self, body: bytes) -> tuple[int, bytes]:
        message = self.files.request(json.loads(body or b"{}"))
        status, answer, _ = _exchange("127.0.0.1", self.backend_port, "POST", "/api/v1",
                                   json.dumps(message).encode(), {"Content-Type": "application/json"})
        if status == 200:
            answer = json.dumps(self.files.response(json.loads(answer))).encode()
        return status, answer


def _exchange(host: str, port: int, method: str, path: str, body: bytes | None, headers: dict):
    connection = http.client.HTTPConnection(host, port, timeout=300)
    try:
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        return response.status, response.read(), response.getheader("Content-Type")
    finally:
        connection.close()


def handler_for(editor: Editor):
    class Handler(LocalHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format, *args):
            pass

        def do_GET(self):
            url = urlsplit(self.path)
            if url.path in ("/admin", "/admin/", "/admin/index.html"):
                self.reply(200, editor.admin_page(self.ui_locale()), "text/html; charset=utf-8")
            elif url.path == "/admin/config.yml":
                self.reply(200, editor.config(self.ui_locale()), "text/yaml; charset=utf-8")
            elif url.path.startswith("/admin/"):
                self.admin_file(url.path.removeprefix("/admin/"))
            else:
                self.preview()

        def ui_locale(self) -> str:
            """?lang=, else the browser's first language when the editor speaks it, else Vietnamese."""
            asked = (parse_qs(urlsplit(self.path).query).get("lang") or [""])[0]
            browser = (self.headers.get("Accept-Language") or "")[:2].lower()
            return next((locale for locale in (asked, browser) if locale in UI_LOCALES), UI_LOCALES[0])

        def do_HEAD(self):
            self.preview()

        def do_POST(self):
            if urlsplit(self.path).path != "/api/v1":
                return self.reply(404, b"not found", "text/plain")
            status, answer = editor.api(self.rfile.read(int(self.headers.get("Content-Length") or 0)))
            self.reply(status, answer, "application/json; charset=utf-8")

        def admin_file(self, name: str) -> None:
            folder = (editor.root / VENDOR).resolve()
            base = {"decap-cms/": folder, "": (editor.root / "editor").resolve()}
            prefix = "decap-cms/" if name.startswith("decap-cms/") else ""
            path = (base[prefix] / name.removeprefix(prefix)).resolve()
            if not path.is_file() or not path.is_relative_to(base[prefix]) or path.suffix not in (".js", ".wasm", ".css"):
                return self.reply(404, b"not found", "text/plain")
            kind = "application/wasm" if path.suffix == ".wasm" else mimetypes.guess_type(path.name)[0]
            self.reply(200, path.read_bytes(), kind or "application/octet-stream")

        def preview(self) -> None:
            if urlsplit(self.path).path == PREVIEW_EVENTS:
                return self.preview_stream()
            headers = {key: value for key, value in self.headers.items() if key.lower() != "host"}
            try:
                status, body, kind = _exchange("127.0.0.1", editor.preview_port, self.command, self.path, None, headers)
            except OSError:
                return self.reply(502, b"the preview is not running", "text/plain")
            self.send_response(status)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Content-Type", kind or "application/octet-stream")
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)

        def preview_stream(self) -> None:
            """The preview's event stream, passed on line by line while the page listens."""
            connection = http.client.HTTPConnection("127.0.0.1", editor.preview_port, timeout=None)
            try:
                connection.request("GET", self.path)
                response = connection.getresponse()
                self.send_response(response.status)
                self.send_header("Content-Type", response.getheader("Content-Type") or "text/event-stream")
                self.send_header("Cache-Control", "no-store")
                self.send_header("Connection", "close")
                self.end_headers()
                self.close_connection = True
                while line := response.readline():
                    self.wfile.write(line)
                    if line == b"\n":
                        self.wfile.flush()
            except OSError:
                return
            finally:
                connection.close()
            return

        def reply(self, status: int, body: bytes, kind: str) -> None:
            admin = urlsplit(self.path).path.startswith("/admin")
            super().reply(status, body, kind, {"Content-Security-Policy": ADMIN_POLICY} if admin else None)

    return Handler


def start_children(root: Path, backend_port: int, preview_port: int) -> list[subprocess.Popen]:
    backend = subprocess.Popen(
        ["node", str(root / "node_modules" / "decap-server" / "dist" / "index.js")], cwd=root,
        env={**os.environ, "PORT": str(backend_port), "BIND_HOST": "127.0.0.1", "MODE": "fs",
             "GIT_REPO_DIRECTORY": str(root), "LOG_LEVEL": "warn"}, start_new_session=True)
    preview = subprocess.Popen(
        [sys.executable, "-m", "scripts.preview", "--port", str(preview_port)], cwd=root,
        env={**os.environ, "PYTHONPATH": str(root), "NO_MKDOCS_2_WARNING": "1"}, start_new_session=True)
    return [backend, preview]


def _stop(signum, frame):
    raise KeyboardInterrupt  # stopped like Ctrl+C: the children stop with the editor


def serve(root: Path, port: int = 8000) -> None:
    signal.signal(signal.SIGTERM, _stop)
    backend_port, preview_port = free_port(), free_port()
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler_for(
        Editor(root, port, backend_port, preview_port)))
    children = start_children(root, backend_port, preview_port)
    try:
        wait_for_port(backend_port, children[0])
        print(f"Editor: http://127.0.0.1:{port}/admin/ — the preview follows at http://127.0.0.1:{port}/"
              " once it is built", flush=True)
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        for child in children:  # each in its own process group, with the build's worker processes
            with contextlib.suppress(ProcessLookupError):
                os.killpg(child.pid, signal.SIGTERM)
        for child in children:
            child.wait(timeout=30)
