"""Is a word a well-formed Vietnamese syllable? The yardstick that tells legacy text from Unicode.

Mojibake ("héi", "hoøa") and a wrong guess at its encoding ("hoứa") break the shape of a
syllable (onset, vowel cluster, coda, at most one tone), which Unicode Vietnamese never does.

>>> [is_syllable(w) for w in ("Trường", "nghĩa", "khuyến", "héi", "hoøa", "hoứa")]
[True, True, True, False, False, False]
>>> count_syllables("Cộng hoà xã hội, Céng hoµ x· héi")
(4, 8)
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

import regex

_TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"
# Spelling rules kept: k/gh/ngh before e, ê, i (y); c/g/ng elsewhere ("céng" is no syllable).
_ONSET = r"(?:ngh|ng(?![eêi])|gh|gi|kh|nh|ph|qu|th|tr|ch|c(?![eêiy])|k(?=[eêiy])|g(?![eê])|[bdđhlmnprstvx])?"
_CLUSTERS = "|".join((
    "uyê|uya|uyu|oai|oay|oao|oeo|uây|uôi|ươi|ươu|iêu|yêu",  # longest first: the regex takes the first
    "ai|ao|au|ay|âu|ây|eo|êu|ia|iê|iu|oa|oă|oe|oi|oo|ôi|ơi|ua|uâ|uê|ui|uô|uơ|uy|ưa|ưi|ươ|ưu|yê",
    "a|ă|â|e|ê|i|o|ô|ơ|u|ư|y",
))
_SHAPE = regex.compile(rf"{_ONSET}(?:{_CLUSTERS})(?:ngh|ng|nh|ch|[cmnpt])?")
# Words split on spaces and ASCII-style punctuation only: TCVN3 uses "·", "«", "§" as letters.
_WORD = regex.compile(r"[^\s.,;:!?()\[\]{}\"“”'‘’/\\|<>=+*&%$#@~`\-–—…\d]+")


@lru_cache(maxsize=65536)
def is_syllable(word: str) -> bool:
    """One Vietnamese syllable, any case, any tone placement; loanwords fail (fine here)."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    tones = sum(decomposed.count(m) for m in _TONE_MARKS)
    if tones > 1:
        return False
    bare = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONE_MARKS))
    return _SHAPE.fullmatch(bare) is not None


def count_syllables(text: str) -> tuple[int, int]:
    """(well-formed syllables, words) among the words that hold a non-ASCII character.

    Pure-ASCII words read the same in every encoding, so they do not take part.
    """
    valid = total = 0
    for m in _WORD.finditer(text):
        word = m.group()
        if word.isascii():
            continue
        total += 1
        valid += is_syllable(word)
    return valid, total
