"""The statistical tagger: a linear-chain CRF over syllables for PER, LOC and ORG.

The rules know the vocabulary of bodies and places; the CRF learns, from the annotated pages in
``data/gold`` (train split), how names run on in lower case ("Cục Bảo vệ thực vật") and which
capitalised runs are names at all. It only reads candidate lines (a line with a capitalised
syllable that no rule mention covers) and its mentions are kept only where no rule mention
overlaps: the model fills gaps, it never overrides a rule.

The model ships inside the package (``pipeline/models/entities_crf/model.bin``, written by
``models/train_tagger.py``) and is read with ``underthesea_core``'s CRF tagger, already a
dependency; no download ever happens. Without the file the stage runs on rules alone.

>>> from pipeline.gazetteer import tokenize
>>> feats = features(tokenize("Giao Sở Nội vụ"))
>>> "w=sở" in feats[1] and "head" in feats[1] and "cap" in feats[1]
True
"""

from __future__ import annotations

from bisect import bisect_left
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from pipeline.entities_rules import Mention, Scan
from pipeline.gazetteer import Gazetteer, Token, level_words, places, provinces, table_gazetteer, tokenize
from pipeline.tables import load

MODEL_NAME = "entities_crf"
LABELS = ("PER", "LOC", "ORG")


def model_path() -> Path | None:
    """The shipped model file, or None when the package carries none."""
    ref = resources.files("pipeline") / "models" / MODEL_NAME / "model.bin"
    path = Path(str(ref))
    return path if path.is_file() else None


@cache
def _tagger() -> Any:
    path = model_path()
    if path is None:
        return None
    try:
        from underthesea_core import CRFTagger
    except ImportError:  # the rules still run
        return None
    tagger = CRFTagger()
    tagger.load(str(path))
    return tagger


def _shape(text: str) -> str:
    if text.isdigit():
        return "digit"
    if not text[0].isalnum():
        return "punct"
    letters = [c for c in text if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return "upper"
    return "cap" if text[0].isupper() else "lower"


_CONTEXT_WORDS = frozenset(load("org_heads")["context_words"]) | {"tỉnh", "huyện", "xã", "Trung ương"}


@cache
def _surnames() -> frozenset[str]:
    return frozenset(load("person_names")["surnames"])


@cache
def _lexicons() -> tuple[tuple[tuple[str, Gazetteer], ...], frozenset[str]]:
    """The tables a token may start, in feature order, and every first word of any of them."""
    named = (
        ("head", table_gazetteer("org_heads", "heads_flat")),
        ("standalone", table_gazetteer("org_heads", "standalone")),
        ("domain", table_gazetteer("org_heads", "domains")),
        ("position", table_gazetteer("positions", "positions")),
        ("province", provinces()),
        ("place", places()),
        ("level", level_words()),
    )
    first = frozenset().union(*(gaz.root.keys() for _, gaz in named)) | {"–", "—", "‑"}
    return named, first


def _lexicon_flags(tokens: list[Token], i: int) -> list[str]:
    """Which tables a phrase starting at token i belongs to: head, standalone, province, place…"""
    named, first = _lexicons()
    flags = [name for name, gaz in named if gaz.longest(tokens, i)] if tokens[i].key in first else []
    if tokens[i].text in _surnames():
        flags.append("surname")
    return flags


def features(tokens: list[Token]) -> list[list[str]]:
    """CRF features of each token: the word, its shape, its neighbours and the tables it starts."""
    keys = [t.key for t in tokens]
    parts = [_token_parts(t.key, t.text, tuple(_lexicon_flags(tokens, i))) for i, t in enumerate(tokens)]
    n, out = len(tokens), []
    for i in range(n):
        f = list(parts[i][0])
        for slot, d in enumerate((-2, -1, 1, 2), start=1):
            j = i + d
            if 0 <= j < n:
                f += parts[j][slot]
            else:
                f.append(f"edge{d}")
        if i > 0:
            f.append(f"bi-1={keys[i - 1]}|{keys[i]}")
        if i + 1 < n:
            f.append(f"bi+1={keys[i]}|{keys[i + 1]}")
        out.append(f)
    return out


# (key, text, flags) -> the token's own features, then what it gives as neighbour -2, -1, +1, +2.
_PARTS: dict[tuple[str, str, tuple[str, ...]], tuple[list[str], ...]] = {}


def _token_parts(key: str, text: str, flags: tuple[str, ...]) -> tuple[list[str], ...]:
    """The feature strings of one token, built once per distinct word (strings cost more than tagging)."""
    parts = _PARTS.get((key, text, flags))
    if parts is None:
        shape = _shape(text)
        own = [f"w={key}", shape, *flags]
        near = [[f"w{d}={key}", f"s{d}={shape}", *(f"{x}{d}" for x in flags)] for d in (-2, -1, 1, 2)]
        parts = (own, *near)
        if len(_PARTS) < 100_000:
            _PARTS[(key, text, flags)] = parts
    return parts


def decode(tags: list[str]) -> list[tuple[str, int, int]]:
    """BIO tags → ``(label, start, end)`` token ranges.

    >>> decode(["O", "B-ORG", "I-ORG", "O", "B-PER", "I-PER", "I-PER"])
    [('ORG', 1, 3), ('PER', 4, 7)]
    >>> decode(["I-LOC", "I-LOC"])
    [('LOC', 0, 2)]
    """
    out: list[tuple[str, int, int]] = []
    label, start = None, 0
    for i, tag in enumerate([*tags, "O"]):
        kind, _, name = tag.partition("-")
        if label is not None and (kind != "I" or name != label):
            out.append((label, start, i))
            label = None
        if kind == "B" or (kind == "I" and label is None):
            label, start = name, i
    return out


def may_run_on(rule: Mention) -> bool:
    """A rule ORG that may stop inside its name: it does not end on a field name from the tables,
    a context word, a place or an abbreviation ("Cục Bảo vệ" may; "Văn phòng Sở", "Sở Tài chính" not)."""
    toks = tokenize(rule.surface)
    last = toks[-1]
    if last.is_upper or not last.is_word or last.text in _CONTEXT_WORDS or provinces().longest(toks, len(toks) - 1):
        return False
    domains = table_gazetteer("org_heads", "domains")
    return not any((hit := domains.longest(toks, i)) and hit[0] == len(toks) for i in range(len(toks)))


def candidate_lines(s: Scan, rule_mentions: list[Mention]) -> list[tuple[int, int]]:
    """Token ranges of the lines where the model's answer can be used: a rule ORG running on into
    lower case ("Cục Bảo vệ thực vật"), or a capitalised surname that no rule mention covers."""
    covered = s.covered([(m.start, m.end) for m in rule_mentions])
    toks, wanted = s.tokens, set()
    for m in rule_mentions:
        k = s.by_start.get(m.end + 1)
        if m.label == "ORG" and k is not None and toks[k].is_word and not toks[k].is_cap and may_run_on(m):
            wanted.add(k)
    surnames = _surnames()
    wanted.update(k for k, t in enumerate(toks) if t.is_cap and not covered[k] and t.text in surnames)
    if not wanted:
        return []
    ordered = sorted(wanted)
    lines, start = [], 0
    for i in range(1, len(toks) + 1):
        if i == len(toks) or "\n" in s.text[toks[i - 1].end : toks[i].start]:
            k = bisect_left(ordered, start)
            if k < len(ordered) and ordered[k] < i:  # some wanted token on the line
                lines.append((start, i))
            start = i
    return lines


def tag_mentions(s: Scan, rule_mentions: list[Mention]) -> list[Mention]:
    """The model's PER/LOC/ORG mentions on the candidate lines (empty without a model)."""
    return tag_lines(s, candidate_lines(s, rule_mentions))


def tag_all(s: Scan) -> list[Mention]:
    """The model alone over every line: for its own scores, not for the pipeline."""
    lines, start, toks = [], 0, s.tokens
    for i in range(1, len(toks) + 1):
        if i == len(toks) or "\n" in s.text[toks[i - 1].end : toks[i].start]:
            lines.append((start, i))
            start = i
    return tag_lines(s, lines)


def tag_lines(s: Scan, lines: list[tuple[int, int]]) -> list[Mention]:
    tagger = _tagger()
    if tagger is None:
        return []
    out = []
    for start, end in lines:
        line = s.tokens[start:end]
        if len(line) > 400:  # a table flattened into one line: not prose
            continue
        for label, a, b in decode(tagger.tag(features(line))):
            if label in LABELS and b - a >= 2:
                out.append(s.mention(label, start + a, start + b, source="model"))
    return out
