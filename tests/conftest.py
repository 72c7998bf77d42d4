"""Shared fixtures: the real documents beside the checkout (../shared) and a record cache."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pytest

from pipeline.extract import extract_file
from pipeline.record import Record

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
GOLD = SHARED / "eval" / "gold"
CORPUS = SHARED / "corpus" / "vanban-chinhphu"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def seed_paths() -> list[Path]:
    return sorted(SEEDS.glob("*.txt"))


@cache
def seed_record(stem: str) -> Record:
    return extract_file(SEEDS / f"{stem}.txt")


@cache
def gold(stem: str) -> dict:
    return json.loads((GOLD / f"{stem}.json").read_text(encoding="utf-8"))


needs_shared = pytest.mark.skipif(not SEEDS.exists(), reason="../shared is not beside the checkout")


@pytest.fixture(scope="session")
def corpus_registry(tmp_path_factory):
    """Seeds and corpus ingested ONCE per test session (with two workers): (path, summary).

    Full extraction of ~260 documents is the suite's dearest step; tests that only read the
    result (ingest checks, the registry tour notebook) share this one. Don't write to it.
    """
    import pipeline.registry as registry

    path = tmp_path_factory.mktemp("corpus-registry") / "registry.sqlite"
    with registry.open(path) as reg:
        summary = reg.ingest([str(SEEDS), str(CORPUS)], workers=2)
    return path, summary
