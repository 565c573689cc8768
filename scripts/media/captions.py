"""The trailer's captions as WebVTT: the scenes' own texts, each scene's lines sharing its time."""

from __future__ import annotations

from scripts.media.scenes import Scene


def timestamp(seconds: float) -> str:
    milliseconds = round(seconds * 1000)
    hours, rest = divmod(milliseconds, 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    return f"{hours:02d}:{minutes:02d}:{rest // 1000:02d}.{rest % 1000:03d}"


def _cue_text(text: str) -> str:
    # WebVTT cue text: & and < start entities and tags, and "-->" would end the timing line.
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def webvtt(found: list[Scene]) -> str:
    """One cue per caption line; together the cues cover the trailer from start to end."""
    cues, start = ["WEBVTT", ""], 0.0
    for scene in found:
        lines = scene.caption_lines()
        for index, line in enumerate(lines):
            begin = start + scene.duration * index / len(lines)
            end = start + scene.duration * (index + 1) / len(lines)
            cues += [f"{timestamp(begin)} --> {timestamp(end)}", _cue_text(line), ""]
        start += scene.duration
    return "\n".join(cues)
