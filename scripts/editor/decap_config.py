"""The browser editor's Decap CMS configuration, generated from the schemas the build checks with.

One source of truth: every field of a page header (scripts/front_matter.PAGE) and of the data files
(scripts/data_schemas.schemas) becomes a form field with the same rules — required or not, the same
expression and message for texts of a fixed form (scripts/schema.PATTERNS), date pickers for dates,
selects for vocabularies, lat/lon limited to the province's bounds. Labels, hints and the patterns'
messages go through gettext in the interface's language (the server asks for one config per language),
so a value the build would refuse is refused in the form with the build's own words.
"""

from __future__ import annotations

from pathlib import Path

from scripts import folders, safe_yaml
from scripts.catalogue.geo import load_outline
from scripts.data_schemas import schemas
from scripts.editor.labels import field_hint, field_label
from scripts.front_matter import PAGE
from scripts.languages import declared_locales, source_locale
from scripts.locales import compile_catalogs, gettext_for
from scripts.maps.places import KINDS as PLACE_KINDS
from scripts.media.items import KINDS as MEDIA_KINDS
from scripts.media.items import LICENCES
from scripts.problems import rendered
from scripts.schema import KINDS, MEDIA_PATH, PATTERNS, Field, ListOf, MapOf, Record

# Header fields the build and the translators' tools set, not the clerk: kept as they are, not shown.
KEPT_AS_THEY_ARE = ("review", "source_hash", "hide", "search", "icon", "status", "robots", "template")
# Header fields written once for a page and the same in every language (the rest is translated).
SAME_IN_EVERY_LANGUAGE = ("date", "tags", "hide", "search", "icon", "status", "robots", "template")
CHOICES = {"licence": lambda: LICENCES, "media_kind": lambda: MEDIA_KINDS}
NUMBER_KINDS = {"number": {}, "positive_number": {"min": 0}, "percent": {"min": 0, "max": 100},
                "year": {"value_type": "int", "min": 1900, "max": 2100}, "latitude": {"min": -90, "max": 90},
                "longitude": {"min": -180, "max": 180}}
# The data files edited in the browser, in the order the clerk sees them.
DATA_FILES = ("events.yml", "industrial-parks.yml", "places.yml", "departments.yml")


def expected(kind: str, gettext=str) -> str:
    """The build's own wording for a value of `kind` (what its check says it expected), in `gettext`'s
    language (English by default)."""
    return rendered(KINDS[kind](None)[0], gettext)


class Fields:
    """Turns schema fields into Decap fields for one interface language, with the vocabularies at hand."""

    def __init__(self, ui_locale: str, root: Path | None = None):
        root = root or folders.current().root
        compile_catalogs([ui_locale])
        self._ = gettext_for(ui_locale)
        self.ui_locale = ui_locale
        self.root = root
        self.langs = declared_locales(root / "mkdocs.yml")
        self.outline = load_outline(root / "data" / "geo" / "nghe-an-outline.geojson")
        vocabularies = _read(root / "data" / "vocabularies.yml")
        places = _read(root / "data" / "places.yml")
        destinations = _read(root / "data" / "industrial-parks.yml").get("destinations") or {}
        self.key_names = {key: self.name(entry) for key, entry in destinations.items()  # a park's distances
                          if isinstance(entry, dict) and isinstance(entry.get(self.langs[0]), str)}
        self.vocabularies = {  # field name → {value: label}
            "tags": {key: self.name(entry) for key, entry in (vocabularies.get("news_tags") or {}).items()},
            "layer": {key: self.name(entry) for key, entry in (places.get("layers") or {}).items()},
            "kind": {key: self._(field_label(key)) for key in PLACE_KINDS},
        }

    def name(self, entry: dict) -> str:
        """A vocabulary entry's or agency's name in the interface's language (else the site's default)."""
        return entry.get(self.ui_locale) or entry[self.langs[0]]

    def field(self, name: str, spec: Field, value=None, position: bool = False) -> dict:
        config = {"name": str(name), "label": self._(field_label(str(name))), "required": spec.required}
        if field_hint(str(name)):
            config["hint"] = self._(field_hint(str(name)))
        kind = spec.kind
        if isinstance(kind, Record):
            config |= self.record(kind, value if isinstance(value, dict) else {})
        elif isinstance(kind, ListOf):
            config |= self.list(kind, value if isinstance(value, list) else [])
        elif isinstance(kind, MapOf):
            config |= self.map(kind, value if isinstance(value, dict) else {})
        elif name in self.vocabularies and kind in ("slug", "texts"):
            options = [{"label": label, "value": key} for key, label in self.vocabularies[name].items()]
            config |= {"widget": "select", "options": options, "multiple": kind == "texts"}
        else:
            config |= self.value(kind, name if position else None)
        return config

    def value(self, kind: str, coordinate: str | None = None) -> dict:
        if coordinate:  # a point that must lie inside the province: its bounds
            outline = self.outline
            low, high = (outline.south, outline.north) if kind == "latitude" else (outline.west, outline.east)
            return {"widget": "number", "value_type": "float", "min": round(low, 4), "max": round(high, 4),
                    "step": 0.0001}
        if kind in NUMBER_KINDS:
            return {"widget": "number", "value_type": "float"} | NUMBER_KINDS[kind]
        if kind == "date":
            return {"widget": "datetime", "format": "YYYY-MM-DD", "date_format": "YYYY-MM-DD",
                    "time_format": False, "picker_utc": True}
        if kind == "boolean":
            return {"widget": "boolean", "default": False}
        if kind == "texts":
            return {"widget": "list"}
        if kind == "text_or_languages":  # one text, or one per language: shown per language
            return {"widget": "object", "collapsed": True, "fields": [
                {"name": locale, "label": self._(field_label(locale)), "widget": "string",
                 "required": locale == self.langs[0]} for locale in self.langs]}
        if kind in CHOICES:  # a closed list of keys (the media's licences and kinds): a select
            return {"widget": "select", "options": list(CHOICES[kind]())}
        if kind == "media_path":  # a file under docs/assets/media/ (one per language is edited in the file)
            return {"widget": "string", "pattern": [MEDIA_PATH.pattern, expected(kind, self._)]}
        if kind == "point":
            return {"widget": "list", "field": {"name": "value", "label": self._(field_label("point")),
                                                "widget": "number", "value_type": "float"}}
        config = {"widget": "string"}
        if kind in PATTERNS:
            config["pattern"] = [PATTERNS[kind].pattern, expected(kind, self._)]
        return config

    def record(self, kind: Record, value: dict) -> dict:
        fields = [self.field(name, spec, value.get(name), position=bool(kind.position) and name in kind.position)
                  for name, spec in kind.fields.items()]
        return {"widget": "object", "collapsed": False, "fields": fields}

    def list(self, kind: ListOf, items: list) -> dict:
        if isinstance(kind.item.kind, Record):
            merged = _merged(items)
            config = {"widget": "list", "collapsed": True, **{
                key: value for key, value in self.record(kind.item.kind, merged).items() if key == "fields"}}
            if "id" in kind.item.kind.fields:
                config["summary"] = "{{fields.id}}"
            return config
        return {"widget": "list", "field": self.field("value", kind.item, None)}

    def map(self, kind: MapOf, entries: dict) -> dict:
        """A block keyed by names: one sub-form per name the file uses (new names are added in the file)."""
        fields = []
        for key, entry in entries.items():
            field = self.field(key, Field(kind.value.kind, False), entry)
            if isinstance(entry, dict) and isinstance(entry.get(self.langs[0]), str):
                field["label"] = self.name(entry)
            elif key in self.key_names:
                field["label"] = self.key_names[key]
            fields.append(field)
        return {"widget": "object", "collapsed": True, "fields": fields}


def _merged(items: list) -> dict:
    """The keys every item of a list uses, for map fields inside list items (e.g. each park's distances)."""
    merged: dict = {}
    for item in items:
        for key, value in (item.items() if isinstance(item, dict) else ()):
            if isinstance(value, dict):
                merged[key] = {**merged.get(key, {}), **value}
            else:
                merged.setdefault(key, value)
    return merged


def _read(path: Path):
    if not path.exists():
        return {}
    loaded = safe_yaml.load_file(path, path.name)
    return loaded.data if not loaded.problems and isinstance(loaded.data, dict) else {}


def header_fields(fields: Fields, overrides: dict[str, dict] | None = None) -> list[dict]:
    """A page header's fields (front_matter.PAGE) and the page text, with their translation rule."""
    found = []
    for name, spec in PAGE.fields.items():
        config = fields.field(name, spec) | (overrides or {}).get(name, {})
        config["i18n"] = "duplicate" if name in SAME_IN_EVERY_LANGUAGE else True
        if name in KEPT_AS_THEY_ARE:
            config = {"name": name, "label": config["label"], "widget": "hidden", "required": False,
                      "i18n": config["i18n"]}
        found.append(config)
    return found


def body_field(fields: Fields, modes: list[str]) -> dict:
    return {"name": "body", "label": fields._(field_label("body")), "widget": "markdown", "i18n": True,
            "modes": modes, "buttons": ["bold", "italic", "link", "heading-two", "heading-three", "quote",
                                        "bulleted-list", "numbered-list"], "editor_components": []}


def collections(fields: Fields) -> list[dict]:
    _ = fields._
    news = {
        "name": "news", "label": _("News"), "label_singular": _("news post"), "folder": "docs/news/posts",
        "extension": "md", "format": "frontmatter", "create": True, "i18n": True,
        "slug": "{{year}}-{{month}}-{{day}}-{{slug}}", "identifier_field": "title",
        "summary": "{{date}} · {{title}}", "sortable_fields": ["date", "title"],
        "fields": header_fields(fields, {"date": {"required": True}}) + [body_field(fields, ["rich_text", "raw"])],
    }
    pages = {  # new pages need a place in the menu (mkdocs.yml): created by a developer, edited here
        "name": "pages", "label": _("Pages"), "label_singular": _("page"), "folder": "docs", "extension": "md",
        "format": "frontmatter", "create": False, "delete": False, "i18n": True, "identifier_field": "title",
        "fields": header_fields(fields) + [body_field(fields, ["raw"])],  # raw: the layout marks stay as written
    }
    data = []
    specs = schemas(fields.langs)
    for name in DATA_FILES:
        schema, content = specs[name], _read(fields.root / "data" / name)
        data.append({"name": name.removesuffix(".yml"), "label": _(field_label(name)), "file": f"data/{name}",
                     "fields": [fields.field(key, spec, content.get(key)) for key, spec in schema.fields.items()]
                     if not isinstance(schema, MapOf) else fields.map(schema, content)["fields"]})
    return [news, pages, {"name": "data", "label": _("Lists"), "files": data, "editor": {"preview": False}}]


def decap_config(ui_locale: str, api_url: str, root: Path | None = None) -> dict:
    """The whole configuration (as config.yml holds it) for an interface in `ui_locale`."""
    root = root or folders.current().root
    fields = Fields(ui_locale, root)
    return {
        "backend": {"name": "proxy", "proxy_url": api_url},
        "local_backend": {"url": api_url, "allowed_hosts": ["127.0.0.1", "localhost"]},
        "locale": ui_locale, "publish_mode": "simple", "load_config_file": False,
        "media_folder": "docs/assets/images/news", "public_folder": "/assets/images/news",
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
        "i18n": {"structure": "multiple_files", "locales": fields.langs,
                 "default_locale": source_locale(root / "mkdocs.yml")},
        "collections": collections(fields),
    }
