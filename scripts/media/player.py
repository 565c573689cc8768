"""The HTML5 player of a published video, filled in for the marker `<!-- media:video NAME -->`.

No third-party player: the browser's own controls, one <source> per encoded file (the larger height
where the screen is wide enough, then the smaller), a caption track per language with the page's
language marked `default`, `preload="none"` so only the poster loads before the reader presses play (and the poster only when
the video nears the screen: `data-poster`, set by assets/javascripts/media-viewer.js).
"""

from __future__ import annotations

import re

from scripts.languages import Language, languages
from scripts.media.video_step import MARKER, PublishedVideo
from scripts.seo import relative_root
from scripts.templates_env import render

WIDE_SCREEN = "(min-width: 48em)"  # the larger rendition from here on; phones get the smaller one


class UnknownVideo(KeyError):
    pass


def player_html(video: PublishedVideo, language: Language, root: str) -> str:
    """The player of `video` on a page of `language`; `root` leads from the page to the site root."""
    encoded, source = video.encoded, video.source
    tallest = encoded.renditions[0].height
    several = len({r.height for r in encoded.renditions}) > 1
    sources = [{"src": root + video.site_path(f"{r.height}{r.path.suffix}"), "type": r.mime,
                "media": WIDE_SCREEN if several and r.height == tallest else ""} for r in encoded.renditions]
    names = {lang.locale: lang.name for lang in languages()}
    tracks = [{"src": root + video.caption_path(locale), "locale": locale, "label": names.get(locale, locale),
               "default": locale == language.locale} for locale in source.captions]
    mp4 = next(r for r in encoded.renditions if r.path.suffix == ".mp4")
    locale = language.locale
    return render("video-player.html", locale, sources=sources, tracks=tracks,
                  poster=root + video.site_path("poster.jpg"), width=encoded.width, height=encoded.height,
                  title=source.titles.get(locale) or next(iter(source.titles.values())),
                  loop_in_kiosk=source.loop_in_kiosk, credit=source.credit, rights_holder=source.rights_holder,
                  licence=source.licence.names.get(locale, source.licence.key), licence_url=source.licence.url,
                  source_url=source.source_url, download=root + video.site_path(f"{mp4.height}.mp4"),
                  download_height=mp4.height)


def fill_video_markers(html: str, language: Language, videos: dict[str, PublishedVideo], page_url: str) -> str:
    """Replace every `<!-- media:video NAME -->` of a page at `page_url` (as MkDocs gives it)."""
    root = relative_root(page_url)

    def replace(match: re.Match) -> str:
        name = match.group(1)
        if name not in videos:
            raise UnknownVideo(f"unknown video '{name}' (known: {', '.join(sorted(videos)) or 'none'})")
        return player_html(videos[name], language, root)

    return MARKER.sub(replace, html)
