"""The editor's names for schema fields, data files and place kinds (English msgids; gettext translates).

A field without a name here is shown by its key, so a field added to a schema is never hidden.
"""

from __future__ import annotations


def _(message: str) -> str:  # marks a msgid for extraction; translated where the label is shown
    return message


LABELS = {
    # page headers
    "title": _("Title"), "description": _("Short description (search results, shared links)"),
    "date": _("Date"), "tags": _("Topics"), "subtitle": _("Subtitle"), "body": _("Text"),
    "review": _("Review by a native speaker"), "source_hash": _("Translation stamp"),
    # data files
    "events.yml": _("Events"), "industrial-parks.yml": _("Industrial parks"), "places.yml": _("Places on the map"),
    "departments.yml": _("Agencies and departments"),
    "events": _("Events"), "parks": _("Industrial parks"), "places": _("Places"), "layers": _("Map layers"),
    "routes": _("Routes"), "neighbours": _("Neighbouring names on the map"), "destinations": _("Destinations"),
    "id": _("Key (lowercase letters, digits and hyphens)"), "yearly": _("Every year on (MM-DD)"),
    "since": _("Since (year)"), "start": _("Start date"), "end": _("End date"), "source": _("Source (web address)"),
    "sources": _("Sources (web addresses)"), "name": _("Name"), "place": _("Place"), "lat": _("Latitude"),
    "lon": _("Longitude"), "approximate": _("Position is approximate"), "locality": _("Commune or ward"),
    "old_place": _("Former place name"), "area_ha": _("Area (ha)"), "area_note": _("Note on the area"),
    "developer": _("Developer"), "occupancy": _("Occupancy"), "percent": _("Per cent"),
    "note": _("Note"), "distances": _("Distances (km)"), "decision": _("Decision"),
    "anchor_investors": _("Main investors"), "infrastructure": _("Infrastructure"), "layer": _("Map layer"),
    "kind": _("Kind of place"), "programme": _("Programme"), "facts": _("Facts"), "points": _("Points"),
    "point": _("Point (latitude, longitude)"), "contact": _("Investors contact (key of another agency)"),
    "website": _("Website"), "address": _("Address"), "phone": _("Telephone"), "email": _("E-mail"),
    "vi": _("Vietnamese"), "en": _("English"), "lo": _("Lao"),
    # kinds of places (scripts/maps/places.KINDS)
    "zone": _("Economic zone"), "park": _("Industrial park"), "airport": _("Airport"), "port": _("Seaport"),
    "border-gate": _("Border gate"), "public-works": _("Public works"), "heritage": _("Heritage site"),
    "nature": _("Nature reserve"), "beach": _("Beach"),
}


def field_label(name: str) -> str:
    return LABELS.get(name, name)
