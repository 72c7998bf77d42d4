"""Rule and gazetteer recognisers for ORG, LOC, PER, POSITION, AWARD and DATE mentions.

All recognisers work on tokens of the repaired text (see :mod:`pipeline.gazetteer`) and return
:class:`Mention` objects with repaired-text offsets; :mod:`pipeline.entities` puts them back on
the source. The vocabulary lives in ``pipeline/data`` (org_heads, org_abbreviations, provinces,
positions, awards, person_names), so a new body or surname is a data change.

>>> [(m.label, m.surface) for m in find_orgs(scan("Giao Văn phòng Sở phối hợp với Sở Nội vụ."))]
[('ORG', 'Văn phòng Sở'), ('ORG', 'Sở Nội vụ')]
>>> [(m.surface, m.level) for m in find_orgs(scan("báo cáo UBND tỉnh Kon Tum"))]
[('UBND tỉnh Kon Tum', None)]
"""

from __future__ import annotations

import contextlib
import importlib.util
from dataclasses import dataclass, field
from functools import cache
from itertools import pairwise
from pathlib import Path

import regex

from pipeline.gazetteer import (
    Gazetteer,
    Token,
    level_words,
    provinces,
    table_gazetteer,
    tokenize,
)
from pipeline.tables import load


@dataclass
class Mention:
    label: str
    start: int  # repaired-text offsets
    end: int
    surface: str  # the repaired text under the span
    level: str | None = None
    successor: str | None = None
    normalized: str | None = None
    source: str = "rule"


@dataclass
class Scan:
    """A text ready for the recognisers: the text, its tokens, and the all-capitals lines."""

    text: str
    tokens: list[Token]
    caps_lines: list[tuple[int, int]]
    caps: list[bool] = field(default_factory=list)  # token index -> on a line written in capitals
    by_start: dict[int, int] = field(default_factory=dict)  # char offset -> token index

    def __post_init__(self) -> None:
        # Tokens and capitals lines are both in text order and the lines are disjoint: one walk.
        self.caps, lines, k = [], self.caps_lines, 0
        for t in self.tokens:
            while k < len(lines) and lines[k][1] <= t.start:
                k += 1
            self.caps.append(k < len(lines) and lines[k][0] <= t.start)
        self.by_start = {t.start: i for i, t in enumerate(self.tokens)}

    def surface(self, i: int, j: int) -> str:
        return self.text[self.tokens[i].start : self.tokens[j - 1].end]

    def in_caps(self, i: int) -> bool:
        return self.caps[i]

    def covered(self, spans: list[tuple[int, int]]) -> list[bool]:
        """Token index -> inside one of the character ``spans``."""
        out = [False] * len(self.tokens)
        for a, b in spans:
            k = self.by_start.get(a)
            while k is not None and k < len(self.tokens) and self.tokens[k].start < b:
                out[k] = True
                k += 1
        return out

    def mention(self, label: str, i: int, j: int, **extra: object) -> Mention:
        start, end = self.tokens[i].start, self.tokens[j - 1].end
        return Mention(label, start, end, self.text[start:end], **extra)  # type: ignore[arg-type]


_CAPS_LINE = regex.compile(r"(?m)^[^\n\p{Ll}]*\p{Lu}[^\n\p{Ll}]*\p{Lu}[^\n\p{Ll}]*$")


def scan(text: str) -> Scan:
    """Tokens of ``text``; lines written in capitals are read title-cased ("SỞ NỘI VỤ" as "Sở Nội Vụ").

    Title-casing keeps every length, so offsets stay those of ``text``; abbreviations stay as written.

    >>> s = scan("UBND TỈNH KON TUM\\nSở Nội vụ")
    >>> [t.text for t in s.tokens][:4]
    ['UBND', 'Tỉnh', 'Kon', 'Tum']
    """
    abbreviations = load("org_abbreviations")["entries"]
    caps = [(m.start(), m.end()) for m in _CAPS_LINE.finditer(text)]
    if caps:
        chars = list(text)
        for s, e in caps:
            for w in regex.finditer(r"\w+(?:[&.\-]\w+)*", text[s:e]):
                word = w.group()
                titled = word.capitalize()
                if word not in abbreviations and len(titled) == len(word):
                    chars[s + w.start() : s + w.end()] = titled
        text_for_tokens = "".join(chars)
    else:
        text_for_tokens = text
    return Scan(text, tokenize(text_for_tokens, repaired=True), caps)


@cache
def _heads() -> Gazetteer:
    return Gazetteer({h["head"]: h["complement"] for h in load("org_heads")["heads"]})


@cache
def _body_abbreviations() -> dict[str, dict]:
    """Abbreviations that name a body or part of one (UBND, STNMT), read once."""
    entries = load("org_abbreviations")["entries"]
    return {text: e for text, e in entries.items() if e and e["kind"] in {"org", "part", "head"}}


def _abbreviation(token: Token) -> dict | None:
    return _body_abbreviations().get(token.text)


def _school_in_lower_case(s: Scan, i: int) -> bool:
    """ "trường THCS Lê Quý Đôn": a school written with a small letter, known by its abbreviation and
    named ("các trường THPT" is a kind of school, no school)."""
    toks = s.tokens
    return (toks[i].key == "trường" and i + 2 < len(toks) and toks[i + 1].is_upper
            and _abbreviation(toks[i + 1]) is not None and not _gap(s, i + 1)
            and toks[i + 2].is_word and toks[i + 2].is_cap and not toks[i + 2].is_upper and not _gap(s, i + 2))


def _office_in_lower_case(s: Scan, i: int) -> bool:
    """ "giao phòng Hành chính - Quản trị tuyên truyền": an office written with a small letter, known
    by the field name after it ("Trưởng phòng …" is a position, "văn phòng" a word)."""
    toks = s.tokens
    if toks[i].key != "phòng" or i + 1 >= len(toks) or not toks[i + 1].is_cap or _gap(s, i + 1):
        return False
    if i > 0 and toks[i - 1].key in {"trưởng", "văn", "phó"}:
        return False
    hit = table_gazetteer("org_heads", "domains").longest(toks, i + 1)
    return hit is not None and hit[1][0].isupper()


def _starts_body(s: Scan, i: int) -> bool:
    """A head, standalone body or org abbreviation starts at token i (written with a capital)."""
    if i >= len(s.tokens) or not (s.tokens[i].is_cap or _school_in_lower_case(s, i) or _office_in_lower_case(s, i)):
        return False
    return bool(
        _heads().longest(s.tokens, i)
        or table_gazetteer("org_heads", "standalone").longest(s.tokens, i)
        or _abbreviation(s.tokens[i])
    )


def _gap(s: Scan, i: int) -> bool:
    """True when tokens i-1 and i are separated by a line break (names never run across one)."""
    return "\n" in s.text[s.tokens[i - 1].end : s.tokens[i].start]


def _name_run(s: Scan, i: int) -> int:
    """End of the proper name starting at token i (i itself when there is none).

    A name is capitalised words and abbreviations, and field names from the tables ("Tài nguyên
    và Môi trường", "thi đua khen thưởng"). A capitalised word keeps its lower-case syllables
    ("Chấp hành", "Điện lực", "Thẩm phán") when the dictionary knows the word.
    """
    toks, j, joined = s.tokens, i, False
    domains = table_gazetteer("org_heads", "domains")
    while j < len(toks) and not (j > 0 and _gap(s, j)):
        hit = domains.longest(toks, j)
        # A field name matches as written in the table: "Tổng hợp" wants a capital, "thi đua khen thưởng" not.
        if hit and (toks[j].is_cap or hit[1][0].islower()):
            j, joined = hit[0], False
            continue
        t = toks[j]
        if j > i and _starts_body(s, j) and not _abbreviation(t) and not joined:
            break  # (after a dash that joined, "Báo chí" in "Vụ Thông tin - Báo chí" is a part, not a body)
        if t.is_word and (t.is_cap or t.text[0].isdigit()) and not level_words().longest(toks, j):
            j, joined = _word_end(s, j), False
        elif j > i and _joins_name_parts(s, j):
            j, joined = j + 1, toks[j].text in {"-", "–"}
        else:
            break
    return j


def _word_end(s: Scan, j: int) -> int:
    """End of the word that the capitalised syllable at j begins: "Bảo vệ", "Chấp hành", "Hà"."""
    toks, best, words = s.tokens, j + 1, vietnamese_words()
    for k in (j + 2, j + 3):
        if k > len(toks) or any(not toks[m].is_word or toks[m].is_cap or _gap(s, m) for m in range(j + 1, k)):
            break
        if " ".join(t.key for t in toks[j:k]) in words and not _opens_next_word(s, k):
            best = k
    return best


def _opens_next_word(s: Scan, k: int) -> bool:
    """The lower-case syllable before token k starts a word with it: "Hà Nội ban hành" is the
    verb "ban hành" after the name, not a word "Nội ban"."""
    toks = s.tokens
    if k >= len(toks) or not toks[k].is_word or toks[k].is_cap or _gap(s, k):
        return False
    return f"{toks[k - 1].key} {toks[k].key}" in vietnamese_words()


@cache
def vietnamese_words() -> frozenset[str]:
    """Multi-syllable words of the Viet74K list shipped with underthesea, plus the tables' own words."""
    words: set[str] = set()
    # find_spec locates a top-level package without importing it: importing underthesea costs
    # 0.5 s, more than a whole `congvan extract` of one file should take.
    spec = importlib.util.find_spec("underthesea")
    if spec is not None and spec.submodule_search_locations:
        ref = Path(next(iter(spec.submodule_search_locations))) / "corpus" / "data" / "Viet74K.txt"
        # without the list, a capitalised word is one syllable: names get shorter, never wrong
        with contextlib.suppress(OSError):
            words = {w.casefold() for w in ref.read_text(encoding="utf-8").splitlines() if " " in w}
    return frozenset(words | _name_words())


def _name_words() -> set[str]:
    """Two-syllable words written Capital + lower case in the tables ("Chấp hành", "Công đoàn")."""
    table = load("org_heads")
    phrases = table["domains"] + table["standalone"] + [h["head"] for h in table["heads"]]
    out = set()
    for phrase in phrases:
        toks = tokenize(phrase)
        for a, b in pairwise(toks):
            if a.is_cap and b.is_word and not b.is_cap and b.text not in table["never_inside"]:
                out.add(f"{a.key} {b.key}")
    return out


def _joins_name_parts(s: Scan, j: int) -> bool:
    """A dash or "và" between two capitalised parts of one name ("Thi đua - Khen thưởng")."""
    toks = s.tokens
    if j + 1 >= len(toks) or not toks[j + 1].is_cap:
        return False
    if toks[j + 1].text in load("org_heads")["never_after_and"]:
        return False  # "Hội đồng Chính phủ và Quyết định …": a document follows, not a name part
    if toks[j].text in {"-", "–"}:
        # "Sở GD&ĐT – Công đoàn Ngành giáo dục": a dash before a head joins two bodies, not two parts
        return toks[j + 1].is_upper or not _heads().longest(toks, j + 1) or _body_end(s, j + 1) is None
    return toks[j].text == "và" and not _starts_body(s, j + 1)


def _place_after(s: Scan, i: int) -> tuple[int, str, str | None] | None:
    """A level word and place at token i: ``(end, level, successor)``; the place may be left out."""
    toks = s.tokens
    if i >= len(toks) or _gap(s, i):
        return None
    hit = level_words().longest(toks, i)
    if not hit:
        return None
    j, level = hit
    if j + 1 < len(toks) and toks[j].text == "." and toks[j + 1].is_cap and toks[i].is_upper:
        j += 1  # "TP. Hồ Chí Minh"
    province = provinces().longest(toks, j) if j < len(toks) and toks[j].is_cap else None
    if province and not _gap(s, j):
        return province[0], level, province[1].successor
    if s.in_caps(i):  # "CỘNG HÒA XÃ HỘI…": in capitals only a known place counts
        return j, level, None
    end = _place_name_end(s, j)
    if end == j + 1 and end < len(toks) and toks[end].is_word and not toks[end].is_cap and not _gap(s, end):
        end = j  # "tỉnh Triển khai": one capitalised syllable running into lower case is a word
    return end, level, None


def _header_place_below(s: Scan, j: int) -> int | None:
    """ "ỦY BAN NHÂN DÂN⏎TỈNH THANH HOÁ": a header set on two capitals lines, the level word and the
    place alone on the second: the end of that place, or None."""
    toks = s.tokens
    if j >= len(toks) or j == 0 or not _gap(s, j) or not (s.in_caps(j - 1) and s.in_caps(j)):
        return None
    hit = level_words().longest(toks, j)
    if hit is None or hit[0] >= len(toks) or _gap(s, hit[0]):
        return None
    province = provinces().longest(toks, hit[0])
    end = province[0] if province else _caps_place_to_line_end(s, hit[0])
    return end if end is not None and (end == len(toks) or _gap(s, end)) else None


def _caps_place_to_line_end(s: Scan, j: int) -> int | None:
    """ "UBND QUẬN HẢI AN": in a capitals header line, after a body's level word, a name the
    gazetteer lacks is the place when it runs to the end of the line."""
    end = _place_name_end(s, j)
    if end == j or not (end == len(s.tokens) or _gap(s, end)):
        return None
    return end


def _place_name_end(s: Scan, j: int) -> int:
    """End of a place name of 1–4 capitalised syllables (or a number: "Phường 1") at token j."""
    toks, end = s.tokens, j
    while end < len(toks) and end - j < 4 and not _gap(s, end):
        t = toks[end]
        if not (t.is_word and (t.is_cap or (end == j and t.text.isdigit()))):
            break
        if t.is_upper or _starts_body(s, end) or level_words().longest(toks, end):
            break
        end += 1
    return end


def _bare_level_is_word(s: Scan, j: int, end: int) -> bool:
    """A level word with no place that is really part of a word ("xã hội") or a capitalised heading."""
    toks = s.tokens
    if end != j + 1:
        return False
    if toks[j].is_cap and not s.in_caps(j):
        return True
    after = toks[end] if end < len(toks) and not _gap(s, end) else None
    return after is not None and f"{toks[j].key} {after.key}" in vietnamese_words()


def _org_suffix(s: Scan, j: int) -> int:
    """Extend an ORG ending at token j with what completes it: a place, "các huyện, thành phố",
    a context word ("Sở", "Trung ương"), an abbreviation (TN&MT, STNMT) or a nested body."""
    toks = s.tokens
    context = table_gazetteer("org_heads", "context_words")
    while j < len(toks) and not _gap(s, j):
        t = toks[j]
        place = _place_after(s, j)
        if place and not _bare_level_is_word(s, j, place[0]):
            j = place[0]
        elif t.text == "các" and _place_after(s, j + 1):
            j = _place_after(s, j + 1)[0]  # type: ignore[index]
            while j + 1 < len(toks) and toks[j].text == "," and _place_after(s, j + 1):
                j = _place_after(s, j + 1)[0]  # type: ignore[index]
        elif t.is_cap and provinces().longest(toks, j) and not _gap(s, j):
            j = provinces().longest(toks, j)[0]  # type: ignore[index]
        elif (_abbreviation(t) and t.is_upper) or t.text in {"TN&MT", "P.TN&MT"}:
            j += 1
        elif _starts_body(s, j) and (end := _body_end(s, j)) is not None:
            j = end  # a nested body: this loop reads its suffix (a loop, so 1,000 chained names don't recurse)
        elif (hit := context.longest(toks, j)) and t.text not in {"tỉnh", "huyện"}:
            j = hit[0]
        else:
            break
    return j


def _org_at(s: Scan, i: int) -> int | None:
    """End of the body named at token i with its suffix, or None when no body starts there."""
    best = _body_end(s, i)
    return None if best is None else _org_suffix(s, best)


def _body_end(s: Scan, i: int) -> int | None:
    """End of the body named at token i before its suffix (always past i), or None."""
    toks = s.tokens
    if not toks[i].is_cap and not _abbreviation(toks[i]) and not _school_in_lower_case(s, i) \
            and not _office_in_lower_case(s, i):
        return None
    if toks[i].is_upper and not _abbreviation(toks[i]):
        return None  # "nghĩa VỤ CỦA TỔ CHỨC": capitals inside a mixed line are emphasis, not a body
    if i > 0 and toks[i - 1].text in {"/", "-"} and _abbreviation(toks[i]) and toks[i - 1].end == toks[i].start:
        return None  # "Số: 424/SGDĐT-TĐKT": a symbol, not a mention of the body
    best: int | None = None
    standalone = table_gazetteer("org_heads", "standalone").longest(toks, i)
    if standalone and not _not_a_body(s, i, standalone[0]):
        best = standalone[0]
    head = _heads().longest(toks, i)
    if head:
        j, complement = head
        # "Đảng ủy Khối các cơ quan tỉnh": the bloc a Party body leads; the suffix rule reads "tỉnh"
        end = (_bloc_end(s, j) if complement == "level" else None) or _complement(s, j, complement)
        if end is not None and (best is None or end > best):
            best = end
    abbreviation = _abbreviation(toks[i])
    if best is None and abbreviation and abbreviation["kind"] == "org":
        best = i + 1
    group = table_gazetteer("org_heads", "party_groups").longest(toks, i)
    if group and group[0] < len(toks) and not _gap(s, group[0]) and _starts_body(s, group[0]):
        nested = _body_end(s, group[0])  # "Ban cán sự đảng UBND tỉnh", "Đảng đoàn HĐND tỉnh"
        if nested is not None and (best is None or nested > best):
            best = nested
    purpose = table_gazetteer("org_heads", "purpose_heads").longest(toks, i)
    if purpose and (end := _purpose_to_place(s, purpose[0])) is not None and (best is None or end > best):
        best = end
    return best


_PURPOSE_STOP = {";", ".", ":", "(", ")", "“", "”", '"', "của", "về", "đã", "được", "theo", "tại"}


def _purpose_to_place(s: Scan, j: int) -> int | None:
    """ "Ban Chỉ đạo triển khai xóa nhà tạm, nhà dột nát trên địa bàn tỉnh Khánh Hòa": a board named
    by its task in small letters, up to the place it serves (no place, no name: the task may be a
    sentence's verb phrase)."""
    toks, k, words = s.tokens, j, 0
    while k < len(toks) and k - j < 25 and not _gap(s, k) and toks[k].text not in _PURPOSE_STOP:
        if words and (place := _place_after(s, k)):
            # "… tỉnh Khánh Hòa", "… tỉnh"; "chỉ đạo các xã" is the task's object, no place of the board
            return None if toks[k - 1].text == "các" else place[0]
        t = toks[k]
        if t.text == "và" and k + 1 < len(toks) and toks[k + 1].is_cap:
            return None
        if t.is_word and t.is_cap and not t.is_upper:
            return None  # a capitalised word: another body or a name, not the task
        words += t.is_word
        k += 1
    return None


def _not_a_body(s: Scan, i: int, end: int) -> bool:
    """"Chính phủ số", "Chính phủ điện tử": the name followed by a word that makes it a concept."""
    after = load("org_heads")["not_followed_by"].get(s.surface(i, end))
    return bool(after) and end < len(s.tokens) and s.tokens[end].key in after


def _complement(s: Scan, j: int, complement: str) -> int | None:
    """Where a head's complement ends (None when the head stands alone and may not)."""
    if complement == "none":
        return j
    if complement == "level":
        place = _place_after(s, j)
        if place and s.in_caps(j) and place[0] < len(s.tokens) and not _gap(s, place[0]):
            return _caps_place_to_line_end(s, place[0]) or place[0]
        if place:
            return place[0]
        if (below := _header_place_below(s, j)) is not None:
            return below
        if j + 1 < len(s.tokens) and s.tokens[j].text == "các" and not _gap(s, j) and _place_after(s, j + 1):
            return j  # "Ủy ban nhân dân các tỉnh, thành phố…": the suffix rule reads the list
        if _starts_body(s, j) and not _gap(s, j):
            return _org_at(s, j)  # "Thanh tra Bộ Tài chính"
        hit = provinces().longest(s.tokens, j) if j < len(s.tokens) else None
        return hit[0] if hit else None
    if complement == "name" and j < len(s.tokens) and s.in_caps(j):
        # "BAN HÀNH QUY TRÌNH…", "BÁO CÁO": in capitals a free name is any heading; but a school's
        # or a board's abbreviation names the body of a header line ("TRƯỜNG THCS TRÀNG CÁT")
        if _abbreviation(s.tokens[j]) and (end := _name_run(s, j)) > j and (end == len(s.tokens) or _gap(s, end)):
            return end
        return None
    if complement == "domain" and j < len(s.tokens) and s.in_caps(j):
        hit = table_gazetteer("org_heads", "domains").longest(s.tokens, j)  # "BỘ TRƯỞNG" is no body
        return hit[0] if hit else None
    if complement == "name" and j < len(s.tokens) and not _gap(s, j) and s.tokens[j].is_cap \
            and level_words().longest(s.tokens, j) and _body_end(s, j) is not None:
        return j  # "Ban Thường vụ Huyện đoàn": a nested body follows, not the level word "Huyện"
    end = _name_run(s, j)
    if end > j:
        return end
    context = table_gazetteer("org_heads", "context_words")
    hit = context.longest(s.tokens, j) if j < len(s.tokens) and not _gap(s, j) else None
    if hit and complement == "name" and s.tokens[j].is_cap:
        return hit[0]
    return None


def _bloc_end(s: Scan, j: int) -> int | None:
    """ "Khối các cơ quan", "Khối Doanh nghiệp" after a Party body: the bloc it leads."""
    toks = s.tokens
    if j + 1 >= len(toks) or toks[j].key != "khối" or _gap(s, j + 1):
        return None
    hit = table_gazetteer("org_heads", "bloc_names").longest(toks, j + 1)
    if hit:
        return hit[0]
    end = _name_run(s, j + 1)
    return end if end > j + 1 else None


def find_orgs(s: Scan) -> list[Mention]:
    """Named bodies, longest first, never overlapping one another."""
    out, i, abbreviations = [], 0, _body_abbreviations()
    while i < len(s.tokens):
        t = s.tokens[i]
        if not t.is_cap and t.text not in abbreviations and not _school_in_lower_case(s, i) \
                and not _office_in_lower_case(s, i):
            i += 1  # _org_at's first test, without the call
            continue
        end = _org_at(s, i)
        if end is not None and end > i:
            end = max(end, _list_item_end(s, i))
        if end is not None and end > i and not _generic(s, i, end):
            out.append(s.mention("ORG", i, end))
            i = end
        else:
            i += 1
    return out


_ITEM_STOP = {";", ",", "(", ")", ":", ".", "-", "–"}


def _list_item_end(s: Scan, i: int) -> int:
    """A body that opens a list item ("- Cục Quản lý xuất nhập cảnh;") runs to the item's end.

    In the Nơi nhận and in lists of bodies the item is the name, lower-case words and all.
    """
    toks = s.tokens
    bullet = i > 0 and toks[i - 1].text in {"-", "+", "•"} and (i == 1 or _gap(s, i - 1))
    if not bullet and not _after_proposal(s, i):
        return i
    j = i
    while j < len(toks) and not (j > i and _gap(s, j)) and toks[j].text not in _ITEM_STOP and j - i < 14:
        if not toks[j].is_word or toks[j].text == "và" or (j > i and _starts_body(s, j)):
            return i  # "Hội đồng Dân tộc và các Ủy ban…", "Chính phủ giao Bộ…": more than one body
        j += 1
    ends_item = j == len(toks) or toks[j].text in _ITEM_STOP or _gap(s, j)
    return j if ends_item and j - i < 14 else i


def _after_proposal(s: Scan, i: int) -> bool:
    """"Theo đề nghị của Cục trưởng Cục Quản lý xuất nhập cảnh;": the proposing body ends the line."""
    line_start = s.text.rfind("\n", 0, s.tokens[i].start) + 1
    return s.text.startswith("Theo đề nghị", line_start)


def _generic(s: Scan, i: int, end: int) -> bool:
    """A head followed only by a context word that names no one ("Bộ, ngành" is kept by table)."""
    words = [t.text for t in s.tokens[i:end] if t.is_word]
    if len(words) == 1 and words[0] in {"Sở", "Bộ", "Ban", "Phòng", "Trung", "Cục", "Vụ"}:
        return True
    # "Ban Chấp hành Đoàn các cấp", "Hội Nông dân các cấp": a kind of body at every level, no one body
    after = s.tokens[end : end + 2]
    return len(after) == 2 and after[0].text == "các" and after[1].key == "cấp" and not _gap(s, end)
