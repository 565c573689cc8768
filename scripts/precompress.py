"""Gzip and brotli copies of every text file of a built site, written beside it (`x.html.gz`,
`x.html.br`), so the web server sends them as they are (nginx `gzip_static`, `brotli_static`)
instead of compressing each response again."""

from __future__ import annotations

import gzip
from pathlib import Path

import brotli

from scripts.process_pool import run_in_processes

TEXT_SUFFIXES = frozenset({
    ".html", ".css", ".js", ".mjs", ".json", ".xml", ".svg", ".txt", ".ics", ".csv", ".geojson",
    ".vcf", ".map", ".webmanifest",
})
SMALLEST = 256  # bytes: below this a compressed copy saves less than its response headers cost


def text_files(site_dir: Path) -> list[Path]:
    """The files worth a compressed copy: text by suffix, not tiny."""
    return sorted(path for path in site_dir.rglob("*")
                  if path.suffix.lower() in TEXT_SUFFIXES and path.is_file() and path.stat().st_size >= SMALLEST)


def compress_file(path: Path) -> None:
    data = path.read_bytes()
    # mtime=0: the same file gives the same .gz, so an unchanged file is unchanged in the next release.
    Path(f"{path}.gz").write_bytes(gzip.compress(data, compresslevel=9, mtime=0))
    Path(f"{path}.br").write_bytes(brotli.compress(data, quality=11 if len(data) < 1_000_000 else 9))


def precompress(site_dir: Path) -> int:
    """Write both copies for every text file; returns how many files got them."""
    files = text_files(site_dir)
    run_in_processes(compress_file, files)
    return len(files)
