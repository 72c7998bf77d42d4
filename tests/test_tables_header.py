"""The data tables of the header and footer stages police themselves: examples hold, keys are unique."""

from __future__ import annotations

import pytest

from pipeline.footer import expand_purpose
from pipeline.header_fields import (
    is_issuer_line,
    is_preamble_authority,
    issuer_from_symbol,
    recase_position,
    type_code,
    type_from_symbol,
)
from pipeline.tables import load

DOC_TYPES = load("doc_types")
ISSUERS = load("issuers")
SIGNER = load("signer")
PURPOSES = load("purposes")


@pytest.mark.parametrize(("symbol", "expected"), DOC_TYPES["examples"])
def test_doc_type_examples(symbol: str, expected: str | None) -> None:
    assert type_from_symbol(symbol) == expected


def test_doc_type_names_codes_and_titles_are_unique() -> None:
    names = [t["name"] for t in DOC_TYPES["types"]]
    codes = [c for t in DOC_TYPES["types"] for c in t["codes"]]
    titles = [title for t in DOC_TYPES["types"] for title in t["title"]]
    assert len(names) == len(set(names))
    assert len(codes) == len(set(codes))
    assert len(titles) == len(set(titles))
    assert all(title == title.upper() for title in titles)
    assert DOC_TYPES["dispatch_type"] in names and DOC_TYPES["campaign_type"] in names


def test_doc_type_codes_read_back() -> None:
    for t in DOC_TYPES["types"]:
        for code in t["codes"]:
            assert type_code(f"{code}-UBND") == code
            assert type_from_symbol(f"2020/{code}-CP") == t["name"]


def test_ocr_folds_point_at_real_codes() -> None:
    codes = {c for t in DOC_TYPES["types"] for c in t["codes"]}
    assert set(DOC_TYPES["ocr_folds"].values()) <= codes
    assert not set(DOC_TYPES["ocr_folds"]) & codes  # "HD" is Hướng dẫn, never a fold of HĐ


def test_issuer_of_type_only_where_the_law_fixes_it() -> None:
    fixed = {t["name"]: t["issuer"] for t in DOC_TYPES["types"] if "issuer" in t}
    assert fixed == {"Hiến pháp": "Quốc hội", "Bộ luật": "Quốc hội", "Luật": "Quốc hội",
                     "Pháp lệnh": "Ủy ban Thường vụ Quốc hội", "Lệnh": "Chủ tịch nước", "Nghị định": "Chính phủ"}


@pytest.mark.parametrize(("symbol", "expected"), ISSUERS["examples"])
def test_issuer_examples(symbol: str, expected: str) -> None:
    assert issuer_from_symbol(symbol) == expected


def test_issuer_codes_do_not_collide_with_type_codes() -> None:
    type_codes = {c for t in DOC_TYPES["types"] for c in t["codes"]}
    assert not set(ISSUERS["codes"]) & type_codes


def test_issuer_table_shapes() -> None:
    for code, name in ISSUERS["codes"].items():
        assert " " not in code and name[:1].isupper(), code
    for abbreviation in ISSUERS["abbreviations"]:
        assert " " not in abbreviation
    for head in ISSUERS["heads"]:
        assert head == head.upper()
        assert is_issuer_line(head + " TỈNH KON TUM")


@pytest.mark.parametrize(("upper", "cased"), SIGNER["examples"])
def test_signer_examples(upper: str, cased: str) -> None:
    assert recase_position(upper) == cased


def test_signer_table_shapes() -> None:
    assert set(SIGNER["authorities"]) == {"TM", "KT", "TL", "TUQ", "Q"}
    positions = SIGNER["positions"]
    assert len(positions) == len(set(positions))
    assert all(p[:1].isupper() for p in positions)


@pytest.mark.parametrize(("raw", "expected"), PURPOSES["examples"])
def test_purpose_examples(raw: str, expected: str | None) -> None:
    assert expand_purpose(raw) == expected


def test_purpose_keys_are_lower_case_and_values_full_words() -> None:
    for key, value in PURPOSES["purposes"].items():
        assert key == key.casefold()
        assert "/" not in value and value == value.casefold()


@pytest.mark.parametrize(("line", "expected"), DOC_TYPES["preamble_examples"])
def test_preamble_examples(line: str, expected: bool) -> None:
    assert is_preamble_authority(line) is expected
