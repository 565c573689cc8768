"""Parsed data files kept by version in the live preview's process (scripts/parsed_files.py)."""

from __future__ import annotations

import os

import pytest

from scripts import parsed_files, safe_yaml


class Counting:
    """A parser that counts how often it ran."""

    def __init__(self):
        self.calls = 0

    def __call__(self, path, shown):
        self.calls += 1
        return safe_yaml._load_file(path, shown)


def _save(path, text):
    path.write_text(text, encoding="utf-8")
    stamp = path.stat().st_mtime_ns + 1_000_000_000  # a later save, whatever the clock's resolution
    os.utime(path, ns=(stamp, stamp))


@pytest.fixture
def kept(monkeypatch):
    monkeypatch.setattr(parsed_files, "_kept", {})


def test_off_every_call_parses(tmp_path, monkeypatch):
    monkeypatch.setattr(parsed_files, "_kept", None)
    path, parse = tmp_path / "a.yml", Counting()
    _save(path, "a: 1\n")
    parsed_files.parsed(path, parse, "a.yml")
    parsed_files.parsed(path, parse, "a.yml")
    assert parse.calls == 2


def test_kept_a_file_is_parsed_once_per_version_and_each_caller_gets_its_copy(tmp_path, kept):
    path, parse = tmp_path / "a.yml", Counting()
    _save(path, "a: [1, 2]\n")
    first = parsed_files.parsed(path, parse, "a.yml")
    first.data["a"].append(3)  # a caller changing what it got
    second = parsed_files.parsed(path, parse, "a.yml")
    assert parse.calls == 1 and second.data == {"a": [1, 2]}
    _save(path, "a: [1, 2, 4]\n")
    assert parsed_files.parsed(path, parse, "a.yml").data == {"a": [1, 2, 4]} and parse.calls == 2
    _save(path, "a: [5, 6, 7]\n")  # the same size: the modification time tells
    assert parsed_files.parsed(path, parse, "a.yml").data == {"a": [5, 6, 7]} and parse.calls == 3


def test_kept_problems_are_reported_again_and_go_when_fixed(tmp_path, kept):
    path = tmp_path / "a.yml"
    _save(path, "a: 1\na: 2\n")  # a duplicate key
    assert safe_yaml.load_file(path, "a.yml").problems
    assert safe_yaml.load_file(path, "a.yml").problems  # kept, still reported
    _save(path, "a: 1\nb: 2\n")
    loaded = safe_yaml.load_file(path, "a.yml")
    assert not loaded.problems and loaded.data == {"a": 1, "b": 2}
