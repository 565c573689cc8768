"""JSON-LD (schema.org) for search engines: the agencies on the contact page, news posts, events,
industrial parks, the open data on the catalogue page, and every page's breadcrumb trail.

Each function returns a plain dict from data the site already has; `script_text` turns one into the
text of a `<script type="application/ld+json">` element, with `<`, `>` and `&` escaped so text from
data (a name with `</script>` in it) cannot end the element.
"""

from __future__ import annotations

import datetime
import json

SCHEMA = "https://schema.org"
AGENCY_FIELDS = (("website", "url"), ("phone", "telephone"), ("email", "email"))
OPEN_DATA_FILES = (("catalogue.csv", "text/csv"), ("catalogue.json", "application/json"),
                   ("catalogue.geojson", "application/geo+json"))
NOT_AN_AGENCY = ("public-sources",)  # departments.yml: the compiled-from-public-sources file key


def script_text(data: dict) -> str:
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def agency(entry, locale: str) -> dict:
    """A GovernmentOrganization from a departments.yml record (scripts/catalogue/vocabularies.Agency);
    contact fields only where a source gives them."""
    data = {"@context": SCHEMA, "@type": "GovernmentOrganization", "name": entry.name(locale)}
    for source, target in AGENCY_FIELDS:
        if getattr(entry, source):
            data[target] = str(getattr(entry, source))
    if entry.address:
        data["address"] = {"@type": "PostalAddress", "streetAddress": entry.address, "addressRegion": "Nghệ An",
                           "addressCountry": "VN"}
    return data


def agencies(departments: dict, locale: str) -> list[dict]:
    return [agency(entry, locale) for key, entry in departments.items() if key not in NOT_AN_AGENCY]


def news_article(title: str, description: str, date, url: str, locale: str, image: str, publisher: dict) -> dict:
    data = {"@context": SCHEMA, "@type": "NewsArticle", "headline": title, "description": description,
            "datePublished": str(date), "inLanguage": locale, "url": url, "mainEntityOfPage": url,
            "publisher": {key: value for key, value in publisher.items() if key != "@context"}}
    if image:
        data["image"] = image
    return data


def event(item, locale: str, default: str, url: str) -> dict | None:
    """An Event from data/events.yml: dated events as they are, yearly anniversaries with a yearly
    schedule from their first year; None for a yearly one whose first year is not known."""
    text = item.text.get(locale) or item.text.get(default) or {}
    data = {"@context": SCHEMA, "@type": "Event", "name": text.get("name", ""), "url": url,
            "location": {"@type": "Place", "name": text.get("place", "")},
            "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode"}
    if item.start:
        data["startDate"] = item.start.isoformat()
        data["endDate"] = (item.end or item.start).isoformat()
    elif item.yearly and item.since:
        month, day = (int(part) for part in item.yearly.split("-"))
        data["startDate"] = datetime.date(item.since, month, day).isoformat()
        data["eventSchedule"] = {"@type": "Schedule", "repeatFrequency": "P1Y", "byMonth": month, "byMonthDay": day}
    else:
        return None
    return data


def park_place(park, locale: str, default: str, url: str) -> dict:
    """A Place for an industrial park; its position only when it is not an approximation."""
    text = park.text.get(locale) or park.text.get(default) or {}
    data = {"@context": SCHEMA, "@type": "Place", "name": text.get("name", ""), "url": url,
            "address": {"@type": "PostalAddress", "addressLocality": park.locality, "addressRegion": "Nghệ An",
                        "addressCountry": "VN"}}
    if not park.approximate:
        data["geo"] = {"@type": "GeoCoordinates", "latitude": park.lat, "longitude": park.lon}
    return data


def dataset(name: str, description: str, url: str, open_data_url: str, licence_url: str,
            updated: datetime.date | None, locales: list[str], publisher: dict) -> dict:
    data = {"@context": SCHEMA, "@type": "Dataset", "name": name, "description": description, "url": url,
            "license": licence_url, "isAccessibleForFree": True, "inLanguage": locales,
            "creator": {key: value for key, value in publisher.items() if key != "@context"},
            "distribution": [{"@type": "DataDownload", "contentUrl": open_data_url + file, "encodingFormat": kind}
                             for file, kind in OPEN_DATA_FILES]}
    if updated:
        data["dateModified"] = updated.isoformat()
    return data


def breadcrumbs(trail: list[tuple[str, str]]) -> dict | None:
    """A BreadcrumbList of (name, absolute URL) from the home page to the page; None for the home page."""
    if len(trail) < 2:
        return None
    return {"@context": SCHEMA, "@type": "BreadcrumbList",
            "itemListElement": [{"@type": "ListItem", "position": n, "name": name, "item": url}
                                for n, (name, url) in enumerate(trail, start=1)]}


def trail(page_url: str, language_prefix: str, titles: dict[str, str], site_url: str, home_name: str) -> list[tuple[str, str]]:
    """The page's ancestors by address that are pages themselves (`titles`: URL → title), then the page."""
    base = site_url if site_url.endswith("/") else site_url + "/"
    path = page_url.strip("/")
    steps = [(home_name, base + language_prefix)]
    parts = path.split("/") if path else []
    start = 1 if language_prefix else 0
    for end in range(start + 1, len(parts) + 1):
        url = "/".join(parts[:end]) + "/"
        if url in titles and url != language_prefix:
            steps.append((titles[url], base + url))
    return steps


OPERATOR = "foreign-affairs"  # departments.yml key of the agency that runs the portal


def source_name(src_uri: str) -> str:
    """"events.en.md" → "events", "parks/dong-hoi.lo.md" → "parks/dong-hoi"."""
    stem = src_uri.removesuffix(".md")
    head, _, suffix = stem.rpartition(".")
    return head if head and len(suffix) == 2 and "/" not in suffix else stem


def for_page(name: str, meta: dict, url: str, locale: str, default: str, prepared, site_url: str,
             image: str) -> list[dict]:
    """The JSON-LD blocks of one page, by its source (without the language suffix)."""
    departments = prepared.context.vocabularies.departments
    publisher = agency(departments[OPERATOR], locale) if OPERATOR in departments else {}
    base = site_url.rstrip("/") + "/"
    if name == "contact":
        return agencies(departments, locale)
    if name.startswith("news/posts/") and "date" in meta:
        return [news_article(meta.get("title", ""), meta.get("description", ""), meta["date"], url, locale, image,
                             publisher)]
    if name == "events":
        return [block for block in (event(item, locale, default, url) for item in prepared.content.events) if block]
    if name.startswith("parks/") and name != "parks/index":
        park = next((p for p in prepared.parks.parks if p.id == name.split("/", 1)[1]), None)
        return [park_place(park, locale, default, url)] if park else []
    if name == "catalogue/index":
        updated = max((project.updated for project in prepared.projects), default=None)
        return [dataset(meta.get("title", ""), meta.get("description", ""), url, base + "opendata/",
                        "https://creativecommons.org/licenses/by/4.0/", updated, [locale], publisher)]
    return []
