"""The benchmark in a reduced mode, so it cannot rot: it completes and reports every figure."""

import json
import subprocess
import sys
from pathlib import Path

from scripts.languages import ROOT


def test_benchmark_reports_every_figure(tmp_path: Path):
    output = tmp_path / "bench.json"
    result = subprocess.run([sys.executable, "-m", "scripts.benchmark", "--projects", "3", "--quick",
                             "--json", str(output)], cwd=ROOT, capture_output=True, text=True, timeout=1200)
    assert result.returncode == 0, result.stderr[-2000:]
    figures = json.loads(output.read_text("utf-8"))
    for build in ("ours", "ours_unchanged_rebuild", "ours_parallel", "ours_parallel_unchanged_rebuild", "stock_baseline",
                  "stock_baseline_again"):
        assert set(figures[build]) == {"seconds", "peak_rss_mb", "html_pages", "ms_per_page"}
        assert figures[build]["seconds"] > 0 and figures[build]["html_pages"] > 0
    assert {"home-en", "catalogue-lo", "project-vi", "map-en", "stock-material-home", "folium-default-map"} <= set(
        figures["page_weights"])
    assert all(w["raw_kb"] > 0 for w in figures["page_weights"].values())
    for scores in figures["lighthouse"].values():
        assert set(scores) == {"performance", "accessibility", "best-practices", "seo"}
        assert all(0 <= value <= 1 for value in scores.values())
    assert figures["map_ratio_to_folium_default"] > 0
    assert len(figures["budgets"]) == 6 and "budgets:" in result.stdout
