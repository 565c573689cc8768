"""The benchmark in a reduced mode (3 projects, English pages, one run of each build), so it cannot rot:
it completes and reports every figure. The median of several runs is checked on its own."""

import json
import subprocess
import sys
from pathlib import Path

from scripts.benchmark.builds import empty_build_state, median_run
from scripts.benchmark.run import BUILDS
from scripts.languages import ROOT


def test_benchmark_reports_every_figure(tmp_path: Path):
    output = tmp_path / "bench.json"
    result = subprocess.run([sys.executable, "-m", "scripts.benchmark", "--projects", "3", "--quick",
                             "--repeats", "1", "--json", str(output)], cwd=ROOT, capture_output=True, text=True, timeout=1200)
    assert result.returncode == 0, result.stderr[-2000:]
    figures = json.loads(output.read_text("utf-8"))
    builds = figures["builds"]
    assert set(builds) == {key for _, key in BUILDS}
    for build in builds.values():
        assert {"seconds", "peak_rss_mb", "html_pages", "ms_per_page"} <= set(build)
        assert build["seconds"] > 0 and build["html_pages"] > 0
    for warm in ("ours_from_scratch", "ours_parallel_from_scratch", "stock_from_scratch", "ours_unchanged",
                 "ours_parallel_unchanged", "stock_again"):
        assert builds[warm]["runs_seconds"] == [builds[warm]["seconds"]]  # one run each (the median: below)
    assert set(figures["ratios"]) == {"cold", "from_scratch", "nothing_changed"}
    assert {"home-en", "catalogue-lo", "project-vi", "map-en", "parks-lo", "map-3d-vi", "stock-material-home",
            "folium-default-map"} <= set(
        figures["page_weights"])
    assert all(w["raw_kb"] > 0 for w in figures["page_weights"].values())
    for scores in figures["lighthouse"].values():
        assert set(scores) == {"performance", "accessibility", "best-practices", "seo"}
        assert all(0 <= value <= 1 for value in scores.values())
    assert figures["map_ratio_to_folium_default"] > 0
    preview = figures["preview"]
    for kind in ("news_post", "content_page", "catalogue_row"):
        assert len(preview[kind]["runs_seconds"]) == preview["edits"] > 0
        assert preview[kind]["median_seconds"] > 0
    assert len(figures["budgets"]) == 7 and "budgets:" in result.stdout and "edit to reload" in result.stdout


def test_median_run_and_from_scratch_state(tmp_path: Path):
    runs = [{"seconds": 3.0}, {"seconds": 1.0}, {"seconds": 2.0}]
    assert median_run(runs)["seconds"] == 2.0 and median_run(runs)["runs_seconds"] == [3.0, 1.0, 2.0]
    project, site = tmp_path / "project", tmp_path / "site"
    for name in ("pdf/a.pdf", "cards/b.png", "search-entries/vi.pickle", "templates/x/y.cache"):
        (project / ".cache" / name).parent.mkdir(parents=True, exist_ok=True)
        (project / ".cache" / name).write_text("x")
    (project / ".cache" / "data-step.pickle").write_text("x")
    (site / "en").mkdir(parents=True)
    empty_build_state(project, site)
    kept = sorted(p.name for p in (project / ".cache").iterdir())
    assert kept == ["cards", "data-step.pickle", "pdf"] and not site.exists()
