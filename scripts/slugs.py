"""Readable, stable heading anchors for Vietnamese, English and Lao headings.

Vietnamese loses its tone and vowel marks ("Đầu tư" → "dau-tu", keeping Đ as d); Lao keeps its own
script, vowel signs and tone marks (Material's default slugify drops Lao entirely and yields "_1").
"""

from __future__ import annotations

import re
import unicodedata

from scripts.folding import fold_marks

_SEPARATORS = re.compile(r"[\s\-_\u200b]+")


def _keep(char: str) -> bool:
    return unicodedata.category(char)[0] in "LMN"


def slugify(text: str, separator: str = "-") -> str:
    """Turn a heading into an anchor: lowercase, unaccented Latin, Lao kept, words joined by `separator`."""
    text = fold_marks(text.lower())
    words = _SEPARATORS.split(text)
    cleaned = ("".join(char for char in word if _keep(char)) for word in words)
    return separator.join(word for word in cleaned if word)


def markdown_slugify(value: str, separator: str) -> str:
    """Signature expected by Python-Markdown's toc extension."""
    return slugify(value, separator)
