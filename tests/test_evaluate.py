"""``congvan eval`` and :mod:`pipeline.evaluate` against the reference scorer ``score.py``.

Three layers: the command and ``score.py`` agree on the seeds' records (subprocess); the library
and ``score.py``'s own ``Scorer`` agree on gold files perturbed at random (hypothesis), which
exercises every matching rule with real content; and each rule on hand-made pairs.
"""

from __future__ import annotations

import copy
import importlib.util
import json
import random
import re
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.errors import CongvanError
from pipeline.evaluate import evaluate_folder, score_records, span_violations, task_fit
from pipeline.scoring import contains, greedy_pairs, norm, norm_date, norm_number, norm_symbol, same, token_f1
from tests.conftest import GOLD, ROOT, SEEDS, SHARED, needs_shared

SCORE_PY = SHARED / "eval" / "score.py"
CONGVAN = ROOT / ".venv" / "bin" / "congvan"
FIELD_LINE = re.compile(r"^(\S+)\s+(acc|F1 )\s+(.*)$")


def field_lines(output: str) -> dict[str, str]:
    """Field -> the rest of its line (score, P/R, counts) from a score.py-style report."""
    return {m.group(1): m.group(3) for line in output.splitlines() if (m := FIELD_LINE.match(line))}


def reference_scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("reference_score", SCORE_PY)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def golds() -> dict[str, dict[str, Any]]:
    return {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in sorted(GOLD.glob("*.json"))}


# --- the command against score.py on the seeds ---------------------------------------------------


@needs_shared
def test_eval_command_agrees_with_score_py_on_seeds(tmp_path: Path) -> None:
    preds = tmp_path / "pred"
    subprocess.run([str(CONGVAN), "extract", "-o", str(preds), *map(str, sorted(SEEDS.glob("*.txt")))],
                   check=True, capture_output=True)
    reference = subprocess.run(
        [sys.executable, str(SCORE_PY), "--gold", str(GOLD), "--pred", str(preds), "--texts", str(SEEDS),
         "--json", str(tmp_path / "ref.json")], check=True, capture_output=True, text=True).stdout
    ours = subprocess.run([str(CONGVAN), "eval", "--gold", str(GOLD), "--texts", str(SEEDS)],
                          check=True, capture_output=True, text=True).stdout
    assert field_lines(reference), reference
    assert field_lines(ours) == field_lines(reference)
    last = [line for line in reference.splitlines() if line.startswith(("span violations", "overall"))]
    assert [line for line in ours.splitlines() if line.startswith(("span violations", "overall"))] == last
    reported = json.loads((tmp_path / "ref.json").read_text(encoding="utf-8"))
    assert evaluate_folder(GOLD, SEEDS).scores() == reported["fields"]


# --- the library against score.py's Scorer on perturbed golds ------------------------------------

OLD_STYLE = {"òa": "oà", "óa": "oá", "ủy": "uỷ", "úy": "uý", "ỏa": "oả", "ọa": "oạ"}


def blur(text: Any, rng: random.Random) -> Any:
    """A string as a pipeline might return it: case, old tones, marks, a word lost or gained."""
    if not isinstance(text, str) or rng.random() < 0.3:
        return text
    words = text.split()
    roll = rng.random()
    if roll < 0.15:
        return text.upper()
    if roll < 0.3:
        for new, old in OLD_STYLE.items():
            text = text.replace(new, old)
        return text
    if roll < 0.45:
        return f"**{text}**;"
    if roll < 0.65 and len(words) > 2:
        del words[rng.randrange(len(words))]
        return " ".join(words)
    if roll < 0.8:
        return " ".join([*words, rng.choice(["tỉnh", "Sở", "năm 2022", "các"])])
    return rng.choice(["", "Như trên", "Ủy ban nhân dân", text[: len(text) // 2]])


def pick(value: Any, rng: random.Random) -> Any:
    """One of the gold's acceptable answers."""
    return rng.choice(value) if isinstance(value, list) and value else value


def shuffle_items(items: list[Any], rng: random.Random) -> list[Any]:
    """Drop, repeat and reorder list items."""
    kept = [copy.deepcopy(x) for x in items if rng.random() < 0.8]
    kept += [copy.deepcopy(x) for x in items if rng.random() < 0.15]
    rng.shuffle(kept)
    return kept


def perturb_number(value: Any, rng: random.Random) -> Any:
    value = pick(value, rng)
    roll = rng.random()
    if value and roll < 0.3:
        return "0" + str(value)
    return None if roll < 0.4 else value


def perturb_symbol(value: Any, rng: random.Random) -> Any:
    value = pick(value, rng)
    if value and rng.random() < 0.4:
        return rng.choice([value.replace("-", "."), value.replace("-", " - "), value.lower(), value + "X"])
    return value


def perturb_header(header: dict[str, Any], rng: random.Random) -> dict[str, Any]:
    out = {key: blur(pick(value, rng), rng) for key, value in header.items()
           if key not in ("date", "recipients", "number", "symbol")}
    out["number"] = perturb_number(header.get("number"), rng)
    out["symbol"] = perturb_symbol(header.get("symbol"), rng)
    date = dict(header.get("date") or {})
    if date and rng.random() < 0.3:
        date["day"] = rng.choice([None, 1, 30])
    out["date"] = date
    out["recipients"] = [blur(r, rng) for r in shuffle_items(header.get("recipients", []), rng)]
    return out


def perturb_items(items: list[dict[str, Any]], rng: random.Random, keys: tuple[str, ...]) -> list[dict[str, Any]]:
    out = []
    for item in shuffle_items(items, rng):
        for key in keys:
            if key in item:
                item[key] = blur(pick(item[key], rng), rng)
        if "number" in item:
            item["number"] = perturb_number(item["number"], rng)
            item["symbol"] = perturb_symbol(item.get("symbol"), rng)
        out.append(item)
    return out


def perturb(gold: dict[str, Any], rng: random.Random) -> dict[str, Any]:
    """A plausible prediction made from a gold file."""
    footer = gold.get("footer", {})
    signer = {k: blur(pick(v, rng), rng) for k, v in footer.get("signer", {}).items()}
    return {
        "header": perturb_header(gold.get("header", {}), rng),
        "footer": {"signer": signer,
                   "distribution": perturb_items(footer.get("distribution", []), rng, ("name",))},
        "references": perturb_items(gold.get("references", []), rng, ("doc_type", "issuer", "date")),
        "sections": perturb_items(gold.get("sections", []), rng, ("title",)),
        "entities": perturb_items(gold.get("entities", []), rng, ("text",)),
        "campaigns": perturb_items(gold.get("campaigns", []), rng, ("name", "theme")),
        "themes": [{"text": blur(t, rng)} for t in shuffle_items(gold.get("themes", []), rng)],
        "tasks": perturb_items(gold.get("tasks", []), rng, ("action",)),
    }


def reference_tallies(golds_: dict[str, Any], preds: dict[str, Any]) -> dict[str, tuple[Any, ...]]:
    scorer = reference_scorer().Scorer()
    for stem in sorted(golds_):
        scorer.document(stem, golds_[stem], preds.get(stem, {}))
    return {name: (t.score(), *t.pr()) for name, t in scorer.t.items()}


@needs_shared
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(0, 2**32 - 1))
def test_library_agrees_with_score_py_on_perturbed_golds(seed: int) -> None:
    rng = random.Random(seed)
    all_golds = golds()
    preds = {stem: perturb(g, rng) for stem, g in all_golds.items() if rng.random() < 0.9}
    expected = reference_tallies(all_golds, preds)
    report_scores = score_records(all_golds, preds)
    assert report_scores == {name: s for name, (s, _, _) in sorted(expected.items()) if s is not None}


def as_prediction(gold: dict[str, Any]) -> dict[str, Any]:
    """The gold itself as a record: each list of acceptable answers reduced to its first."""
    rng = random.Random(0)
    header = {k: v if k == "recipients" else pick(v, rng) for k, v in gold["header"].items()}
    references = [{k: pick(v, rng) for k, v in r.items()} for r in gold.get("references", [])]
    return {**gold, "header": header, "references": references}


@needs_shared
def test_perfect_predictions_score_one() -> None:
    preds = {stem: perturb(g, random.Random(0)) for stem, g in golds().items()}
    assert set(score_records(golds(), {stem: as_prediction(g) for stem, g in golds().items()}).values()) == {1.0}
    assert min(score_records(golds(), preds).values()) < 1.0


# --- each rule on hand-made pairs ----------------------------------------------------------------

NORM_CASES = [
    ("Khánh Hoà", "khánh hòa"),  # old tone placement
    ("UỶ BAN", "ủy ban"),  # old tone, upper case
    ("Khánh Hòa", "khánh hòa"),  # decomposed input composes
    ("  **Sở  Nội\nvụ**; ", "sở nội vụ"),  # marks, squeezed space, edge punctuation
    ("“Phong trào”.", "phong trào"),  # quotes
    ("V/v triển khai", "v/v triển khai"),  # inner slash kept
    (None, ""),
]


@pytest.mark.parametrize(("value", "expected"), NORM_CASES)
def test_norm(value: Any, expected: str) -> None:
    assert norm(value) == expected


@pytest.mark.parametrize(("gold", "pred", "relaxed", "expected"), [
    ("Sở Nội vụ", "SỞ NỘI VỤ", None, True),  # case
    (["Khánh Hòa", "Nha Trang"], "Nha Trang", None, True),  # one of several answers
    (None, "", None, True),  # blank agrees with blank
    (None, "Hà Nội", None, False),  # blank wants blank
    ("Sở Tài nguyên và Môi trường tỉnh Sóc Trăng", "Sở Tài nguyên và Môi trường Sóc Trăng", 0.9, True),  # F1 .94
    ("Sở Tài nguyên và Môi trường tỉnh Sóc Trăng", "Sở Tài nguyên và Môi trường", 0.9, False),  # F1 .8
    ("Sở Tài nguyên và Môi trường tỉnh Sóc Trăng", "Sở Tài nguyên và Môi trường", 0.8, True),
    ("Giám đốc", "Phó Giám đốc", None, False),  # exact only
])
def test_same(gold: Any, pred: Any, relaxed: float | None, expected: bool) -> None:
    assert same(gold, pred, relaxed) is expected


@pytest.mark.parametrize(("a", "b", "expected"), [
    ("Sở Nội vụ", "Sở Nội vụ", 1.0),
    ("Sở Nội vụ", "", 0.0),
    ("", "", 1.0),
    ("các các Sở", "các Sở", 0.8),  # a bag: a repeated token counts once per match
    ("Sở Nội vụ", "Sở Tài chính", 1 / 3),
])
def test_token_f1(a: str, b: str, expected: float) -> None:
    assert token_f1(a, b) == pytest.approx(expected)


@pytest.mark.parametrize(("a", "b", "expected"), [
    ("06", "6", True), ("006", "6", True), ("0", "0", True), ("48", "480", False), (None, "", True),
])
def test_numbers_ignore_leading_zeros(a: Any, b: Any, expected: bool) -> None:
    assert (norm_number(a) == norm_number(b)) is expected


@pytest.mark.parametrize(("a", "b", "expected"), [
    ("NĐ-CP", "NĐCP", True),  # hyphen lost
    ("NĐ-CP", "NĐ.CP", True),  # dot for hyphen
    ("KH - UBND", "KH-UBND", True),  # spaces
    ("kh-ubnd", "KH-UBND", True),  # case
    ("QĐ-UBND", "QD-UBND", False),  # đ is a letter of its own
    ("CT/TW", "CT-TW", False),  # the slash counts
])
def test_symbols_ignore_dots_hyphens_spaces(a: str, b: str, expected: bool) -> None:
    assert (norm_symbol(a) == norm_symbol(b)) is expected


@pytest.mark.parametrize(("value", "expected"), [
    ("2022-03-30", (2022, 3, 30)), ("2022-3", (2022, 3, None)), ("2022", (2022, None, None)),
    ({"year": 2021, "month": 9, "day": None}, (2021, 9, None)), ("", None), ({}, None),
    ("30/3/2022", ("?", "30/3/2022")),  # not ISO: never equals an ISO date
])
def test_norm_date(value: Any, expected: Any) -> None:
    assert norm_date(value) == expected


@pytest.mark.parametrize(("a", "b", "expected"), [
    ("UBND tỉnh Sóc Trăng", "tỉnh Sóc Trăng", True),  # shorter mention inside
    ("Sở Nội vụ", "Giám đốc Sở Nội vụ tỉnh", True),  # longer mention around
    ("Sở", "Sở Nội vụ", False),  # one token is too short to count
    ("Sở Nội vụ", "vụ Nội Sở", False),  # order matters
])
def test_contains(a: str, b: str, expected: bool) -> None:
    assert contains(a, b) is expected


def test_greedy_pairs_best_first_one_to_one() -> None:
    fits = {("a", "ab"): 0.9, ("a", "a"): 1.0, ("b", "ab"): 0.8}
    pairs = greedy_pairs(["a", "b"], ["ab", "a"], lambda g, p: fits.get((g, p), 0.0))
    assert sorted(pairs) == [(0, 1), (1, 0)]  # "a" takes its exact match, "b" the leftover


def test_references_scored_once_per_act() -> None:
    gold = {"d": {"references": [{"number": "06", "symbol": "KH-STNMT", "date": "2022-01-28"}]}}
    cited = {"number": "6", "symbol": "KH.STNMT", "date": "2022-01-28"}
    scores = score_records(gold, {"d": {"references": [cited, dict(cited), {"number": "48", "symbol": "KH-UBND"}]}})
    assert scores["references"] == pytest.approx(2 * 0.5 * 1 / 1.5)  # P 1/2 (two distinct acts), R 1
    assert scores["references.date"] == 1.0


def test_entities_are_a_bag_of_mentions() -> None:
    gold = {"d": {"entity_labels": ["ORG", "PER"], "entities": [
        {"label": "ORG", "text": "UBND tỉnh Khánh Hòa"}, {"label": "ORG", "text": "Sở Nội vụ"}]}}
    pred = {"d": {"entities": [
        {"label": "ORG", "text": "Ủy ban nhân dân"},  # no match
        {"label": "ORG", "text": "UBND tỉnh Khánh Hoà"},  # old tone
        {"label": "ORG", "text": "UBND TỈNH KHÁNH HÒA"},  # same mention again: counted once
        {"label": "ORG", "text": "Giám đốc Sở Nội vụ"},  # contains the gold
        {"label": "PER", "text": "Nguyễn Văn Lộc"}]}}  # PER annotated as none
    scores = score_records(gold, pred)
    assert scores["entities.ORG"] == pytest.approx(2 * (2 / 3) / (2 / 3 + 1))
    assert scores["entities.PER"] == 0.0


@pytest.mark.parametrize(("gold", "pred", "pairs"), [
    ({"action": "báo cáo kết quả về Sở Nội vụ", "assignees": ["Văn phòng Sở"]},
     {"action": "báo cáo kết quả về Sở Nội vụ trước ngày 15/12", "assignees": ["VĂN PHÒNG SỞ"]}, True),
    ({"action": "báo cáo kết quả về Sở Nội vụ", "assignees": ["Văn phòng Sở"]},
     {"action": "báo cáo kết quả về Sở Nội vụ", "assignees": ["Thanh tra Sở"]}, False),  # wrong doer
    ({"action": "báo cáo kết quả", "assignees": []},
     {"action": "Giao các phòng chuyên môn tổ chức báo cáo kết quả thực hiện", "assignees": []}, True),  # covers
    ({"action": "báo cáo kết quả", "assignees": []},
     {"action": "tổ chức tuyên truyền sâu rộng", "assignees": []}, False),
])
def test_task_fit(gold: dict[str, Any], pred: dict[str, Any], pairs: bool) -> None:
    assert (task_fit(gold, pred) > 0) is pairs


def test_span_violations() -> None:
    text = "Kính gửi: Sở Nội vụ"
    record = {"entities": [{"label": "ORG", "text": "Sở Nội vụ", "span": [10, 19]},
                           {"label": "ORG", "text": "Sở Nội", "span": [10, 19]}],
              "tasks": [{"span": [5, 40]}, {"span": [3, 2]}, {"span": None}]}
    assert [v.split(":")[0] for v in span_violations(record, text)] == [
        "record.entities[1]", "record.tasks[0]", "record.tasks[1]"]


def test_missing_gold_folder_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(CongvanError, match="E120"):
        evaluate_folder(tmp_path, tmp_path)


def test_missing_text_scores_as_empty_record(tmp_path: Path) -> None:
    (tmp_path / "x.json").write_text(json.dumps({"header": {"number": "48"}}), encoding="utf-8")
    report = evaluate_folder(tmp_path, tmp_path)
    assert report.missing and report.missing[0].startswith("x:")
    assert report.scores() == {"header.number": 0.0}
    assert "predictions missing or unreadable: 1" in report.render()
