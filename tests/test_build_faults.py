"""Faults survived: builds killed at random moments (SIGKILL, the whole process group), the switch
to the new site killed at each of its steps, two builds at once, cache entries corrupted and
deleted, an old release that cannot be deleted. After each, `site` is a whole site that a server
serves, and the next build recovers by itself.

The randomness is seeded; the seed is printed (set FAULT_SEED to repeat a run).
"""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from scripts import build_lock, site_check, site_releases
from scripts.catalogue import validate
from scripts.languages import ROOT, languages
from scripts.verified_cache import MANIFEST, VerifiedCache, digest
from tests.conftest import copy_project, serve_directory

URL = "http://127.0.0.1:9/"
SEED = int(os.environ.get("FAULT_SEED", time.time_ns() % 10**6))
BUILD_KILLS = 6  # whole builds killed at random moments (each costs up to one build)
SWITCH_KILLS = 16  # the switch stage (check, rename, link, prune) killed at random moments, in a loop


@pytest.fixture(scope="module")
def chance() -> random.Random:
    print(f"\nfault test seed: {SEED} (FAULT_SEED={SEED} repeats this run)")
    return random.Random(SEED)


def start_build(project: Path, *extra: str) -> subprocess.Popen:
    """./scripts/build of `project` into project/site, in its own process group (killed as a whole)."""
    command = [sys.executable, "-m", "scripts.build_site", "--config-file", str(project / "mkdocs.yml"),
               "--site-dir", str(project / "site"), "--site-url", URL, *extra]
    return subprocess.Popen(command, cwd=ROOT, start_new_session=True, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True)


def finish(build: subprocess.Popen) -> tuple[int, str]:
    output, _ = build.communicate()
    return build.returncode, output


def kill(build: subprocess.Popen) -> None:
    try:
        os.killpg(build.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    build.communicate()


def assert_whole_and_served(site: Path) -> None:
    """`site` shows a whole site (home pages, every linked PDF, QR code and card), and a server serves it."""
    assert site_releases.served(site) is not None, f"{site}: no site"
    assert site_check.missing_files(site, languages(), URL) == []
    server = serve_directory(site)
    try:
        for language in languages():
            address = f"http://127.0.0.1:{server.server_address[1]}/{language.prefix}index.html"
            with urllib.request.urlopen(address) as response:
                assert response.status == 200 and b"<html" in response.read()
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> tuple[Path, float]:
    """A copy of the sources with a good site built; returns it and how long a warm build takes."""
    project = copy_project(tmp_path_factory.mktemp("faults") / "project")
    code, output = finish(start_build(project))
    assert code == 0, output
    started = time.perf_counter()
    code, output = finish(start_build(project))
    assert code == 0, output
    return project, time.perf_counter() - started


def test_builds_killed_at_random_moments_leave_a_whole_site_and_the_next_build_recovers(project, chance):
    project, seconds = project
    for _ in range(BUILD_KILLS):
        build = start_build(project)
        time.sleep(chance.uniform(0.05, 1.0) * seconds)
        kill(build)
        assert_whole_and_served(project / "site")
    code, output = finish(start_build(project))
    assert code == 0, output
    assert_whole_and_served(project / "site")
    leftovers = [p.name for p in site_releases.releases_folder(project / "site").iterdir()]
    assert len(leftovers) <= 2 and not any(name.startswith(site_releases.INCOMING) for name in leftovers)


def test_two_builds_at_once_both_end_with_a_whole_site(project):
    project, _ = project
    first, second = start_build(project), start_build(project)
    (first_code, first_output), (second_code, second_output) = finish(first), finish(second)
    assert (first_code, second_code) == (0, 0), first_output + second_output
    assert "waiting for it to finish" in first_output + second_output
    assert_whole_and_served(project / "site")


def test_a_second_build_told_not_to_wait_stops_with_a_message(tmp_path: Path):
    with build_lock.one_build(tmp_path):
        code, output = finish(start_build(tmp_path, "--no-wait"))
    assert code == 1 and "another build of this project is running" in output


def test_corrupted_and_deleted_cache_entries_are_made_again_not_published(project):
    project, _ = project  # its MkDocs hooks (and caches) are the copy's own
    site_files = project / ".cache" / "site-files"
    qr = next((site_files / "assets" / "catalogue" / "qr" / "en").glob("*.svg"))
    pdf = next((site_files / "print" / "en").glob("project-*.pdf"))
    good_qr, good_pdf = qr.read_bytes(), pdf.read_bytes()
    qr.write_bytes(good_qr[:40])  # cut short in place: the step's own fingerprint does not see it
    pdf.unlink()
    pdf_cache = VerifiedCache(project / ".cache" / "pdf")
    cached = next(name for name, value in pdf_cache.known.items() if value == digest(good_pdf))
    pdf_cache.path(cached).write_bytes(b"%PDF-1.7 garbled")
    card = next((project / "site" / "assets" / "cards").glob("*.png"))
    (project / ".cache" / "cards" / card.name).unlink(missing_ok=True)
    (project / ".cache" / "qr" / MANIFEST).write_bytes(b"")  # a manifest left empty by a kill
    (project / ".cache" / "data-step.pickle").write_bytes(b"\x80\x05garbled")
    code, output = finish(start_build(project))
    assert code == 0, output
    site = project / "site"
    assert_whole_and_served(site)
    published_qr = site / qr.relative_to(site_files)
    published_pdf = site / pdf.relative_to(site_files)
    assert published_qr.read_bytes() == good_qr and published_pdf.read_bytes() == good_pdf
    assert pdf_cache.path(cached).read_bytes() == good_pdf  # drawn again
    assert published_pdf.stat().st_nlink == 1 and (site / "assets" / "cards" / card.name).stat().st_nlink == 1


def test_deleting_the_cache_during_a_build_never_publishes_a_broken_site(project, chance):
    project, seconds = project
    build = start_build(project)
    time.sleep(chance.uniform(0.1, 0.9) * seconds)
    for entry in (project / ".cache").iterdir():  # all but the PDFs, which only cost time to draw again
        if entry.name != "pdf":
            shutil.rmtree(entry, ignore_errors=True) if entry.is_dir() else entry.unlink(missing_ok=True)
    finish(build)  # it may succeed or fail; either way the site shown is whole
    assert_whole_and_served(project / "site")
    code, output = finish(start_build(project))
    assert code == 0, output
    assert_whole_and_served(project / "site")


def _undeletable(folder: Path) -> Path:
    """A file the build cannot delete: immutable where the user may set that (root), else in a read-only folder."""
    (folder / "stuck").mkdir()
    stuck = folder / "stuck" / "file"
    stuck.write_text("x")
    if subprocess.run(["chattr", "+i", str(stuck)], capture_output=True).returncode != 0:
        (folder / "stuck").chmod(0o555)
    return stuck


def _release(stuck: Path) -> None:
    subprocess.run(["chattr", "-i", str(stuck)], capture_output=True)
    stuck.parent.chmod(0o755)


def test_an_old_release_that_cannot_be_deleted_never_blocks_a_build(project):
    project, _ = project
    stuck = _undeletable(site_releases.served(project / "site"))
    try:
        for _ in range(2):  # the release holding it is the previous one, then one to delete
            code, output = finish(start_build(project))
            assert code == 0, output
        assert "could not be deleted" in output and stuck.exists()
        assert_whole_and_served(project / "site")
    finally:
        _release(stuck)
    code, output = finish(start_build(project))
    assert code == 0 and not stuck.exists(), output


def fake_site(folder: Path, text: str) -> Path:
    """A small whole site: each language's home page linking to its PDF."""
    for language in languages():
        home = folder / language.prefix / "index.html"
        home.parent.mkdir(parents=True, exist_ok=True)
        home.write_text(f'<html><a href="print/{language.locale}.pdf">{text}</a></html>', "utf-8")
        (folder / language.prefix / "print").mkdir(exist_ok=True)
        (folder / language.prefix / "print" / f"{language.locale}.pdf").write_text(text, "utf-8")
    return folder


SWITCH_LOOP = """
import sys
from pathlib import Path
from scripts import site_check, site_releases
from scripts.languages import languages
from tests.test_build_faults import URL, fake_site
site, number = Path(sys.argv[1]), 0
while True:
    number += 1
    staging = fake_site(site_releases.new_staging(site), f"build {number}")
    assert not site_check.missing_files(staging, languages(), URL)
    site_releases.prune(site, site_releases.switch(site, staging))
"""


def test_the_switch_killed_at_random_moments_leaves_a_whole_site(tmp_path: Path, chance):
    site = tmp_path / "site"
    site_releases.switch(site, fake_site(site_releases.new_staging(site), "first"))
    for _ in range(SWITCH_KILLS):
        loop = subprocess.Popen([sys.executable, "-c", SWITCH_LOOP, str(site)], cwd=ROOT, start_new_session=True,
                                stderr=subprocess.PIPE, text=True)
        time.sleep(chance.uniform(0.5, 1.5))
        assert loop.poll() is None, loop.stderr.read()
        kill(loop)
        assert not site_check.missing_files(site, languages(), URL)
    site_releases.prune(site, site_releases.switch(site, fake_site(site_releases.new_staging(site), "last")))
    assert (site / "index.html").read_text("utf-8").count("last") == 1
    assert len(list(site_releases.releases_folder(site).iterdir())) == 2


FILE_SYSTEM_CALLS = ("rename", "replace", "symlink", "unlink", "rmdir", "chmod", "mkdir")


def _killed_at_call(site: Path, staging: Path, number: int) -> bool:
    """Run the switch and pruning in a child killed just before its file system call number
    `number` (from 0); True if it was killed (False: it finished first)."""
    pid = os.fork()
    if pid == 0:
        try:
            made = [0]

            def counted(function):
                def call(*args, **kwargs):
                    if made[0] == number:
                        os.kill(os.getpid(), signal.SIGKILL)
                    made[0] += 1
                    return function(*args, **kwargs)
                return call

            for name in FILE_SYSTEM_CALLS:
                setattr(os, name, counted(getattr(os, name)))
            site_releases.prune(site, site_releases.switch(site, staging))
        finally:
            os._exit(0)
    _, status = os.waitpid(pid, 0)
    return os.WIFSIGNALED(status)


def test_the_switch_killed_before_each_of_its_steps_leaves_a_whole_site(tmp_path: Path):
    site = tmp_path / "site"
    site_releases.switch(site, fake_site(site_releases.new_staging(site), "first"))
    for number in range(100):
        staging = fake_site(site_releases.new_staging(site), f"build {number}")
        killed = _killed_at_call(site, staging, number)
        assert not site_check.missing_files(site, languages(), URL), f"killed before call {number}"
        if not killed:
            break
    assert 4 <= number < 100  # rename, symlink, replace and the pruning's deletions were each reached
    assert f"build {number}" in (site / "index.html").read_text("utf-8")  # the unkilled run switched
    site_releases.prune(site, site_releases.switch(site, fake_site(site_releases.new_staging(site), "again")))
    assert "again" in (site / "index.html").read_text("utf-8")
    assert len(list(site_releases.releases_folder(site).iterdir())) == 2


def test_a_plain_site_folder_is_moved_into_the_releases_once(tmp_path: Path):
    site = fake_site(tmp_path / "site", "built before releases")
    release, before = site_releases.switch(site, fake_site(site_releases.new_staging(site), "new"))
    assert site.is_symlink() and site.resolve() == release and "new" in (site / "index.html").read_text("utf-8")
    assert "built before releases" in (before / "index.html").read_text("utf-8")


def test_an_old_release_the_user_cannot_delete_is_skipped_by_pruning(tmp_path: Path):
    site = tmp_path / "site"
    stuck = None
    for text in ("one", "two", "three"):
        pair = site_releases.switch(site, fake_site(site_releases.new_staging(site), text))
        stuck = stuck or _undeletable(pair[0])
        left = site_releases.prune(site, pair)
    try:
        assert left == [stuck.parent.parent] and "three" in (site / "index.html").read_text("utf-8")
    finally:
        _release(stuck)
    assert site_releases.prune(site, pair) == []


@pytest.mark.parametrize("manifest", [b"", b'{"a.pdf": "', b"[1, 2]", b"\x00\xff"])
def test_an_empty_or_garbled_manifest_is_an_empty_cache(tmp_path: Path, manifest: bytes):
    (tmp_path / "a.pdf").write_bytes(b"%PDF")
    (tmp_path / MANIFEST).write_bytes(manifest)
    cache = VerifiedCache(tmp_path)
    assert cache.read("a.pdf") is None
    cache.write("a.pdf", b"%PDF-1.7")
    cache.save()
    assert VerifiedCache(tmp_path).read("a.pdf") == b"%PDF-1.7"


def test_a_cut_short_or_deleted_entry_is_not_used(tmp_path: Path):
    cache = VerifiedCache(tmp_path)
    cache.write("a/b.svg", b"<svg>whole</svg>")
    cache.write("c.png", b"png")
    cache.save()
    (tmp_path / "a" / "b.svg").write_bytes(b"<svg>wh")
    (tmp_path / "c.png").unlink()
    again = VerifiedCache(tmp_path)
    assert again.read("a/b.svg") is None and again.read("c.png") is None


def test_put_rewrites_an_entry_only_when_its_bytes_changed_or_it_is_broken(tmp_path: Path):
    cache = VerifiedCache(tmp_path)
    first = cache.put("media/a.webm", b"one").stat()
    assert cache.put("media/a.webm", b"one").stat().st_ino == first.st_ino  # same bytes: the same file
    assert cache.put("media/a.webm", b"two").stat().st_ino != first.st_ino
    (tmp_path / "media" / "a.webm").write_bytes(b"tw")  # cut short behind the cache's back
    assert cache.put("media/a.webm", b"two").read_bytes() == b"two"
    cache.save()
    assert VerifiedCache(tmp_path).known == {"media/a.webm": digest(b"two")}


def test_an_entry_changed_in_place_to_the_same_size_is_not_used(tmp_path: Path):
    cache = VerifiedCache(tmp_path / "cache")
    cache.write("a.pdf", b"%PDF-1.7 whole")
    cache.save()
    assert VerifiedCache(tmp_path / "cache").read("a.pdf") == b"%PDF-1.7 whole"  # its stat recorded: not hashed
    entry = tmp_path / "cache" / "a.pdf"
    written = entry.stat().st_mtime_ns
    entry.write_bytes(b"%PDF-1.7 WHOLE")  # same size, same inode
    os.utime(entry, ns=(written + 10**9, written + 10**9))  # written a second later
    again = VerifiedCache(tmp_path / "cache")
    assert not again.has("a.pdf") and again.read("a.pdf") is None


def test_a_stat_recorded_with_other_bytes_never_vouches_for_an_entry(tmp_path: Path):
    cache = VerifiedCache(tmp_path / "cache")
    cache.write("a.svg", b"<svg>one</svg>")
    cache.save()
    (tmp_path / "cache" / MANIFEST).write_text(json.dumps({"a.svg": digest(b"<svg>two</svg>")}), "utf-8")
    assert VerifiedCache(tmp_path / "cache").read("a.svg") is None  # the file's stat is unchanged, its hash is not


@pytest.mark.parametrize("stats", [b"", b'{"a.pdf": [', b'{"a.pdf": ["x", 1]}', b"\x00\xff"])
def test_an_empty_or_garbled_stats_file_means_every_entry_is_hashed(tmp_path: Path, stats: bytes):
    cache = VerifiedCache(tmp_path / "pdf")
    cache.write("a.pdf", b"%PDF-1.7")
    cache.save()
    assert sorted(path.name for path in (tmp_path / "pdf").iterdir()) == [".manifest.json", ".manifest.lock", "a.pdf"]
    cache.stats_path.write_bytes(stats)
    (tmp_path / "pdf" / "a.pdf").write_bytes(b"%PDF-1.X")
    assert VerifiedCache(tmp_path / "pdf").read("a.pdf") is None


def test_entries_saved_by_two_processes_are_both_kept(tmp_path: Path):
    one, two = VerifiedCache(tmp_path), VerifiedCache(tmp_path)
    one.write("one", b"1")
    two.write("two", b"2")
    one.save()
    two.save()
    assert VerifiedCache(tmp_path).read("one") == b"1" and VerifiedCache(tmp_path).read("two") == b"2"


def test_a_catalogue_above_the_limit_stops_the_build_at_once_naming_the_limit(tmp_path: Path, monkeypatch, capsys):
    from scripts import build_site

    count = len(validate.load_catalogue(ROOT / "data").projects)
    monkeypatch.setattr(validate, "MAX_PROJECTS", count - 1)
    project = copy_project(tmp_path / "project")
    assert build_site.build(tmp_path / "site", project / "mkdocs.yml", URL, lang="en") == 1
    error = capsys.readouterr().err
    assert f"rows: expected at most {count - 1:,} projects" in error and f"got {count:,}" in error
    assert "There is no complete site" in error and not (tmp_path / "site").exists()


def test_the_check_names_each_missing_or_empty_linked_file_and_home_page(tmp_path: Path):
    site = fake_site(tmp_path / "site", "whole")
    assert site_check.missing_files(site, languages(), URL) == []
    first, second = languages()[0], languages()[1]
    (site / first.prefix / "print" / f"{first.locale}.pdf").write_bytes(b"")
    (site / second.prefix / "index.html").unlink()
    (site / "card.html").write_text(f'<meta content="{URL}assets/cards/gone.png"><img src="https://elsewhere.example/x.png">')
    assert sorted(site_check.missing_files(site, languages(), URL)) == sorted([
        f"{second.prefix}index.html", f"{first.prefix}index.html: print/{first.locale}.pdf",
        f"card.html: {URL}assets/cards/gone.png"])
