"""The build's video step: check the videos of docs/media/, encode them (cached), and put the web
versions, posters and captions where generated files reach the site (scripts/site_files.py):

    media/NAME-720.webm, media/NAME-720.mp4, media/NAME-360.webm, media/NAME-360.mp4
    media/NAME-poster.jpg, media/NAME.vi.vtt, media/NAME.en.vtt, media/NAME.lo.vtt

The sources in docs/media/ are kept out of MkDocs (`excluded`), so they are never published raw.
Videos the build makes itself (the data trailer) are passed in as VideoSource records (`generated`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from scripts import site_files, verified_cache
from scripts.languages import declared_locales
from scripts.media.transcode import EncodedVideo, TranscodeError, transcode
from scripts.media.video_sources import (
    CAPTION_SUFFIX,
    MEDIA_FOLDER,
    SIDECAR_SUFFIX,
    VIDEO_SUFFIXES,
    VideoSource,
    find_videos,
    load_licences,
)
from scripts.problems import Problem, report, shown

MARKER = re.compile(r"^<!-- media:video ([^ ]*) -->$", re.MULTILINE)
SITE_FOLDER = "media"  # in the site


class VideoError(Exception):
    """The videos have problems (the message lists them) or one could not be encoded."""


@dataclass(frozen=True)
class PublishedVideo:
    source: VideoSource
    encoded: EncodedVideo

    def site_path(self, file: str) -> str:
        """A published file's path in the site: "720.webm" → "media/NAME-720.webm"."""
        return f"{SITE_FOLDER}/{self.source.name}-{file}"

    def caption_path(self, locale: str) -> str:
        return f"{SITE_FOLDER}/{self.source.name}.{locale}{CAPTION_SUFFIX}"


def excluded(src_uri: str) -> bool:
    """A file of docs/ that MkDocs must not publish: a source video, caption file or sidecar."""
    return src_uri.startswith(f"{MEDIA_FOLDER}/") and src_uri.lower().endswith(
        (*VIDEO_SUFFIXES, CAPTION_SUFFIX, SIDECAR_SUFFIX))


def marker_problems(docs_dir: Path, root: Path, names: Iterable[str]) -> list[Problem]:
    """Markers in pages that name no video."""
    known, problems = set(names), []
    for page in sorted(docs_dir.rglob("*.md")):
        text = page.read_text("utf-8")
        for match in MARKER.finditer(text):
            if match.group(1) not in known:
                where = page.relative_to(root).as_posix() if page.is_relative_to(root) else str(page)
                problems.append(Problem(where, text.count("\n", 0, match.start()) + 1, "media:video",
                                        "the name of a video in docs/media/ ("
                                        + (", ".join(sorted(known)) or "there is none") + ")", shown(match.group(1))))
    return problems


def generated_videos(docs_dir: Path) -> list[VideoSource]:
    """Videos the build makes itself, published like the dropped ones (none yet: the data trailer,
    scripts/media/trailer.py, is to be added here as one VideoSource per language)."""
    return []


def check(docs_dir: Path, root: Path, generated: Iterable[VideoSource] = ()) -> tuple[dict[str, VideoSource], list[Problem]]:
    """Every video (dropped and generated) and every problem with the videos or the markers, without encoding."""
    found = find_videos(docs_dir, root, declared_locales(), load_licences(root / "data"))
    videos = {**found.videos, **{video.name: video for video in generated}}
    return videos, found.problems + marker_problems(docs_dir, root, {*videos, *found.names})


def publish(video: VideoSource, docs_dir: Path) -> PublishedVideo:
    """Encode `video` (or find it in the cache) and copy its files into the site's generated files,
    each recorded with its hash (scripts/site_files.py publishes only files that match)."""
    encoded = transcode(video.video, video.poster_at, cache=docs_dir.parent / ".cache" / "video")
    published = PublishedVideo(video, encoded)
    files = verified_cache.store(site_files.folder(docs_dir))
    for rendition in encoded.renditions:
        files.put(published.site_path(f"{rendition.height}{rendition.path.suffix}"), rendition.path.read_bytes())
    files.put(published.site_path("poster.jpg"), encoded.poster.read_bytes())
    for locale, captions in video.captions.items():  # read each time: an editor may rewrite a caption file in place
        files.put(published.caption_path(locale), captions.read_bytes())
    files.save()
    return published


def prepare(docs_dir: Path) -> dict[str, PublishedVideo]:
    """Check, encode and publish every video; raises VideoError with every problem found."""
    root = docs_dir.parent
    videos, problems = check(docs_dir, root, generated_videos(docs_dir))
    if problems:
        raise VideoError(report(problems))
    try:
        return {name: publish(video, docs_dir) for name, video in videos.items()}
    except TranscodeError as error:
        raise VideoError(str(error)) from None
