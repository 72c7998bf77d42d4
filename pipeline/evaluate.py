"""Scoring records against gold annotations, field by field, as ``../shared/eval/score.py`` does.

``congvan eval --gold DIR --texts DIR`` extracts every ``<stem>.txt`` that has a gold
``<stem>.json`` and prints per-field scores in the layout of ``score.py``, whose numbers it must
reproduce exactly; :func:`score_records` scores predictions already in hand. The comparison
primitives live in :mod:`pipeline.scoring`; the tables below say which one each field uses.

>>> scores = score_records(
...     {"d": {"header": {"issuer": "Sở Tài nguyên và Môi trường", "number": "06"}}},
...     {"d": {"header": {"issuer": "SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG", "number": "6"}}})
>>> scores["header.issuer"], scores["header.number"]
(1.0, 1.0)
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipeline.errors import CongvanError
from pipeline.scoring import (
    Board,
    as_list,
    contains,
    greedy_pairs,
    norm,
    norm_date,
    norm_number,
    norm_symbol,
    options,
    same,
    token_f1,
    tokens,
)

# --- the rules, field by field ------------------------------------------------------------------

Rule = Callable[[Any, Any], bool]


def _relaxed(threshold: float | None) -> Rule:
    return lambda gold, got: same(gold, got, threshold)


def _same_number(gold: Any, got: Any) -> bool:
    """Numbers compare without leading zeros; a blank gold number wants a blank prediction."""
    return any(got in (None, "") if g is None else norm_number(g) == norm_number(got) for g in options(gold))


def _same_symbol(gold: Any, got: Any) -> bool:
    return any(norm_symbol(g) == norm_symbol(got) for g in options(gold))


def _same_date(gold: Any, got: Any) -> bool:
    return norm_date(gold) == norm_date(got)


HEADER_RULES: dict[str, Rule] = {
    "issuer": _relaxed(0.9), "issuer_parent": _relaxed(0.9), "doc_type": _relaxed(None),
    "number": _same_number, "symbol": _same_symbol, "place": _relaxed(None),
    "subject": _relaxed(0.9), "date": _same_date,
}
SIGNER_RULES: dict[str, Rule] = {"name": _relaxed(None), "position": _relaxed(None), "authority": _relaxed(None)}
REFERENCE_RULES: dict[str, Rule] = {"date": _same_date, "doc_type": _relaxed(None), "issuer": _relaxed(0.8)}


def _dig(record: Any, *keys: str) -> Any:
    """``record[k1][k2]…``, None where a level is missing or not an object."""
    for key in keys:
        if not isinstance(record, dict):
            return None
        record = record.get(key)
    return record


def _dicts(items: Any) -> list[dict[str, Any]]:
    return [x for x in as_list(items) if isinstance(x, dict)]


def score_header(board: Board, doc: str, gold: dict[str, Any], pred: dict[str, Any]) -> None:
    header = gold.get("header") or {}
    for key, rule in HEADER_RULES.items():
        if key in header:
            got = _dig(pred, "header", key)
            board.accuracy(f"header.{key}", rule(header[key], got), doc, header[key], got)
    if "recipients" in header:
        board.strings("header.recipients", doc, header["recipients"], _dig(pred, "header", "recipients"))


def score_footer(board: Board, doc: str, gold: dict[str, Any], pred: dict[str, Any]) -> None:
    signer = _dig(gold, "footer", "signer")
    for key, rule in SIGNER_RULES.items():
        if isinstance(signer, dict) and key in signer:
            got = _dig(pred, "footer", "signer", key)
            board.accuracy(f"footer.signer.{key}", rule(signer[key], got), doc, signer[key], got)
    if isinstance(gold.get("footer"), dict) and "distribution" in gold["footer"]:
        wanted = [d["name"] for d in as_list(gold["footer"]["distribution"])]
        names = [d.get("name") if isinstance(d, dict) else d for d in as_list(_dig(pred, "footer", "distribution"))]
        board.strings("footer.distribution", doc, wanted, names)


def _first_of_each(items: Iterable[Any], key: Callable[[Any], Any]) -> list[Any]:
    """The first item of each key, in order."""
    firsts: dict[Any, Any] = {}
    for item in items:
        firsts.setdefault(key(item), item)
    return list(firsts.values())


def _act_key(ref: dict[str, Any]) -> tuple[str, str]:
    return norm_number(ref.get("number")), norm_symbol(ref.get("symbol"))


def _act_name(ref: dict[str, Any]) -> str:
    return f"{ref.get('number')}/{ref.get('symbol')}"


def score_references(board: Board, doc: str, gold: dict[str, Any], pred: dict[str, Any]) -> None:
    """Distinct acts, matched on number and symbol; their date, type and issuer when paired."""
    wanted = _dicts(gold["references"])
    acts = _first_of_each(_dicts(pred.get("references")), _act_key)  # an act cited often counts once
    pairs = greedy_pairs(wanted, acts, lambda g, p: float(_act_key(g) == _act_key(p)))
    board.matched("references", doc, wanted, acts, pairs, _act_name)
    for gi, pi in pairs:
        for key, rule in REFERENCE_RULES.items():
            if key in wanted[gi]:
                g, got = wanted[gi][key], acts[pi].get(key)
                board.accuracy(f"references.{key}", rule(g, got), doc, g, got)


def score_cited(board: Board, doc: str, gold: dict[str, Any], pred: dict[str, Any]) -> None:
    """Legal bases listed by a third party: recall only."""
    keys = {_act_key(r) for r in _dicts(pred.get("references"))}
    for g in gold["references_cited"]:
        board.accuracy("references.cited_recall", _act_key(g) in keys, doc, _act_name(g), None)


def _section_path(section: dict[str, Any]) -> str:
    """Section paths compare without spaces and trailing label punctuation.

    >>> _section_path({"path": "II. 1. a)"})
    'ii.1.a'
    """
    return re.sub(r"\s+", "", norm(section.get("path"))).rstrip(".)")


def score_sections(board: Board, doc: str, gold: dict[str, Any], pred: dict[str, Any]) -> None:
    wanted, found = gold["sections"], _dicts(pred.get("sections"))
    pairs = greedy_pairs(wanted, found, lambda g, p: float(_section_path(g) == _section_path(p)))
    board.matched("sections", doc, wanted, found, pairs, lambda s: s.get("path"))
    for gi, pi in pairs:
        title = wanted[gi].get("title")
        if title:
            got = found[pi].get("title")
            board.accuracy("sections.title", same(title, got, 0.8), doc, title, got)


def _mention_fits(gold: Any, pred: Any) -> bool:
    return same(gold, pred, 0.75) or contains(gold, pred)


def _distinct_mentions(entities: Any, label: str) -> list[str]:
    texts = [e["text"] for e in _dicts(entities) if e.get("label") == label and norm(e.get("text"))]
    return _first_of_each(texts, norm)


def score_entities(board: Board, doc: str, gold: dict[str, Any], pred: dict[str, Any]) -> None:
    """Per label, a bag of mentions: a shorter or longer mention of a gold entity counts."""
    labels = gold.get("entity_labels") or sorted({e["label"] for e in gold["entities"]})
    for label in labels:
        wanted = [e["text"] for e in gold["entities"] if e["label"] == label]
        mentions = _distinct_mentions(pred.get("entities"), label)
        missed = [g for g in wanted if not any(_mention_fits(g, p) for p in mentions)]
        extra = [p for p in mentions if not any(_mention_fits(g, p) for g in wanted)]
        tally = board.get(f"entities.{label}", "prf")
        tally.n_gold += len(wanted)
        tally.n_pred += len(mentions)
        tally.found += len(wanted) - len(missed)
        tally.right += len(mentions) - len(extra)
        tally.misses += [f"{doc}: missed {g!r}" for g in missed] + [f"{doc}: extra {p!r}" for p in extra]


def score_campaigns(board: Board, doc: str, gold: dict[str, Any], pred: dict[str, Any]) -> None:
    def fits(g: dict[str, Any], p: dict[str, Any]) -> float:
        f1 = token_f1(g["name"], p.get("name"))
        return f1 if f1 >= 0.6 else 0.0

    wanted, found = gold["campaigns"], _dicts(pred.get("campaigns"))
    pairs = greedy_pairs(wanted, found, fits)
    board.matched("campaigns", doc, wanted, found, pairs, lambda c: c.get("name"))
    for gi, pi in pairs:
        for key in ("start", "end"):
            if key in wanted[gi]:
                g, got = wanted[gi][key], found[pi].get(key)
                board.accuracy(f"campaigns.{key}", _same_date(g, got), doc, g, got)


def score_themes(board: Board, doc: str, gold: dict[str, Any], pred: dict[str, Any]) -> None:
    """Themes stand alone or sit on a campaign; each distinct one counts once."""
    texts = [t.get("text") if isinstance(t, dict) else t for t in as_list(pred.get("themes"))]
    texts += [c.get("theme") for c in _dicts(pred.get("campaigns"))]
    board.strings("themes", doc, gold["themes"], _first_of_each([t for t in texts if norm(t)], norm))


def _bag_cover(gold_tokens: list[str], pred_tokens: list[str]) -> float:
    """Share of the gold tokens found in the prediction's bag."""
    return sum((Counter(gold_tokens) & Counter(pred_tokens)).values()) / len(gold_tokens)


def task_fit(gold: dict[str, Any], pred: dict[str, Any]) -> float:
    """How well a predicted task pairs with a gold one; 0 when they may not pair.

    They must share an assignee (or both have none); then the action's token F1 counts from 0.5,
    or half the cover when the prediction carries the whole item around the gold action.
    """
    wanted, got = as_list(gold.get("assignees")), as_list(pred.get("assignees"))
    if not (any(same(a, b, 0.8) for a in wanted for b in got) or (not wanted and not got)):
        return 0.0
    f1 = token_f1(gold["action"], pred.get("action"))
    if f1 >= 0.5:
        return f1
    gold_tokens, pred_tokens = tokens(gold["action"]), tokens(pred.get("action"))
    if not gold_tokens:
        return 0.0
    cover = _bag_cover(gold_tokens, pred_tokens)
    return 0.5 * cover if cover >= 0.8 and len(pred_tokens) <= 4 * len(gold_tokens) else 0.0


def score_tasks(board: Board, doc: str, gold: dict[str, Any], pred: dict[str, Any]) -> None:
    wanted, found = gold["tasks"], _dicts(pred.get("tasks"))
    pairs = greedy_pairs(wanted, found, task_fit)
    board.matched("tasks", doc, wanted, found, pairs, lambda t: str(t.get("action"))[:80])
    for gi, pi in pairs:
        board.strings("tasks.assignees", doc, wanted[gi].get("assignees"), found[pi].get("assignees"))
        if "coordinators" in wanted[gi]:
            board.strings("tasks.coordinators", doc, wanted[gi]["coordinators"], found[pi].get("coordinators"))


BODY_RULES: dict[str, Callable[[Board, str, dict[str, Any], dict[str, Any]], None]] = {
    "references": score_references, "references_cited": score_cited, "sections": score_sections,
    "entities": score_entities, "campaigns": score_campaigns, "themes": score_themes, "tasks": score_tasks,
}


def score_document(board: Board, doc: str, gold: dict[str, Any], pred: dict[str, Any]) -> None:
    """Add one document's comparison to ``board``; a key the gold leaves out is not scored."""
    score_header(board, doc, gold, pred)
    score_footer(board, doc, gold, pred)
    for key, rule in BODY_RULES.items():
        if key in gold:
            rule(board, doc, gold, pred)


def score_records(golds: dict[str, dict[str, Any]], preds: dict[str, dict[str, Any]]) -> dict[str, float]:
    """Per-field scores of predictions (stem -> record dict) against golds (stem -> gold dict).

    A stem with no prediction scores as an empty record.
    """
    board = Board()
    for stem in sorted(golds):
        score_document(board, stem, golds[stem], preds.get(stem) or {})
    return board.scores()


# --- a folder of texts against a folder of golds -----------------------------------------------


def _objects(node: Any, where: str) -> Iterable[tuple[str, dict[str, Any]]]:
    """Every object in a record, outer first, with where it sits (``record.entities[3]``)."""
    if isinstance(node, dict):
        yield where, node
        for key, value in node.items():
            yield from _objects(value, f"{where}.{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _objects(value, f"{where}[{i}]")


def span_violations(record: dict[str, Any], text: str) -> list[str]:
    """Spans that leave ``text``, and entities whose span does not slice to their ``text``.

    >>> span_violations({"entities": [{"text": "Sở", "span": [0, 2]}, {"span": [3, 99]}]}, "Sở Nội vụ")
    ['record.entities[1]: span [3, 99] outside the text']
    """
    bad = []
    for where, node in _objects(record, "record"):
        span = node.get("span")
        if span is None:
            continue
        if not (isinstance(span, list) and len(span) == 2 and all(isinstance(x, int) for x in span)
                and 0 <= span[0] <= span[1] <= len(text)):
            bad.append(f"{where}: span {span!r} outside the text")
        elif isinstance(node.get("text"), str) and text[span[0] : span[1]] != node["text"]:
            bad.append(f"{where}: text[{span[0]}:{span[1]}] is {text[span[0] : span[1]]!r}, not {node['text']!r}")
    return bad


@dataclass
class Report:
    """What ``congvan eval`` prints: per-field scores, predictions missing, span violations."""

    board: Board = field(default_factory=Board)
    documents: int = 0
    missing: list[str] = field(default_factory=list)
    span_problems: list[str] = field(default_factory=list)
    span_checked: int = 0

    def scores(self) -> dict[str, float]:
        """Field -> score rounded to 4 places, as score.py reports and averages them."""
        return {name: round(value, 4) for name, value in self.board.scores().items()}

    def overall(self) -> float:
        scores = self.scores()
        return sum(scores.values()) / len(scores) if scores else 0.0

    def render(self, verbose: bool = False) -> str:
        out = [f"documents: {self.documents}   predictions missing or unreadable: {len(self.missing)}"]
        out += [f"  missing {m}" for m in self.missing]
        for name, tally in sorted(self.board.fields.items()):
            out.append(tally.line(name))
            out += [f"    {m}" for m in tally.misses] if verbose else []
        out.append(f"span violations: {len(self.span_problems)} in {self.span_checked} documents")
        out += [f"    {b}" for b in self.span_problems[: None if verbose else 5]]
        out.append(f"overall {self.overall():.3f} over {len(self.scores())} fields")
        return "\n".join(out)


def _load_gold(path: Path) -> dict[str, Any]:
    try:
        gold = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise CongvanError("E100", detail=f"{path}: {exc}") from exc
    if not isinstance(gold, dict):
        raise CongvanError("E100", detail=f"{path}: a gold file must hold a JSON object")
    return gold


def _predict(text_path: Path) -> tuple[dict[str, Any], str]:
    """The record the pipeline makes of one text (as JSON would carry it) and the text it read."""
    from pipeline.extract import extract_file  # the pipeline is only needed to evaluate folders
    from pipeline.readers import read_path

    if not text_path.is_file():
        raise CongvanError("E100", detail=f"no text {text_path}")
    record = extract_file(text_path)
    return json.loads(json.dumps(record.to_dict(), ensure_ascii=False)), read_path(text_path).text


def evaluate_folder(gold: Path, texts: Path) -> Report:
    """Extract ``texts/<stem>.txt`` for every ``gold/<stem>.json`` and score the records.

    A text that is missing or cannot be extracted scores as an empty record and is listed.
    """
    gold_paths = sorted(Path(gold).glob("*.json"))
    if not gold_paths:
        raise CongvanError("E120", detail=str(gold))
    report = Report(documents=len(gold_paths))
    for gold_path in gold_paths:
        stem = gold_path.stem
        try:
            pred, text = _predict(Path(texts) / f"{stem}.txt")
        except CongvanError as exc:
            report.missing.append(f"{stem}: {exc}")
            pred, text = {}, ""
        score_document(report.board, stem, _load_gold(gold_path), pred)
        if pred:
            report.span_checked += 1
            report.span_problems += [f"{stem}: {b}" for b in span_violations(pred, text)]
    return report
