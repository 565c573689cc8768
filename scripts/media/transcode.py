"""Transcode a source video for the web with Debian's ffmpeg, once per content.

Formats, each at two heights (HEIGHTS: 720 and 360 lines, never enlarged):
- WebM, VP9 video and Opus audio: about a third smaller than H.264 at the same quality; offered first,
  so Chromium, Firefox and Edge download the smaller file;
- MP4, H.264 (High profile, yuv420p) and AAC, `faststart`: plays everywhere else (Safari, iOS, older
  Android, kiosk browsers without VP9).
720p fills the page's content column (at most 46rem, ~740 CSS px) at double pixel density and a kiosk
screen; 360p is a quarter of the bytes for phones and slow connections. No 1080p: the page never
shows one that large, and it would double the encoding time on the build machine.

Metadata (a phone's GPS position, the camera, the editor's name) is dropped, as for photos. Results
live in .cache/video/<sha256 of source and settings>/ with a manifest; the folder is encoded under a
temporary name and renamed into place in one step, so a build never sees half a result, and an
unchanged video is never encoded again.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from scripts import folders

HEIGHTS = (720, 360)
POSTER_HEIGHT = 720
SETTINGS_VERSION = "1"  # change when an encoder setting below changes: every video is encoded again


@dataclass(frozen=True)
class Format:
    suffix: str  # ".webm"
    mime: str  # the <source type> with codecs
    video: tuple[str, ...]
    audio: tuple[str, ...]  # {bitrate} is filled per height
    extra: tuple[str, ...] = ()


FORMATS = (
    Format(".webm", 'video/webm; codecs="vp9, opus"',
           ("-c:v", "libvpx-vp9", "-crf", "33", "-b:v", "0", "-deadline", "good", "-cpu-used", "4", "-row-mt", "1"),
           ("-c:a", "libopus", "-b:a", "{bitrate}")),
    Format(".mp4", 'video/mp4; codecs="avc1.640028, mp4a.40.2"',
           ("-c:v", "libx264", "-preset", "medium", "-crf", "23", "-profile:v", "high", "-level", "4.0"),
           ("-c:a", "aac", "-b:a", "{bitrate}"), ("-movflags", "+faststart")),
)
AUDIO_BITRATE = {720: "128k", 360: "64k"}


class TranscodeError(Exception):
    """ffmpeg could not read or encode a video; the message names the file."""


@dataclass(frozen=True)
class Rendition:
    height: int
    width: int
    mime: str
    path: Path


@dataclass(frozen=True)
class EncodedVideo:
    width: int  # of the largest rendition
    height: int
    duration: float  # seconds
    renditions: tuple[Rendition, ...]  # largest first, in FORMATS order within a height
    poster: Path


@dataclass(frozen=True)
class Probe:
    width: int
    height: int
    duration: float
    has_audio: bool


def probe(source: Path) -> Probe:
    command = ["ffprobe", "-v", "error", "-show_entries", "stream=codec_type,width,height:format=duration",
               "-of", "json", str(source)]
    result = subprocess.run(command, capture_output=True, text=True)
    info = json.loads(result.stdout or "{}") if result.returncode == 0 else {}
    streams = info.get("streams", [])
    video = next((s for s in streams if s.get("codec_type") == "video" and s.get("width")), None)
    if video is None:
        raise TranscodeError(f"{source}: expected a video file ffmpeg can read, got "
                             + (result.stderr.strip().splitlines()[-1] if result.stderr.strip() else "no video stream"))
    duration = float(info.get("format", {}).get("duration") or 0)
    return Probe(int(video["width"]), int(video["height"]), duration,
                 any(s.get("codec_type") == "audio" for s in streams))


def heights_for(source_height: int, heights: tuple[int, ...] = HEIGHTS) -> tuple[int, ...]:
    """The heights to encode: the ladder's, never taller than the source (a small source gets one)."""
    even = source_height - source_height % 2
    return tuple(sorted({min(height, even) for height in heights}, reverse=True))


def _digest(source: Path, heights: tuple[int, ...]) -> str:
    digest = hashlib.sha256(f"{SETTINGS_VERSION} {heights} {FORMATS}".encode())
    with open(source, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()[:20]


def _ffmpeg(arguments: list[str], source: Path) -> None:
    result = subprocess.run(["ffmpeg", "-nostdin", "-hide_banner", "-loglevel", "error", "-y", *arguments],
                            capture_output=True, text=True)
    if result.returncode != 0:
        raise TranscodeError(f"{source}: ffmpeg could not encode it ({result.stderr.strip()[-300:]})")


def _encode(source: Path, folder: Path, info: Probe, heights: tuple[int, ...], poster_at: float) -> dict:
    renditions = []
    for height in heights:
        for kind in FORMATS:
            target = folder / f"{height}{kind.suffix}"
            audio = [a.format(bitrate=AUDIO_BITRATE.get(height, "64k")) for a in kind.audio] if info.has_audio else ["-an"]
            _ffmpeg(["-i", str(source), "-map", "0:v:0", "-map", "0:a:0?", "-map_metadata", "-1", "-sn", "-dn",
                     "-vf", f"scale=-2:{height}", "-pix_fmt", "yuv420p", *kind.video, *audio, *kind.extra,
                     "-threads", "2", str(target)], source)
            width = probe(target).width
            renditions.append({"height": height, "width": width, "mime": kind.mime, "file": target.name})
    at = max(0.0, min(poster_at, info.duration / 2))
    _ffmpeg(["-ss", f"{at:.3f}", "-i", str(source), "-frames:v", "1", "-map_metadata", "-1",
             "-vf", f"scale=-2:{min(POSTER_HEIGHT, heights[0])}", "-q:v", "4", str(folder / "poster.jpg")], source)
    return {"duration": info.duration, "renditions": renditions, "poster": "poster.jpg"}


def transcode(source: Path, poster_at: float = 1.0, cache: Path | None = None,
              heights: tuple[int, ...] = HEIGHTS) -> EncodedVideo:
    """The web versions of `source`, encoded now or found in the cache (the project's .cache/video)."""
    folder = (cache or folders.current().cache("video")) / _digest(source, heights)
    manifest = folder / "manifest.json"
    if not manifest.exists():
        info = probe(source)
        partial = cache / f"{folder.name}.{os.getpid()}.tmp"
        shutil.rmtree(partial, ignore_errors=True)
        partial.mkdir(parents=True)
        try:
            saved = _encode(source, partial, info, heights_for(info.height, heights), poster_at)
            (partial / "manifest.json").write_text(json.dumps(saved), "utf-8")
            try:
                partial.rename(folder)
            except OSError:  # another process finished the same video first: its result is the same
                if not manifest.exists():
                    raise
        finally:
            shutil.rmtree(partial, ignore_errors=True)
    saved = json.loads(manifest.read_text("utf-8"))
    renditions = tuple(Rendition(r["height"], r["width"], r["mime"], folder / r["file"]) for r in saved["renditions"])
    return EncodedVideo(renditions[0].width, renditions[0].height, saved["duration"], renditions, folder / saved["poster"])
