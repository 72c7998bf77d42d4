"""The comparison rules of the scoring contract (``../shared/eval/CONTRACT.md``) and the tallies.

Strings compare after :func:`norm`; lists pair one to one with :func:`greedy_pairs`; each scored
field keeps a :class:`FieldScore`. :mod:`pipeline.evaluate` says which rule each field uses.

>>> norm("Hoà Bình") == norm("HÒA BÌNH"), norm_number("06") == norm_number("6")
(True, True)
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

# --- comparable forms -------------------------------------------------------------------------

# The contract folds old tone placement anywhere in a word, on both sides alike ("hoà" = "hòa").
OLD_TONE_FOLD = {
    "oà": "òa", "oá": "óa", "oả": "ỏa", "oã": "õa", "oạ": "ọa",
    "oè": "òe", "oé": "óe", "oẻ": "ỏe", "oẽ": "õe", "oẹ": "ọe",
    "uỳ": "ùy", "uý": "úy", "uỷ": "ủy", "uỹ": "ũy", "uỵ": "ụy",
}
_OLD_TONE = re.compile("|".join(OLD_TONE_FOLD))
_EDGE_MARKS = " \t\n\r*_#\"'“”‘’«»()[]{};:,.-–—/"
_SPACES = re.compile(r"\s+")
_WORD = re.compile(r"\w+")
_SYMBOL_NOISE = re.compile(r"[\s.\-–]")
_ISO_DATE = re.compile(r"(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?")
EMPTY: tuple[Any, ...] = (None, "", [], {})


def norm(value: Any) -> str:
    """The comparable form of a value.

    >>> norm("  **Uỷ ban nhân dân tỉnh Khánh Hoà**; ")
    'ủy ban nhân dân tỉnh khánh hòa'
    >>> norm(None)
    ''
    """
    if value is None:
        return ""
    text = unicodedata.normalize("NFC", str(value)).casefold()
    text = _OLD_TONE.sub(lambda m: OLD_TONE_FOLD[m.group()], text)
    text = _SPACES.sub(" ", text.replace("*", " ").replace("_", " "))
    return text.strip(_EDGE_MARKS)


def tokens(value: Any) -> list[str]:
    return _WORD.findall(norm(value))


def token_f1(a: Any, b: Any) -> float:
    """F1 of the two bags of word tokens.

    >>> round(token_f1("Sở Nội vụ tỉnh Kon Tum", "Sở Nội vụ"), 3)
    0.667
    """
    ta, tb = tokens(a), tokens(b)
    if not ta or not tb:
        return 1.0 if not ta and not tb else 0.0
    common = sum((Counter(ta) & Counter(tb)).values())
    if not common:
        return 0.0
    precision, recall = common / len(ta), common / len(tb)
    return 2 * precision * recall / (precision + recall)


def options(gold: Any) -> list[Any]:
    """A gold scalar may be a list of acceptable answers."""
    return gold if isinstance(gold, list) else [gold]


def same(gold: Any, pred: Any, relaxed: float | None = None) -> bool:
    """Whether ``pred`` is one of the gold answers, exactly after :func:`norm` or by token F1.

    >>> same(["Sở TN&MT", "Sở Tài nguyên và Môi trường"], "sở tài nguyên và môi trường.")
    True
    >>> same(None, ""), same(None, "Hà Nội")
    (True, False)
    """
    for option in options(gold):
        if option is None:
            if pred in EMPTY:
                return True
        elif norm(option) == norm(pred) or (
                relaxed is not None and pred is not None and token_f1(option, pred) >= relaxed):
            return True
    return False


def norm_number(value: Any) -> str:
    """Document numbers compare without leading zeros.

    >>> norm_number("06"), norm_number("0"), norm_number(None)
    ('6', '0', '')
    """
    text = norm(value)
    return text.lstrip("0") or text


def norm_symbol(value: Any) -> str:
    """Symbols compare upper case, without spaces, dots and hyphens (a misprinted "NĐCP").

    >>> norm_symbol("nđ-cp") == norm_symbol("NĐ.CP") == norm_symbol("NĐ - CP")
    True
    """
    return _SYMBOL_NOISE.sub("", unicodedata.normalize("NFC", str(value or "")).upper())


def norm_date(value: Any) -> tuple[Any, ...] | None:
    """An ISO string or ``{year, month, day}`` as ``(y, m, d)``, blanks None.

    >>> norm_date("2022-03"), norm_date({"year": 2022, "month": 3, "day": None})
    ((2022, 3, None), (2022, 3, None))
    """
    if value in (None, "", {}):
        return None
    if isinstance(value, dict):
        return tuple(value.get(k) for k in ("year", "month", "day"))
    m = _ISO_DATE.fullmatch(str(value).strip())
    if not m:
        return ("?", str(value))
    return tuple(int(g) if g else None for g in m.groups())


def contains(a: Any, b: Any) -> bool:
    """The shorter token run (2+ tokens) sits, in order, inside the longer one.

    >>> contains("Sở Nội vụ", "Giám đốc Sở Nội vụ tỉnh"), contains("Sở", "Sở Nội vụ")
    (True, False)
    """
    ta, tb = tokens(a), tokens(b)
    short, long_ = (ta, tb) if len(ta) <= len(tb) else (tb, ta)
    if len(short) < 2:
        return False
    return any(long_[i : i + len(short)] == short for i in range(len(long_) - len(short) + 1))


def as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def greedy_pairs(gold: list[Any], pred: list[Any], fits: Callable[[Any, Any], float]) -> list[tuple[int, int]]:
    """One-to-one pairs, best fit first; ties go to the later gold and prediction, as in score.py.

    >>> greedy_pairs(["a", "b"], ["b", "a", "a"], lambda g, p: float(g == p))
    [(1, 0), (0, 2)]
    """
    scored = sorted(((s, gi, pi) for gi, g in enumerate(gold) for pi, p in enumerate(pred)
                     if (s := fits(g, p)) > 0), reverse=True)
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    pairs = []
    for _, gi, pi in scored:
        if gi not in used_gold and pi not in used_pred:
            used_gold.add(gi)
            used_pred.add(pi)
            pairs.append((gi, pi))
    return pairs


# --- tallies ----------------------------------------------------------------------------------


@dataclass
class FieldScore:
    """Accuracy (``hits/total``) or precision/recall over ``right/n_pred`` and ``found/n_gold``."""

    kind: str  # "acc" or "prf"
    hits: int = 0
    total: int = 0
    n_gold: int = 0
    n_pred: int = 0
    found: int = 0  # gold items that a prediction matched
    right: int = 0  # predictions that matched gold
    misses: list[str] = field(default_factory=list)

    def precision_recall(self) -> tuple[float, float]:
        return (self.right / self.n_pred if self.n_pred else 0.0,
                self.found / self.n_gold if self.n_gold else 0.0)

    def value(self) -> float | None:
        """Accuracy or F1; None when there was nothing to score."""
        if self.kind == "acc":
            return self.hits / self.total if self.total else None
        if not self.n_gold and not self.n_pred:
            return None
        p, r = self.precision_recall()
        return 2 * p * r / (p + r) if p + r else 0.0

    def line(self, name: str) -> str:
        value = self.value()
        shown = "   n/a" if value is None else f"{value:6.3f}"
        if self.kind == "acc":
            return f"{name:34s} acc {shown}   ({self.hits}/{self.total})"
        p, r = self.precision_recall()
        return f"{name:34s} F1  {shown}   P {p:.3f} R {r:.3f}   (pred {self.n_pred}, gold {self.n_gold})"


@dataclass
class Board:
    """Every field's tally, filled document by document."""

    fields: dict[str, FieldScore] = field(default_factory=dict)

    def get(self, name: str, kind: str) -> FieldScore:
        return self.fields.setdefault(name, FieldScore(kind))

    def accuracy(self, name: str, ok: bool, doc: str, gold: Any, pred: Any) -> None:
        tally = self.get(name, "acc")
        tally.total += 1
        tally.hits += ok
        if not ok:
            tally.misses.append(f"{doc}: gold {gold!r} got {pred!r}")

    def matched(self, name: str, doc: str, gold: list[Any], pred: list[Any],
                pairs: list[tuple[int, int]], show: Callable[[Any], Any] = lambda x: x) -> None:
        """Add a one-to-one matching: each pair is one gold found and one prediction right."""
        tally = self.get(name, "prf")
        tally.n_gold += len(gold)
        tally.n_pred += len(pred)
        tally.found += len(pairs)
        tally.right += len(pairs)
        hit_gold, hit_pred = {g for g, _ in pairs}, {p for _, p in pairs}
        tally.misses += [f"{doc}: missed {show(g)!r}" for i, g in enumerate(gold) if i not in hit_gold]
        tally.misses += [f"{doc}: extra {show(p)!r}" for i, p in enumerate(pred) if i not in hit_pred]

    def strings(self, name: str, doc: str, gold: Any, pred: Any, relaxed: float = 0.8) -> None:
        """A list of strings, each matched exactly or by token F1 >= ``relaxed``."""
        gold = [g for g in as_list(gold) if norm(g)]
        pred = [p for p in as_list(pred) if norm(p)]
        pairs = greedy_pairs(gold, pred, lambda g, p: token_f1(g, p) if same(g, p, relaxed) else 0)
        self.matched(name, doc, gold, pred, pairs)

    def scores(self) -> dict[str, float]:
        """Field -> score, for the fields that had anything to score."""
        return {name: v for name, t in sorted(self.fields.items()) if (v := t.value()) is not None}
