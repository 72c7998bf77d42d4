"""Load the data tables shipped in ``pipeline/data`` (patterns, gazetteers, abbreviations).

Tables are JSON so that tests can police them (every pattern matches its examples) and so that a
new abbreviation or province is a data change, not a code change.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any


@cache
def load(name: str) -> Any:
    """The parsed content of ``pipeline/data/<name>.json``.

    >>> load("tones")["pairs"]["oà"]
    'òa'
    """
    ref = resources.files("pipeline") / "data" / f"{name}.json"
    return json.loads(ref.read_text(encoding="utf-8"))
