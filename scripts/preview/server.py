"""The preview's HTTP server on 127.0.0.1: the pages of each language's build folder, each HTML page
with the reload script (reload.js) added, and the event stream `/__preview/events`."""

from __future__ import annotations

import http.server
import mimetypes
import posixpath
from collections.abc import Callable
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

from scripts.local_http import LocalHandler
from scripts.preview.events import Events, message

HERE = Path(__file__).resolve().parent
SCRIPT_PATH = "/__preview/reload.js"
EVENTS_PATH = "/__preview/events"
SCRIPT_TAG = f'<script src="{SCRIPT_PATH}" defer></script>'.encode()
KEEPALIVE_SECONDS = 15


def with_script(page: bytes) -> bytes:
    """The page with the reload script before </head> (or at the end when it has none)."""
    at = page.find(b"</head>")
    return page[:at] + SCRIPT_TAG + page[at:] if at >= 0 else page + SCRIPT_TAG


def resolve(folders: list[Path], url_path: str) -> Path | str | None:
    """The file answering `url_path` in the first folder that has it; a str is a redirect (a folder
    asked without its final slash); None when no folder has it."""
    path = posixpath.normpath(unquote(url_path)).lstrip("/")
    if path in (".", ""):
        path = ""
    for folder in folders:
        candidate = (folder / path).resolve()
        if not candidate.is_relative_to(folder.resolve()):
            return None
        if candidate.is_dir():
            if not url_path.endswith("/"):
                return url_path + "/"
            candidate = candidate / "index.html"
        if candidate.is_file():
            return candidate
    return None


def handler_for(events: Events, folders_for: Callable[[str], list[Path]]):
    class Handler(LocalHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format, *args):
            pass

        def do_GET(self):
            url_path = urlsplit(self.path).path
            if url_path == EVENTS_PATH:
                page = parse_qs(urlsplit(self.path).query).get("page", [""])[0]
                with events.listening(page):
                    return self.stream()
            if url_path == SCRIPT_PATH:
                return self.reply(200, (HERE / "reload.js").read_bytes(), "text/javascript; charset=utf-8")
            folders = folders_for(url_path)
            if not folders:  # nothing built yet
                return self.reply(503, with_script((HERE / "waiting.html").read_bytes()), "text/html; charset=utf-8")
            found = resolve(folders, url_path)
            if isinstance(found, str):
                self.send_response(301)
                self.send_header("Location", found)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return None
            if found is None:
                missing = resolve(folders, "/404.html")
                body = missing.read_bytes() if isinstance(missing, Path) else b"<!doctype html><title>404</title>"
                return self.reply(404, with_script(body), "text/html; charset=utf-8")
            kind = mimetypes.guess_type(found.name)[0] or "application/octet-stream"
            body = found.read_bytes()
            if kind == "text/html":
                body, kind = with_script(body), "text/html; charset=utf-8"
            return self.reply(200, body, kind)

        def stream(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "text/event-stream; charset=utf-8")
            self.send_header("Cache-Control", "no-store")
            self.send_header("Connection", "close")
            self.end_headers()
            self.close_connection = True
            state = events.current()
            try:
                self.wfile.write(message(state))
                self.wfile.flush()
                while True:
                    following = events.wait_after(state["version"], KEEPALIVE_SECONDS)
                    if following is None:
                        self.wfile.write(b": keep-alive\n\n")
                    else:
                        state = following
                        self.wfile.write(message(state))
                    self.wfile.flush()
            except (BrokenPipeError, ConnectionResetError):
                return


        do_HEAD = do_GET

    return Handler


class PreviewServer(http.server.ThreadingHTTPServer):
    daemon_threads = True  # event streams never end by themselves
