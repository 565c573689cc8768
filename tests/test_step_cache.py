"""The data step is skipped when nothing it reads or writes has changed, and only then."""

import os
from pathlib import Path

import pytest

from scripts.catalogue import build_step, step_cache
from scripts.languages import load_mkdocs_config
from tests.conftest import copy_project

URL = "http://127.0.0.1:9/"


@pytest.fixture
def project(tmp_path: Path, monkeypatch) -> Path:
    monkeypatch.setattr(step_cache, "CACHE", tmp_path / "cache" / "data-step.pickle")
    monkeypatch.setattr(build_step, "_prepared", {})
    return copy_project(tmp_path / "project")


def prepare(project: Path):
    build_step._prepared.clear()  # as in a new build process
    return build_step.prepare(project / "docs", URL, load_mkdocs_config()["extra"], project / "data")


def test_a_second_run_with_nothing_changed_skips_the_step(project: Path, monkeypatch):
    first = prepare(project)
    monkeypatch.setattr(build_step, "generate", lambda *args, **kwargs: pytest.fail("the step ran again"))
    assert prepare(project) == first


@pytest.mark.parametrize("change", ["edit data", "delete a generated page", "add a page"])
def test_any_change_runs_the_step_again(project: Path, monkeypatch, change):
    prepare(project)
    if change == "edit data":
        places = project / "data" / "places.yml"
        os.utime(places, ns=(places.stat().st_atime_ns, places.stat().st_mtime_ns + 10**9))
    elif change == "delete a generated page":
        next((project / "docs" / "projects").glob("*.en.md")).unlink()
    else:
        (project / "docs" / "new-page.md").write_text("---\ntitle: New\ndescription: New page\n---\n# New\n", "utf-8")
    ran = []
    real = build_step.generate
    monkeypatch.setattr(build_step, "generate", lambda *args, **kwargs: ran.append(1) or real(*args, **kwargs))
    prepare(project)
    assert ran == [1]
