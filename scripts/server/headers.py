"""The response headers of the published site, shared by the nginx site file and `_headers`.

Two policies: the embeddable pages (`/embed/…`) may be framed by any site and, for the map's optional
OpenStreetMap layer, show that host's tiles; every other page may be framed by this site only.
Cache lifetimes: a year for files whose name carries their content hash, a short time for pages and
data, a day for the other assets.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from scripts.maps.folium_map import OSM_TILES
from scripts.server.csp import InlineCode

EMBED_PREFIX = "embed/"
CACHE_IMMUTABLE = "public, max-age=31536000, immutable"
CACHE_PAGE = "public, max-age=300"
CACHE_ASSET = "public, max-age=86400"
# Files named by their content hash: Material's bundles and palettes, the Open Graph cards.
FINGERPRINTED = re.compile(r"^assets/(?:javascripts/bundle|stylesheets/(?:main|palette))\.[0-9a-f]{8}\.min\.(?:js|css)$"
                           r"|^assets/cards/[0-9a-f]{16,}\.png$")
# The nginx location for the same files (a regular expression over the request path).
FINGERPRINTED_LOCATION = (r"^/assets/(?:javascripts/bundle|stylesheets/(?:main|palette))\.[0-9a-f]{8}\.min\.(?:js|css)$"
                          r"|^/assets/cards/[0-9a-f]{16,}\.png$")
PERMISSIONS = "camera=(), microphone=(), geolocation=(), payment=(), usb=()"


@dataclass(frozen=True)
class Policies:
    page: str  # Content-Security-Policy of every page but the embeddable ones
    embed: str  # of the embeddable pages


# The interactive map (embed/map-*.html) offers OpenStreetMap's tiles as a layer the reader turns on.
MAP_TILE_HOST = "{0.scheme}://{0.netloc}".format(urlsplit(OSM_TILES))


def content_security_policy(inline: InlineCode, frame_ancestors: str, https: bool, image_hosts: tuple = ()) -> str:
    directives = [
        ("default-src", ["'self'"]),
        # WebAssembly compiled by <model-viewer> (its meshopt decoder, at load) and its Draco and KTX2
        # decoders: 'wasm-unsafe-eval' allows compiling WebAssembly only, not eval() of JavaScript.
        ("script-src", ["'self'", "'wasm-unsafe-eval'", *sorted(inline.scripts)]),
        ("style-src", ["'self'", *sorted(inline.styles)]),
        ("style-src-attr", ["'unsafe-hashes'", *sorted(inline.style_attributes)] if inline.style_attributes
         else ["'none'"]),
        # Material's icons are SVG data: URLs in its stylesheet; three.js (in <model-viewer>) reads a
        # model's textures from blob: URLs of the model's own bytes.
        ("img-src", ["'self'", "data:", "blob:", *image_hosts]),
        ("font-src", ["'self'"]),
        ("connect-src", ["'self'"]),
        ("frame-src", ["'self'"]),
        ("media-src", ["'self'"]),  # videos and their caption tracks (<track> loads under media-src)
        # Material's search worker; MapLibre 6 starts its worker from its own module file (same origin);
        # the Draco and KTX2 decoders of <model-viewer> run in workers made from blob: URLs
        ("worker-src", ["'self'", "blob:"]),
        ("object-src", ["'none'"]),
        ("base-uri", ["'self'"]),
        ("form-action", ["'self'"]),
        ("frame-ancestors", [frame_ancestors]),
    ]
    if https:
        directives.append(("upgrade-insecure-requests", []))
    return "; ".join(" ".join([name, *sources]) for name, sources in directives)


def policies(inline: InlineCode, https: bool) -> Policies:
    return Policies(page=content_security_policy(inline, "'self'", https),
                    embed=content_security_policy(inline, "*", https, (MAP_TILE_HOST,)))


def common_headers(https: bool) -> dict[str, str]:
    """Headers every response carries."""
    headers = {
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "strict-origin-when-cross-origin",
        "Permissions-Policy": PERMISSIONS,
    }
    if https:
        headers["Strict-Transport-Security"] = "max-age=31536000"
    return headers


def framing_headers(path: str, policy: Policies) -> dict[str, str]:
    """The policy for a site path ("embed/map-en.html", "en/about/"), and X-Frame-Options where framing
    is limited to this site (for browsers without frame-ancestors)."""
    if path.startswith(EMBED_PREFIX):
        return {"Content-Security-Policy": policy.embed}
    return {"Content-Security-Policy": policy.page, "X-Frame-Options": "SAMEORIGIN"}


def cache_control(path: str) -> str:
    """Cache lifetime of a site path."""
    if FINGERPRINTED.match(path):
        return CACHE_IMMUTABLE
    if path.startswith("assets/"):
        return CACHE_ASSET
    return CACHE_PAGE
