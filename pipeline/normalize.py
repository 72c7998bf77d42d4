"""Accent folding: the comparable, search-friendly form of Vietnamese text.

``fold`` is the key used wherever two spellings of one name must meet: "Khánh Hoà" and
"KHÁNH HÒA" and "khanh hoa" all fold to ``"khanh hoa"``. It is one character in, one
character out, so an offset found in the folded text is an offset in the original (the
gazetteers match on folded text and report spans on the text as read).

>>> fold("Sở Tài nguyên và Môi trường tỉnh Đắk Lắk")
'so tai nguyen va moi truong tinh dak lak'
>>> fold("KHÁNH HOÀ") == fold("Khánh Hòa")
True
>>> len(fold("Ủy ban nhân dân")) == len("Ủy ban nhân dân")
True
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

# đ/Đ carry no combining mark, so NFD leaves them alone: fold them by hand.
_SPECIAL = {"đ": "d", "Đ": "d", "ð": "d", "Ð": "d"}


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    if ch in _SPECIAL:
        return _SPECIAL[ch]
    base = unicodedata.normalize("NFD", ch)[0]
    folded = base.casefold()
    # Keep the one-to-one length (casefold("ß") is "ss"): fall back to lower().
    return folded if len(folded) == 1 else base.lower()[:1] or ch


def fold(text: str) -> str:
    """Casefolded text with diacritics removed and đ → d, same length as ``text``.

    >>> fold("Thừa Thiên Huế")
    'thua thien hue'
    >>> fold("")
    ''
    """
    return "".join(_fold_char(ch) for ch in text)


def fold_key(text: str) -> str:
    """``fold`` with runs of spaces, dashes and dots squeezed: a dictionary key, not an offset map.

    >>> fold_key("Bà Rịa – Vũng Tàu") == fold_key("Bà Rịa-Vũng Tàu")
    True
    >>> fold_key("  TP.  Hồ Chí Minh ")
    'tp ho chi minh'
    """
    out = []
    for ch in fold(text):
        out.append(ch if ch.isalnum() else " ")
    return " ".join("".join(out).split())
