"""Copies of the sources leave out build output, not sources that share its names."""

from pathlib import Path

from scripts.source_copy import copy_sources


def test_only_top_level_output_is_left_out(tmp_path: Path):
    root = tmp_path / "repo"
    for path in ("site/index.html", "site.new/index.html", ".cache/x", "docs/assets/stylesheets/site.css",
                 "docs/site/index.md", "data/projects/a.csv", "scripts/__pycache__/a.pyc", "mkdocs.yml"):
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_text("x")
    copy = copy_sources(tmp_path / "copy", also_leave_out=("projects",), root=root)
    kept = sorted(path.relative_to(copy).as_posix() for path in copy.rglob("*") if path.is_file())
    assert kept == ["docs/assets/stylesheets/site.css", "docs/site/index.md", "mkdocs.yml"]
