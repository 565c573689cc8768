"""The single entry point: `python -m scripts COMMAND [options]` (./scripts/build, ./scripts/serve and ./scripts/publish call it).

Thin: each command is the `main` of the module that does the work, given the rest of the command line,
so its options, messages and exit codes are that module's. `python -m scripts COMMAND --help` lists them.
"""

from __future__ import annotations

import argparse
import importlib
import sys

# command → (module whose main(argv, prog) runs it, what it does)
COMMANDS = {
    "build": ("scripts.build_site", "build the whole site into site/, keeping the last good site if anything fails"),
    "check": ("scripts.source_check", "check the sources as the build does before MkDocs, without building"),
    "serve": ("scripts.preview.__main__", "the live preview on 127.0.0.1: a save renders again what it affects, problems shown in the browser"),
    "kiosk": ("scripts.kiosk", "write the offline kiosk folder and zip from the built site"),
    "publish": ("scripts.publish", "build and publish the site to a folder or user@host:/path, or --rollback"),
}


def parser() -> argparse.ArgumentParser:
    commands = argparse.ArgumentParser(prog="python -m scripts", description=__doc__.splitlines()[0])
    names = commands.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, (_, summary) in COMMANDS.items():
        names.add_parser(name, help=summary, add_help=False)  # the command's own parser answers --help
    return commands


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    commands = parser()
    name = commands.parse_args(argv[:1]).command  # only the name: the rest is the command's
    module = importlib.import_module(COMMANDS[name][0])
    return module.main(argv[1:], prog=f"{commands.prog} {name}")


if __name__ == "__main__":
    sys.exit(main())
