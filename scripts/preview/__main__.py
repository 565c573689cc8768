"""`python -m scripts.preview [--port 8000] [--lang en]`: the live preview (`./scripts/serve`)."""

from __future__ import annotations

import argparse
import logging
import os
import shutil
import signal
import sys
import threading
from pathlib import Path

from scripts import folders, parsed_files
from scripts.catalogue import preview_step
from scripts.languages import MKDOCS_YML
from scripts.preview.server import PreviewServer, handler_for
from scripts.preview.session import Session
from scripts.preview.watcher import Watcher
from scripts.problems import message_locales

OUTPUT = ".preview"  # the preview's build folders (gitignored); site/ stays the published build
IDLE_SECONDS = 0.5  # with no save for this long, what a newer save interrupted is done (Session.catch_up)


def _stop(signum, frame):
    raise KeyboardInterrupt


def main(argv: list[str] | None = None, prog: str | None = None) -> int:
    parser = argparse.ArgumentParser(prog=prog, description="Live preview: after each save, only what it affects is built again.")
    parser.add_argument("--port", type=int, default=8000, help="port on 127.0.0.1 (default: %(default)s)")
    parser.add_argument("--config-file", type=Path, default=MKDOCS_YML, help="the project's mkdocs.yml")
    parser.add_argument("--lang", choices=message_locales(), default=message_locales()[0],
                        help="language of the problems reported (default: %(default)s)")
    args = parser.parse_args(argv)
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    config_file = folders.use(args.config_file).config_file  # its data, caches and locales
    output = config_file.parent / OUTPUT
    shutil.rmtree(output, ignore_errors=True)
    output.mkdir()
    logging.basicConfig(filename=output / "preview.log", level=logging.WARNING)
    signal.signal(signal.SIGTERM, _stop)
    parsed_files.keep_parsed()  # a save parses again only the data files it changed
    preview_step.rendered.keep()  # and renders again only the projects it changed
    session = Session(config_file, output, args.lang)
    server = PreviewServer(("127.0.0.1", args.port), handler_for(session.events, session.folders_for))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    watcher = Watcher(config_file.parent)
    watcher.start()
    session.save_waiting = lambda: watcher.save_waiting(set(session.written))  # a newer save goes first
    address = f"http://127.0.0.1:{server.server_address[1]}/"
    print(f"Building the preview for {address} (every language once; this takes a while) …", flush=True)
    try:
        session.start()
        watcher.remember(session.written)
        problems = session.problems_text()
        if problems:
            print(problems, file=sys.stderr, flush=True)
        session.events.publish(["*"], problems, rebuilt=False)
        print(f"Preview ready at {address}", flush=True)
        while True:
            changed = watcher.next_batch(idle_after=IDLE_SECONDS if session.behind else None)
            if changed:
                session.handle(changed)
            else:
                session.catch_up()
            watcher.remember(session.written)
    except KeyboardInterrupt:
        return 0
    finally:
        watcher.stop()
        server.shutdown()


if __name__ == "__main__":
    sys.exit(main())
