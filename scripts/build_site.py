"""Build the whole trilingual site into site/, keeping the last good site/ if anything fails.

Usage: python -m scripts.build_site [--site-dir DIR]   (./scripts/build runs this)

MkDocs builds into a fresh folder next to the target; only a successful build replaces the target.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from scripts import front_matter, site_files
from scripts.kiosk import build_kiosk
from scripts.parallel_build import build_parallel
from scripts.search_index import write_language_indexes
from scripts.catalogue.problems import report
from scripts.catalogue.validate import load_catalogue
from scripts.catalogue.vocabularies import load_vocabularies
from scripts.content.news import load_posts
from scripts.data_schemas import check_sources
from scripts.glossary import check_data, check_docs
from scripts.images import refused_files
from scripts.languages import MKDOCS_YML, ROOT, languages, load_mkdocs_config
from scripts.media import video_step
from scripts.sitemaps import write_language_sitemaps, write_robots


NOT_PAGES = ("assets", "search", "embed")  # top-level folders whose HTML files are not pages of the site


def count_pages(site_dir: Path) -> dict[str, int]:
    """HTML pages per language (404 pages left out): the default language at the root, the others
    under /<locale>/."""
    by_folder = {language.prefix.rstrip("/"): language.locale for language in languages() if language.prefix}
    default = next(language.locale for language in languages() if language.default)
    counts = dict.fromkeys([default, *by_folder.values()], 0)
    for entry in os.scandir(site_dir):
        if entry.is_file():
            counts[default] += _is_page(entry.name)
        elif entry.name not in NOT_PAGES:
            counts[by_folder.get(entry.name, default)] += sum(
                sum(map(_is_page, names)) for _, _, names in os.walk(entry.path))
    return counts


def _is_page(name: str) -> bool:
    return name.endswith(".html") and name != "404.html"


def run_mkdocs(output_dir: Path, config_file: Path = MKDOCS_YML, site_url: str | None = None) -> int:
    """Run `mkdocs build` (strict, from mkdocs.yml); show its warnings and errors, not its INFO lines."""
    command = [sys.executable, "-m", "mkdocs", "build", "--config-file", str(config_file),
               "--site-dir", str(output_dir)]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    if site_url:
        env["SITE_URL"] = site_url
    result = subprocess.run(command, cwd=config_file.parent, env=env, capture_output=True, text=True)
    showing = True
    for line in (result.stdout + result.stderr).splitlines():
        if not line.startswith(" "):  # indented lines continue the message above them
            showing = not line.startswith("INFO")
        if showing and line.strip():
            print(line, file=sys.stderr)
    return result.returncode


def replace_directory(new: Path, target: Path) -> None:
    """Put `new` in place of `target` with two renames, so target is never half-written."""
    old = target.with_name(target.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        target.rename(old)
    new.rename(target)
    shutil.rmtree(old, ignore_errors=True)


def prepare_once(config_file: Path, site_url: str | None) -> Path:
    """Generate the data-driven pages and files once, before the language processes start; returns
    the docs folder."""
    from scripts.catalogue import build_step
    from scripts.locales import compile_catalogs

    config = load_mkdocs_config(config_file)
    url = site_url or os.environ.get("SITE_URL") or config["site_url"]
    compile_catalogs([language.locale for language in languages(config_file)], config_file.parent / "locales")
    docs_dir = config_file.parent / config.get("docs_dir", "docs")
    build_step.prepare(docs_dir, url if url.endswith("/") else url + "/", config.get("extra", {}),
                       config_file.parent / "data")
    video_step.prepare(docs_dir)  # encoded once here, found in the cache by each language's process
    return docs_dir


def run_parallel(staging: Path, config_file: Path, site_url: str | None) -> int:
    from scripts.catalogue.build_step import CatalogueError

    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **({"SITE_URL": site_url} if site_url else {})}
    try:
        docs_dir = prepare_once(config_file, site_url)
    except (CatalogueError, video_step.VideoError) as problems:
        print(problems, file=sys.stderr)
        return 1
    failed = build_parallel(config_file, staging, env)
    if failed is not None:
        print(failed[-4000:], file=sys.stderr)
        return 1
    write_language_indexes(staging, languages(config_file))
    site_files.publish(site_files.folder(docs_dir), staging)
    return 0


def build(site_dir: Path, config_file: Path = MKDOCS_YML, site_url: str | None = None, parallel: bool = False) -> int:
    """Build into `site_dir`; `site_url` overrides mkdocs.yml's (the address the site is served from).

    `parallel` builds the languages in parallel processes (scripts/parallel_build.py)."""
    started = time.perf_counter()
    docs = config_file.parent / "docs"
    problems = (check_sources(config_file) + front_matter.check_docs(docs, config_file.parent)
                + refused_files(docs, config_file.parent)
                + video_step.check(docs, config_file.parent, video_step.generated_videos(docs))[1])
    if not problems:  # the spreadsheets and posts are read with the vocabularies just checked
        catalogue = load_catalogue(config_file.parent / "data", root=config_file.parent)
        tags = load_vocabularies(config_file.parent / "data").news_tags
        locale = languages(config_file)[0].locale
        problems = catalogue.problems + load_posts(docs / "news" / "posts", locale, tags, config_file.parent)[1]
    if problems:
        print(report(problems), file=sys.stderr)
        return 1
    others = [lang.locale for lang in languages() if not lang.default]
    for warning in check_docs(docs, others) + check_data(config_file.parent / "data", root=config_file.parent):
        print(f"warning: {warning}", file=sys.stderr)
    staging = site_dir.with_name(site_dir.name + ".new")
    shutil.rmtree(staging, ignore_errors=True)
    code = run_parallel(staging, config_file, site_url) if parallel else run_mkdocs(staging, config_file, site_url)
    if code != 0:
        shutil.rmtree(staging, ignore_errors=True)
        kept = f"The previous site in {site_dir} was kept unchanged." if site_dir.exists() else ""
        print(f"Build failed: see the messages above. {kept}".strip(), file=sys.stderr)
        return 1
    write_language_sitemaps(staging)
    write_robots(staging)
    replace_directory(staging, site_dir)
    elapsed = time.perf_counter() - started
    counts = ", ".join(f"{locale} {count}" for locale, count in count_pages(site_dir).items())
    print(f"Built {site_dir} in {elapsed:.1f} s. Pages per language: {counts}.")
    print(f"Open {site_dir / 'index.html'} or preview with ./scripts/serve")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build the trilingual site.")
    parser.add_argument("--site-dir", type=Path, default=ROOT / "site", help="output folder (default: site/)")
    parser.add_argument("--site-url", help="address the site will be served from (default: SITE_URL or mkdocs.yml)")
    parser.add_argument("--parallel", action="store_true",
                        help="build the languages in parallel processes (same output, see scripts/parallel_build.py)")
    parser.add_argument("--kiosk", action="store_true",
                        help="also write the offline kiosk folder dist/kiosk/ and dist/nghean-kiosk.zip")
    args = parser.parse_args(argv)
    code = build(args.site_dir.resolve(), site_url=args.site_url, parallel=args.parallel)
    if code == 0 and args.kiosk:
        archive = build_kiosk(args.site_dir.resolve(), ROOT / "dist")
        print(f"Kiosk: open {ROOT / 'dist' / 'kiosk' / 'index.html'} (zip: {archive})")
    return code


if __name__ == "__main__":
    sys.exit(main())
