"""The entity CRF: its features and decoding, the shipped model and how the stage uses it."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from pipeline import entities, entities_tagger
from pipeline.document import Doc
from pipeline.entities_rules import scan
from pipeline.gazetteer import tokenize
from pipeline.tables import load

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "models"))
import train_tagger  # noqa: E402

needs_model = pytest.mark.skipif(entities_tagger.model_path() is None, reason="no trained model shipped")


@pytest.mark.parametrize(
    ("tags", "spans"),
    [
        (["O", "B-ORG", "I-ORG", "O"], [("ORG", 1, 3)]),
        (["B-PER", "B-PER"], [("PER", 0, 1), ("PER", 1, 2)]),
        (["B-LOC", "I-ORG"], [("LOC", 0, 1), ("ORG", 1, 2)]),  # a label change starts anew
        (["I-ORG", "O", "I-ORG"], [("ORG", 0, 1), ("ORG", 2, 3)]),  # a stray I- opens a mention
        ([], []),
        (["O", "O"], []),
    ],
)
def test_decode(tags, spans):
    assert entities_tagger.decode(tags) == spans


def test_features_one_list_per_token_with_context():
    toks = tokenize("Giao Sở Nội vụ tỉnh Kon Tum")
    feats = entities_tagger.features(toks)
    assert len(feats) == len(toks)
    assert "w=sở" in feats[1] and "head" in feats[1] and "w-1=giao" in feats[1]
    assert "level" in feats[4] and "province" in feats[5]
    assert "edge-1" in feats[0] and "edge1" in feats[-1]
    assert entities_tagger.features([]) == []


@pytest.mark.parametrize(
    ("text", "gold", "tags"),
    [
        ("báo cáo Sở Nội vụ tỉnh", [{"label": "ORG", "text": "Sở Nội vụ"}], ["O", "O", "B-ORG", "I-ORG", "I-ORG", "O"]),
        ("UBND tỉnh Khánh Hoà", [{"label": "ORG", "text": "UBND tỉnh Khánh Hòa"}, {"label": "LOC", "text": "tỉnh Khánh Hòa"}],
         ["B-ORG", "I-ORG", "I-ORG", "I-ORG"]),  # the longer mention wins, old tones match new
        ("Giám đốc ký", [{"label": "POSITION", "text": "Giám đốc"}], ["O", "O", "O"]),  # not a tagger label
    ],
)
def test_projection_of_gold_strings(text, gold, tags):
    assert train_tagger.project(tokenize(text), gold) == tags


def test_heads_flat_mirrors_heads():
    table = load("org_heads")
    assert table["heads_flat"] == [h["head"] for h in table["heads"]]


@needs_model
def test_shipped_model_has_its_meta():
    path = entities_tagger.model_path()
    assert path is not None
    meta = json.loads((path.parent / "meta.json").read_text(encoding="utf-8"))
    assert meta["versions"]["underthesea_core"] and len(meta["data_sha256"]) == 64
    dev = meta["dev"]["entity_f1"]
    assert set(dev) == {"rules", "model", "rules+model"}
    assert dev["model"]["entities.ORG"] > 0.8  # the CRF alone is a real tagger, not a stub
    assert (ROOT / "models" / "entities_crf" / "meta.json").exists()


@needs_model
def test_model_alone_tags_bodies_and_people():
    s = scan("Giao Cục Bảo vệ thực vật thuộc Bộ Nông nghiệp và Phát triển nông thôn hướng dẫn.\n"
             "KT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\n\nNguyễn Mạnh Khương")
    found = {(m.label, m.surface) for m in entities_tagger.tag_all(s)}
    assert ("ORG", "Cục Bảo vệ thực vật") in found
    assert ("PER", "Nguyễn Mạnh Khương") in found


@needs_model
def test_model_lengthens_a_rule_name_cut_short():
    doc = Doc.from_text("Giao Cục Bảo vệ thực vật thuộc Bộ Nông nghiệp và Phát triển nông thôn hướng dẫn.")
    entities.add(doc)
    orgs = {(e.text, e.source) for e in doc.record.entities if e.label == "ORG"}
    assert ("Cục Bảo vệ thực vật", "rule+model") in orgs


@needs_model
def test_model_never_lengthens_a_complete_name():
    doc = Doc.from_text("Giao Văn phòng Sở tổng hợp, báo cáo Sở Tài chính thẩm định.")
    entities.add(doc)
    assert [e.text for e in doc.record.entities if e.label == "ORG"] == ["Văn phòng Sở", "Sở Tài chính"]


def test_stage_runs_without_a_model(monkeypatch):
    monkeypatch.setattr(entities_tagger, "_tagger", lambda: None)
    doc = Doc.from_text("Giao Cục Bảo vệ thực vật thuộc Bộ Nông nghiệp và Phát triển nông thôn hướng dẫn.")
    entities.add(doc)
    assert [e.source for e in doc.record.entities if e.label == "ORG"] == ["rule", "rule"]


def test_candidate_lines_only_where_the_model_can_help():
    s = scan("Sở Nội vụ báo cáo.\nCục Bảo vệ thực vật hướng dẫn.\nÔng Ksor Phước Hà ký.")
    rule = entities.recognise(s)
    lines = entities_tagger.candidate_lines(s, rule)
    texts = [s.surface(a, b) for a, b in lines]
    assert "Sở Nội vụ báo cáo." not in texts
    assert any(t.startswith("Cục Bảo vệ") for t in texts)


def test_split_is_disjoint_and_annotated():
    split = train_tagger.load_split()
    assert not set(split["train"]) & set(split["dev"])
    assert len(split["train"]) + len(split["dev"]) >= 40
    for stem in split["train"] + split["dev"]:
        gold = json.loads((train_tagger.GOLD / f"{stem}.json").read_text(encoding="utf-8"))
        text = (train_tagger.GOLD / f"{stem}.txt").read_text(encoding="utf-8")
        assert gold["entity_labels"] == ["PER", "LOC", "ORG"]
        flat = " ".join(text.split()).casefold()
        for e in gold["entities"]:
            assert " ".join(e["text"].split()).casefold() in flat or (e["label"] == "ORG" and stem[:3].isdigit()), (stem, e)


def test_the_shipped_model_was_trained_on_the_data_in_data_gold():
    # The meta's hash is of what training reads (train texts and their entity lists): a change
    # to those without retraining (`models/train_tagger.py`) shows here.
    split = json.loads((ROOT / "data" / "split.json").read_text(encoding="utf-8"))
    for folder in (ROOT / "models" / "entities_crf", ROOT / "pipeline" / "models" / "entities_crf"):
        meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
        assert meta["data_sha256"] == train_tagger.data_hash(split["train"]), folder
    shipped = ROOT / "pipeline" / "models" / "entities_crf" / "model.bin"
    assert shipped.read_bytes() == (ROOT / "models" / "entities_crf" / "model.bin").read_bytes()
