"""Build the whole trilingual site into site/, keeping the last good site/ if anything fails.

Usage: python -m scripts build [--site-dir DIR] [--lang en] [--no-wait]   (./scripts/build runs this)

One build at a time per project (scripts/build_lock.py). MkDocs builds into a new release folder
beside the target; only a successful build whose output is whole (scripts/site_check.py) becomes
the site, switched in one rename (scripts/site_releases.py).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from scripts import build_lock, folders, site_check, site_files, site_releases
from scripts.kiosk import write_kiosk
from scripts.languages import MKDOCS_YML, languages, load_mkdocs_config
from scripts.media import video_step
from scripts.parallel_build import build_parallel
from scripts.problems import message_locales, report
from scripts.search_index import write_language_indexes
from scripts.sitemaps import write_language_sitemaps, write_robots
from scripts.source_check import source_problems, source_warnings

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


def run_mkdocs(output_dir: Path, config_file: Path = MKDOCS_YML, site_url: str | None = None,
               pass_fds: tuple[int, ...] = ()) -> int:
    """Run `mkdocs build` (strict, from mkdocs.yml); show its warnings and errors, not its INFO lines.
    `pass_fds` stay open in MkDocs' process (the build lock, held as long as it runs)."""
    command = [sys.executable, "-m", "mkdocs", "build", "--config-file", str(config_file),
               "--site-dir", str(output_dir)]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    if site_url:
        env["SITE_URL"] = site_url
    result = subprocess.run(command, cwd=config_file.parent, env=env, capture_output=True, text=True,
                            pass_fds=pass_fds)
    showing = True
    for line in (result.stdout + result.stderr).splitlines():
        if not line.startswith(" "):  # indented lines continue the message above them
            showing = not line.startswith("INFO")
        if showing and line.strip():
            print(line, file=sys.stderr)
    return result.returncode


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
    try:
        site_files.publish(site_files.folder(docs_dir), staging)
    except site_files.DamagedSiteFiles as damaged:
        print(damaged, file=sys.stderr)
        return 1
    return 0


def build(site_dir: Path, config_file: Path = MKDOCS_YML, site_url: str | None = None, parallel: bool = False,
          lang: str | None = None, wait: bool = True) -> int:
    """Build into `site_dir`; `site_url` overrides mkdocs.yml's (the address the site is served from).

    `parallel` builds the languages in parallel processes (scripts/parallel_build.py); `lang` is the
    language of the data problems reported (default: the site's default language); `wait` False
    stops at once when another build of the project is running."""
    try:
        with folders.working_on(config_file), build_lock.one_build(config_file.parent, wait) as lock:
            return _build(site_dir, config_file, site_url, parallel, lock, lang)  # its data, caches and locales
    except build_lock.BuildBusy as busy:
        print(busy, file=sys.stderr)
        return 1


def _build(site_dir: Path, config_file: Path, site_url: str | None, parallel: bool, lock: int,
           lang: str | None) -> int:
    started = time.perf_counter()
    problems = source_problems(config_file)
    if problems:
        print(report(problems, lang), file=sys.stderr)
        return _failed(site_dir, config_file, site_url, "")
    for warning in source_warnings(config_file):
        print(f"warning: {warning}", file=sys.stderr)
    staging = site_releases.new_staging(site_dir)
    code = (run_parallel(staging, config_file, site_url) if parallel
            else run_mkdocs(staging, config_file, site_url, pass_fds=(lock,)))
    if code != 0:
        return _failed(site_dir, config_file, site_url, "see the messages above", staging)
    write_language_sitemaps(staging)
    write_robots(staging)
    missing = site_check.missing_files(staging, languages(config_file), _address(config_file, site_url))
    if missing:
        print("\n".join(f"{staging.name}/{item}: expected a file, got none (or an empty one)"
                        for item in missing[:20]), file=sys.stderr)
        return _failed(site_dir, config_file, site_url, f"{len(missing)} files missing from the new site", staging)
    for left in site_releases.prune(site_dir, site_releases.switch(site_dir, staging)):
        print(f"warning: {left}: an old release that could not be deleted; the next build tries again", file=sys.stderr)
    elapsed = time.perf_counter() - started
    counts = ", ".join(f"{locale} {count}" for locale, count in count_pages(site_dir).items())
    print(f"Built {site_dir} in {elapsed:.1f} s. Pages per language: {counts}.")
    print(f"Open {site_dir / 'index.html'} or preview with ./scripts/serve")
    return 0


def _address(config_file: Path, site_url: str | None) -> str:
    return site_url or os.environ.get("SITE_URL") or load_mkdocs_config(config_file)["site_url"]


def _failed(site_dir: Path, config_file: Path, site_url: str | None, why: str, staging: Path | None = None) -> int:
    """Say the build failed, and whether a whole site is still served (only then that it was kept)."""
    if staging is not None:
        shutil.rmtree(staging, ignore_errors=True)
    served = site_releases.served(site_dir)
    whole = served is not None and not site_check.missing_files(served, languages(config_file),
                                                                 _address(config_file, site_url))
    kept = (f"The last good site in {site_dir} was kept unchanged." if whole
            else f"There is no complete site in {site_dir}: a build must succeed first.")
    print(" ".join(part for part in (f"Build failed{': ' + why if why else ''}.", kept) if part), file=sys.stderr)
    return 1


def parallel_by_default() -> bool:
    """The parallel build where it can be faster: two or more CPUs this process may use."""
    return len(os.sched_getaffinity(0)) >= 2 if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1) >= 2


def main(argv: list[str] | None = None, prog: str | None = None) -> int:
    parser = argparse.ArgumentParser(prog=prog, description="Build the trilingual site.")
    parser.add_argument("--site-dir", type=Path, help="output folder (default: site/ beside the mkdocs.yml)")
    parser.add_argument("--config-file", type=Path, default=MKDOCS_YML,
                        help="the project's mkdocs.yml (default: this checkout's)")
    parser.add_argument("--site-url", help="address the site will be served from (default: SITE_URL or mkdocs.yml)")
    order = parser.add_mutually_exclusive_group()
    order.add_argument("--parallel", dest="parallel", action="store_true", default=parallel_by_default(),
                       help="build the languages in parallel processes, the same output (scripts/parallel_build.py); "
                            "the default where there are two or more CPUs")
    order.add_argument("--sequential", dest="parallel", action="store_false",
                       help="build the languages one after the other in one MkDocs process")
    parser.add_argument("--no-wait", action="store_true",
                        help="stop at once when another build of this project is running (default: wait for it)")
    parser.add_argument("--kiosk", action="store_true",
                        help="also write the offline kiosk folder dist/kiosk/ and dist/nghean-kiosk.zip")
    parser.add_argument("--lang", choices=message_locales(), default=message_locales()[0],
                        help="language of the data problems reported (default: %(default)s)")
    args = parser.parse_args(argv)
    project = folders.use(args.config_file)
    given = args.site_dir or project.site
    site_dir = given.absolute().parent.resolve() / given.name  # not the release it links to
    code = build(site_dir, args.config_file.resolve(), site_url=args.site_url, parallel=args.parallel, lang=args.lang,
                 wait=not args.no_wait)
    if code == 0 and args.kiosk:
        write_kiosk(site_dir, project.dist)
    return code


if __name__ == "__main__":
    sys.exit(main())
