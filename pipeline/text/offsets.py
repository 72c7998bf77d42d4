"""Edits that rewrite a text while remembering where every character came from.

A repair step returns a list of edits ``(start, end, replacement)`` on its input; applying them
gives the output text and an :class:`EditMap` that sends any output span back to the input. Maps
of successive steps chain, so a span found in the repaired text is put back on the text as read.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

Edit = tuple[int, int, str]


@dataclass
class EditMap:
    """Output positions -> input positions for one set of non-overlapping edits."""

    in_starts: list[int] = field(default_factory=list)
    in_ends: list[int] = field(default_factory=list)
    out_starts: list[int] = field(default_factory=list)
    out_ends: list[int] = field(default_factory=list)

    def start(self, pos: int) -> int:
        """Input position of an output span start: inside a replacement it is the edit's start."""
        i = bisect_right(self.out_starts, pos) - 1
        if i < 0:
            return pos
        if pos < self.out_ends[i]:
            return self.in_starts[i]
        return self.in_ends[i] + (pos - self.out_ends[i])

    def end(self, pos: int) -> int:
        """Input position of an output span end: a replacement the span reaches into is whole."""
        i = bisect_left(self.out_starts, pos) - 1
        if i < 0:
            return pos
        if pos <= self.out_ends[i]:
            return self.in_ends[i]
        return self.in_ends[i] + (pos - self.out_ends[i])


def apply_edits(text: str, edits: Iterable[Edit]) -> tuple[str, EditMap]:
    """Apply non-overlapping edits, sorted by start, and return the new text and its map.

    >>> apply_edits("Khánh Hoà **x**", [(7, 9, "òa"), (10, 12, ""), (13, 15, "")])[0]
    'Khánh Hòa x'
    """
    parts: list[str] = []
    emap = EditMap()
    pos = out = 0
    for start, end, repl in edits:
        if start < pos:
            continue  # overlaps an earlier edit: the earlier one wins
        parts.append(text[pos:start])
        out += start - pos
        emap.in_starts.append(start)
        emap.in_ends.append(end)
        emap.out_starts.append(out)
        out += len(repl)
        emap.out_ends.append(out)
        parts.append(repl)
        pos = end
    parts.append(text[pos:])
    return "".join(parts), emap


@dataclass
class OffsetMap:
    """A chain of edit maps: repaired-text spans -> spans of the text as read."""

    maps: list[EditMap] = field(default_factory=list)

    def to_source(self, start: int, end: int) -> list[int]:
        for emap in reversed(self.maps):
            start, end = emap.start(start), emap.end(end)
        return [start, max(start, end)]

    def extend(self, more: Sequence[EditMap]) -> None:
        self.maps.extend(more)
