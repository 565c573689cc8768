"""The videos an editor drops into docs/media/, checked before anything is encoded.

Layout, one set of files per video NAME (lowercase letters, digits and hyphens):

    docs/media/NAME.mp4        the source video (.mp4, .m4v, .mov, .webm or .mkv), never published as it is
    docs/media/NAME.vi.vtt     one WebVTT caption file per site language (vi, en, lo)
    docs/media/NAME.yml        the sidecar: licence, credit, title per language (VIDEO_SIDECAR)

A page shows the video with the marker `<!-- media:video NAME -->` on its own line.
A missing sidecar, licence, caption file or source is a problem `path:line: field: expected …, got …`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from scripts import safe_yaml
from scripts.catalogue.fields import IDENTIFIER
from scripts.problems import Problem, shown
from scripts.schema import check_file, in_languages, may, need, record

MEDIA_FOLDER = "media"  # under docs/
VIDEO_SUFFIXES = (".mp4", ".m4v", ".mov", ".webm", ".mkv")
CAPTION_SUFFIX = ".vtt"
SIDECAR_SUFFIX = ".yml"
LICENCES_FILE = "media-licences.yml"  # in data/: the declared licence vocabulary


def video_sidecar(langs: list[str]):
    """The schema of docs/media/NAME.yml."""
    return record(
        licence=need("text"), credit=may("text"), rights_holder=may("text"), source=may("url"),
        title=need(record(**in_languages(langs, "text"))), poster_at=may("number"), loop_in_kiosk=may("boolean"))


@dataclass(frozen=True)
class Licence:
    key: str  # "CC-BY-4.0"
    names: dict[str, str]  # locale → name shown
    url: str = ""
    requires_credit: bool = False
    requires_rights_holder: bool = False


@dataclass(frozen=True)
class VideoSource:
    """One video to publish: its source file, caption files and what the sidecar says. Code that
    generates a video (e.g. the data trailer) can make one directly and pass it to the build step."""
    name: str
    video: Path
    captions: dict[str, Path]  # locale → WebVTT file
    titles: dict[str, str]  # locale → title
    licence: Licence
    credit: str = ""
    rights_holder: str = ""
    source_url: str = ""
    poster_at: float = 1.0  # seconds into the video where the poster is taken
    loop_in_kiosk: bool = True


@dataclass
class FoundVideos:
    videos: dict[str, VideoSource] = field(default_factory=dict)
    names: set[str] = field(default_factory=set)  # every name seen, also of videos with problems
    problems: list[Problem] = field(default_factory=list)


def load_licences(data_dir: Path) -> dict[str, Licence]:
    """The licence vocabulary (data/media-licences.yml, checked by scripts/data_schemas.py)."""
    path = data_dir / LICENCES_FILE
    if not path.exists():
        return {}
    data = safe_yaml.load_file(path, LICENCES_FILE).data or {}
    return {key: Licence(key, {k: v for k, v in entry.items() if isinstance(v, str) and k != "url"},
                         entry.get("url", ""), bool(entry.get("requires_credit")),
                         bool(entry.get("requires_rights_holder")))
            for key, entry in (data.get("licences") or {}).items()}


def _shown(path: Path, root: Path) -> str:
    return path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)


def find_videos(docs_dir: Path, root: Path, langs: list[str], licences: dict[str, Licence]) -> FoundVideos:
    """Every video of docs/media/ with its captions and sidecar, and every problem with them."""
    found = FoundVideos()
    folder = docs_dir / MEDIA_FOLDER
    if not folder.is_dir():
        return found
    names = {path.name.split(".")[0] for path in folder.iterdir()
             if path.suffix.lower() in (*VIDEO_SUFFIXES, SIDECAR_SUFFIX)}
    found.names = names
    for name in sorted(names):
        sidecar = folder / f"{name}{SIDECAR_SUFFIX}"
        videos = [folder / f"{name}{suffix}" for suffix in VIDEO_SUFFIXES if (folder / f"{name}{suffix}").is_file()]
        where = _shown(videos[0] if videos else sidecar, root)
        if not IDENTIFIER.match(name):
            found.problems.append(Problem(where, 1, "file name", "a name of lowercase letters a-z, digits and"
                                          " single hyphens, such as vinh-port.mp4", shown(name)))
            continue
        if not sidecar.is_file():
            found.problems.append(Problem(where, 1, "sidecar", f"a file {_shown(sidecar, root)} with the licence,"
                                          " credit and titles", "none"))
            continue
        source = safe_yaml.load_file(sidecar, _shown(sidecar, root))
        problems = check_file(source, video_sidecar(langs))
        if len(videos) != 1:
            problems.append(Problem(source.path, 1, "video", f"one video file {name}.mp4 (or "
                                    + ", ".join(VIDEO_SUFFIXES[1:]) + ") beside it",
                                    "none" if not videos else ", ".join(v.name for v in videos)))
        captions = {locale: folder / f"{name}.{locale}{CAPTION_SUFFIX}" for locale in langs}
        problems += _caption_problems(captions, source.path, root)
        if not problems:
            problems += _licence_problems(source, licences)
        found.problems += problems
        if not problems:
            found.videos[name] = _video(name, videos[0], captions, source.data, licences)
    return found


def _caption_problems(captions: dict[str, Path], sidecar: str, root: Path) -> list[Problem]:
    problems = []
    for locale, path in captions.items():
        if not path.is_file():
            problems.append(Problem(sidecar, 1, f"captions.{locale}", f"a WebVTT caption file {_shown(path, root)}",
                                    "none"))
        elif not path.read_bytes().lstrip(b"\xef\xbb\xbf").startswith(b"WEBVTT"):
            problems.append(Problem(_shown(path, root), 1, "file", "a WebVTT file starting with the line WEBVTT",
                                    shown(path.read_text("utf-8", "replace")[:30].splitlines()[0] if path.stat().st_size
                                          else "")))
    return problems


def _licence_problems(source: safe_yaml.YamlFile, licences: dict[str, Licence]) -> list[Problem]:
    data = source.data
    licence = licences.get(data["licence"])
    if licence is None:
        return [Problem(source.path, source.line(("licence",)), "licence",
                        f"one of the licences declared in data/{LICENCES_FILE}: " + ", ".join(licences),
                        shown(str(data["licence"])))]
    problems = []
    for needed, required in (("credit", licence.requires_credit), ("rights_holder", licence.requires_rights_holder)):
        if required and not data.get(needed):
            problems.append(Problem(source.path, source.line(("licence",)), needed,
                                    f"a '{needed}:' line (required by the licence {licence.key})", "none"))
    return problems


def _video(name: str, video: Path, captions: dict[str, Path], data: dict, licences: dict[str, Licence]) -> VideoSource:
    return VideoSource(name, video, captions, dict(data["title"]), licences[data["licence"]],
                       data.get("credit") or "", data.get("rights_holder") or "", data.get("source") or "",
                       float(data.get("poster_at", 1.0)), bool(data.get("loop_in_kiosk", True)))
