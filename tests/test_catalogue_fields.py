import datetime

import pytest

from scripts.catalogue import fields


def test_identifier_accepts_lowercase_slugs_and_suggests_one():
    assert fields.identifier("vsip-nghe-an-3") == "vsip-nghe-an-3"
    with pytest.raises(fields.FieldError) as error:
        fields.identifier("Khu Công Nghiệp Đông Hồi")
    assert str(error.value.hint) == "for example 'khu-cong-nghiep-dong-hoi'"


@pytest.mark.parametrize("text, decimal, value", [
    ("18.83", "point", 18.83), ("-3", "point", -3.0), ("18,83", "comma", 18.83), ("1200", "comma", 1200.0),
])
def test_numbers_in_each_decimal_style(text, decimal, value):
    assert fields.number(text, decimal) == value


@pytest.mark.parametrize("text, decimal", [
    ("12.5", "comma"),      # a dot in a Vietnamese-style file: 12.5 or 125? never guess
    ("1.234,5", "comma"),   # thousands separators are rejected too
    ("1,234", "point"),     # a comma in a point-style file
    ("ten", "point"),
    ("", "point"),
])
def test_ambiguous_or_malformed_numbers_are_rejected(text, decimal):
    with pytest.raises(fields.FieldError):
        fields.number(text, decimal)


def test_ranges():
    with pytest.raises(fields.FieldError, match="≥ 0"):
        fields.non_negative_number("-1")
    with pytest.raises(fields.FieldError, match="latitude"):
        fields.latitude("105.6")
    assert fields.longitude("105.6") == 105.6


def test_dates():
    today = datetime.date(2026, 1, 1)
    assert fields.date("2025-03-13", today) == datetime.date(2025, 3, 13)
    for bad in ("13/03/2025", "2025-02-30", "2025-3-1"):
        with pytest.raises(fields.FieldError, match="YYYY-MM-DD"):
            fields.date(bad, today)
    with pytest.raises(fields.FieldError, match="future"):
        fields.date("2026-01-02", today)


def test_email_url_and_choice():
    assert fields.email("ipa@nghean.gov.vn")
    with pytest.raises(fields.FieldError):
        fields.email("ipa at nghean")
    with pytest.raises(fields.FieldError):
        fields.url("javascript:alert(1)")
    with pytest.raises(fields.FieldError) as error:
        fields.choice("hightech", ["high-tech", "tourism"])
    assert str(error.value.hint) == "did you mean 'high-tech'?"
