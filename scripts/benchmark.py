"""Benchmark: our trilingual build next to the stock one, page weights, map weight, Lighthouse.

Usage: python -m scripts.benchmark [--projects N] [--json FILE] [--quick]   (./scripts/bench)

Works in temporary copies; the N generated projects are synthetic (random points inside the
province) and never reach the real site. --quick measures Lighthouse on the English pages only.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import os
import platform
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from scripts import bench_web
from scripts.bench_baseline import write_baseline
from scripts.build_site import count_pages
from scripts.catalogue.geo import load_outline
from scripts.catalogue.vocabularies import load_vocabularies
from scripts.languages import ROOT, languages

IGNORE = shutil.ignore_patterns(".git", ".venv", "node_modules", "site", "site.*", "dist", ".cache",
                                "__pycache__", "test-artifacts", ".pytest_cache", "projects")
BUDGET_LIGHTHOUSE, BUDGET_MAP, BUDGET_BUILD = 0.95, 0.25, 1.2


def synthetic_rows(count: int, seed: int = 20261124) -> list[dict]:
    outline = load_outline()
    vocabularies = load_vocabularies()
    sectors, statuses = list(vocabularies.sectors), list(vocabularies.statuses)
    generator = random.Random(seed)
    rows = []
    while len(rows) < count:
        lat = generator.uniform(outline.south, outline.north)
        lon = generator.uniform(outline.west, outline.east)
        if not outline.contains(lon, lat):
            continue
        number = len(rows) + 1
        rows.append({
            "id": f"bench-{number:05d}", "name_vi": f"Dự án thử {number}", "name_en": f"Test project {number}",
            "name_lo": f"ໂຄງການທົດລອງ {number}", "sector": sectors[number % len(sectors)],
            "locality": f"Xã {number % 130}", "lat": f"{lat:.5f}", "lon": f"{lon:.5f}",
            "area_ha": f"{generator.uniform(1, 500):.1f}", "investment_vnd_bn": f"{generator.uniform(10, 9000):.1f}",
            "form": "any", "status": statuses[number % len(statuses)],
            "summary_vi": "Dự án thử nghiệm dùng để đo hiệu năng. " * 4,
            "summary_en": "Synthetic project used to measure build performance. " * 4,
            "summary_lo": "ໂຄງການທົດລອງ ສຳລັບວັດແທກປະສິດທິພາບ. " * 4, "updated": "2025-01-01",
        })
    return rows


def prepare_copy(rows: list[dict], workdir: Path) -> Path:
    project = workdir / "project"
    shutil.copytree(ROOT, project, ignore=IGNORE)
    (project / "data" / "projects").mkdir(exist_ok=True)
    with open(project / "data" / "projects" / "public-sources.csv", "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return project


def measure(command: list[str], cwd: Path, site: Path) -> dict:
    """Wall time and peak memory of one build, run under a fresh parent so the peak is its own."""
    probe = ("import resource, subprocess, sys, time; t = time.perf_counter(); "
             "code = subprocess.run(sys.argv[1:]).returncode; "
             "print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, code)")
    result = subprocess.run([sys.executable, "-c", probe, *command], cwd=cwd, capture_output=True, text=True,
                            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    seconds, peak_kb, code = result.stdout.strip().splitlines()[-1].split()
    if code != "0":
        raise SystemExit(f"benchmark build failed in {cwd}:\n{result.stderr[-3000:]}")
    pages = sum(count_pages(site).values())  # rendered pages: no 404 pages, embeddable cards or assets
    return {"seconds": round(float(seconds), 2), "peak_rss_mb": round(int(peak_kb) / 1024, 1), "html_pages": pages,
            "ms_per_page": round(float(seconds) / pages * 1000, 2)}


def _weight(paths: list[Path]) -> dict:
    raw = b"".join(path.read_bytes() for path in paths)
    return {"raw_kb": round(len(raw) / 1024, 1), "gzip_kb": round(len(gzip.compress(raw, 9)) / 1024, 1)}


def folium_default_map(rows: list[dict], target: Path) -> Path:
    """What folium produces by default for the same points: MarkerCluster with an HTML popup each."""
    import folium
    from folium.plugins import MarkerCluster

    figure = folium.Map(location=[19.25, 104.85], zoom_start=8)
    cluster = MarkerCluster().add_to(figure)
    for row in rows:
        folium.Marker([float(row["lat"]), float(row["lon"])],
                      popup=folium.Popup(f"<b>{row['name_en']}</b><br>{row['locality']}<br>{row['area_ha']} ha"),
                      tooltip=row["name_en"]).add_to(cluster)
    figure.save(str(target))
    return target


def run(count: int, quick: bool) -> dict:
    rows = synthetic_rows(count)
    with tempfile.TemporaryDirectory(prefix="nghean-bench-") as tmp:
        work = Path(tmp)
        project, site = prepare_copy(rows, work), work / "site"
        site.mkdir()
        server, url = bench_web.serve(site)
        build = [sys.executable, "-m", "scripts.build_site", "--site-dir", str(site), "--site-url", url]
        ours, again = measure(build, project, site), measure(build, project, site)
        parallel_again = measure([*build, "--parallel"], project, site)
        shutil.rmtree(project / ".cache", ignore_errors=True)  # cold caches again, as for the first build
        parallel = measure([*build, "--parallel"], project, site)
        baseline_config = write_baseline(work / "baseline", count)
        baseline_site = work / "baseline" / "site"
        stock = [sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(baseline_site)]
        baseline = measure(stock, work / "baseline", baseline_site)
        baseline_again = measure(stock, work / "baseline", baseline_site)  # into its last site, as ours
        folium_file = folium_default_map(rows, site / "folium-default.html")
        base_server, base_url = bench_web.serve(baseline_site)
        pages = {}
        for language in languages():
            prefix = url + language.prefix
            pages.update({f"home-{language.locale}": prefix, f"catalogue-{language.locale}": prefix + "catalogue/",
                          f"project-{language.locale}": prefix + f"projects/{rows[0]['id']}/",
                          f"map-{language.locale}": prefix + "map/"})
        pages["stock-material-home"] = base_url
        pages["folium-default-map"] = url + "folium-default.html"
        weights = bench_web.page_weights(pages)
        audited = [name for name in pages if name.endswith("-en") or not quick and name[-3:] in ("-vi", "-lo")]
        scores = {name: bench_web.lighthouse(pages[name]) for name in audited + ["stock-material-home"]}
        map_files = _weight([site / "embed" / "map-en.html", site / "assets" / "maps" / "data-en.js"])
        map_default = _weight([folium_file])
        server.shutdown()
        base_server.shutdown()
    ratio = round(ours["ms_per_page"] / baseline["ms_per_page"], 2)
    ratio_again = round(again["ms_per_page"] / baseline_again["ms_per_page"], 2)
    budgets = {
        "lighthouse_all_categories_at_least_0.95": all(v >= BUDGET_LIGHTHOUSE for name, s in scores.items()
                                                       if name != "stock-material-home" for v in s.values()),
        "map_at_most_quarter_of_folium_default": map_files["raw_kb"] <= BUDGET_MAP * map_default["raw_kb"],
        "build_per_page_at_most_1.2x_stock_cold_caches": ratio <= BUDGET_BUILD,
        "build_per_page_at_most_1.2x_stock_nothing_changed": ratio_again <= BUDGET_BUILD,
        "parallel_build_faster_than_stock_cold_caches": parallel["seconds"] < baseline["seconds"],
        "parallel_build_faster_than_stock_nothing_changed": parallel_again["seconds"] < baseline_again["seconds"],
    }
    return {"date": time.strftime("%Y-%m-%d"), "projects": count, "languages": len(languages()),
            "machine": f"{platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}",
            "ours": ours, "ours_unchanged_rebuild": again, "ours_parallel": parallel,
            "ours_parallel_unchanged_rebuild": parallel_again, "stock_baseline": baseline,
            "stock_baseline_again": baseline_again,
            "ratio_per_page_ours_to_stock": ratio, "ratio_per_page_unchanged_rebuild_to_stock": ratio_again, "page_weights": weights, "lighthouse": scores,
            "map_page_and_data": map_files, "folium_default_map_html": map_default,
            "map_ratio_to_folium_default": round(map_files["raw_kb"] / map_default["raw_kb"], 3), "budgets": budgets}


def print_table(figures: dict) -> None:
    print(f"{figures['projects']} projects × {figures['languages']} languages on {figures['machine']}")
    print(f"\n{'build':<26}{'seconds':>9}{'peak MB':>9}{'pages':>7}{'ms/page':>9}")
    for label, key in (("ours", "ours"), ("ours, nothing changed", "ours_unchanged_rebuild"),
                       ("ours, parallel languages", "ours_parallel"),
                       ("ours, parallel, unchanged", "ours_parallel_unchanged_rebuild"),
                       ("stock Material + i18n", "stock_baseline"), ("stock, built again", "stock_baseline_again")):
        b = figures[key]
        print(f"{label:<26}{b['seconds']:>9}{b['peak_rss_mb']:>9}{b['html_pages']:>7}{b['ms_per_page']:>9}")
    print(f"ratio per page, ours / stock: {figures['ratio_per_page_ours_to_stock']} (cold caches), "
          f"{figures['ratio_per_page_unchanged_rebuild_to_stock']} (nothing changed)")
    print(f"\n{'page':<24}{'requests':>9}{'KB':>9}{'KB gzip':>9}   lighthouse (perf, a11y, best, seo)")
    for name, weight in figures["page_weights"].items():
        score = figures["lighthouse"].get(name)
        scores = " ".join(f"{v:.2f}" for v in score.values()) if score else ""
        print(f"{name:<24}{weight['requests']:>9}{weight['raw_kb']:>9}{weight['gzip_kb']:>9}   {scores}")
    print(f"\nmap page + data: {figures['map_page_and_data']['raw_kb']} KB; folium default: "
          f"{figures['folium_default_map_html']['raw_kb']} KB; ratio {figures['map_ratio_to_folium_default']}")
    print("\nbudgets:")
    for name, passed in figures["budgets"].items():
        print(f"  {'PASS' if passed else 'FAIL'}  {name}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--projects", type=int, default=1000)
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    parser.add_argument("--quick", action="store_true", help="Lighthouse on the English pages only")
    args = parser.parse_args(argv)
    figures = run(args.projects, args.quick)
    print_table(figures)
    if args.json:
        args.json.write_text(json.dumps(figures, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
