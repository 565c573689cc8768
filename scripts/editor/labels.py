"""The editor's names for schema fields, data files and place kinds, and the hints shown under some
fields (English msgids; gettext translates).

A field without a name here is shown by its key, so a field added to a schema is never hidden. The hints
carry the guidance the data files' comments give someone editing them by hand (what a field means, where
its facts must come from), as a clerk in the browser editor never sees those comments.
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
    "media": _("Panoramas and 3D models (ids of data/media.yml)"), "value": _("Entry"),
    "vi": _("Vietnamese"), "en": _("English"), "lo": _("Lao"),
    # kinds of places (scripts/maps/places.KINDS)
    "zone": _("Economic zone"), "park": _("Industrial park"), "airport": _("Airport"), "port": _("Seaport"),
    "border-gate": _("Border gate"), "public-works": _("Public works"), "heritage": _("Heritage site"),
    "nature": _("Nature reserve"), "beach": _("Beach"),
}

# Shown under the field in the form (the same field name means the same thing in every data file).
HINTS = {
    "yearly": _("For an anniversary that comes back every year; otherwise give the start date (and the end date"
                " when the event lasts several days)."),
    "source": _("The public page these facts come from: every entry names its source."),
    "sources": _("The public pages the facts come from. Only published facts: leave a field empty when no source"
                 " gives it."),
    "approximate": _("Tick when no source gives coordinates: the point is then placed in the commune or area the"
                     " source names, and the map says \"approximate position\"."),
    "occupancy": _("Per cent of the leasable land, with the date the source gives."),
    "developer": _("A name, or one text per language where a legal form (JSC) or a country is translated."),
    "programme": _("public-investment-2026-2030 marks the public works of the province's 2026–2030 key programme"
                   " (built with the state budget: not opportunities, so not in the catalogue)."),
    "website": _("The agency's public website, only where a public source gives it."),
    "address": _("The street address as published, in Vietnamese; never a guessed one."),
    "phone": _("A telephone number as published; never a guessed one."),
    "email": _("An e-mail address as published; never a guessed one."),
    "contact": _("For a department that is not itself an agency: the key of the agency investors contact."),
}


def field_label(name: str) -> str:
    return LABELS.get(name, name)


def field_hint(name: str) -> str:
    """The hint under a field, or "" for none."""
    return HINTS.get(name, "")
