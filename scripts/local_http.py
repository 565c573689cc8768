"""What the local servers (the live preview, the browser editor) share: answers that are never cached,
since the files behind them change with every save."""

from __future__ import annotations

import http.server


class LocalHandler(http.server.BaseHTTPRequestHandler):
    def reply(self, status: int, body: bytes, kind: str, headers: dict[str, str] | None = None) -> None:
        """`body` as `kind`, not to be cached, with `headers` besides; only the headers for HEAD."""
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)
