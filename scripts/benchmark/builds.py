"""Build timings for the benchmark: our build and the stock one, in the same states, side by side.

States measured (each in a copy made by scripts/benchmark/run.py):
- cold: every cache empty, as in a fresh clone: every PDF, card and QR code is drawn;
- from scratch: every page built again by MkDocs into an empty folder, as the stock build does when it
  builds into an empty folder; our own steps (data, maps, photos, cards, PDFs) are skipped through
  their caches, as the issue asks, while the caches of work MkDocs itself does (each page's search
  entries, the compiled templates) are emptied;
- nothing changed: the build an editor runs most, into the last build's output, as the stock build
  does when it builds again into its own site.
A shared machine is noisy: the warm states are run `repeats` times, ours and stock's in turn, and the
median run is reported with every run's time.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from scripts import search_entries, templates_cache
from scripts.build_site import count_pages
from scripts.site_releases import releases_folder

# .cache/ entries that spare work the stock build also does; emptied for the 'from scratch' state
MKDOCS_WORK_CACHES = (search_entries.CACHE, templates_cache.CACHE)
PROBE = ("import resource, subprocess, sys, time; t = time.perf_counter(); "
         "code = subprocess.run(sys.argv[1:]).returncode; "
         "print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, code)")


def measure(command: list[str], cwd: Path, site: Path) -> dict:
    """Wall time and peak memory of one build, run under a fresh parent so the peak is its own."""
    result = subprocess.run([sys.executable, "-c", PROBE, *command], cwd=cwd, capture_output=True, text=True,
                            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    seconds, peak_kb, code = result.stdout.strip().splitlines()[-1].split()
    if code != "0":
        raise SystemExit(f"benchmark build failed in {cwd}:\n{result.stderr[-3000:]}")
    pages = sum(count_pages(site).values())  # rendered pages: no 404 pages, embeddable cards or assets
    return {"seconds": round(float(seconds), 2), "peak_rss_mb": round(int(peak_kb) / 1024, 1), "html_pages": pages,
            "ms_per_page": round(float(seconds) / pages * 1000, 2)}


def median_run(runs: list[dict]) -> dict:
    """The run with the median time, with the times of all runs."""
    middle = sorted(runs, key=lambda run: run["seconds"])[(len(runs) - 1) // 2]
    return {**middle, "runs_seconds": [run["seconds"] for run in runs]}


def empty_build_state(project: Path, site: Path) -> None:
    """Remove the output and the caches of MkDocs' own work (the 'from scratch' state)."""
    site.unlink() if site.is_symlink() else shutil.rmtree(site, ignore_errors=True)
    shutil.rmtree(releases_folder(site), ignore_errors=True)
    for name in MKDOCS_WORK_CACHES:
        shutil.rmtree(project / ".cache" / name, ignore_errors=True)


def measure_builds(project: Path, site: Path, url: str, baseline: Path, repeats: int) -> dict:
    command = [sys.executable, "-m", "scripts.build_site", "--site-dir", str(site), "--site-url", url]
    ours, parallel = [*command, "--sequential"], [*command, "--parallel"]
    stock_site = baseline / "site"
    stock = [sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(stock_site)]
    figures = {"ours_cold": measure(ours, project, site)}
    scratch, scratch_parallel, stock_scratch = [], [], []
    for _ in range(repeats):
        empty_build_state(project, site)
        scratch.append(measure(ours, project, site))
        empty_build_state(project, site)
        scratch_parallel.append(measure(parallel, project, site))
        shutil.rmtree(stock_site, ignore_errors=True)
        stock_scratch.append(measure(stock, baseline, stock_site))
    again, again_parallel, stock_again = [], [], []
    for _ in range(repeats):
        again.append(measure(ours, project, site))
        again_parallel.append(measure(parallel, project, site))
        stock_again.append(measure(stock, baseline, stock_site))
    shutil.rmtree(project / ".cache", ignore_errors=True)  # cold again, as for the first build
    figures["ours_parallel_cold"] = measure(parallel, project, site)
    figures.update({
        "ours_from_scratch": median_run(scratch), "ours_parallel_from_scratch": median_run(scratch_parallel),
        "stock_from_scratch": median_run(stock_scratch), "ours_unchanged": median_run(again),
        "ours_parallel_unchanged": median_run(again_parallel), "stock_again": median_run(stock_again),
    })
    return figures
