"""`python -m scripts COMMAND`: the one entry point of ./scripts/build, ./scripts/serve and ./scripts/publish."""

import subprocess
import sys
from pathlib import Path

import pytest

from scripts.__main__ import COMMANDS
from scripts.languages import ROOT
from tests.conftest import copy_project


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "scripts", *args], cwd=cwd, capture_output=True, text=True)


OWN_OPTION = {"build": "--site-dir", "check": "--lang", "kiosk": "--site-dir", "publish": "--site-dir",
              "serve": "--port"}  # an option only that command's own parser knows


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_each_command_answers_help_with_its_own_options(command: str):
    result = run(command, "--help")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"usage: python -m scripts {command} "), result.stdout
    assert OWN_OPTION[command] in result.stdout, result.stdout


def test_the_commands_are_listed_and_an_unknown_one_is_refused():
    listing = run("--help")
    assert listing.returncode == 0 and all(command in listing.stdout for command in COMMANDS)
    unknown = run("serve-everything")
    assert unknown.returncode == 2 and "invalid choice" in unknown.stderr


def test_the_shell_scripts_call_the_entry_point():
    for script, command in (("build", "build"), ("publish", "publish")):
        text = (ROOT / "scripts" / script).read_text("utf-8")
        assert f'-m scripts {command} "$@"' in text, script


def test_check_reports_each_bad_file_with_path_and_line_and_builds_nothing(tmp_path: Path):
    project = copy_project(tmp_path / "project")
    page = project / "docs" / "about.en.md"
    page.write_text("---\ntitle: About\n---\n\n# About\n", encoding="utf-8")  # no description
    events = project / "data" / "events.yml"
    events.write_text(events.read_text("utf-8") + "\n\tbroken: [\n", encoding="utf-8")
    result = run("check", "--lang", "en", "--config-file", str(project / "mkdocs.yml"), cwd=project)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "docs/about.en.md:1: description: expected" in result.stderr, result.stderr
    assert "data/events.yml:" in result.stderr, result.stderr
    assert "Traceback" not in result.stderr
    assert not (project / "site").exists()


def test_check_passes_on_the_repository():
    result = run("check", "--lang", "en")
    assert result.returncode == 0, result.stderr
    assert "no problems" in result.stdout
