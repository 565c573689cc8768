"""Build the languages in parallel processes, then merge them into the same site a sequential build makes.

mkdocs-static-i18n builds the languages one after the other in one process. Here each language is
built on its own, in its own process and folder (the plugin's own per-language build, with the
others switched off), and the folders are merged: each language's subtree and social cards, the
root files from the default language, the sitemap entries in language order, and the pages
rendered from static templates (404.html) from the last language, as the sequential build leaves
them. tests/test_parallel_build.py compares the two outputs file by file.
"""

from __future__ import annotations

import gzip
import os
import re
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from scripts.languages import Language, languages

URL_ENTRY = re.compile(r"\s*<url>.*?</url>", re.S)


def build_one(locale: str, site_dir: Path, config_file: Path) -> None:
    """Run in a child process: the i18n plugin's build of one language into `site_dir`."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    config = load_config(config_file=str(config_file), site_dir=str(site_dir))
    i18n = config.plugins["i18n"]
    i18n.current_language = locale
    i18n.building = True  # build this language only: the plugin then skips the others
    build(config)


def _run(language: Language, folder: Path, config_file: Path, env: dict) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "scripts.parallel_build", language.locale, str(folder), str(config_file)]
    return subprocess.run(command, cwd=config_file.parent, env=env, capture_output=True, text=True)


def merged_sitemap(parts: list[str]) -> str:
    """The first sitemap with the <url> entries of all of them, in order."""
    entries = "".join(match.group(0) for part in parts for match in URL_ENTRY.finditer(part))
    head, tail = parts[0].split("<url>", 1)[0].rstrip(), "\n</urlset>"
    return head + entries + tail


def merge(folders: dict[str, Path], langs: list[Language], target: Path) -> None:
    default = next(language for language in langs if language.default)
    shutil.copytree(folders[default.locale], target)
    for language in langs:
        if language.default:
            continue
        source = folders[language.locale]
        shutil.copytree(source / language.prefix, target / language.prefix, dirs_exist_ok=True)
        cards = source / "assets" / "cards" / language.prefix
        if cards.is_dir():
            shutil.copytree(cards, target / "assets" / "cards" / language.prefix, dirs_exist_ok=True)
    last = folders[langs[-1].locale]
    shutil.copyfile(last / "404.html", target / "404.html")
    parts = [(folders[language.locale] / "sitemap.xml").read_text("utf-8") for language in langs]
    sitemap = merged_sitemap(parts)
    (target / "sitemap.xml").write_text(sitemap, encoding="utf-8")
    # As MkDocs writes it: gzip with the build timestamp of the last language built.
    mtime = int.from_bytes((last / "sitemap.xml.gz").read_bytes()[4:8], "little")
    with open(target / "sitemap.xml.gz", "wb") as handle:
        with gzip.GzipFile(fileobj=handle, filename=str(target / "sitemap.xml.gz"), mode="wb", mtime=mtime) as gz:
            gz.write(sitemap.encode("utf-8"))
    (target / "search" / "search_index.json").write_text(_merged_index(folders, langs), encoding="utf-8")


def _merged_index(folders: dict[str, Path], langs: list[Language]) -> str:
    import json

    indexes = [json.loads((folders[language.locale] / "search" / "search_index.json").read_text("utf-8"))
               for language in langs]
    docs = [doc for index in indexes for doc in index["docs"]]
    return json.dumps({"config": indexes[0]["config"], "docs": without_duplicates(docs, langs)})


def without_duplicates(docs: list[dict], langs: list[Language]) -> list[dict]:
    """As mkdocs-static-i18n does: drop a translated entry identical to the default language's one
    (a page shown in a fallback language), keeping the default language's entry."""
    prefixes = tuple(language.prefix for language in langs if language.prefix)
    default_docs = [doc for doc in docs if not doc["location"].startswith(prefixes)]
    translated = [doc for doc in docs if doc["location"].startswith(prefixes)]
    duplicates = []
    for original in default_docs:
        for doc in translated:
            if (doc["title"] == original["title"] and doc["location"].endswith(original["location"])
                    and doc["text"] == original["text"] and all(doc is not d for d in duplicates)):
                duplicates.append(doc)
    return [doc for doc in docs if all(doc is not d for d in duplicates)]


def build_parallel(config_file: Path, staging: Path, env: dict) -> subprocess.CompletedProcess | None:
    """Build every language at once into `staging`; returns the first failed process, or None."""
    langs = languages(config_file)
    work = staging.with_name(staging.name + ".parts")
    shutil.rmtree(work, ignore_errors=True)
    folders = {language.locale: work / language.locale for language in langs}
    with ThreadPoolExecutor(max_workers=len(langs)) as pool:
        results = list(pool.map(lambda lang: _run(lang, folders[lang.locale], config_file, env), langs))
    failed = next((result for result in results if result.returncode != 0), None)
    if failed is None:
        merge(folders, langs, staging)
    shutil.rmtree(work, ignore_errors=True)
    return failed


if __name__ == "__main__":
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    build_one(sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3]))
