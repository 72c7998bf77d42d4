"""PER / LOC / ORG F1 of this project's entities stage and of underthesea's ``ner`` on the same gold.

    .venv/bin/python benchmarks/ner_vs_underthesea.py [--sets seeds,dev]

Sets: ``seeds`` (the 5 hand-made gold files of ../shared/eval/gold), ``dev`` (the dev split of
data/gold, never used for training or rules), ``train`` (the train split; the rules were shaped on
it, so it flatters this project). Both systems are scored with ``pipeline.evaluate.score_entities``,
the rule of score.py: a bag of distinct mentions per label, a mention matching a gold entity when
their token F1 is at least 0.75 or one runs inside the other. underthesea is run line by line
(its model expects sentences); its B-/I- words are joined into mentions.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline import entities  # noqa: E402
from pipeline.document import Doc  # noqa: E402
from pipeline.evaluate import score_entities  # noqa: E402
from pipeline.scoring import Board  # noqa: E402

LABELS = ("PER", "LOC", "ORG")
SHARED = ROOT.parent / "shared"


def documents(name: str) -> list[tuple[str, dict, str]]:
    """``(stem, gold, text)`` of a set."""
    if name == "seeds":
        gold_dir, text_dir = SHARED / "eval" / "gold", SHARED / "seeds"
        stems = sorted(p.stem for p in gold_dir.glob("*.json"))
    else:
        gold_dir = text_dir = ROOT / "data" / "gold"
        stems = json.loads((ROOT / "data" / "split.json").read_text(encoding="utf-8"))[name]
    return [(s, json.loads((gold_dir / f"{s}.json").read_text(encoding="utf-8")),
             (text_dir / f"{s}.txt").read_text(encoding="utf-8")) for s in stems]


def ours(text: str) -> list[dict]:
    doc = Doc.from_text(text)
    entities.add(doc)
    return [{"label": e.label, "text": e.text} for e in doc.record.entities]


def underthesea_mentions(text: str) -> list[dict]:
    from underthesea import ner

    out = []
    for line in text.splitlines():
        if not line.strip():
            continue
        words: list[str] = []
        label = None
        for word, _pos, _chunk, tag in [*ner(line), ("", "", "", "O")]:
            kind, _, name = tag.partition("-")
            if label and (kind != "I" or name != label):
                out.append({"label": label, "text": " ".join(words)})
                label, words = None, []
            if kind == "B" or (kind == "I" and label is None):
                label, words = name, [word]
            elif kind == "I":
                words.append(word)
    return out


def score(docs: list[tuple[str, dict, str]], system) -> tuple[dict[str, float], float]:
    board, started = Board(), time.perf_counter()
    for stem, gold, text in docs:
        score_entities(board, stem, {**gold, "entity_labels": list(LABELS)}, {"entities": system(text)})
    scores = board.scores()
    return {label: scores.get(f"entities.{label}", 0.0) for label in LABELS}, time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", default="seeds,dev")
    args = parser.parse_args()
    print("| set | system | PER F1 | LOC F1 | ORG F1 | seconds |")
    print("|---|---|---|---|---|---|")
    for name in args.sets.split(","):
        docs = documents(name)
        for system_name, system in (("congvan (rules + CRF)", ours), ("underthesea ner", underthesea_mentions)):
            f1, seconds = score(docs, system)
            cells = " | ".join(f"{f1[label]:.3f}" for label in LABELS)
            print(f"| {name} ({len(docs)} docs) | {system_name} | {cells} | {seconds:.1f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
