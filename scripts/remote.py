"""Publishing to `user@host:/path` over SSH: the same release layout as scripts/releases.py, made
with rsync and a short shell script run on the server.

The release is sent into `releases/.incoming-<name>/` (unchanged files hard-linked from the release
served, `--link-dest`), then renamed, and `current` switched with `mv -T` (one rename).
"""

from __future__ import annotations

import json
import re
import shlex
import subprocess
from dataclasses import dataclass
from pathlib import Path

from scripts.releases import CURRENT, INCOMING, LOG, RELEASES

REMOTE = re.compile(r"^(?P<host>(?:[^@/:\s]+@)?[^@/:\s]+):(?P<path>.*)$")


@dataclass(frozen=True)
class Remote:
    host: str  # "user@host"
    path: str  # absolute folder on the server


def parse_remote(dest: str) -> Remote | None:
    """`user@host:/srv/site` → Remote; a local folder → None. Windows-style `C:\\…` is not a host."""
    match = REMOTE.match(dest)
    if not match or len(match.group("host")) == 1:
        return None
    return Remote(match.group("host"), match.group("path"))


def rsync_command(source: Path, remote: Remote, name: str, previous: str | None) -> list[str]:
    """rsync the prepared release folder into the server's incoming folder."""
    command = ["rsync", "--recursive", "--links", "--times", "--perms", "--chmod=D755,F644", "--delete",
               "--compress", "--partial-dir=.rsync-partial", "-e", "ssh"]
    if previous:
        command.append(f"--link-dest=../{previous}")  # relative to the target folder
    return [*command, f"{source}/", f"{remote.host}:{remote.path}/{RELEASES}/{INCOMING}{name}/"]


def ssh_command(remote: Remote, script: str) -> list[str]:
    return ["ssh", remote.host, script]


def prepare_script(remote: Remote) -> str:
    """Make the folders and drop leftovers of an interrupted publish."""
    releases = shlex.quote(f"{remote.path}/{RELEASES}")
    return f"mkdir -p {releases} && rm -rf {releases}/{INCOMING}*"


def switch_script(remote: Remote, name: str, keep: int, record: dict | None) -> str:
    """Complete the release, switch `current`, delete all but the newest `keep` releases (never the one
    served) and append the log record."""
    base = shlex.quote(remote.path)
    release = shlex.quote(name)
    lines = [f"cd {base}",
             f"if [ -d {RELEASES}/{INCOMING}{release} ]; then mv {RELEASES}/{INCOMING}{release} {RELEASES}/{release}; fi",
             f"test -d {RELEASES}/{release}",
             f"ln -sfn {RELEASES}/{release} .{CURRENT}-new",
             f"mv -T .{CURRENT}-new {CURRENT}"]
    if keep > 0:
        lines.append(f"ls -1 {RELEASES} | grep -v '^\\.' | sort | head -n -{keep} | grep -vx {release} "
                     f"| while read old; do rm -rf \"{RELEASES}/$old\"; done")
    if record is not None:
        lines.append(f"printf '%s\\n' {shlex.quote(json.dumps(record, ensure_ascii=False, sort_keys=True))} >> {LOG}")
    return "set -e; " + "; ".join(lines)


def releases_script(remote: Remote) -> str:
    """Print the current release's name, then every release, oldest first."""
    base = shlex.quote(remote.path)
    return f"cd {base} && basename \"$(readlink {CURRENT} 2>/dev/null || echo none)\" && ls -1 {RELEASES} | grep -v '^\\.' | sort"


def run(command: list[str], input_text: str | None = None) -> str:
    result = subprocess.run(command, capture_output=True, text=True, input=input_text)
    if result.returncode != 0:
        raise RuntimeError(f"{shlex.join(command[:3])} …: exit {result.returncode}: {result.stderr.strip()[-500:]}")
    return result.stdout


def current_manifest(remote: Remote) -> dict[str, str]:
    text = run(ssh_command(remote, f"cat {shlex.quote(remote.path)}/{CURRENT}/manifest.json 2>/dev/null || echo '{{}}'"))
    return json.loads(text or "{}")


def remote_releases(remote: Remote) -> tuple[str | None, list[str]]:
    lines = run(ssh_command(remote, releases_script(remote))).splitlines()
    current = lines[0] if lines and lines[0] != "none" else None
    return current, lines[1:]
