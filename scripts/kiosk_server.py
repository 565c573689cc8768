"""The kiosk's own web server, copied into the kiosk folder as kiosk-server.py (standard library only,
Python 3.8 or newer): Chromium refuses caption tracks (and other media) on file://, so the start
scripts serve the folder on this machine and open the browser on the language chooser.

It listens on 127.0.0.1 only (nothing on the network can reach it), on PORT or the next free port,
answers byte ranges (a video's seeking and looping) and names the media types browsers need.

Usage: python3 kiosk-server.py [--port 8750] [--no-browser]
"""

from __future__ import annotations

import argparse
import functools
import http.server
import os
import re
import shutil
import subprocess
import sys
import webbrowser
from pathlib import Path

HOST = "127.0.0.1"
DEFAULT_PORT = 8750
TYPES = {".vtt": "text/vtt", ".webm": "video/webm", ".mp4": "video/mp4", ".woff2": "font/woff2",
         ".js": "text/javascript", ".json": "application/json", ".svg": "image/svg+xml", ".webp": "image/webp"}
RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")
# Browsers that have a full-screen kiosk mode, tried in turn; else the system's default browser.
KIOSK_BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "microsoft-edge")


class KioskHandler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, **TYPES}  # noqa: RUF012 - http.server's
    remaining = None  # bytes of a range still to send

    def log_message(self, format, *args):
        pass

    def send_head(self):
        """A file, or the byte range of it the browser asked for (206 Partial Content)."""
        match = RANGE.match(self.headers.get("Range", "").strip())
        path = Path(self.translate_path(self.path))
        if not match or not path.is_file() or match.group(1) == match.group(2) == "":
            return super().send_head()
        size = path.stat().st_size
        first, last = match.groups()
        start, end = (int(first), min(int(last or size - 1), size - 1)) if first else (max(0, size - int(last)), size - 1)
        if start >= size or start > end:
            self.send_response(416)
            self.send_header("Content-Range", f"bytes */{size}")
            self.end_headers()
            return None
        handle = open(path, "rb")  # noqa: SIM115 - returned to http.server, which sends and closes it
        handle.seek(start)
        self.send_response(206)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Range", f"bytes {start}-{end}/{size}")
        self.send_header("Content-Length", str(end - start + 1))
        self.send_header("Accept-Ranges", "bytes")
        self.end_headers()
        self.remaining = end - start + 1
        return handle

    def copyfile(self, source, outputfile):
        remaining = getattr(self, "remaining", None)
        if remaining is None:
            return super().copyfile(source, outputfile)
        while remaining > 0:
            block = source.read(min(1 << 16, remaining))
            if not block:
                break
            outputfile.write(block)
            remaining -= len(block)
        self.remaining = None

    def end_headers(self):
        if not self.headers.get("Range"):
            self.send_header("Accept-Ranges", "bytes")
        super().end_headers()


def make_server(folder: Path, port: int) -> http.server.ThreadingHTTPServer:
    """A server of `folder` on 127.0.0.1: `port`, or the next free one of ten, or any free port."""
    handler = functools.partial(KioskHandler, directory=str(folder))
    for candidate in [*range(port, port + 10), 0] if port else [0]:
        try:
            return http.server.ThreadingHTTPServer((HOST, candidate), handler)
        except OSError:
            continue
    raise OSError(f"no free port on {HOST}")


def open_browser(url: str) -> None:
    for name in KIOSK_BROWSERS:
        found = shutil.which(name)
        if found:
            subprocess.Popen([found, "--kiosk", "--no-first-run", url], stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL)
            return
    webbrowser.open(url)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Serve the kiosk folder on this machine and open it.")
    parser.add_argument("--port", type=int, default=int(os.environ.get("KIOSK_PORT", DEFAULT_PORT)))
    parser.add_argument("--no-browser", action="store_true", help="only serve (open the printed address yourself)")
    args = parser.parse_args(argv)
    server = make_server(Path(__file__).resolve().parent, args.port)
    url = f"http://{HOST}:{server.server_address[1]}/index.html"
    print(f"Kiosk: {url} (close this window to stop)", flush=True)
    if not args.no_browser:
        open_browser(url)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
