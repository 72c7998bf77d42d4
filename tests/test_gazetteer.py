"""The data tables behind the entity rules, the accent fold and the token gazetteers."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.gazetteer import Gazetteer, phrase_keys, provinces, tokenize
from pipeline.normalize import fold, fold_key
from pipeline.tables import load

# --- provinces.json: the 2025 reorganisation (Nghị quyết 202/2025/QH15) ---------------------------

TABLE = load("provinces")
AFTER = {u["name"]: u for u in TABLE["after_2025"]}


def test_counts_before_and_after_2025():
    assert len(TABLE["before_2025"]) == 63
    assert len(AFTER) == 34
    assert sum(u["level"] == "thành phố" for u in TABLE["before_2025"]) == 5
    assert sum(u["level"] == "thành phố" for u in AFTER.values()) == 6


def test_every_old_unit_has_one_successor_that_lists_it():
    seen = []
    for unit in TABLE["before_2025"]:
        successor = AFTER[unit["successor"]]
        assert unit["name"] in successor["merged_from"]
        seen.append(unit["name"])
    assert len(seen) == len(set(seen))
    assert sorted(seen) == sorted(n for u in AFTER.values() for n in u["merged_from"])


@pytest.mark.parametrize(
    ("old", "successor"),
    [
        ("Kon Tum", "tỉnh Quảng Ngãi"),
        ("Sóc Trăng", "thành phố Cần Thơ"),
        ("Hậu Giang", "thành phố Cần Thơ"),
        ("Khánh Hòa", "tỉnh Khánh Hòa"),
        ("Ninh Thuận", "tỉnh Khánh Hòa"),
        ("Bình Dương", "thành phố Hồ Chí Minh"),
        ("Bà Rịa - Vũng Tàu", "thành phố Hồ Chí Minh"),
        ("Quảng Nam", "thành phố Đà Nẵng"),
        ("Hà Giang", "tỉnh Tuyên Quang"),
        ("Bắc Giang", "tỉnh Bắc Ninh"),
        ("Hải Dương", "thành phố Hải Phòng"),
        ("Đắk Nông", "tỉnh Lâm Đồng"),
        ("Kiên Giang", "tỉnh An Giang"),
        ("Thừa Thiên Huế", "thành phố Huế"),
        ("Hà Nội", None),
        ("Thanh Hóa", None),
    ],
)
def test_successor(old, successor):
    hit = provinces().longest(tokenize(old), 0)
    assert hit is not None and hit[0] == len(tokenize(old))
    assert hit[1].successor == successor


@pytest.mark.parametrize("alias", ["Bà Rịa – Vũng Tàu", "Bắc Cạn", "KON TUM", "Đắc Lắc", "TP.HCM"])
def test_aliases_and_spellings(alias):
    assert provinces().longest(tokenize(alias), 0) is not None


def test_table_examples_resolve():
    for text, level, successor_name in TABLE["examples"]:
        toks = tokenize(text)
        hits = [provinces().longest(toks, i) for i in range(len(toks))]
        names = [h[1].name for h in hits if h] + [h[1].successor or "" for h in hits if h]
        assert any(successor_name in name for name in names), text
        assert level in TABLE["level_words"].values()


# --- org_heads, org_abbreviations, positions, awards ----------------------------------------------


def test_org_head_examples_start_with_their_head():
    heads = Gazetteer({h["head"]: h["head"] for h in load("org_heads")["heads"]} | {
        s: s for s in load("org_heads")["standalone"]})
    for text, head in load("org_heads")["examples"]:
        hit = heads.longest(tokenize(text), 0)
        assert hit is not None and hit[1].startswith(head), text


def test_heads_have_known_complements():
    assert {h["complement"] for h in load("org_heads")["heads"]} <= {"domain", "name", "level", "none"}


def test_abbreviations_have_kinds_and_expansions():
    for key, entry in load("org_abbreviations")["entries"].items():
        assert entry["kind"] in {"org", "head", "part", "other"}, key
        assert entry["expansion"] and entry["expansion"] != key
    for required in ["UBND", "HĐND", "STNMT", "TN&MT", "TĐKT", "BCH", "BGĐ", "TW", "P.TN&MT", "TNCSHCM", "VP", "QLNN"]:
        assert required in load("org_abbreviations")["entries"]


@pytest.mark.parametrize("table,key", [("positions", "positions"), ("awards", "awards"), ("person_names", "surnames")])
def test_lists_have_no_duplicates_or_blanks(table, key):
    values = load(table)[key]
    assert all(v.strip() == v and v for v in values)
    assert len(values) == len(set(values))


# --- fold and tokens -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "folded"),
    [("Đắk Lắk", "dak lak"), ("KHÁNH HÒA", "khanh hoa"), ("Ủy ban nhân dân", "uy ban nhan dan"),
     ("Thừa Thiên Huế", "thua thien hue"), ("TN&MT", "tn&mt"), ("", "")],
)
def test_fold(text, folded):
    assert fold(text) == folded


@given(st.text())
def test_fold_keeps_length_and_is_idempotent(text):
    assert len(fold(text)) == len(text)
    assert fold(fold(text)) == fold(text)


@given(st.text())
def test_fold_key_is_squeezed(text):
    key = fold_key(text)
    assert "  " not in key and key == key.strip()


@given(st.text(alphabet=st.sampled_from(list("Sở Tài nguyên, TN&MT-19.\n ạđĐ")), max_size=60))
def test_tokens_slice_back_to_their_text(text):
    for t in tokenize(text):
        assert text[t.start : t.end] == t.text and t.text.strip() == t.text


def test_dashes_are_one_key():
    assert phrase_keys("Thi đua – Khen thưởng") == phrase_keys("Thi đua - Khen thưởng")


def test_gazetteer_prefers_the_longest_entry():
    g = Gazetteer({"Bộ": 1, "Bộ Chính trị": 2})
    assert g.longest(tokenize("Bộ Chính trị họp"), 0) == (3, 2)
    assert g.longest(tokenize("Bộ Công an"), 0) == (1, 1)
    assert g.longest(tokenize("Sở"), 0) is None
    assert "Bộ Chính trị" in g and "Bộ Công an" not in g
