"""The kiosk build: the whole site as a folder (and zip) that works from disk (file://) or any local
static server, with no network at all. Usage: ./scripts/build --kiosk → dist/kiosk/ and dist/nghean-kiosk.zip;
`python -m scripts kiosk` makes them from the site already built.

The built site is copied to dist/kiosk/site/ and adapted:
- links to folders get an explicit index.html (file:// shows no folder index);
- each language gets search/search_index.js (Material reads a script, not JSON, from file://) and the
  iframe-worker shim runs the search worker from disk;
- links and alternates pointing at the public site are removed from <head>; links that would leave
  the kiosk carry a QR code of their address, shown instead of navigating;
- every page loads the kiosk script (home button, idle return to the language chooser);
- videos loop (`loop`);
- dist/kiosk/index.html is the language chooser; start-kiosk.sh / .command / .desktop / .bat start
  kiosk-server.py (scripts/kiosk_server.py), which serves the folder on 127.0.0.1 and opens the chooser:
  Chromium refuses caption tracks on file://.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import shutil
import sys
from pathlib import Path

import segno
from markupsafe import Markup

from scripts import folders
from scripts.languages import Language, languages, load_mkdocs_config
from scripts.locales import gettext_for
from scripts.site_releases import served
from scripts.templates_env import render

LINK = re.compile(r'((?:href|src)=")([^"#?:]*/)((?:[?#][^"]*)?)(")')  # a folder, then its query or fragment
HEAD_LINKS = re.compile(r'\s*<(?:link rel="(?:canonical|alternate)"|meta property="og:|meta name="twitter:)[^>]*>')
EXTERNAL = re.compile(r'<a\b([^>]*?)href="(https?://[^"]+)"')
LAUNCHERS = folders.CODE / "scripts" / "kiosk_launchers"  # start-kiosk.*, copied beside the chooser
SERVER = folders.CODE / "scripts" / "kiosk_server.py"


def _folder_links(html: str) -> str:
    html = html.replace('href="./"', 'href="index.html"').replace('href="./#', 'href="index.html#')
    return LINK.sub(lambda m: f"{m.group(1)}{m.group(2)}index.html{m.group(3)}{m.group(4)}", html)


def _qr_file(url: str, folder: Path) -> str:
    name = hashlib.sha256(url.encode("utf-8")).hexdigest()[:16] + ".svg"
    target = folder / name
    if not target.exists():
        segno.make(url, error="m").save(str(target), scale=8, border=2, light="#fff")
    return name


def adapt_page(html: str, depth: int, qr_folder: Path, framed: bool = False) -> str:
    """`framed`: a page shown inside other pages (embed/), which keeps its own compact styles."""
    root = "../" * depth
    html = HEAD_LINKS.sub("", html)
    html = _folder_links(html)

    def external(match: re.Match) -> str:
        name = _qr_file(match.group(2), qr_folder)
        return f'<a{match.group(1)}data-kiosk-qr="{root}assets/kiosk/qr/{name}" href="{match.group(2)}"'

    html = EXTERNAL.sub(external, html).replace(" data-kiosk-loop", " loop data-kiosk-loop")
    head = (f'<script src="{root}assets/vendor/iframe-worker/shim.js"></script>'
            + ("" if framed else f'<link rel="stylesheet" href="{root}assets/kiosk/kiosk.css">')
            + f'<script src="{root}assets/kiosk/kiosk-config.js"></script>')
    tail = f'<script src="{root}assets/kiosk/kiosk.js" data-home="{root}../index.html"></script>'
    return html.replace("</head>", head + "</head>", 1).replace("</body>", tail + "</body>", 1)


def search_scripts(site: Path, langs: list[Language]) -> None:
    for language in langs:
        folder = site / language.prefix / "search"
        index = json.loads((folder / "search_index.json").read_text("utf-8"))
        for doc in index["docs"]:
            path, _, fragment = doc["location"].partition("#")
            if path == "" or path.endswith("/"):
                doc["location"] = f"{path}index.html" + (f"#{fragment}" if fragment else "")
        payload = json.dumps(index, ensure_ascii=False, separators=(",", ":"))
        (folder / "search_index.js").write_text(f"var __index = {payload};\n", encoding="utf-8")
        (folder / "search_index.json").write_text(payload, encoding="utf-8")


CHOOSER_STYLE = ("body{margin:0;min-height:100vh;display:flex;flex-direction:column;align-items:center;"
                 "justify-content:center;gap:2rem;background:#0b5e3c;color:#fff;font-family:'Noto Sans','Noto Sans Lao',sans-serif}"
                 "h1{font-size:2rem;text-align:center;margin:0 1rem}.choices{display:flex;flex-wrap:wrap;gap:1.5rem;"
                 "justify-content:center}.choice{display:block;min-width:14rem;padding:1.6rem 2rem;border-radius:1rem;"
                 "background:#fff;color:#0b5e3c;font-size:1.8rem;font-weight:700;text-align:center;text-decoration:none}")
CHOOSER_SCRIPT = ("var idle=new URLSearchParams(location.search).get('idle');"
                  "if(idle){sessionStorage.setItem('kiosk-idle',idle);}try{localStorage.clear();}catch(e){}")


def chooser(langs: list[Language]) -> str:
    """The kiosk's first screen (templates/kiosk-chooser.html), in the default language."""
    default = next((lang for lang in langs if lang.default), langs[0])
    return render("kiosk-chooser.html", default.locale, default_locale=default.locale, langs=langs,
                  titles=[gettext_for(lang.locale)("Nghệ An Investment Portal") for lang in langs],
                  style=Markup(CHOOSER_STYLE), script=Markup(CHOOSER_SCRIPT))


def config_script(langs: list[Language]) -> str:
    idle = int(load_mkdocs_config().get("extra", {}).get("kiosk_idle_seconds", 120))
    labels = {}
    for lang in langs:
        _ = gettext_for(lang.locale)
        labels[lang.locale] = {"home": _("Home – choose a language"), "close": _("Close"),
                               "scan": _("This link leaves the kiosk. Scan the code to open it on your phone:")}
    return (f"window.NGHEAN_KIOSK={{idleSeconds:{idle}}};\n"
            f"window.NGHEAN_KIOSK_LABELS={json.dumps(labels, ensure_ascii=False)};\n")


def add_server(kiosk: Path) -> None:
    """The local server and the double-clickable scripts that start it (Windows' with CRLF lines)."""
    shutil.copyfile(SERVER, kiosk / "kiosk-server.py")
    for launcher in sorted(LAUNCHERS.iterdir()):
        target = kiosk / launcher.name
        text = launcher.read_text("utf-8")
        if launcher.suffix == ".bat":
            target.write_bytes(text.replace("\n", "\r\n").encode("utf-8"))
        else:
            target.write_text(text, encoding="utf-8")
            target.chmod(0o755)


def build_kiosk(site: Path, dist: Path) -> Path:
    """Make dist/kiosk/ from a built site, and dist/nghean-kiosk.zip; returns the zip's path."""
    langs = languages()
    kiosk = dist / "kiosk"
    shutil.rmtree(kiosk, ignore_errors=True)
    shutil.copytree(site, kiosk / "site")
    target = kiosk / "site"
    qr_folder = target / "assets" / "kiosk" / "qr"
    qr_folder.mkdir(parents=True, exist_ok=True)
    (target / "assets" / "kiosk" / "kiosk-config.js").write_text(config_script(langs), encoding="utf-8")
    for page in target.rglob("*.html"):
        depth = len(page.relative_to(target).parts) - 1
        framed = page.relative_to(target).parts[0] == "embed"
        page.write_text(adapt_page(page.read_text("utf-8"), depth, qr_folder, framed), encoding="utf-8")
    search_scripts(target, langs)
    (kiosk / "index.html").write_text(chooser(langs), encoding="utf-8")
    add_server(kiosk)
    archive = shutil.make_archive(str(dist / "nghean-kiosk"), "zip", root_dir=kiosk)
    return Path(archive)


def write_kiosk(site: Path, dist: Path) -> None:
    """build_kiosk, then say where the kiosk is."""
    archive = build_kiosk(site, dist)
    print(f"Kiosk: open {dist / 'kiosk' / 'index.html'} (zip: {archive})")


def main(argv: list[str] | None = None, prog: str | None = None) -> int:
    parser = argparse.ArgumentParser(prog=prog, description="Write the offline kiosk from the built site.")
    parser.add_argument("--site-dir", type=Path, default=folders.current().site, help="the built site (default: site/)")
    parser.add_argument("--dist", type=Path, default=folders.current().dist,
                        help="where dist/kiosk/ and the zip go (default: dist/)")
    args = parser.parse_args(argv)
    site = served(args.site_dir.absolute())
    if site is None or not (site / "index.html").is_file():
        print(f"error: {args.site_dir}: expected a built site, got none: run ./scripts/build first", file=sys.stderr)
        return 1
    write_kiosk(site, args.dist.absolute())
    return 0


if __name__ == "__main__":
    sys.exit(main())
