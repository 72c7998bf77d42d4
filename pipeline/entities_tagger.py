"""The statistical tagger (placeholder until the model is trained)."""

from __future__ import annotations

from pipeline.entities_rules import Mention, Scan


def tag_mentions(s: Scan, rule_mentions: list[Mention]) -> list[Mention]:
    return []
