"""Legacy Vietnamese encodings: TCVN3 (ABC) and VNI text turned into Unicode.

Documents typed in the .VnTime (TCVN3) or VNI-Times fonts reach us as the characters a cp1252
reading of their bytes shows ("Céng hoµ x· héi", "Coäng hoøa xaõ hoäi"), either as bytes or
already decoded to UTF-8 by a converter that did not know better. Both arrive here as text.
The tables are data: ``pipeline/data/tcvn3.json`` and ``pipeline/data/vni.json``.

>>> to_unicode("Céng hoµ x· héi chñ nghÜa ViÖt Nam", "tcvn3")
'Cộng hoà xã hội chủ nghĩa Việt Nam'
>>> to_unicode("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam", "vni")
'Cộng hòa xã hội chủ nghĩa Việt Nam'
>>> detect("§éc lËp - Tù do - H¹nh phóc\\nCéng hoµ x· héi chñ nghÜa ViÖt Nam")
'tcvn3'
>>> detect("Độc lập - Tự do - Hạnh phúc") is None
True
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import cache

import regex

from pipeline.readers.syllables import count_syllables, is_syllable
from pipeline.tables import load

ALIASES = {
    "tcvn3": "tcvn3", "tcvn": "tcvn3", "abc": "tcvn3", "vn3": "tcvn3", "tcvn5712": "tcvn3",
    "vni": "vni", "vni-windows": "vni", "vniwin": "vni", "vni-win": "vni",
}

# Latin-1 characters that no Vietnamese word holds: their presence is what makes us look closer.
# stdlib re: six times faster than regex for a plain character class, and this runs on every text.
_SUSPECT = re.compile(r"[\u00a1-\u00bf\u00c4-\u00c7\u00cb\u00ce-\u00d1\u00d6-\u00d8\u00db\u00dc\u00de"
                         r"\u00df\u00e4-\u00e7\u00eb\u00ee-\u00f1\u00f6-\u00f8\u00fb\u00fc\u00fe\u00ff]")
_MIN_SUSPECTS = 3
_MIN_SHARE = 0.05  # of the non-ASCII characters: a "§" or "°" in a Unicode text is not enough
_SAMPLE = 30_000


def legacy_name(encoding: str) -> str | None:
    """The canonical legacy encoding an ``--encoding`` value names, or None.

    >>> legacy_name("ABC"), legacy_name("VNI-Windows"), legacy_name("utf-8")
    ('tcvn3', 'vni', None)
    """
    return ALIASES.get(encoding.strip().lower().replace("_", "-"))


# --- TCVN3 -------------------------------------------------------------------------------------

@cache
def _tcvn3() -> tuple[dict[int, str], dict[str, str], regex.Pattern[str]]:
    table: dict[str, str] = load("tcvn3")["map"]
    codes = regex.escape("".join(table))
    # A word: ASCII letters and TCVN3 codes (some of which are not letters in Unicode: "·", "×").
    word = regex.compile(rf"[A-Za-z{codes}]+")
    return str.maketrans(table), table, word


_SENTENCE_START = regex.compile(r"(?:^|[.!?:]\s)[\s\-+•*\d.)(\"“'‘]*$")
_CAPS, _LOWER, _AMBIGUOUS = "caps", "lower", "ambiguous"


def _word_case(word: str, decoded: str, coded: bool, table: dict[str, str]) -> str:
    """How a word was typed: in capitals ("HéI", "C¤NG"), in lower case ("héi"), or can't tell
    ("Sè", and acronyms such as "BG§", which say nothing of the words around them)."""
    if any("a" <= c <= "z" for c in word):
        return _LOWER
    upper = sum(1 for c in word if "A" <= c <= "Z" or (c in table and table[c].isupper()))
    return _CAPS if upper >= 2 and (coded or is_syllable(decoded)) else _AMBIGUOUS


def _caps_beside(line: str, words: list[regex.Match[str]], cases: list[str], i: int) -> bool:
    """A word in capitals right next to this one, in the same phrase (only spaces between)."""
    for j in (i - 1, i + 1):
        if 0 <= j < len(words) and cases[j] == _CAPS:
            a, b = sorted((words[i], words[j]), key=lambda m: m.start())
            if not line[a.end() : b.start()].strip(" -–"):
                return True
    return False


def _decode_line(line: str, trans: dict[int, str], table: dict[str, str],
                 word_re: regex.Pattern[str]) -> str:
    words = list(word_re.finditer(line))
    # Only words holding a lower-case code can have lost their capitals (VN3 has no toned capitals).
    coded = [any(c in table and table[c].islower() for c in m.group()) for m in words]
    cases = [_word_case(m.group(), m.group().translate(trans), k, table) for m, k in zip(words, coded, strict=True)]
    out = list(line.translate(trans))
    for i, m in enumerate(words):
        if not coded[i]:
            continue
        if cases[i] == _CAPS or (cases[i] == _AMBIGUOUS and _caps_beside(line, words, cases, i)):
            out[m.start() : m.end()] = m.group().translate(trans).upper()
        elif table.get(m.group()[0], "A").islower() and _SENTENCE_START.search(line, 0, m.start()):
            out[m.start()] = out[m.start()].upper()
    return "".join(out)


def decode_tcvn3(text: str) -> str:
    """TCVN3 text (as cp1252 characters) -> Unicode, restoring capitals from their word.

    >>> decode_tcvn3("CéNG HOµ X· HéI CHñ NGHÜA VIÖT NAM")
    'CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM'
    >>> decode_tcvn3("ñy ban nh©n d©n tØnh; kÕ ho¹ch cña ñy ban")
    'Ủy ban nhân dân tỉnh; kế hoạch của ủy ban'
    >>> decode_tcvn3("Sè: /STNMT-VP\\n## KÕ HO¹CH Ph¸t ®éng")
    'Số: /STNMT-VP\\n## KẾ HOẠCH Phát động'
    """
    trans, table, word_re = _tcvn3()
    return "\n".join(_decode_line(line, trans, table, word_re) for line in text.split("\n"))


_TONES = "\u0300\u0301\u0303\u0309\u0323"
_UNTONED_VOWELS = "aeiouyăâêôơư"


def _typist_capital(char: str, following: str) -> str | None:
    """A toned capital VN3 has no code for, moved the way typists did: the tone onto the next
    vowel ("Ủy" -> "Uỷ", old-style placement that repair puts back), else None."""
    if not (char.isupper() and following and following in _UNTONED_VOWELS):
        return None
    decomposed = unicodedata.normalize("NFD", char)
    tone = next((m for m in decomposed if m in _TONES), None)
    if tone is None:
        return None
    bare = unicodedata.normalize("NFC", decomposed.replace(tone, ""))
    return bare + unicodedata.normalize("NFC", following + tone)


def encode_tcvn3(text: str) -> str:
    """Unicode -> TCVN3 characters, the way an .VnTime/.VnTimeH typist produced them.

    Capitals with a tone have no VN3 code. Typists put the tone on the next vowel where there is
    one ("Uû ban" for "Ủy ban"), else used the lower-case code in an H font; ``decode_tcvn3``
    gets those capitals back where the word or the sentence shows them.

    >>> encode_tcvn3("Sở Tài nguyên và Môi trường, của Ủy ban")
    'Së Tµi nguyªn vµ M«i tr\\xadêng, cña Uû ban'
    """
    _, table, _ = _tcvn3()
    reverse = {u: t for t, u in table.items()}
    out = []
    i = 0
    while i < len(text):
        char = text[i]
        word_start = i == 0 or not text[i - 1].isalpha()
        moved = None if char in reverse or not word_start else _typist_capital(char, text[i + 1 : i + 2])
        if moved:
            out.append("".join(reverse.get(c, c) for c in moved))
            i += 2
            continue
        out.append(reverse.get(char) or reverse.get(char.lower(), char))
        i += 1
    return "".join(out)


# --- VNI ---------------------------------------------------------------------------------------

@cache
def _vni() -> tuple[dict[str, str], regex.Pattern[str], dict[str, str]]:
    data = load("vni")
    lower: dict[str, str] = {**data["pairs"], **data["singles"]}
    table: dict[str, str] = {}
    for code, char in lower.items():
        table[code] = char
        table[code.upper()] = char.upper()
        if len(code) == 2:  # the mark's case varies with the font; the letter's case decides
            table[code[0].upper() + code[1]] = char.upper()
            table[code[0] + code[1].upper()] = char
    alternatives = "|".join(regex.escape(k) for k in sorted(table, key=len, reverse=True))
    reverse = {char: code for code, char in lower.items()}
    reverse.update({char.upper(): code.upper() for code, char in lower.items()})
    return table, regex.compile(alternatives), reverse


def decode_vni(text: str) -> str:
    """VNI text (as cp1252 characters) -> Unicode.

    >>> decode_vni("Ñoäc laäp - Töï do - Haïnh phuùc")
    'Độc lập - Tự do - Hạnh phúc'
    """
    table, pattern, _ = _vni()
    return pattern.sub(lambda m: table[m.group()], text)


def encode_vni(text: str) -> str:
    """Unicode -> VNI characters.

    >>> encode_vni("TRƯỜNG Sở Tài nguyên")
    'TRÖÔØNG Sôû Taøi nguyeân'
    """
    _, _, reverse = _vni()
    return "".join(reverse.get(c, c) for c in text)


DECODERS: dict[str, Callable[[str], str]] = {"tcvn3": decode_tcvn3, "vni": decode_vni}
ENCODERS: dict[str, Callable[[str], str]] = {"tcvn3": encode_tcvn3, "vni": encode_vni}


# --- detection ---------------------------------------------------------------------------------

def _sample(text: str) -> str:
    if len(text) <= _SAMPLE:
        return text
    half = _SAMPLE // 2  # head and tail: a header typed in one font, a body in another
    return text[:half] + "\n" + text[-half:]


def detect(text: str) -> str | None:
    """"tcvn3" or "vni" when the text reads better converted, else None (Unicode already)."""
    sample = _sample(text)
    if sample.isascii():
        return None
    suspects = len(_SUSPECT.findall(sample))
    non_ascii = len(sample.encode("utf-8")) - len(sample)  # cheap: each adds one byte or two
    if suspects < max(_MIN_SUSPECTS, _MIN_SHARE * non_ascii):
        return None
    valid_raw, _ = count_syllables(sample)
    best, best_valid = None, valid_raw
    for name, decoder in DECODERS.items():
        valid, total = count_syllables(decoder(sample))
        if valid > best_valid and valid >= 0.6 * total:
            best, best_valid = name, valid
    return best if best and best_valid >= valid_raw * 1.2 + 2 else None


def to_unicode(text: str, encoding: str) -> str:
    """Convert line by line: a line that already reads as Unicode (a mixed document) is kept.

    >>> to_unicode("Số: 48/KH-UBND\\nKÕ ho¹ch", "tcvn3")
    'Số: 48/KH-UBND\\nKế hoạch'
    """
    decoder = DECODERS[encoding]
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if line.isascii():
            continue
        converted = decoder(line)
        if converted != line and count_syllables(converted)[0] >= count_syllables(line)[0]:
            lines[i] = converted
    return "\n".join(lines)
