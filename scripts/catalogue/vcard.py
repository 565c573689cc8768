"""An agency's contact card as a vCard 4.0 file (RFC 6350): UTF-8, CRLF lines folded at 75 octets,
text values escaped. One card per agency and language (the agency's name in that language)."""

from __future__ import annotations

from pathlib import PurePosixPath

from scripts.catalogue.vocabularies import Agency
from scripts.locales import gettext_for
from scripts.templates_env import phone_uri

LINE_OCTETS = 75
CARDS = PurePosixPath("assets", "contacts")  # in the site: <locale>/<agency key>.vcf


def escape_text(value: str) -> str:
    """RFC 6350 §3.4: backslash, comma and semicolon escaped, line breaks written as \\n."""
    value = value.replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;")
    return value.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\\n")


def fold(line: str) -> str:
    """RFC 6350 §3.2: lines longer than 75 octets continue on lines that start with a space,
    never cutting a UTF-8 character."""
    parts, current, size = [], "", 0
    for character in line:
        octets = len(character.encode("utf-8"))
        limit = LINE_OCTETS if not parts else LINE_OCTETS - 1
        if size + octets > limit:
            parts.append(current)
            current, size = "", 0
        current += character
        size += octets
    parts.append(current)
    return "\r\n ".join(parts)


def vcard_path(agency_key: str, locale: str) -> PurePosixPath:
    """Where an agency's card is published in the site (a site file, scripts/site_files.py)."""
    return CARDS / locale / f"{agency_key}.vcf"


def agency_vcard(agency: Agency, locale: str) -> str:
    name = escape_text(agency.name(locale))
    lines = ["BEGIN:VCARD", "VERSION:4.0", "KIND:org", f"FN;LANGUAGE={locale}:{name}", f"ORG;LANGUAGE={locale}:{name}"]
    if agency.address:
        lines.append(f"ADR;LANGUAGE=vi:;;{escape_text(agency.address)};;;;")  # one street line, as published
    if agency.phone:
        lines.append(f"TEL;VALUE=uri;TYPE=work:tel:{phone_uri(agency.phone)}")
    if agency.email:
        lines.append(f"EMAIL;TYPE=work:{agency.email}")
    if agency.website:
        lines.append(f"URL:{agency.website}")
    if agency.source:
        source = gettext_for(locale)("Source of these details")
        lines.append(f"NOTE;LANGUAGE={locale}:{escape_text(f'{source}: {agency.source}')}")
    lines.append("END:VCARD")
    return "".join(fold(line) + "\r\n" for line in lines)
