"""Benchmark: build the whole trilingual site with N generated projects and print time and memory.

Usage: python -m scripts.benchmark [--projects N] [--json FILE]   (./scripts/bench runs this)

Works in a temporary copy of the repository; the generated projects are synthetic (random points
inside the province) and never reach the real site.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import os
import platform
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from scripts.catalogue.geo import load_outline
from scripts.catalogue.vocabularies import load_vocabularies
from scripts.languages import ROOT

IGNORE = shutil.ignore_patterns(".git", ".venv", "node_modules", "site", "site.*", "dist", ".cache",
                                "__pycache__", "test-artifacts", ".pytest_cache", "projects")


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


def prepare_copy(count: int, workdir: Path) -> Path:
    project = workdir / "project"
    shutil.copytree(ROOT, project, ignore=IGNORE)
    (project / "data" / "projects").mkdir(exist_ok=True)
    rows = synthetic_rows(count)
    with open(project / "data" / "projects" / "public-sources.csv", "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return project


def timed_build(project: Path, site: Path) -> dict:
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "scripts.build_site", "--site-dir", str(site)], cwd=project,
                            capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(f"benchmark build failed:\n{result.stderr}")
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    pages = sum(1 for _ in site.rglob("*.html"))
    return {"seconds": round(elapsed, 2), "peak_rss_mb": round(max(peak, before) / 1024, 1), "html_pages": pages,
            "ms_per_page": round(elapsed / pages * 1000, 2)}


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


def map_weights(site: Path, rows: list[dict], workdir: Path) -> dict:
    """The English map page (HTML + data file, then with the vendored libraries) next to folium's default."""
    ours = [site / "embed" / "map-en.html", site / "assets" / "maps" / "data-en.js"]
    libraries = [site / "assets" / "vendor" / "leaflet" / "leaflet.js",
                 site / "assets" / "vendor" / "leaflet-markercluster" / "leaflet.markercluster.js",
                 site / "assets" / "vendor" / "leaflet" / "leaflet.css",
                 site / "assets" / "maps" / "investment-map.js", site / "assets" / "maps" / "investment-map.css"]
    default = _weight([folium_default_map(rows, workdir / "folium-default.html")])
    page = _weight(ours)
    return {"ours_page_and_data": page, "ours_with_libraries": _weight(ours + libraries),
            "folium_default_html": default,
            "ratio_page_and_data_to_default": round(page["raw_kb"] / default["raw_kb"], 3)}


def run(count: int) -> dict:
    with tempfile.TemporaryDirectory(prefix="nghean-bench-") as tmp:
        project = prepare_copy(count, Path(tmp))
        site = Path(tmp) / "site"
        first = timed_build(project, site)
        second = timed_build(project, site)
        size = sum(p.stat().st_size for p in site.rglob("*") if p.is_file())
        with open(project / "data" / "projects" / "public-sources.csv", encoding="utf-8") as handle:
            maps = map_weights(site, list(csv.DictReader(handle)), Path(tmp))
    return {"projects": count, "languages": 3, "machine": f"{platform.machine()}, {os.cpu_count()} CPUs, "
            f"Python {platform.python_version()}", "full_build": first, "unchanged_rebuild": second,
            "site_mb": round(size / 1e6, 1), "map_weight": maps}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--projects", type=int, default=1000)
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args(argv)
    figures = run(args.projects)
    print(f"{'measure':<28}{'value':>12}")
    for label, key in (("full build", "full_build"), ("rebuild, nothing changed", "unchanged_rebuild")):
        build = figures[key]
        print(f"{label + ' (s)':<28}{build['seconds']:>12}")
        print(f"{label + ' peak RSS (MB)':<28}{build['peak_rss_mb']:>12}")
        print(f"{label + ' ms per page':<28}{build['ms_per_page']:>12}")
    print(f"{'HTML pages':<28}{figures['full_build']['html_pages']:>12}")
    print(f"{'site size (MB)':<28}{figures['site_mb']:>12}")
    maps = figures["map_weight"]
    for label, key in (("map page + data", "ours_page_and_data"), ("map + libraries", "ours_with_libraries"),
                       ("folium default map", "folium_default_html")):
        print(f"{label + ' KB (gzip)':<28}{maps[key]['raw_kb']:>12} ({maps[key]['gzip_kb']})")
    print(f"{'map / folium default':<28}{maps['ratio_page_and_data_to_default']:>12}")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
