"""Whom an investor talks to: agencies read from data/departments.yml, the contact block of a project
page (prefilled e-mail, vCard, factsheet and map), the vCards, and the contact page."""

import dataclasses
import datetime
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import yaml

from scripts.catalogue.build_step import exchange_rate
from scripts.catalogue.contacts import contact_block, contactable
from scripts.catalogue.geo import load_outline
from scripts.catalogue.model import Project
from scripts.catalogue.pages import PageContext, page_url, project_body
from scripts.catalogue.vcard import agency_vcard, vcard_path
from scripts.catalogue.vocabularies import Agency, load_agencies, load_vocabularies
from scripts.languages import ROOT, languages, load_mkdocs_config

VOCABULARIES = load_vocabularies()
CONTEXT = PageContext(VOCABULARIES, load_outline(), exchange_rate(load_mkdocs_config()["extra"]),
                      "https://x.example/", datetime.date(2025, 6, 1), 365)
DEPARTMENTS = yaml.safe_load((ROOT / "data" / "departments.yml").read_text("utf-8"))


def project(**changes) -> Project:
    values = dict(id="p-1", names={"vi": "Khu du lịch Cửa Lò", "en": "Cửa Lò resort & spa", "lo": "ລີສອດ ກືອໂລ"},
                  summaries={"vi": "Mô tả", "en": "Summary", "lo": "ສະຫຼຸບ"}, sector="tourism", locality="Cửa Lò",
                  lat=18.817, lon=105.7, status="calling", updated=datetime.date(2025, 3, 13),
                  department="public-sources")
    values.update(changes)
    return Project(**values)


def with_agency(key: str, **facts) -> PageContext:
    """CONTEXT with the agency `key` given other contact facts."""
    departments = dict(VOCABULARIES.departments, **{key: dataclasses.replace(VOCABULARIES.departments[key], **facts)})
    return dataclasses.replace(CONTEXT, vocabularies=dataclasses.replace(VOCABULARIES, departments=departments))


class Links(HTMLParser):
    def __init__(self, html: str):
        super().__init__()
        self.links: list[dict] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self.links.append(dict(attrs))


def test_agencies_are_typed_records_and_old_callers_still_read_names():
    for key, entry in DEPARTMENTS.items():
        agency = VOCABULARIES.departments[key]
        assert isinstance(agency, Agency) and agency.key == key
        for locale in ("vi", "en", "lo"):
            assert agency.name(locale) == agency[locale] == agency.get(locale) == entry[locale]
        for field in ("website", "address", "phone", "email", "source"):
            assert getattr(agency, field) == entry.get(field)
    assert VOCABULARIES.department_problems == ()


def test_published_contact_facts_carry_their_source():
    for agency in VOCABULARIES.departments.values():
        if agency.reachable:
            assert agency.source, f"{agency.key}: contact facts need the public page they come from"


def test_bad_contact_fields_are_reported_with_file_and_line(tmp_path):
    path = tmp_path / "departments.yml"
    path.write_text("a:\n  vi: A\n  en: A\n  lo: A\n  email: not-an-address\n  website: http://x.example\n"
                    "b: {vi: B, en: B, lo: B, contact: nobody}\n", "utf-8")
    agencies, problems = load_agencies(path)
    assert [str(problem) for problem in problems] == [
        "data/departments.yml:5: a.email: expected an e-mail address, got 'not-an-address'",
        "data/departments.yml:6: a.website: expected an https:// address, got 'http://x.example'",
        "data/departments.yml:7: b.contact: expected the key of another agency in this file, got 'nobody'",
    ]
    assert agencies["a"].email is None and agencies["a"].name("en") == "A"


def test_a_project_page_names_its_agency_in_each_language():
    agency = VOCABULARIES.agency(project().department)
    for language in languages():
        html = project_body(project(), language, CONTEXT)
        block = html[html.index('class="project-contact"'):]
        assert agency.name(language.locale).replace("'", "&#39;") in block
        hrefs = [link.get("href", "") for link in Links(block).links]
        assert any(href.endswith(f"map/?project={project().id}") for href in hrefs)
        assert any(href.endswith(f"print/{language.locale}/project-{project().id}.pdf") for href in hrefs)


def test_mailto_is_prefilled_in_the_page_language_with_the_project():
    context = with_agency("foreign-affairs", email="dau.tu@x.example")
    subjects = {}
    for language in languages():
        item = project()
        html = contact_block("public-sources", item, language, context)
        [mailto] = [link["href"] for link in Links(html).links if "contact-mailto" in link.get("class", "")]
        address = urlsplit(mailto)
        assert unquote(address.path) == "dau.tu@x.example"
        assert " " not in mailto and "\n" not in mailto, "the subject and body must be percent-encoded"
        query = parse_qs(address.query)
        subject, body = query["subject"][0], query["body"][0]
        name = item.names[language.locale]
        assert name in subject and item.id in subject and name in body
        assert page_url(context.site_url, item.id, language) in body and "\r\n" in body
        subjects[language.locale] = subject.replace(name, "")
    assert len(set(subjects.values())) == len(subjects), f"the subject is not translated: {subjects}"


def test_no_mailto_where_the_agency_publishes_no_email():
    for key in [agency.key for agency in contactable(VOCABULARIES) if not agency.email]:
        for language in languages():
            html = contact_block(key, project(), language, CONTEXT)
            assert "mailto:" not in html
            assert 'class="agency-no-email"' in html
            website = VOCABULARIES.departments[key].website
            if website:
                assert any(link.get("href") == website for link in Links(html).links)


def test_agency_facts_from_data_are_escaped():
    evil = '<script>x()</script>"'
    context = with_agency("foreign-affairs", names={"vi": evil, "en": evil, "lo": evil}, address=evil)
    html = contact_block("foreign-affairs", project(), languages()[1], context)
    assert "<script>" not in html and "&lt;script&gt;" in html


def unfold(card: str) -> list[str]:
    assert all(len(line.encode("utf-8")) <= 75 for line in card.split("\r\n")), "lines are folded at 75 octets"
    return card.replace("\r\n ", "").split("\r\n")


def vcard_fields(card: str) -> dict[str, str]:
    fields = {}
    for line in unfold(card):
        if line:
            name, value = re.split(r"(?<!\\):", line, maxsplit=1)
            fields[name.split(";")[0]] = value
    return fields


def unescape(value: str) -> str:
    return re.sub(r"\\(.)", lambda match: "\n" if match.group(1) in "nN" else match.group(1), value)


def test_vcard_matches_the_data_and_escapes_special_characters():
    agency = Agency("x", {"vi": "Sở A, B; C\\D", "en": "Dept A, B; C\\D"}, website="https://a.example/",
                    address="Số 1, đường Trường Thi;\nVinh", phone="0238 3 123 456", email="a@a.example",
                    source="https://a.example/about")
    card = agency_vcard(agency, "en")
    assert card.startswith("BEGIN:VCARD\r\nVERSION:4.0\r\n") and card.endswith("END:VCARD\r\n")
    fields = vcard_fields(card)
    assert fields["FN"] == "Dept A\\, B\\; C\\\\D" and unescape(fields["FN"]) == agency.name("en")
    street = re.split(r"(?<!\\);", fields["ADR"])[2]
    assert unescape(street) == agency.address
    assert fields["TEL"] == "tel:+842383123456" and fields["EMAIL"] == agency.email and fields["URL"] == agency.website
    assert vcard_fields(agency_vcard(dataclasses.replace(agency, phone="(+84) 238 3 123 456"), "en"))["TEL"] == "tel:+842383123456"
    long_name = Agency("y", {"lo": "ພະແນກການຕ່າງປະເທດ ແຂວງເງະອານ " * 3})
    assert unescape(vcard_fields(agency_vcard(long_name, "lo"))["FN"]) == long_name.name("lo")


def test_published_vcards_hold_each_reachable_agency(built_site: Path):
    for agency in [agency for agency in contactable(VOCABULARIES) if agency.reachable]:
        for language in languages():
            card = (built_site / vcard_path(agency.key, language.locale)).read_bytes().decode("utf-8")
            fields = vcard_fields(card)
            assert unescape(fields["FN"]) == agency.name(language.locale)
            assert fields.get("URL") == agency.website and fields.get("EMAIL") == agency.email


def test_contact_page_lists_every_agency(built_site: Path):
    for language in languages():
        html = (built_site / language.prefix / "contact" / "index.html").read_text("utf-8")
        for agency in contactable(VOCABULARIES):
            assert f'id="agency-{agency.key}"' in html
            assert agency.name(language.locale).replace("'", "&#39;") in html
            if agency.reachable:
                assert f'{vcard_path(agency.key, language.locale)}"' in html


def test_each_page_gets_its_own_project_and_its_agency_s_current_facts():
    english = next(language for language in languages() if language.locale == "en")
    first = contact_block("public-sources", project(id="p-1"), english, with_agency("foreign-affairs", email="a@x.example"))
    second = contact_block("public-sources", project(id="p-2"), english, with_agency("foreign-affairs", email="b@x.example"))
    assert "a@x.example" in first and "b@x.example" in second and "a@x.example" not in second
    assert "project-p-1.pdf" in first and "project-p-2.pdf" in second and "p-1" not in second
    assert "\x00" not in first + second
