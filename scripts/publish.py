"""Publish the built site to a web server: `./scripts/publish DEST` (DEST a folder or user@host:/path).

Usage: python -m scripts publish [--no-build] [--site-url URL] [--keep N] DEST
       python -m scripts publish --rollback DEST

Builds (or, with --no-build, takes the last good site/), refuses a placeholder address, writes gzip
and brotli copies of the text files, the nginx site file and `_headers` (scripts/server/), and
deploys a new release folder with `current` switched in one rename (scripts/releases.py,
scripts/remote.py). Each publish and rollback is a line of DEST/publish-log.jsonl, which
`python -m scripts.publishing_report --publish-log …` shows.
"""

from __future__ import annotations

import argparse
import datetime
import hashlib
import json
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from scripts import build_site, folders, precompress, releases, remote
from scripts.languages import languages
from scripts.languages import site_url as configured_site_url
from scripts.server import csp
from scripts.server.files import write_server_files

PLACEHOLDER_HOST = "nghean-invest.example.org"
WHERE_TO_SET = ("set the published address in mkdocs.yml → site_url (or, for one publish, SITE_URL=… or "
                "--site-url …; the build writes it into canonical links, sitemaps, embed snippets and QR codes)")
FIRST_LOC = re.compile(r"<loc>([^<]+)</loc>")


class PublishError(Exception):
    """Why a publish was refused; the message is shown as it is."""


def checked_site_url(url: str | None) -> str:
    """The address to publish for, with a trailing slash; refused when unset or the placeholder."""
    url = (url or "").strip()
    if not url:
        raise PublishError(f"mkdocs.yml: site_url: expected the site's public address, got nothing: {WHERE_TO_SET}")
    if PLACEHOLDER_HOST in url:
        raise PublishError(f"mkdocs.yml: site_url: expected the site's public address, got the placeholder {url}: "
                           f"{WHERE_TO_SET}")
    if not re.match(r"^https?://[^/\s]+", url):
        raise PublishError(f"mkdocs.yml: site_url: expected an http:// or https:// address, got {url}")
    return url if url.endswith("/") else url + "/"


def built_site_url(site_dir: Path) -> str | None:
    """The address a built site was made for: its sitemap's first entry (the default language's home)."""
    sitemap = site_dir / "sitemap.xml"
    match = FIRST_LOC.search(sitemap.read_text("utf-8")) if sitemap.is_file() else None
    return match.group(1) if match else None


def git_commit(root: Path | None = None) -> str:
    """Short commit of the sources, with "-dirty" when tracked files have uncommitted changes."""
    def git(*args):
        return subprocess.run(["git", "-C", str(root or folders.current().root), *args], capture_output=True, text=True)
    head = git("rev-parse", "--short=10", "HEAD")
    if head.returncode != 0:
        return "unknown"
    return head.stdout.strip() + ("-dirty" if git("diff", "--quiet", "HEAD").returncode else "")


def release_name(now: datetime.datetime, commit: str, existing: list[str]) -> str:
    """`<UTC time>-<commit>`, later than every existing release (names sort by time)."""
    stamp = now.astimezone(datetime.UTC).replace(microsecond=0)
    while True:
        name = f"{stamp:%Y%m%dT%H%M%SZ}-{commit}"
        if not existing or name[:16] > max(existing)[:16]:
            return name
        stamp += datetime.timedelta(seconds=1)


def page_manifest(site_dir: Path) -> dict[str, str]:
    """Each page's address (site-relative, "en/about/") → sha256 of its HTML."""
    manifest = {}
    for path in sorted(site_dir.rglob("*.html")):
        relative = path.relative_to(site_dir).as_posix()
        if path.name != "404.html":
            address = relative[: -len("index.html")] if path.name == "index.html" else relative
            manifest[address] = hashlib.sha256(path.read_bytes()).hexdigest()
    return manifest


def page_changes(old: dict[str, str], new: dict[str, str]) -> dict[str, list[str]]:
    return {"added": sorted(new.keys() - old.keys()),
            "changed": sorted(k for k in new.keys() & old.keys() if new[k] != old[k]),
            "removed": sorted(old.keys() - new.keys())}


def prepare_release(site_dir: Path, release_dir: Path, name: str, site_url: str, root: str, listen: str) -> dict[str, str]:
    """Fill release_dir: site/ (with compressed copies and _headers), nginx.conf, manifest.json."""
    release_dir.mkdir(parents=True)
    shutil.copytree(site_dir, release_dir / "site", symlinks=True)
    inline = csp.scan_site(release_dir / "site")
    for refused in inline.content_scripts:
        print(f"warning: {refused}: an inline script in page text is not allowed by the "
              f"Content-Security-Policy and will not run", file=sys.stderr)
    write_server_files(release_dir, site_url, inline, [lang.prefix for lang in languages()], root, name, listen)
    precompress.precompress(release_dir / "site")
    manifest = page_manifest(release_dir / "site")
    (release_dir / "manifest.json").write_text(json.dumps(manifest, indent=0, sort_keys=True), encoding="utf-8")
    return manifest


def log_record(action: str, release: str, commit: str, site_url: str, changes: dict | None) -> dict:
    record = {"date": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
              "action": action, "release": release, "commit": commit, "site_url": site_url}
    if changes is not None:
        record["pages"] = changes
    return record


def publish_local(site_dir: Path, dest: Path, site_url: str, keep: int, listen: str) -> dict:
    dest.mkdir(parents=True, exist_ok=True)
    commit = git_commit()
    name = release_name(datetime.datetime.now(datetime.UTC), commit, releases.release_names(dest))
    incoming = releases.incoming_folder(dest, name)
    manifest = prepare_release(site_dir, incoming, name, site_url, str(dest.resolve() / releases.CURRENT / "site"), listen)
    changes = page_changes(releases.read_manifest(dest, releases.current_release(dest)), manifest)
    releases.complete(dest, incoming, name)
    releases.switch_current(dest, name)
    record = log_record("publish", name, commit, site_url, changes)
    releases.append_log(dest, record)
    releases.prune(dest, keep)
    return record


def publish_remote(site_dir: Path, target: remote.Remote, site_url: str, keep: int, listen: str) -> dict:
    if not target.path.startswith("/"):
        raise PublishError(f"{target.host}:{target.path}: expected an absolute folder on the server, got a relative one")
    remote.run(remote.ssh_command(target, remote.prepare_script(target)))  # folders, no leftovers
    current, names = remote.remote_releases(target)
    commit = git_commit()
    name = release_name(datetime.datetime.now(datetime.UTC), commit, names)
    with tempfile.TemporaryDirectory(prefix="publish-") as staging:
        release_dir = Path(staging) / name
        manifest = prepare_release(site_dir, release_dir, name, site_url, f"{target.path}/{releases.CURRENT}/site", listen)
        changes = page_changes(remote.current_manifest(target), manifest)
        remote.run(remote.rsync_command(release_dir, target, name, current))
    record = log_record("publish", name, commit, site_url, changes)
    remote.run(remote.ssh_command(target, remote.switch_script(target, name, keep, record)))
    return record


def rollback(dest: str) -> dict:
    target = remote.parse_remote(dest)
    if target is None:
        folder = Path(dest)
        name = releases.previous_release(folder)
        releases.switch_current(folder, name)
        record = log_record("rollback", name, name.split("-", 1)[-1], "", None)
        releases.append_log(folder, record)
        return record
    current, names = remote.remote_releases(target)
    if current not in names or names.index(current) == 0:
        raise PublishError(f"{dest}: no earlier release to go back to (current: {current or 'none'})")
    name = names[names.index(current) - 1]
    record = log_record("rollback", name, name.split("-", 1)[-1], "", None)
    remote.run(remote.ssh_command(target, remote.switch_script(target, name, 0, record)))
    return record


def site_to_publish(site_dir: Path, site_url: str, build: bool) -> None:
    """Build for site_url, or check that the last good build was made for it."""
    if build and build_site.build(site_dir, site_url=site_url, parallel=build_site.parallel_by_default()) != 0:
        raise PublishError("the build failed (messages above); nothing was published")
    built = built_site_url(site_dir)
    if built is None:
        raise PublishError(f"{site_dir}: expected a built site, got none: run without --no-build")
    if built != site_url:
        raise PublishError(f"{site_dir}: expected a site built for {site_url}, got one built for {built}: "
                           f"run without --no-build")


def main(argv: list[str] | None = None, prog: str | None = None) -> int:
    parser = argparse.ArgumentParser(prog=prog, description="Publish the site to a folder or user@host:/path.")
    parser.add_argument("dest", help="a folder on this machine, or user@host:/absolute/path over SSH")
    parser.add_argument("--rollback", action="store_true", help="switch back to the release before the current one")
    parser.add_argument("--no-build", action="store_true", help="publish the last good site/ without building")
    parser.add_argument("--site-url", help="the public address (default: SITE_URL, else mkdocs.yml site_url)")
    parser.add_argument("--site-dir", type=Path, default=folders.current().site, help="the built site (default: site/)")
    parser.add_argument("--keep", type=int, default=5, help="releases kept on the server (default: 5)")
    parser.add_argument("--listen", default="80", help="nginx `listen` of the generated site file (default: 80)")
    args = parser.parse_args(argv)
    try:
        if args.rollback:
            record = rollback(args.dest)
            print(f"Rolled back {args.dest} to {record['release']}. Reload nginx to apply its headers.")
            return 0
        url = checked_site_url(args.site_url or configured_site_url())
        site_dir = args.site_dir.absolute().parent.resolve() / args.site_dir.name  # the link, not its release
        site_to_publish(site_dir, url, build=not args.no_build)
        target = remote.parse_remote(args.dest)
        publish = publish_local if target is None else publish_remote
        # site_dir.resolve(): the release the link shows now, unchanged by a later build
        record = publish(site_dir.resolve(), Path(args.dest) if target is None else target, url, args.keep, args.listen)
    except (PublishError, releases.ReleaseError, RuntimeError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    pages = record["pages"]
    print(f"Published {record['release']} to {args.dest} for {url}: {len(pages['added'])} pages added, "
          f"{len(pages['changed'])} changed, {len(pages['removed'])} removed. "
          f"Reload nginx to apply the new headers (nginx.conf beside the release).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
