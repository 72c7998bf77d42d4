"""Tokens and phrase gazetteers for the entity rules.

Text is cut into tokens (syllables, abbreviations such as ``TN&MT`` or ``COVID-19``, and single
punctuation marks), each with its offsets. A :class:`Gazetteer` is a trie over the casefolded
tokens of its phrases, so "KHÁNH HÒA" and "Khánh Hòa" are one entry (old-style tones are already
repaired in the text stages read) and a lookup costs one dictionary step per token. Accents are
kept: folding them away would make "số" the head "Sở" and "phong trào" the head "Phòng".

>>> toks = tokenize("Sở Tài nguyên và Môi trường tỉnh Kon Tum")
>>> [t.text for t in toks][:3]
['Sở', 'Tài', 'nguyên']
>>> g = Gazetteer({"Tài nguyên và Môi trường": "domain"})
>>> g.longest(toks, 1)
(6, 'domain')
>>> g.longest(toks, 0) is None
True
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any, NamedTuple

import regex

from pipeline.tables import load

# A word: letters/digits, keeping inner '&', '.', '-' joins of abbreviations (TN&MT, COVID-19, P.TN&MT).
_TOKEN = regex.compile(r"\w+(?:[&.\-]\w+)*|[^\w\s]")


class Token(NamedTuple):
    """A token: a tuple, because the stage makes hundreds of thousands and a frozen dataclass's
    ``__init__`` costs several times a tuple's."""

    text: str
    start: int
    end: int
    key: str  # casefolded text: accents kept ("Phòng" is not "phong trào", "Sở" is not "số")
    is_word: bool  # starts with a letter or digit
    is_cap: bool  # starts with an upper-case letter (a proper-name syllable or an abbreviation)
    is_upper: bool  # all letters upper case, more than one: an abbreviation such as UBND

    @classmethod
    def make(cls, text: str, start: int, end: int, repaired: bool = False) -> Token:
        """A token with its flags computed once (the recognisers read them millions of times).

        ``repaired``: the text already has new-style tones (``Doc.text``), casefolding is the key.
        """
        return cls(text, start, end, *_word_flags(text, repaired))


# word -> (key, is_word, is_cap, is_upper), for raw and for repaired text: words repeat, so each is read once.
_FLAGS: dict[bool, dict[str, tuple[str, bool, bool, bool]]] = {False: {}, True: {}}


def _word_flags(text: str, repaired: bool) -> tuple[str, bool, bool, bool]:
    cache = _FLAGS[repaired]
    flags = cache.get(text)
    if flags is None:
        first = text[0]
        cap = first.isupper()
        upper = cap and len(text) > 1 and text.isupper() and sum(c.isalpha() for c in text) > 1
        key = text.casefold() if repaired else token_key(text)
        flags = (key, first.isalnum(), cap, upper)
        if len(cache) < 200_000:  # bounded: a long-running process sees endless numbers
            cache[text] = flags
    return flags


def tokenize(text: str, start: int = 0, end: int | None = None, repaired: bool = False) -> list[Token]:
    """Tokens of ``text[start:end]`` with offsets into ``text``.

    >>> [t.text for t in tokenize("Trung tâm CNTT TN&MT, COVID-19.")]
    ['Trung', 'tâm', 'CNTT', 'TN&MT', ',', 'COVID-19', '.']
    >>> tokenize("")
    []
    """
    end = len(text) if end is None else end
    # Every character that is not blank belongs to a token, so only blanks lie between two tokens
    # and the next occurrence of a word is the token itself: str.find is cheaper than match objects.
    new, cache, find, out, pos = tuple.__new__, _FLAGS[repaired], text.find, [], start
    for word in _TOKEN.findall(text, start, end):
        a = find(word, pos)
        pos = a + len(word)
        f = cache.get(word) or _word_flags(word, repaired)
        out.append(new(Token, (word, a, pos, f[0], f[1], f[2], f[3])))
    return out


def token_key(word: str) -> str:
    """Casefolded, an old-style tone at the syllable's end in the new style: the key of a token.

    Only a final pair moves ("hoà" → "hòa"); "toán", "khoản" keep their tone where it is.

    >>> token_key("HOÀ") == token_key("Hòa")
    True
    >>> token_key("toán")
    'toán'
    """
    key = word.casefold()
    pairs = load("tones")["pairs"]
    tail = key[-2:]
    return key[:-2] + pairs[tail] if tail in pairs else key


def phrase_keys(phrase: str) -> tuple[str, ...]:
    """Casefolded tokens of a phrase: the trie path of a gazetteer entry.

    >>> phrase_keys("Bà Rịa – Vũng Tàu")
    ('bà', 'rịa', '-', 'vũng', 'tàu')
    """
    keys = tuple(t.key for t in tokenize(phrase))
    # Dashes of every width are one separator.
    return tuple("-" if k in {"–", "—", "‑"} else k for k in keys)


class Gazetteer:
    """Longest-match lookup of phrases over tokens; values are whatever the table attaches."""

    def __init__(self, entries: Mapping[str, Any] | Iterable[str]):
        self.root: dict[str, Any] = {}
        items = entries.items() if isinstance(entries, Mapping) else ((e, e) for e in entries)
        for phrase, value in items:
            keys = phrase_keys(phrase)
            if not keys:
                continue
            node = self.root
            for key in keys:
                node = node.setdefault(key, {})
            node.setdefault("\0", value)  # the first spelling wins

    def starts(self, key: str) -> bool:
        """Some entry starts with this token key (a cheap test before :meth:`longest`)."""
        return key in self.root

    def longest(self, tokens: list[Token], i: int, stop: int | None = None) -> tuple[int, Any] | None:
        """``(end_index, value)`` of the longest entry starting at token ``i`` (ending by ``stop``), or None."""
        if tokens[i].key not in self.root and tokens[i].key not in {"–", "—", "‑"}:
            return None
        node: dict[str, Any] | None = self.root
        best = None
        for j in range(i, len(tokens) if stop is None else min(stop, len(tokens))):
            key = tokens[j].key
            if key in {"–", "—", "‑"}:
                key = "-"
            node = node.get(key) if node is not None else None
            if node is None:
                break
            if "\0" in node:
                best = (j + 1, node["\0"])
        return best

    def __contains__(self, phrase: str) -> bool:
        node = self.root
        for key in phrase_keys(phrase):
            if key not in node:
                return False
            node = node[key]
        return "\0" in node


@dataclass(frozen=True)
class Province:
    name: str
    level: str
    successor: str | None  # "tỉnh Quảng Ngãi"; None for a unit that is itself post-2025 only
    era: str  # before_2025 / after_2025


@cache
def provinces() -> Gazetteer:
    """Province names and aliases (both eras) → :class:`Province`.

    >>> provinces().longest(tokenize("Kon Tum"), 0)[1].successor
    'tỉnh Quảng Ngãi'
    >>> provinces().longest(tokenize("Sóc Trăng"), 0)[1].successor
    'thành phố Cần Thơ'
    """
    table = load("provinces")
    entries: dict[str, Province] = {}
    for unit in table["before_2025"]:
        changed = unit["merged"] or unit["successor"] != unit["name"]
        successor = f"{unit['successor_level']} {unit['successor']}" if changed else None
        province = Province(unit["name"], unit["level"], successor, "before_2025")
        for name in [unit["name"], *unit["aliases"]]:
            entries[name] = province
    for unit in table["after_2025"]:
        entries.setdefault(unit["name"], Province(unit["name"], unit["level"], None, "after_2025"))
    return Gazetteer(entries)


@cache
def places() -> Gazetteer:
    """Regions and other places recognised without a level word ("Tây Nguyên", "Nha Trang")."""
    table = load("provinces")
    return Gazetteer({name: "place" for name in table["regions"] + table["places"]})


@cache
def level_words() -> Gazetteer:
    """Administrative level words → canonical level ("TP." → "thành phố")."""
    return Gazetteer(load("provinces")["level_words"])


@cache
def table_gazetteer(table: str, key: str) -> Gazetteer:
    """A gazetteer of the list ``key`` of ``pipeline/data/<table>.json``."""
    return Gazetteer(load(table)[key])
