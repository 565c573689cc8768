"""Vietnamese without its tone and vowel marks ("Đầu tư" → "Dau tu"): the one folding rule shared by
heading anchors, the catalogue's text filter and the search index."""

from __future__ import annotations

import unicodedata

_DROP_LATIN_MARKS = dict.fromkeys(range(0x0300, 0x0370))  # combining diacritical marks → deleted
_D_WITH_STROKE = str.maketrans("đĐ", "dD")


def fold_marks(text: str) -> str:
    """`text` with đ/Đ as d/D and every Latin combining mark removed; other scripts are unchanged."""
    if text.isascii():  # nothing to fold (most English text): skip the two normalisations
        return text
    decomposed = unicodedata.normalize("NFD", text.translate(_D_WITH_STROKE))
    return unicodedata.normalize("NFC", decomposed.translate(_DROP_LATIN_MARKS))
