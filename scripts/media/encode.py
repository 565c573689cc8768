"""Pictures with their times on screen → an H.264 MP4 (yuv420p, faststart) with Debian's ffmpeg.

A still is one frame shown for its whole time (variable frame rate): ffmpeg's concat demuxer reads
each picture once with its duration, so a 45-second trailer is about eighty frames to encode.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import tempfile
from collections.abc import Iterable
from pathlib import Path

from PIL import Image

from scripts.site_files import replacing


class EncodingError(Exception):
    """ffmpeg is missing or failed; str() says which file and why."""


def _tool(name: str) -> str:
    found = shutil.which(name)
    if not found:
        raise EncodingError(f"{name} not found: install Debian's ffmpeg (apt-get install ffmpeg; "
                            "./scripts/build installs it)")
    return found


def encode(pictures: Iterable[tuple[Image.Image, float]], target: Path) -> None:
    """Write the MP4 at `target` (replaced in one rename when complete)."""
    with tempfile.TemporaryDirectory(prefix="trailer-") as folder:
        lines, last = ["ffconcat version 1.0"], ""
        for index, (picture, seconds) in enumerate(pictures):
            last = f"{index:05d}.ppm"  # uncompressed: quicker to write and read than PNG
            picture.convert("RGB").save(Path(folder) / last, format="PPM")
            lines += [f"file {last}", f"duration {seconds:.4f}"]
        lines.append(f"file {last}")  # the demuxer applies the last duration only when a file follows
        listing = Path(folder) / "pictures.ffconcat"
        listing.write_text("\n".join(lines) + "\n", "utf-8")
        with replacing(target) as partial:
            command = [_tool("ffmpeg"), "-nostdin", "-hide_banner", "-loglevel", "error", "-y",
                       "-f", "concat", "-safe", "0", "-i", str(listing), "-fps_mode", "vfr", "-vf", "format=yuv420p",
                       "-c:v", "libx264", "-preset", "veryfast", "-tune", "stillimage", "-crf", "26",
                       "-video_track_timescale", "1000", "-movflags", "+faststart", "-an", "-f", "mp4", str(partial)]
            result = subprocess.run(command, capture_output=True, text=True)
            if result.returncode:
                raise EncodingError(f"{target.name}: ffmpeg failed: {result.stderr.strip()[-800:]}")


def duration(video: Path) -> float:
    """The video's length in seconds, as ffprobe reads it."""
    result = subprocess.run([_tool("ffprobe"), "-v", "error", "-show_entries", "format=duration", "-of", "json",
                             str(video)], capture_output=True, text=True, check=True)
    return float(json.loads(result.stdout)["format"]["duration"])
