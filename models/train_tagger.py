"""Train the entity CRF on the train split of data/gold and score it on the dev split.

    .venv/bin/python models/train_tagger.py [--max-iterations 150] [--c1 0.05] [--c2 0.01]

Writes ``models/entities_crf/`` (model.bin, meta.json with library versions, the data hash and the
dev scores) and the copy the package ships, ``pipeline/models/entities_crf/model.bin``. Gold
entities are listed as strings; they are projected onto the text token by token (case and old
tone placement ignored, longest mention first), which is the labelling the CRF learns.
The dev split is read only for the scores written to meta.json.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import json
import os
import platform
import shutil
import sys
import time
from collections.abc import Iterator
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline import entities, entities_tagger  # noqa: E402
from pipeline.document import Doc  # noqa: E402
from pipeline.entities_rules import scan  # noqa: E402
from pipeline.evaluate import score_entities  # noqa: E402
from pipeline.gazetteer import Token, tokenize  # noqa: E402
from pipeline.scoring import Board  # noqa: E402

GOLD = ROOT / "data" / "gold"
OUT = ROOT / "models" / entities_tagger.MODEL_NAME
SHIPPED = ROOT / "pipeline" / "models" / entities_tagger.MODEL_NAME


def load_split() -> dict[str, list[str]]:
    return json.loads((ROOT / "data" / "split.json").read_text(encoding="utf-8"))


def project(tokens: list[Token], gold_entities: list[dict]) -> list[str]:
    """BIO tags of ``tokens`` from the gold mention strings, longest mentions first, no overlaps."""
    tags = ["O"] * len(tokens)
    keys = [t.key for t in tokens]
    wanted = sorted(
        ((e["label"], [t.key for t in tokenize(e["text"])]) for e in gold_entities if e["label"] in entities_tagger.LABELS),
        key=lambda x: -len(x[1]),
    )
    for label, seq in wanted:
        n = len(seq)
        for i in range(len(keys) - n + 1):
            if n and keys[i : i + n] == seq and all(t == "O" for t in tags[i : i + n]):
                tags[i : i + n] = [f"B-{label}"] + [f"I-{label}"] * (n - 1)
    return tags


def line_ranges(text: str, tokens: list[Token]) -> Iterator[tuple[int, int]]:
    start = 0
    for i in range(1, len(tokens) + 1):
        if i == len(tokens) or "\n" in text[tokens[i - 1].end : tokens[i].start]:
            if i - start <= 400:
                yield start, i
            start = i


def sequences(stems: list[str]) -> tuple[list[list[list[str]]], list[list[str]]]:
    """Feature and tag sequences of the lines that hold a capitalised word or an entity."""
    xs, ys = [], []
    for stem in stems:
        gold = json.loads((GOLD / f"{stem}.json").read_text(encoding="utf-8"))
        doc = Doc.from_text((GOLD / f"{stem}.txt").read_text(encoding="utf-8"))
        s = scan(doc.text)
        tags = project(s.tokens, gold.get("entities", []))
        for a, b in line_ranges(s.text, s.tokens):
            line_tags = tags[a:b]
            if any(t != "O" for t in line_tags) or any(t.is_cap for t in s.tokens[a + 1 : b]):
                xs.append(entities_tagger.features(s.tokens[a:b]))
                ys.append(line_tags)
    return xs, ys


@contextlib.contextmanager
def quiet() -> Iterator[None]:
    """The CRF trainer prints every iteration from native code: send fds 1 and 2 to /dev/null meanwhile."""
    sys.stdout.flush()
    sys.stderr.flush()
    saved = [os.dup(1), os.dup(2)]
    with open(os.devnull, "w") as devnull:
        os.dup2(devnull.fileno(), 1)
        os.dup2(devnull.fileno(), 2)
        try:
            yield
        finally:
            for fd, copy in zip((1, 2), saved, strict=True):
                os.dup2(copy, fd)
                os.close(copy)


def train(xs: list, ys: list, c1: float, c2: float, iterations: int) -> Path:
    from underthesea_core import CRFTrainer

    trainer = CRFTrainer()
    trainer.set_l1_penalty(c1)
    trainer.set_l2_penalty(c2)
    trainer.set_max_iterations(iterations)
    with quiet():
        model = trainer.train(xs, ys)
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / "model.bin"
    model.save(str(path))
    return path


def entity_scores(stems: list[str], mode: str) -> dict[str, float]:
    """score.py's entity rule over ``stems``: mode is rules, model (CRF alone) or rules+model."""
    board = Board()
    for stem in stems:
        gold = json.loads((GOLD / f"{stem}.json").read_text(encoding="utf-8"))
        doc = Doc.from_text((GOLD / f"{stem}.txt").read_text(encoding="utf-8"))
        if mode == "model":
            s = scan(doc.text)
            found = entities_tagger.tag_all(s)
            pred = [{"label": m.label, "text": doc.source_text(m.start, m.end)} for m in found]
        else:
            _with_or_without_model(doc, use_model=mode != "rules")
            pred = [{"label": e.label, "text": e.text} for e in doc.record.entities]
        score_entities(board, stem, gold, {"entities": pred})
    return {name: round(value, 4) for name, value in board.scores().items()}


def _with_or_without_model(doc: Doc, use_model: bool) -> None:
    saved = entities_tagger.tag_mentions
    if not use_model:
        entities_tagger.tag_mentions = lambda s, m: []  # type: ignore[assignment]
    try:
        entities.add(doc)
    finally:
        entities_tagger.tag_mentions = saved  # type: ignore[assignment]


def data_hash(stems: list[str]) -> str:
    """The sha256 of what training reads: each train text and its entity list (a correction to
    another key of a gold file, its header say, leaves the model's data and this hash alone)."""
    digest = hashlib.sha256()
    for stem in sorted(stems):
        digest.update((GOLD / f"{stem}.txt").read_bytes())
        entities = json.loads((GOLD / f"{stem}.json").read_text(encoding="utf-8")).get("entities", [])
        digest.update(json.dumps(entities, ensure_ascii=False, sort_keys=True).encode("utf-8"))
    return digest.hexdigest()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--max-iterations", type=int, default=150)
    parser.add_argument("--c1", type=float, default=0.05)
    parser.add_argument("--c2", type=float, default=0.01)
    args = parser.parse_args()
    split = load_split()
    started = time.time()
    xs, ys = sequences(split["train"])
    path = train(xs, ys, args.c1, args.c2, args.max_iterations)
    SHIPPED.mkdir(parents=True, exist_ok=True)
    shutil.copy(path, SHIPPED / "model.bin")
    entities_tagger._tagger.cache_clear()
    dev = {mode: entity_scores(split["dev"], mode) for mode in ("rules", "model", "rules+model")}
    meta = {
        "name": entities_tagger.MODEL_NAME,
        "kind": "linear-chain CRF (underthesea_core CRFTrainer, L-BFGS/OWL-QN)",
        "labels": ["O"] + [f"{p}-{label}" for label in entities_tagger.LABELS for p in ("B", "I")],
        "params": {"c1": args.c1, "c2": args.c2, "max_iterations": args.max_iterations},
        "train": {"documents": len(split["train"]), "sequences": len(xs), "tokens": sum(map(len, xs))},
        "dev": {"documents": len(split["dev"]), "entity_f1": dev},
        "data_sha256": data_hash(split["train"]),
        "versions": {"python": platform.python_version(), **{
            pkg: metadata.version(pkg) for pkg in ("underthesea", "underthesea_core")}},
        "trained_seconds": round(time.time() - started, 1),
    }
    (OUT / "meta.json").write_text(json.dumps(meta, ensure_ascii=False, indent=1), encoding="utf-8")
    shutil.copy(OUT / "meta.json", SHIPPED / "meta.json")
    print(json.dumps(meta["dev"], indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
