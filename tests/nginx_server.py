"""Debian's nginx on a loopback port for tests: its own prefix, pid and error log in a folder, the
site file the publish generated included as a server would include it, run as an unprivileged user."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
from pathlib import Path

NGINX = "/usr/sbin/nginx"
BROTLI_MODULE = Path("/usr/lib/nginx/modules/ngx_http_brotli_static_module.so")
UNPRIVILEGED = "nobody"

MAIN_CONFIG = """{load_module}
worker_processes 1;
pid {prefix}/nginx.pid;
error_log {prefix}/error.log;
events {{ worker_connections 64; }}
http {{
    access_log off;
    client_body_temp_path {prefix}/body;
    proxy_temp_path {prefix}/proxy;
    fastcgi_temp_path {prefix}/fastcgi;
    uwsgi_temp_path {prefix}/uwsgi;
    scgi_temp_path {prefix}/scgi;
    include {site_file};
}}
"""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _as_unprivileged() -> list[str]:
    """Root (as in CI) drops to `nobody` with setpriv; any other user is unprivileged already."""
    if os.getuid() != 0:
        return []
    return ["setpriv", f"--reuid={UNPRIVILEGED}", "--regid=nogroup", "--clear-groups"]


class Nginx:
    def __init__(self, prefix: Path, site_file: Path, port: int):
        self.prefix, self.port = prefix, port
        prefix.mkdir(parents=True, exist_ok=True)
        load_module = f"load_module {BROTLI_MODULE};" if BROTLI_MODULE.exists() else ""
        self.config = prefix / "nginx.conf"
        self.config.write_text(MAIN_CONFIG.format(load_module=load_module, prefix=prefix, site_file=site_file))
        if os.getuid() == 0:
            shutil.chown(prefix, UNPRIVILEGED)
        self.command = [*_as_unprivileged(), NGINX, "-p", str(prefix), "-c", str(self.config)]
        self.process: subprocess.Popen | None = None

    @property
    def brotli(self) -> bool:
        return BROTLI_MODULE.exists()

    def check(self) -> subprocess.CompletedProcess:
        return subprocess.run([*self.command, "-t"], capture_output=True, text=True)

    def start(self) -> None:
        self.process = subprocess.Popen([*self.command, "-g", "daemon off;"])
        while True:  # until it listens, or has exited with its error in error.log
            if self.process.poll() is not None:
                raise RuntimeError(f"nginx exited: {(self.prefix / 'error.log').read_text()[-2000:]}")
            with socket.socket() as probe:
                if probe.connect_ex(("127.0.0.1", self.port)) == 0:
                    return
            time.sleep(0.05)

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait()
