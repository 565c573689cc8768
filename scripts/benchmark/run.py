"""Benchmark: our trilingual build next to the stock one, page weights, map weight, Lighthouse.

Usage: python -m scripts.benchmark [--projects N] [--json FILE] [--quick] [--repeats R] [--preview-only]
       (./scripts/bench)

Works in temporary copies; the N generated projects are synthetic (random points inside the
province) and never reach the real site. Lighthouse scores are the median of three runs per page;
--quick measures the English pages only, one run each, and fewer preview edits.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import os
import platform
import random
import tempfile
import time
from pathlib import Path

from scripts.benchmark import web
from scripts.benchmark.baseline import write_baseline
from scripts.benchmark.builds import measure_builds
from scripts.benchmark.preview import measure_preview, print_preview
from scripts.catalogue.geo import load_outline
from scripts.catalogue.vocabularies import load_vocabularies
from scripts.languages import languages
from scripts.source_copy import copy_sources

BUDGET_LIGHTHOUSE, BUDGET_MAP, BUDGET_BUILD, BUDGET_PREVIEW = 0.95, 0.25, 1.2, 2.0
PREVIEW_EDITS, PREVIEW_EDITS_QUICK = 5, 2  # edits of each kind timed in the live preview


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
            "visibility": "public",
        })
    return rows


def prepare_copy(rows: list[dict], workdir: Path) -> Path:
    project = workdir / "project"
    copy_sources(project, also_leave_out=("projects",))  # data/projects: replaced; docs/projects: generated
    (project / "data" / "projects").mkdir(exist_ok=True)
    with open(project / "data" / "projects" / "public-sources.csv", "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return project


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


BUILDS = (  # (label, key): the rows of the build table
    ("ours, cold (everything drawn)", "ours_cold"), ("ours, parallel, cold", "ours_parallel_cold"),
    ("ours, from scratch", "ours_from_scratch"), ("ours, parallel, from scratch", "ours_parallel_from_scratch"),
    ("stock, empty folder", "stock_from_scratch"), ("ours, nothing changed", "ours_unchanged"),
    ("ours, parallel, unchanged", "ours_parallel_unchanged"), ("stock, built again", "stock_again"))


def _ratio(ours: dict, stock: dict) -> float:
    return round(ours["ms_per_page"] / stock["ms_per_page"], 2)


def budgets(figures: dict) -> dict[str, bool]:
    """Pass or fail for each budget of issue 8. The build budgets compare like with like: every page
    built from scratch, and a build with nothing changed. The cold build is reported, not budgeted:
    it draws a factsheet PDF, a QR code and an Open Graph card per project and language, which the
    stock build does not make."""
    b = figures["builds"]
    scores = [v for name, s in figures["lighthouse"].items() if name != "stock-material-home" for v in s.values()]
    return {
        "lighthouse_all_categories_at_least_0.95": all(v >= BUDGET_LIGHTHOUSE for v in scores),
        "map_at_most_quarter_of_folium_default": figures["map_ratio_to_folium_default"] <= BUDGET_MAP,
        "build_per_page_at_most_1.2x_stock_from_scratch": figures["ratios"]["from_scratch"] <= BUDGET_BUILD,
        "build_per_page_at_most_1.2x_stock_nothing_changed": figures["ratios"]["nothing_changed"] <= BUDGET_BUILD,
        "parallel_build_faster_than_stock_from_scratch":
            b["ours_parallel_from_scratch"]["seconds"] < b["stock_from_scratch"]["seconds"],
        "parallel_build_faster_than_stock_nothing_changed":
            b["ours_parallel_unchanged"]["seconds"] < b["stock_again"]["seconds"],
        "preview_edit_to_reload_at_most_2_s": preview_within_budget(figures["preview"]),
    }


def preview_within_budget(preview: dict) -> bool:
    return all(preview[kind]["median_seconds"] <= BUDGET_PREVIEW for kind in ("news_post", "content_page", "catalogue_row"))


def run_preview(count: int, quick: bool) -> dict:
    """The live preview's edit-to-reload times alone, in a copy with `count` generated projects (the
    preview builds it first, from nothing)."""
    rows = synthetic_rows(count)
    with tempfile.TemporaryDirectory(prefix="nghean-bench-") as tmp:
        project = prepare_copy(rows, Path(tmp))
        return measure_preview(project, rows[0]["id"], PREVIEW_EDITS_QUICK if quick else PREVIEW_EDITS)


def run(count: int, quick: bool, repeats: int) -> dict:
    rows = synthetic_rows(count)
    with tempfile.TemporaryDirectory(prefix="nghean-bench-") as tmp:
        work = Path(tmp)
        project, site = prepare_copy(rows, work), work / "site"
        site.mkdir()
        server, url = web.serve(site)
        write_baseline(work / "baseline", count)
        builds = measure_builds(project, site, url, work / "baseline", repeats)
        baseline_site = work / "baseline" / "site"
        folium_file = folium_default_map(rows, site / "folium-default.html")
        base_server, base_url = web.serve(baseline_site)
        pages = {}
        for language in languages():
            prefix = url + language.prefix
            pages.update({f"home-{language.locale}": prefix, f"catalogue-{language.locale}": prefix + "catalogue/",
                          f"project-{language.locale}": prefix + f"projects/{rows[0]['id']}/",
                          f"map-{language.locale}": prefix + "map/",
                          f"parks-{language.locale}": prefix + "parks/",  # a panorama and a 3D model
                          f"map-3d-{language.locale}": prefix + "map/3d/"})
        pages["stock-material-home"] = base_url
        pages["folium-default-map"] = url + "folium-default.html"
        weights = web.page_weights(pages)
        audited = [name for name in pages if name.endswith("-en") or not quick and name[-3:] in ("-vi", "-lo")]
        runs = 1 if quick else web.LIGHTHOUSE_RUNS
        scores = {name: web.lighthouse(pages[name], runs) for name in audited + ["stock-material-home"]}
        map_files = _weight([site / "embed" / "map-en.html", site / "assets" / "maps" / "data-en.js"])
        map_default = _weight([folium_file])
        server.shutdown()
        base_server.shutdown()
        preview = measure_preview(project, rows[0]["id"], PREVIEW_EDITS_QUICK if quick else PREVIEW_EDITS)
    figures = {
        "date": time.strftime("%Y-%m-%d"), "projects": count, "languages": len(languages()), "repeats": repeats,
        "machine": f"{platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}",
        "builds": builds,
        "ratios": {"cold": _ratio(builds["ours_cold"], builds["stock_from_scratch"]),
                   "from_scratch": _ratio(builds["ours_from_scratch"], builds["stock_from_scratch"]),
                   "nothing_changed": _ratio(builds["ours_unchanged"], builds["stock_again"])},
        "page_weights": weights, "lighthouse": scores, "map_page_and_data": map_files,
        "folium_default_map_html": map_default,
        "map_ratio_to_folium_default": round(map_files["raw_kb"] / map_default["raw_kb"], 3),
        "preview": preview}
    figures["budgets"] = budgets(figures)
    return figures


def print_table(figures: dict) -> None:
    print(f"{figures['projects']} projects × {figures['languages']} languages on {figures['machine']}; "
          f"warm builds: median of {figures['repeats']}")
    print(f"\n{'build':<32}{'seconds':>9}{'peak MB':>9}{'pages':>7}{'ms/page':>9}   runs")
    for label, key in BUILDS:
        b = figures["builds"][key]
        runs = " ".join(str(seconds) for seconds in b.get("runs_seconds", []))
        print(f"{label:<32}{b['seconds']:>9}{b['peak_rss_mb']:>9}{b['html_pages']:>7}{b['ms_per_page']:>9}   {runs}")
    ratios = figures["ratios"]
    print(f"ratio per page, ours / stock: {ratios['from_scratch']} from scratch, {ratios['nothing_changed']} "
          f"nothing changed; {ratios['cold']} cold (drawing every PDF, card and QR code; not budgeted)")
    print(f"\n{'page':<24}{'requests':>9}{'KB':>9}{'KB gzip':>9}   lighthouse (perf, a11y, best, seo)")
    for name, weight in figures["page_weights"].items():
        score = figures["lighthouse"].get(name)
        scores = " ".join(f"{v:.2f}" for v in score.values()) if score else ""
        print(f"{name:<24}{weight['requests']:>9}{weight['raw_kb']:>9}{weight['gzip_kb']:>9}   {scores}")
    print(f"\nmap page + data: {figures['map_page_and_data']['raw_kb']} KB; folium default: "
          f"{figures['folium_default_map_html']['raw_kb']} KB; ratio {figures['map_ratio_to_folium_default']}")
    print_preview(figures["preview"])
    print("\nbudgets:")
    for name, passed in figures["budgets"].items():
        print(f"  {'PASS' if passed else 'FAIL'}  {name}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--projects", type=int, default=1000)
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    parser.add_argument("--quick", action="store_true", help="Lighthouse on the English pages only, one run each")
    parser.add_argument("--repeats", type=int, default=3, help="runs of each warm build (the median is reported)")
    parser.add_argument("--preview-only", action="store_true",
                        help="only the live preview's edit-to-reload times (no builds, no Lighthouse)")
    args = parser.parse_args(argv)
    if args.preview_only:
        figures = {"projects": args.projects, "preview": run_preview(args.projects, args.quick)}
        print_preview(figures["preview"])
        passed = preview_within_budget(figures["preview"])
        print(f"\nbudget:\n  {'PASS' if passed else 'FAIL'}  preview_edit_to_reload_at_most_2_s")
        if args.json:
            args.json.write_text(json.dumps(figures, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        return 0
    figures = run(args.projects, args.quick, max(1, args.repeats))
    print_table(figures)
    if args.json:
        args.json.write_text(json.dumps(figures, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0
