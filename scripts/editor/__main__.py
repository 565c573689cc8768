"""python -m scripts.editor [--port 8000] [--root DIR]: the browser editor and its preview (./scripts/edit)."""

from __future__ import annotations

import argparse
from pathlib import Path

from scripts import folders
from scripts.editor.server import serve


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="./scripts/edit", description=__doc__)
    parser.add_argument("--port", type=int, default=8000, help="the local port of the editor and preview")
    parser.add_argument("--root", type=Path, default=folders.current().root, help="the source folder to edit (default: this one)")
    args = parser.parse_args(argv)
    folders.use(args.root.resolve() / "mkdocs.yml")
    serve(args.root.resolve(), args.port)


if __name__ == "__main__":
    main()
