"""Write the server configuration of a release: an nginx site file beside the site folder and a
`_headers` file (the syntax Netlify and Cloudflare Pages read) at the site's root.

Both carry the same rules (scripts/server/headers.py). In `_headers`, the rules are cut so that no
header comes from two rules (both hosts would join the values with a comma, which for two
Content-Security-Policies means both apply): the policy per top-level entry of the site, the long
cache lifetime per fingerprinted file.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import jinja2

from scripts.server import headers
from scripts.server.csp import InlineCode

TEMPLATES = jinja2.Environment(loader=jinja2.FileSystemLoader(Path(__file__).parent), trim_blocks=True,
                               lstrip_blocks=True, keep_trailing_newline=True, autoescape=False)


@dataclass(frozen=True)
class Location:
    match: str  # what follows `location` in nginx: "/", "^~ /embed/", '~ "regex"'
    headers: dict[str, str]
    extra: tuple[str, ...] = field(default=())


# nginx variables holding each policy for HTML responses only (empty, so not sent, for the others:
# the policy, long with many hashes, protects documents, not images or scripts).
POLICY_VARIABLES = {"page": "$nghean_invest_csp", "embed": "$nghean_invest_embed_csp"}


def nginx_locations(policy: headers.Policies, https: bool, language_404s: list[str]) -> list[Location]:
    """`language_404s`: the language prefixes ("en/") whose folder has its own 404.html."""
    by_variable = headers.Policies(page=POLICY_VARIABLES["page"], embed=POLICY_VARIABLES["embed"])

    def with_common(path: str, cache: str | None = None) -> dict[str, str]:
        return {**headers.common_headers(https), **headers.framing_headers(path, by_variable),
                "Cache-Control": cache or headers.cache_control(path)}

    locations = [Location("/", with_common("")),
                 Location("^~ /embed/", with_common(headers.EMBED_PREFIX)),
                 Location("/assets/", with_common("assets/")),
                 Location(f'~ "{headers.FINGERPRINTED_LOCATION}"', with_common("assets/", headers.CACHE_IMMUTABLE))]
    locations += [Location(f"/{prefix}", with_common(prefix), (f"error_page 404 /{prefix}404.html;",))
                  for prefix in language_404s]
    return locations


def nginx_site(site_url: str, root: str, release: str, locations: list[Location], policy: headers.Policies,
               listen: str = "80") -> str:
    parts = urlsplit(site_url)
    maps = [(POLICY_VARIABLES["page"], policy.page), (POLICY_VARIABLES["embed"], policy.embed)]
    return TEMPLATES.get_template("nginx-site.conf.j2").render(
        site_url=site_url, release=release, listen=listen, server_name=parts.hostname or "_", root=root,
        https=parts.scheme == "https", locations=locations, maps=maps)


def headers_file(site_dir: Path, policy: headers.Policies, https: bool) -> str:
    """The `_headers` text for the site in `site_dir`."""
    blocks = [("/*", headers.common_headers(https))]
    for entry in sorted(site_dir.iterdir()):
        if entry.name == "_headers":
            continue
        path = entry.name + ("/" if entry.is_dir() else "")
        blocks.append((f"/{path}*" if entry.is_dir() else f"/{path}", headers.framing_headers(path, policy)))
    blocks.append(("/", headers.framing_headers("", policy)))
    fingerprinted = sorted({_fingerprint_rule(p.relative_to(site_dir).as_posix()) for p in site_dir.rglob("*")
                            if headers.FINGERPRINTED.match(p.relative_to(site_dir).as_posix())})
    blocks += [(rule, {"Cache-Control": headers.CACHE_IMMUTABLE}) for rule in fingerprinted]
    return "\n".join(f"{rule}\n" + "".join(f"  {name}: {value}\n" for name, value in values.items())
                     for rule, values in blocks)


def _fingerprint_rule(path: str) -> str:
    """One rule for the cards folder (hundreds of files), one per bundle."""
    return "/assets/cards/*" if path.startswith("assets/cards/") else f"/{path}"


def language_404s(site_dir: Path, prefixes: list[str]) -> list[str]:
    return [prefix for prefix in prefixes if prefix and (site_dir / prefix / "404.html").is_file()]


def write_server_files(release_dir: Path, site_url: str, inline: InlineCode, prefixes: list[str],
                       root: str, release: str, listen: str = "80") -> Path:
    """nginx.conf beside release_dir/site and site/_headers; returns the nginx file."""
    site_dir = release_dir / "site"
    https = site_url.startswith("https:")
    policy = headers.policies(inline, https)
    (site_dir / "_headers").write_text(headers_file(site_dir, policy, https), encoding="utf-8")
    nginx = release_dir / "nginx.conf"
    locations = nginx_locations(policy, https, language_404s(site_dir, prefixes))
    nginx.write_text(nginx_site(site_url, root, release, locations, policy, listen), encoding="utf-8")
    return nginx
