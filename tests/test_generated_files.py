"""Writing generated files only when their content changed, and remembering what this process wrote
or read (scripts/generated_files.py), so the live preview does not read thousands of files again."""

from __future__ import annotations

import os
from pathlib import Path

from scripts.generated_files import write_if_changed


def _count_reads(monkeypatch) -> list[Path]:
    reads: list[Path] = []
    real = Path.read_bytes
    monkeypatch.setattr(Path, "read_bytes", lambda path: reads.append(path) or real(path))
    return reads


def test_a_file_this_process_wrote_is_not_read_again_to_learn_it_is_unchanged(tmp_path, monkeypatch):
    page = tmp_path / "page.md"
    assert write_if_changed(page, "first") is True
    reads = _count_reads(monkeypatch)
    assert write_if_changed(page, "first") is False and reads == []
    assert write_if_changed(page, "second") is True and page.read_text("utf-8") == "second"


def test_a_file_found_unchanged_is_read_once(tmp_path, monkeypatch):
    page = tmp_path / "found.md"
    page.write_text("as it was", encoding="utf-8")
    reads = _count_reads(monkeypatch)
    assert write_if_changed(page, "as it was") is False and write_if_changed(page, "as it was") is False
    assert reads == [page]


def test_a_file_changed_by_someone_else_since_is_written_again(tmp_path):
    page = tmp_path / "page.md"
    write_if_changed(page, "ours")
    page.write_text("them", encoding="utf-8")  # the same size: only its stamp tells
    stat = page.stat()
    os.utime(page, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    assert write_if_changed(page, "ours") is True and page.read_text("utf-8") == "ours"
    page.unlink()
    assert write_if_changed(page, "ours") is True and page.read_text("utf-8") == "ours"
