"""QR codes of page addresses as SVG, kept in a cache by address: encoding one costs milliseconds,
and every project has a code on its page and on its factsheet in each language. A damaged cached
code is drawn again (scripts/verified_cache.py); the build step saves the cache's manifest."""

from __future__ import annotations

import hashlib
import io

import segno

from scripts import folders
from scripts.verified_cache import store

DRAWING = "svg scale=3 border=2 mask=0 omitsize"  # part of the cache key: change it with the drawing


def qr_svg(url: str) -> str:
    """A standalone SVG QR code of `url`, drawn in black on white for print."""
    cache = store(folders.current().cache("qr"))
    name = hashlib.sha256(f"{DRAWING}\x1f{url}".encode()).hexdigest()[:24] + ".svg"
    cached = cache.read(name)
    if cached is not None:
        return cached.decode("utf-8")
    # A fixed mask pattern skips segno's search for the best of eight, which cost ~8 ms per code;
    # any mask gives a valid code that scanners read.
    code = segno.make(url, error="m", mask=0)
    buffer = io.BytesIO()
    code.save(buffer, kind="svg", scale=3, border=2, light="#fff", xmldecl=False, svgns=True, title=url,
              omitsize=True)  # a viewBox, no fixed size: it scales to the box it is shown in
    svg = buffer.getvalue().decode("utf-8")
    cache.write(name, svg.encode("utf-8"))
    return svg
