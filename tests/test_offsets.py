"""Property tests of the offset machinery: every span of the repaired text goes back onto the source.

Random Vietnamese-ish text with markdown marks, old tone placement, decomposed letters, CRLF,
zero-width characters, page numbers and broken lines goes through :func:`repair`; then

* every repaired span maps to a source span inside the source, in order;
* a character that repair did not touch maps to itself (``text[i] == source[mapped]``);
* a repaired word maps to exactly the source letters it came from (what entity spans rely on).
"""

from __future__ import annotations

import unicodedata

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.tables import load
from pipeline.text.offsets import EditMap, OffsetMap, apply_edits
from pipeline.text.repair import Repaired, repair

WORDS = ["Ủy", "ban", "nhân", "dân", "tỉnh", "Khánh", "Hòa", "Sở", "Nội", "vụ", "phong", "trào", "thi",
         "đua", "năm", "2022", "khoảng", "quý", "của", "các", "đơn", "vị", "Căn", "cứ", "Luật", "số",
         "48/KH-UBND", "108/2025/QH15", "ngày", "30/3/2022", "KẾ", "HOẠCH", "UBND", "TN_MT"]
OLD_STYLE = ["Hoà", "Uỷ", "thuỷ", "hoá", "HOÀ", "UỶ", "Thuỵ", "khoẻ"]
MARKS = ["**", "__", "*", "_", "## ", "### ", "\n---\n", "- ", "+ ", "• ", "1. ", "a) ", "II. ", "Số: ",
         "Kính gửi: ", "V/v ", "KT. ", "\n- 2 -\n", "\nTrang 3/7\n", "|", "#"]
BREAKS = [" ", " ", " ", "\n", "\n", "\r\n", "\r", "\n\n", "\t", "\u00a0", "\u200b", "\ufeff", ";", ",",
          ".", ":", "\n;", " \n "]

decomposed = st.sampled_from(WORDS + OLD_STYLE).map(lambda w: unicodedata.normalize("NFD", w))
piece = st.one_of(st.sampled_from(WORDS), st.sampled_from(OLD_STYLE), decomposed,
                  st.sampled_from(MARKS), st.sampled_from(BREAKS))
dirty_text = st.lists(piece, max_size=80).map("".join)

BLANKS = {"\r", "\n", "\t", " ", "\u00a0"}
INVISIBLE = regex.compile(r"[*_\u200b-\u200d\u2060\ufeff]")
_TONES = dict(load("tones")["pairs"])
_TONE = regex.compile("|".join(_TONES), regex.IGNORECASE)


def fold(text: str) -> str:
    """What repair may change in a word: composition, tone placement, marks and invisible characters."""
    text = unicodedata.normalize("NFC", INVISIBLE.sub("", text))
    return _TONE.sub(lambda m: _TONES.get(m.group().lower(), m.group()), text.lower())


def explains(source: str, char: str) -> bool:
    """Whether a repaired character can have come from this stretch of the source."""
    return char.lower() in fold(source) or (char in " \n" and any(c in BLANKS for c in source))


@settings(max_examples=300, deadline=None)
@given(dirty_text)
def test_every_span_maps_inside_the_source_in_order(source: str) -> None:
    r = repair(source)
    n, m = len(r.text), len(r.source)
    previous = [0, 0]
    for i in range(n + 1):
        start, end = r.to_source(i, n)
        assert 0 <= start <= end <= m
        assert start >= previous[0]  # later starts never map before earlier ones
        head = r.to_source(0, i)
        assert head[0] == 0 or n == 0 or r.to_source(0, 0)[0] == head[0]
        assert head[1] >= previous[1]
        previous = [start, head[1]]


@settings(max_examples=300, deadline=None)
@given(dirty_text)
def test_each_character_maps_to_what_it_came_from(source: str) -> None:
    r = repair(source)
    for i, char in enumerate(r.text):
        start, end = r.to_source(i, i + 1)
        assert start < end, (i, char)  # nothing in the repaired text comes from nowhere
        if end - start == 1 and source[start] not in BLANKS:
            assert r.text[i] == source[start]  # untouched characters map to themselves
        else:
            assert explains(source[start:end], char), (char, source[start:end])


WORD_RUN = regex.compile(r"[\p{L}\p{M}\p{N}]+")


@settings(max_examples=300, deadline=None)
@given(dirty_text)
def test_a_repaired_word_maps_to_its_source_letters(source: str) -> None:
    r = repair(source)
    for word in WORD_RUN.finditer(r.text):
        start, end = r.to_source(word.start(), word.end())
        assert fold(source[start:end]) == fold(word.group()), (word.group(), source[start:end])


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_any_text_repairs_without_leaving_the_source(source: str) -> None:
    r = repair(source)
    for i in range(len(r.text) + 1):
        start, end = r.to_source(i, min(i + 3, len(r.text)))
        assert 0 <= start <= end <= len(source)


def _wrap(word: str, mark: str) -> str:
    return f"{mark}{word}{mark}" if mark in ("**", "__", "*", "_") else f"{mark}{word}"


marked_word = st.builds(_wrap, st.one_of(st.sampled_from(WORDS + OLD_STYLE), decomposed),
                        st.sampled_from(["", "", "", "**", "__", "*", "_", "("]))
marked_line = st.builds(lambda head, words, end: head + " ".join(words) + end,
                        st.sampled_from(["", "", "## ", "### ", "**## ", "- ", "+ ", "1. ", "a) ", "Số: "]),
                        st.lists(marked_word, min_size=1, max_size=10), st.sampled_from(["", ";", ".", ":", ","]))
markdown_text = st.lists(marked_line, max_size=12).flatmap(
    lambda lines: st.sampled_from(["\n", "\r\n", "\n\n"]).map(lambda glue: glue.join(lines)))


@settings(max_examples=300, deadline=None)
@given(markdown_text)
def test_repair_is_stable(source: str) -> None:
    """Repairing repaired markdown changes nothing more (no step leaves work for another pass)."""
    once = repair(source).text
    assert repair(once).text == once


# --- the edit maps themselves ------------------------------------------------------------------


@st.composite
def text_and_edits(draw: st.DrawFn) -> tuple[str, list[tuple[int, int, str]]]:
    text = draw(st.text(alphabet="abcdđêơ \n*", max_size=60))
    cuts = sorted(draw(st.lists(st.integers(0, len(text)), max_size=12)))
    edits = []
    for start, end in zip(cuts[::2], cuts[1::2], strict=False):
        if start < end:  # repair steps replace at least one character
            edits.append((start, end, draw(st.text(alphabet="xyờ ", max_size=3))))
    return text, edits


def by_hand(text: str, edits: list[tuple[int, int, str]]) -> str:
    out, pos = [], 0
    for start, end, repl in edits:
        if start < pos:
            continue
        out += [text[pos:start], repl]
        pos = end
    return "".join([*out, text[pos:]])


@settings(max_examples=300, deadline=None)
@given(text_and_edits())
def test_apply_edits_and_its_map(case: tuple[str, list[tuple[int, int, str]]]) -> None:
    text, edits = case
    out, emap = apply_edits(text, edits)
    assert out == by_hand(text, edits)
    for s in range(len(out) + 1):
        assert 0 <= emap.start(s) <= len(text) and 0 <= emap.end(s) <= len(text)
        for e in range(s + 1, len(out) + 1):
            a, b = emap.start(s), emap.end(e)
            assert a <= b, (s, e, a, b)  # a non-empty span keeps its order without any clamping
    for i in range(len(out)):
        a, b = emap.start(i), emap.end(i + 1)
        assert b > a  # every output character comes from something: edits replace, never insert
        if b - a == 1 and not any(s <= a < e for s, e, _ in edits):
            assert out[i] == text[a]


def test_chained_maps_put_a_span_back_on_the_first_text() -> None:
    # "Hoà **x**" -> tone -> "Hòa **x**" -> marks -> "Hòa x"
    step1, map1 = apply_edits("Hoà **x**", [(1, 3, "òa")])
    step2, map2 = apply_edits(step1, [(4, 6, ""), (7, 9, "")])
    chain = OffsetMap([map1, map2])
    assert step2 == "Hòa x"
    assert chain.to_source(0, 3) == [0, 3]  # "Hòa" is "Hoà"
    assert chain.to_source(4, 5) == [6, 7]  # "x" without its marks
    assert chain.to_source(3, 4) == [3, 4]  # the space


def test_a_deletion_at_a_span_edge_stays_outside_it() -> None:
    _, emap = apply_edits("**Sở**", [(0, 2, ""), (4, 6, "")])
    assert (emap.start(0), emap.end(2)) == (2, 4)
    assert EditMap().start(5) == 5  # no edits: identity


def test_repaired_of_nothing() -> None:
    r = Repaired(source="", text="")
    assert r.to_source(0, 0) == [0, 0]
