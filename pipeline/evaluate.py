"""Scoring against gold annotations: not written yet."""

from __future__ import annotations

from pathlib import Path
from typing import Any


def evaluate_folder(gold: Path, texts: Path) -> Any:
    raise NotImplementedError
