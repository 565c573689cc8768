"""Industrial parks from data/industrial-parks.yml: one page per park per language and a comparison."""

from __future__ import annotations

from dataclasses import dataclass, field
from html import escape
from pathlib import Path

from scripts import folders
from scripts.catalogue import formatting
from scripts.catalogue.geo import Outline
from scripts.catalogue.pages import detail_page_root, front_matter_block, minimap_figure
from scripts.facts import Fact
from scripts.generated_files import write_files
from scripts.languages import Language, declared_locales
from scripts.locales import gettext_for
from scripts.maps.places import Place
from scripts.parsed_files import yaml_data
from scripts.templates_env import render

PARKS_FILE = "industrial-parks.yml"  # in the project's data/


@dataclass(frozen=True)
class Park:
    id: str
    lat: float
    lon: float
    approximate: bool
    locality: str
    text: dict  # locale → {"name", "infrastructure"?}
    sources: tuple[str, ...]
    old_place: str = ""
    area_ha: float | None = None
    area_note: dict = field(default_factory=dict)
    developer: str | dict = ""  # a name written the same in every language, or one per language
    occupancy: dict = field(default_factory=dict)
    distances: dict = field(default_factory=dict)
    decision: dict = field(default_factory=dict)
    anchor_investors: tuple[str, ...] = ()
    media: tuple[str, ...] = ()  # ids in data/media.yml: panoramas and models shown on the park's page


@dataclass(frozen=True)
class Parks:
    parks: tuple[Park, ...]
    destinations: dict


def load_parks(path: Path | None = None) -> Parks:
    data = yaml_data(path or folders.current().data / PARKS_FILE)
    parks = []
    for entry in data["parks"]:
        parks.append(Park(
            id=entry["id"], lat=float(entry["lat"]), lon=float(entry["lon"]), approximate=bool(entry["approximate"]),
            locality=entry["locality"], text={k: v for k, v in entry.items() if k in declared_locales()},
            sources=tuple(entry["sources"]), old_place=entry.get("old_place", ""), area_ha=entry.get("area_ha"),
            area_note=entry.get("area_note", {}), developer=entry.get("developer", ""),
            occupancy=entry.get("occupancy", {}), distances=entry.get("distances", {}),
            decision=entry.get("decision", {}), anchor_investors=tuple(entry.get("anchor_investors", ())),
            media=tuple(entry.get("media", ())),
        ))
    return Parks(tuple(parks), data.get("destinations", {}))


def developer_text(park: Park, locale: str) -> str:
    """The developer as written in `locale`: a legal form such as "JSC" or a country is translated."""
    return park.developer.get(locale, "") if isinstance(park.developer, dict) else park.developer


def area_text(park: Park, locale: str) -> str:
    parts = [formatting.area(park.area_ha, locale)] if park.area_ha is not None else []
    if park.area_note.get(locale):
        parts.append(park.area_note[locale])
    return "; ".join(parts)


def occupancy_text(park: Park, locale: str) -> str:
    if not park.occupancy:
        return ""
    note = park.occupancy.get("note", {}).get(locale, "")
    date = str(park.occupancy.get("date", ""))
    text = f"{note} {formatting.number(park.occupancy['percent'], locale)} %".strip()
    return f"{text} ({date})" if date else text


def distances_text(park: Park, destinations: dict, locale: str) -> str:
    _ = gettext_for(locale)
    return "; ".join(_("%(place)s %(km)s km") % {"place": destinations[key][locale], "km": km}
                     for key, km in park.distances.items())


def park_facts(park: Park, parks: Parks, locale: str) -> list[Fact]:
    """The park's facts, for its page and its factsheet."""
    _ = gettext_for(locale)
    formerly = _("formerly")
    return [
        Fact(_("Locality"), park.locality + (f" ({formerly} {park.old_place})" if park.old_place else "")),
        Fact(_("Land area"), area_text(park, locale)),
        Fact(_("Developer"), developer_text(park, locale)),
        Fact(_("Occupancy"), occupancy_text(park, locale)),
        Fact(_("Distances"), distances_text(park, parks.destinations, locale)),
        Fact(_("Infrastructure"), park.text[locale].get("infrastructure", "")),
        Fact(_("Investment decision"), park.decision.get(locale, "")),
        Fact(_("Anchor investors"), ", ".join(park.anchor_investors)),
    ]


def park_page(park: Park, parks: Parks, language: Language, outline: Outline) -> str:
    _ = gettext_for(language.locale)
    locale = language.locale
    text = park.text[locale]
    caption = [park.locality,
               *([_("Approximate position within the commune or ward, not the project boundary.")] if park.approximate else [])]
    body = render("park-body.html", locale, park_id=park.id, name=text["name"], facts=park_facts(park, parks, locale),
                  minimap=minimap_figure(park.lat, park.lon, caption, f"park={park.id}", language, outline),
                  media=park.media, sources=park.sources, root=detail_page_root(language))
    description = f"{text['name']}: {area_text(park, locale)}. {developer_text(park, locale)}".strip(" .:")
    front = front_matter_block({"title": escape(text["name"]), "description": escape(description[:155]),
                                **({"review": "needed"} if locale == "lo" else {})})
    all_parks = _("All industrial parks")
    back = f"[{all_parks}](index.md)"
    return front + body + "\n\n" + back + "\n"


def comparison_table(parks: Parks, locale: str) -> str:
    _ = gettext_for(locale)
    headings = (_("Industrial park"), _("Locality"), _("Land area"), _("Developer"), _("Occupancy"),
                _("Distances"), _("Anchor investors"))
    rows = [(park.id, park.text[locale]["name"],
             [park.locality, area_text(park, locale), developer_text(park, locale), occupancy_text(park, locale),
              distances_text(park, parks.destinations, locale), ", ".join(park.anchor_investors)])
            for park in parks.parks]
    return render("park-comparison.html", locale, headings=headings, rows=rows)


def park_filename(park_id: str, language: Language) -> str:
    return f"{park_id}{language.source_suffix}.md"


def parks_as_places(parks: Parks) -> tuple[Place, ...]:
    """The parks as points of the map's industrial-parks layer, linking to their pages."""
    return tuple(
        Place(park.id, "industrial-parks", "park", park.lat, park.lon, park.approximate,
              {locale: {"name": text["name"], "facts": developer_text(park, locale)} for locale, text in park.text.items()},
              park.sources[0], park.area_ha, page=f"parks/{park.id}/")
        for park in parks.parks
    )


def generate_parks(parks: Parks, languages: list[Language], outline: Outline, docs_dir: Path) -> list[Path]:
    """Write docs/parks/<id>[.<locale>].md; remove pages of parks no longer in the data."""
    folder = docs_dir / "parks"
    files = {folder / park_filename(park.id, language): park_page(park, parks, language, outline)
             for park in parks.parks for language in languages}
    return write_files(files, (p for p in folder.glob("*.md") if not p.name.startswith("index.")))
