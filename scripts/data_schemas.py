"""The declared schema of every YAML file in data/, of mkdocs.yml's `extra`, and the check of them all.

One line per field (see scripts/schema.py for the kinds). A file that breaks its schema stops the
build with every problem listed; the loaders in scripts/content, scripts/maps and scripts/catalogue
only ever read files that passed.
"""

from __future__ import annotations

from pathlib import Path

from scripts import safe_yaml
from scripts.catalogue.geo import load_outline
from scripts.catalogue.template_files import INPUT_MESSAGE_LIMIT, input_message
from scripts.catalogue.validate import COLUMN_TYPES
from scripts.languages import MKDOCS_YML, declared_locales, load_mkdocs_config
from scripts.maps.places import KINDS as PLACE_KINDS
from scripts.problems import Problem, shown
from scripts.schema import Record, check_file, in_languages, list_of, map_of, may, need, record


def schemas(langs: list[str]) -> dict[str, Record]:
    """data/<name> → its schema."""
    names = record(**in_languages(langs, "text"))
    place_text = record(name=need("text"), facts=may("text"))
    return {
        "events.yml": record(events=need(list_of(record(
            id=need("slug"), yearly=may("month_day"), since=may("year"), start=may("date"), end=may("date"),
            source=need("url"), **in_languages(langs, record(name=need("text"), place=need("text")))),
            unique="id"))),
        "industrial-parks.yml": record(parks=need(list_of(record(
            ("lat", "lon"), id=need("slug"), lat=need("latitude"), lon=need("longitude"),
            approximate=need("boolean"), locality=need("text"), old_place=may("text"),
            area_ha=may("positive_number"), area_note=may(names), developer=may("text_or_languages"),
            occupancy=may(record(percent=need("percent"), date=may("year_or_month"), note=may(names))),
            distances=may(map_of("distance")), decision=may(names), anchor_investors=may("texts"),
            sources=need(list_of("url")), media=may("texts"),
            **in_languages(langs, record(name=need("text"), infrastructure=may("text")))), unique="id")),
            destinations=need(map_of(names))),
        "media.yml": record(media=need(list_of(record(
            id=need("slug"), kind=need("media_kind"), file=need("media_path"), still=need("media_path"),
            licence=need("licence"), credit=need("text_or_languages"),
            **in_languages(langs, record(caption=need("text"), alt=need("text")))), unique="id"))),
        "places.yml": record(
            layers=need(map_of(names)),
            places=need(list_of(record(
                ("lat", "lon"), id=need("slug"), layer=need("slug"), kind=need("slug"), lat=need("latitude"),
                lon=need("longitude"), approximate=may("boolean"), area_ha=may("positive_number"),
                programme=may("slug"), source=need("url"), **in_languages(langs, place_text)), unique="id")),
            routes=may(list_of(record(id=need("slug"), source=need("url"), points=need(list_of("point")),
                                      **in_languages(langs, place_text)), unique="id")),
            neighbours=may(list_of(record(lat=need("latitude"), lon=need("longitude"),
                                          **in_languages(langs, "text"))))),
        "fdi.yml": record(unit=need("text"), years=need(list_of(record(
            year=need("year"), value=need("positive_number"), rank=may("positive_number"),
            rank_note=may("text"), source=need("url")), unique="year")),
            by_country=may(record(as_of=need("date"), unit=need("text"), source=need("url"), title=need(names),
                                  countries=need(list_of(record(value=need("positive_number"),
                                                                projects=may("positive_number"),
                                                                **in_languages(langs, "text"))))))),
        "key-figures.yml": record(figures=need(list_of(record(
            id=need("slug"), year=may("year"), source=need("url"),
            **in_languages(langs, record(value=need("text"), label=need("text"), source_name=need("text")))),
            unique="id"))),
        "glossary.yml": record(terms=need(list_of(record(
            also=may(record(**in_languages(langs, "texts", required=False))),
            avoid=may(record(**in_languages(langs, "texts", required=False))), note=may("text"),
            **in_languages(langs, "text"))))),
        "departments.yml": map_of(record(
            contact=may("slug"), website=may("url"), address=may("text_or_languages"), phone=may("phone"), email=may("email"),
            source=may("url"), **in_languages(langs, "text"))),
        "media-licences.yml": record(licences=need(map_of(record(
            url=may("url"), requires_credit=may("boolean"), requires_rights_holder=may("boolean"),
            **in_languages(langs, "text")), keys="text"))),
        "project-template.yml": record(columns=need(map_of(record(
            required=need("boolean"), type=need("column_name"), help=need(record(**in_languages(langs, "text"))),
            **in_languages(langs, "text")), keys="column_name"))),
        "vocabularies.yml": record(
            sectors=need(map_of(record(colour=need("colour"), **in_languages(langs, "text")))),
            statuses=need(map_of(record(colour=may("colour"), **in_languages(langs, "text")))),
            forms=need(map_of(record(colour=may("colour"), **in_languages(langs, "text")))),
            news_tags=may(map_of(record(colour=may("colour"), **in_languages(langs, "text"))))),
    }


MKDOCS_EXTRA = record(  # open-ended: other settings of the theme may follow
    open_ended=True, generator=may("boolean"),
    exchange_rate=need(record(vnd_per_usd=need("vnd_per_usd"), date=need("date"), source=need("url"))),
    kiosk_idle_seconds=may("positive_number"), catalogue_stale_after_days=may("positive_number"),
)


def _shown(path: Path, root: Path) -> str:
    return path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)


def _cross_references(name: str, data, source: safe_yaml.YamlFile) -> list[Problem]:
    """Values that must name an entry declared elsewhere in the same file."""
    problems = []
    if name == "industrial-parks.yml":
        for index, park in enumerate(data["parks"]):
            for key in park.get("distances") or {}:
                if key not in data["destinations"]:
                    problems.append(Problem(source.path, source.line(("parks", index, "distances", key)),
                                            f"distances.{key}", "a key of destinations", shown(str(key))))
    if name == "events.yml":
        problems += _event_dates(data["events"], source)
    if name == "project-template.yml":
        for key, column in data["columns"].items():
            if column["type"] not in COLUMN_TYPES:
                problems.append(Problem(source.path, source.line(("columns", key, "type")), f"{key}.type",
                                        "one of " + ", ".join(COLUMN_TYPES), shown(column["type"])))
            length = len(input_message(column["help"]))
            if length > INPUT_MESSAGE_LIMIT:
                longest = max(column["help"], key=lambda locale: len(column["help"][locale]))
                problems.append(Problem(source.path, source.line(("columns", key, "help", longest)), f"{key}.help",
                                        f"at most {INPUT_MESSAGE_LIMIT} characters in all (Excel's limit)",
                                        f"{length} characters"))
    if name == "places.yml":
        for index, place in enumerate(data["places"]):
            for field, allowed in (("layer", list(data["layers"])), ("kind", list(PLACE_KINDS))):
                if place[field] not in allowed:
                    problems.append(Problem(source.path, source.line(("places", index, field)), field,
                                            "one of " + ", ".join(allowed), shown(str(place[field]))))
    return problems


def _event_dates(events: list[dict], source: safe_yaml.YamlFile) -> list[Problem]:
    """An event has either `yearly` or a `start` (and an `end` not before it)."""
    problems = []
    for index, event in enumerate(events):
        where = ("events", index)
        if ("yearly" in event) == ("start" in event):
            problems.append(Problem(source.path, source.line((*where, "start")), "events.start",
                                    "either 'start:' (a dated event)"
                                    " or 'yearly:' (an anniversary)", "both" if "start" in event else "neither"))
        elif event.get("end") and event.get("start") and str(event["end"]) < str(event["start"]):
            problems.append(Problem(source.path, source.line((*where, "end")), "events.end",
                                    "a date on or after start", f"{event['end']} before {event['start']}"))
    return problems


def check_data(data_dir: Path, root: Path, langs: list[str] | None = None) -> list[Problem]:
    """Every problem in every YAML file of data/ that an author edits."""
    langs = langs or declared_locales()  # the sources hold every language, whichever a build makes
    outline = load_outline(data_dir / "geo" / "nghe-an-outline.geojson")
    problems = []
    for name, schema in schemas(langs).items():
        path = data_dir / name
        if not path.exists():
            continue
        source = safe_yaml.load_file(path, _shown(path, root))
        found = check_file(source, schema, outline.contains)
        problems += found or _cross_references(name, source.data, source)
    return problems


def check_sources(config_file: Path, data_dir: Path | None = None) -> list[Problem]:
    """What the build checks before anything else: every data file and mkdocs.yml's extra."""
    data_dir = data_dir or config_file.parent / "data"
    extra = check_mkdocs_extra(config_file) if config_file.exists() else []
    return check_data(data_dir, data_dir.parent) + extra


def check_mkdocs_extra(config_file: Path = MKDOCS_YML, root: Path | None = None) -> list[Problem]:
    """mkdocs.yml's `extra` (its other settings belong to MkDocs, which checks them)."""
    root = root or config_file.parent
    source = safe_yaml.load_text(config_file.read_text("utf-8"), _shown(config_file, root), tags_allowed=True)
    if source.problems:
        return source.problems
    source.data = {"extra": load_mkdocs_config(config_file).get("extra", {})}
    return check_file(source, record(extra=need(MKDOCS_EXTRA)))
