"""Build the languages in parallel processes, then merge them into the same site a sequential build makes.

mkdocs-static-i18n builds the languages one after the other in one process. Here each language is
built on its own, in its own forked process and folder (the plugin's own per-language build, with the
others switched off), and the folders are merged: each language's subtree and social cards, the
root files from the default language (its 404.html too; each language's own is in its folder,
scripts/not_found.py) and the sitemap entries in language order, as the sequential build leaves
them. tests/test_parallel_build.py compares the two outputs file by file.
"""

from __future__ import annotations

import gzip
import os
import re
import shutil
import sys
import traceback
from pathlib import Path

from scripts.languages import Language, languages
from scripts.social_cards import CARDS_FOLDER

URL_ENTRY = re.compile(r"\s*<url>.*?</url>", re.DOTALL)


def build_one(locale: str, site_dir: Path, config_file: Path) -> None:
    """In a child process: the i18n plugin's build of one language into `site_dir`."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    config = load_config(config_file=str(config_file), site_dir=str(site_dir))
    i18n = config.plugins["i18n"]
    i18n.current_language = locale
    i18n.building = True  # build this language only: the plugin then skips the others
    build(config)


def _start(language: Language, folder: Path, config_file: Path, env: dict) -> tuple[int, Path]:
    """Fork a child that builds one language; it inherits what the parent has loaded and prepared
    (imports, the catalogue step's result), so it starts at once. Returns its pid and log file.
    The command-line build forks from a single thread; callers that run threads (the test suite's
    local servers) only have threads waiting on sockets, which the child never touches."""
    log = folder.with_name(folder.name + ".log")
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid:
        return pid, log
    code = 1
    try:
        output = os.open(log, os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
        os.dup2(output, 1)
        os.dup2(output, 2)
        sys.stdout = sys.stderr = open(output, "w", encoding="utf-8", closefd=False)  # noqa: SIM115 - also under pytest's capture
        os.environ.update(env)
        os.chdir(config_file.parent)
        build_one(language.locale, folder, config_file)
        code = 0
    except BaseException:  # noqa: BLE001 - the child reports everything in its log, never returns
        traceback.print_exc()
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)


def merged_sitemap(parts: list[str]) -> str:
    """The first sitemap with the <url> entries of all of them, in order."""
    entries = "".join(match.group(0) for part in parts for match in URL_ENTRY.finditer(part))
    head, tail = parts[0].split("<url>", 1)[0].rstrip(), "\n</urlset>"
    return head + entries + tail


def _move_tree(source: Path, target: Path) -> None:
    """Move every file of `source` to the same place under `target` (a rename: same file system)."""
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        source.rename(target)
        return
    for directory, _, names in os.walk(source):
        destination = target / Path(directory).relative_to(source)
        destination.mkdir(parents=True, exist_ok=True)
        for name in names:
            os.replace(Path(directory) / name, destination / name)


def merge(folders: dict[str, Path], langs: list[Language], target: Path) -> None:
    default = next(language for language in langs if language.default)
    last = folders[langs[-1].locale]
    parts = [(folders[language.locale] / "sitemap.xml").read_text("utf-8") for language in langs]
    index = _merged_index(folders, langs)
    # As MkDocs writes it: gzip with the build timestamp of the last language built.
    mtime = int.from_bytes((last / "sitemap.xml.gz").read_bytes()[4:8], "little")
    _move_tree(folders[default.locale], target)
    for language in langs:
        if language.default:
            continue
        source = folders[language.locale]
        _move_tree(source / language.prefix, target / language.prefix)
        if (source / CARDS_FOLDER).is_dir():  # named by their text: the same name is the same card
            _move_tree(source / CARDS_FOLDER, target / CARDS_FOLDER)
    sitemap = merged_sitemap(parts)
    (target / "sitemap.xml").write_text(sitemap, encoding="utf-8")
    with (open(target / "sitemap.xml.gz", "wb") as handle,
          gzip.GzipFile(fileobj=handle, filename=str(target / "sitemap.xml.gz"), mode="wb", mtime=mtime) as gz):
        gz.write(sitemap.encode("utf-8"))
    (target / "search" / "search_index.json").write_text(index, encoding="utf-8")


def _merged_index(folders: dict[str, Path], langs: list[Language]) -> str:
    import json

    indexes = [json.loads((folders[language.locale] / "search" / "search_index.json").read_text("utf-8"))
               for language in langs]
    docs = [doc for index in indexes for doc in index["docs"]]
    return json.dumps({"config": indexes[0]["config"], "docs": docs})  # de-duplicated when split


def build_parallel(config_file: Path, staging: Path, env: dict) -> str | None:
    """Build every language at once into `staging`; returns what a failed build printed, or None.

    The caller has run the catalogue step already (build_site.prepare_once), so the children reuse it."""
    langs = languages(config_file)
    work = staging.with_name(staging.name + ".parts")
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    folders = {language.locale: work / language.locale for language in langs}
    from mkdocs.config import load_config

    load_config(config_file=str(config_file))  # the theme, plugins and extensions, imported once for all
    children = [_start(language, folders[language.locale], config_file, env) for language in langs]
    failed = None
    for pid, log in children:
        _, status = os.waitpid(pid, 0)
        if os.waitstatus_to_exitcode(status) != 0 and failed is None:
            failed = log.read_text("utf-8", errors="replace")
    if failed is None:
        merge(folders, langs, staging)
    shutil.rmtree(work, ignore_errors=True)
    return failed
