"""Between Decap CMS and decap-server: the repository's file names, the translation stamp, the data
files' comments.

Decap's i18n `multiple_files` structure names every language's file `name.<locale>.md`, the default
language's included (Decap 3.16 has no option to leave it out); the site keeps Vietnamese as `name.md`.
The editor's messages to decap-server are rewritten on the way (`name.vi.md` → `name.md`) and its
answers on the way back, so the repository keeps one convention. A translation saved from the editor
gets its `source_hash` in the same write (no second save, no second rebuild) when its text changed.
A data file (`data/*.yml`) keeps its comments, which Decap drops, through yaml_comments.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from scripts.editor.yaml_comments import restored
from scripts.translation_status import HASH_LINE, recorded_hash, stamped, text_hash

HEADER = re.compile(r"^---\n(.*?)\n---\n?(.*)$", re.DOTALL)
EMPTY_LINE = re.compile(r"^[a-z_]+: null\n", re.MULTILINE)  # a field Decap writes empty (hidden, unset)


class LocaleFiles:
    def __init__(self, root: Path, default_locale: str, langs: list[str]):
        self.root = root
        self.default = default_locale
        self.translations = [locale for locale in langs if locale != default_locale]
        self.suffix = re.compile(r"\.(" + "|".join(map(re.escape, langs)) + r")\.md$")

    def to_repository(self, path: str) -> str:
        """`docs/x.vi.md` → `docs/x.md`; other paths unchanged."""
        if path.startswith("docs/") and path.endswith(f".{self.default}.md"):
            return path.removesuffix(f".{self.default}.md") + ".md"
        return path

    def to_editor(self, path: str) -> str:
        """`docs/x.md` → `docs/x.vi.md`; translations and other files unchanged."""
        if path.startswith("docs/") and path.endswith(".md") and not self.suffix.search(path):
            return path.removesuffix(".md") + f".{self.default}.md"
        return path

    def request(self, body: dict) -> dict:
        """An editor's message as decap-server should see it."""
        params = body.get("params") or {}
        for key in ("path", "newPath"):
            if isinstance(params.get(key), str):
                params[key] = self.to_repository(params[key])
        if isinstance(params.get("paths"), list):
            params["paths"] = [self.to_repository(path) for path in params["paths"]]
        for item in params.get("files") or []:
            item["path"] = self.to_repository(item["path"])
        files = params.get("dataFiles") or ([params["entry"]] if params.get("entry") else [])
        for item in files:
            for key in ("path", "newPath"):
                if item.get(key):
                    item[key] = self.to_repository(item[key])
        if body.get("action") == "persistEntry":
            for item in files:
                if item.get("path", "").endswith(".md") and isinstance(item.get("raw"), str):
                    item["raw"] = without_empty_fields(item["raw"])
                elif item.get("path", "").startswith("data/") and item["path"].endswith(".yml") \
                        and isinstance(item.get("raw"), str):
                    before = _text(self.root / item["path"]) if ".." not in item["path"] else None
                    item["raw"] = restored(item["raw"], before) if before is not None else item["raw"]
            self.stamp(files)
        return body

    def response(self, answer):
        """decap-server's answer as the editor expects it (entries' paths with the default locale)."""
        entries = answer if isinstance(answer, list) else [answer]
        for entry in entries:
            if isinstance(entry, dict) and isinstance(entry.get("file"), dict):
                entry["file"]["path"] = self.to_editor(entry["file"]["path"])
        return answer

    def stamp(self, files: list[dict]) -> None:
        """Translations whose text changed get the hash of their Vietnamese text as saved with them."""
        saved = {item["path"]: item["raw"] for item in files if isinstance(item.get("raw"), str)}
        for path, raw in saved.items():
            match = self.suffix.search(path)
            if not match or match.group(1) not in self.translations:
                continue
            source_path = path[:match.start()] + ".md"
            source = saved.get(source_path) or _text(self.root / source_path)
            before = _text(self.root / path)
            if source is None:
                continue
            if before is None or _meaning(before) != _meaning(raw):
                raw = stamped(raw, text_hash(source))
            elif not HASH_LINE.search(raw) and recorded_hash(self.root / path):  # unchanged: keep its stamp
                raw = stamped(raw, recorded_hash(self.root / path))
            for item in files:
                if item.get("path") == path:
                    item["raw"] = raw


def without_empty_fields(text: str) -> str:
    """A page's header without the `field: null` lines Decap writes for fields left empty (the build
    treats them as absent)."""
    match = HEADER.match(text)
    if not match:
        return text
    header = EMPTY_LINE.sub("", match.group(1) + "\n").rstrip("\n")
    return f"---\n{header}\n---\n{match.group(2)}"


def _text(path: Path) -> str | None:
    return path.read_text("utf-8") if path.is_file() else None


def _meaning(text: str):
    """What a translator wrote: header values and text, whatever the YAML layout, without the stamp."""
    match = HEADER.match(text)
    if not match:
        return text.strip()
    try:
        header = yaml.safe_load(match.group(1)) or {}
    except yaml.YAMLError:
        return text.strip()
    if isinstance(header, dict):
        header = {str(key): str(value) for key, value in header.items()
                  if key not in ("source_hash", "review") and value not in (None, "", [])}
    return header, match.group(2).strip()
