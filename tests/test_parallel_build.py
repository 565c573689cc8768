"""The parallel trilingual build gives the same site as mkdocs-static-i18n's sequential build."""

import filecmp
from pathlib import Path

from scripts import build_site


def all_files(folder: Path) -> set[str]:
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}


def test_parallel_and_sequential_builds_write_the_same_files(tmp_path: Path):
    url = "http://127.0.0.1:9/"
    sequential, parallel = tmp_path / "sequential", tmp_path / "parallel"
    assert build_site.build(sequential, site_url=url) == 0
    assert build_site.build(parallel, site_url=url, parallel=True) == 0
    files = all_files(sequential)
    assert files == all_files(parallel)
    assert len(files) > 500
    different = [name for name in sorted(files) if not filecmp.cmp(sequential / name, parallel / name, shallow=False)]
    assert different == []  # the 404 pages too: their language links go to each language's home
