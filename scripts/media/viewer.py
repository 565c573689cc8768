"""The HTML of a panorama or model: its still image, the button that loads the viewer, the caption,
the credit and the licence (template scripts/templates/media-viewer.html, text from data escaped)."""

from __future__ import annotations

from scripts.media.items import LICENCES, MEDIA_FOLDER, MediaItem
from scripts.templates_env import render

VENDOR = "assets/vendor/"
LIBRARIES = {  # kind → (script, stylesheet) under assets/vendor/
    "panorama": ("pannellum/pannellum.js", "pannellum/pannellum.css"),
    "model": ("model-viewer/model-viewer.min.js", ""),
}
# <model-viewer>'s decoders, vendored beside it: read only for a model compressed with them.
DECODERS = {"draco": "model-viewer/draco/", "ktx2": "model-viewer/basis/", "meshopt": "model-viewer/meshopt/meshopt_decoder.js"}


def media_html(items: dict[str, MediaItem], media_id: str, locale: str, root: str) -> str:
    """`root` leads from the page to the site root (e.g. "../../")."""
    item = items[media_id]
    script, stylesheet = LIBRARIES[item.kind]
    width, height = item.still_size[locale]
    name, url = LICENCES[item.licence]
    return render("media-viewer.html", locale, id=item.id, kind=item.kind,
                  src=f"{root}{MEDIA_FOLDER}/{item.path('file', locale)}",
                  still=f"{root}{MEDIA_FOLDER}/{item.path('still', locale)}", width=width, height=height,
                  library=f"{root}{VENDOR}{script}", library_css=f"{root}{VENDOR}{stylesheet}" if stylesheet else "",
                  decoders={key: f"{root}{VENDOR}{path}" for key, path in DECODERS.items()} if item.kind == "model" else {},
                  alt=item.text[locale]["alt"], caption=item.text[locale]["caption"], credit=item.credit_text(locale),
                  licence_name=name, licence_url=url)
