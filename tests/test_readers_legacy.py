"""TCVN3 and VNI: the conversion tables as data, round trips over the seeds, detection."""

from __future__ import annotations

import unicodedata

import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st

from pipeline.errors import CongvanError
from pipeline.readers import read_bytes
from pipeline.readers.legacy import (
    DECODERS,
    ENCODERS,
    decode_tcvn3,
    decode_vni,
    detect,
    legacy_name,
    to_unicode,
)
from pipeline.readers.plain import decode
from pipeline.readers.syllables import count_syllables, is_syllable
from pipeline.tables import load
from tests.conftest import needs_shared, seed_paths
from tests.fixtures.builders import legacy_bytes

VIETNAMESE_LOWER = "àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ"
SEEDS = [pytest.param(p, id=p.stem) for p in seed_paths()]


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


# --- the tables --------------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["tcvn3", "vni"])
def test_table_examples_decode(name):
    table = load(name)
    assert table["examples"], "a table without examples polices nothing"
    for legacy, unicode in table["examples"]:
        assert DECODERS[name](legacy) == unicode


def test_tcvn3_table_is_one_to_one_and_covers_the_alphabet():
    mapping = load("tcvn3")["map"]
    assert all(len(k) == 1 and len(v) == 1 for k, v in mapping.items())
    assert len(set(mapping.values())) == len(mapping), "two codes for one letter"
    assert set(mapping.values()) == set(VIETNAMESE_LOWER) | set("ĂÂĐÊÔƠƯ")
    # Codes live in the upper half of cp1252 (0xA1-0xFE), where cp1252 and latin-1 agree.
    assert all(0xA1 <= ord(k) <= 0xFE for k in mapping)


def test_vni_table_is_one_to_one_and_covers_the_alphabet():
    data = load("vni")
    lower = {**data["pairs"], **data["singles"]}
    assert len(set(lower.values())) == len(lower), "two codes for one letter"
    assert set(lower.values()) == set(VIETNAMESE_LOWER)
    assert all(all(0xA1 <= ord(c) <= 0xFE or c.isascii() for c in k) for k in lower)
    assert all(v == nfc(v) for v in lower.values())


# --- round trips -------------------------------------------------------------------------------

@needs_shared
@pytest.mark.parametrize("path", SEEDS)
def test_vni_round_trip_of_seeds(path):
    original = nfc(path.read_text(encoding="utf-8"))
    assert to_unicode(ENCODERS["vni"](original), "vni") == original


# VN3 has no code for a capital with a tone. Before another vowel the typist moved the tone onto
# it ("Uỷ ban", old-style placement); elsewhere used the lower-case code in an H font, which a
# word in capitals or a sentence start gives back and a word inside a sentence cannot.
_MOVED_TONE = regex.compile(r"(?<!\p{L})([ÁÀẢÃẠẮẰẲẴẶẤẦẨẪẬÉÈẺẼẸẾỀỂỄỆÍÌỈĨỊÓÒỎÕỌỐỒỔỖỘỚỜỞỠỢÚÙỦŨỤỨỪỬỮỰÝỲỶỸỴ])"
                         r"([aeiouyăâêôơư])")
_LOST_CAPITAL = regex.compile(r"(?<![.!?:]\s|^[\s\-+•*\d.)(\"“'‘]*)(?<=\s)([ÁÀẢÃẠẮẰẲẴẶẤẦẨẪẬÉÈẺẼẸẾỀỂỄỆÍÌỈĨỊ"
                              r"ÓÒỎÕỌỐỒỔỖỘỚỜỞỠỢÚÙỦŨỤỨỪỬỮỰÝỲỶỸỴ])(?!\p{Lu})", regex.MULTILINE)


def tcvn3_visible(text: str) -> str:
    """What a TCVN3 file can carry of a text: "Ủy" becomes "Uỷ", other mid-sentence toned capitals
    become lower case."""

    def move(m: regex.Match[str]) -> str:
        capital, vowel = unicodedata.normalize("NFD", m.group(1)), m.group(2)
        tone = next(c for c in capital if c in "\u0300\u0301\u0303\u0309\u0323")
        return unicodedata.normalize("NFC", capital.replace(tone, "")) + unicodedata.normalize("NFC", vowel + tone)

    return _LOST_CAPITAL.sub(lambda m: m.group(1).lower(), _MOVED_TONE.sub(move, text))


@needs_shared
@pytest.mark.parametrize("path", SEEDS)
def test_tcvn3_round_trip_of_seeds(path):
    original = nfc(path.read_text(encoding="utf-8"))
    assert to_unicode(ENCODERS["tcvn3"](original), "tcvn3") == tcvn3_visible(original)


def test_tcvn3_loses_only_mid_sentence_capitals():
    text = "Ủy ban nhân dân tỉnh. Ấp Bắc; CỘNG HÒA XÃ HỘI; Sở làm theo Ý kiến của Ủy ban"
    assert tcvn3_visible(text) == "Uỷ ban nhân dân tỉnh. Ấp Bắc; CỘNG HÒA XÃ HỘI; Sở làm theo ý kiến của Uỷ ban"
    assert to_unicode(ENCODERS["tcvn3"](text), "tcvn3") == tcvn3_visible(text)


@needs_shared
@pytest.mark.parametrize("encoding", ["tcvn3", "vni"])
@pytest.mark.parametrize("as_utf8", [False, True], ids=["cp1252-bytes", "utf8-mojibake"])
@pytest.mark.parametrize("path", SEEDS)
def test_legacy_seed_files_are_detected_and_decoded(path, encoding, as_utf8):
    original = nfc(path.read_text(encoding="utf-8"))
    read = read_bytes(legacy_bytes(original, encoding, as_utf8), path.name)
    assert read.encoding == encoding
    assert any("legacy" in w for w in read.warnings)
    expected = tcvn3_visible(original) if encoding == "tcvn3" else original
    assert read.text == expected


vietnamese_text = st.text(alphabet=VIETNAMESE_LOWER + VIETNAMESE_LOWER.upper() + "abcdeghiklmnopqrstuvxy .,:;\n-/0123456789",
                          max_size=200)


@given(vietnamese_text)
def test_vni_round_trip_of_any_text(text):
    assert decode_vni(ENCODERS["vni"](text)) == text


@given(vietnamese_text)
def test_tcvn3_round_trip_ignoring_case(text):
    # Capitals may come back lower case or vice versa (the case heuristics); letters never change.
    assert decode_tcvn3(ENCODERS["tcvn3"](text)).lower() == tcvn3_visible(text).lower()


# --- detection ---------------------------------------------------------------------------------

DETECT_CASES = [
    ("Céng hoµ x· héi chñ nghÜa ViÖt Nam\n§éc lËp - Tù do - H¹nh phóc", "tcvn3"),
    ("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam\nÑoäc laäp - Töï do - Haïnh phuùc", "vni"),
    ("Cộng hòa xã hội chủ nghĩa Việt Nam\nĐộc lập - Tự do - Hạnh phúc", None),
    # Unicode text with a few Latin-1 symbols is not legacy text.
    ("Nhiệt độ 25°C, diện tích 1,5 m², tỷ lệ ½ — Mục § 3 «trích» ×2", None),
    ("Kế hoạch số 48/KH-UBND", None),  # nothing to judge by
    ("Café crème brûlée à la française, señor, naïve coöperation", None),  # not Vietnamese at all
]


@pytest.mark.parametrize(("text", "expected"), DETECT_CASES)
def test_detect(text, expected):
    assert detect(text) == expected


def test_mixed_document_converts_only_its_legacy_lines():
    text = "Sở Tài nguyên và Môi trường\nKÕ ho¹ch thi ®ua n¨m 2022\nKính gửi: Các phòng\nCéng hoµ x· héi"
    assert to_unicode(text, "tcvn3") == (
        "Sở Tài nguyên và Môi trường\nKế hoạch thi đua năm 2022\nKính gửi: Các phòng\nCộng hoà xã hội")


@pytest.mark.parametrize(("value", "expected"), [
    ("tcvn3", "tcvn3"), ("ABC", "tcvn3"), ("TCVN", "tcvn3"), ("vni", "vni"), ("VNI-Windows", "vni"),
    ("vni_win", "vni"), ("utf-8", None), ("cp1258", None), ("auto", None),
])
def test_legacy_name(value, expected):
    assert legacy_name(value) == expected


def test_explicit_encoding_forces_conversion_of_short_text():
    # Too short for detection to be sure, but the user said so.
    data = "Sè 12".encode("cp1252")
    assert decode(data, "auto") == ("Sè 12", "cp1258")
    assert decode(data, "tcvn3") == ("Số 12", "tcvn3")
    assert decode("Soá 12".encode(), "VNI") == ("Số 12", "vni")


def test_unknown_encoding_is_e103():
    with pytest.raises(CongvanError) as err:
        decode(b"abc", "klingon-8")
    assert err.value.code == "E103"


SYLLABLE_CASES = [
    ("nghiêng", True), ("khuya", True), ("quyết", True), ("gìn", True), ("Trường", True),
    ("ĐỘC", True), ("hoà", True), ("hòa", True), ("thuở", True),
    ("héi", False), ("céng", False), ("hoøa", False), ("chuû", False), ("ngé", False),
    ("hoáà", False),  # two tones
    ("µn", False), ("COVID", False),
]


@pytest.mark.parametrize(("word", "expected"), SYLLABLE_CASES)
def test_is_syllable(word, expected):
    assert is_syllable(word) is expected


def test_count_syllables_skips_ascii_words():
    assert count_syllables("UBND tỉnh Kon Tum COVID-19 héi") == (1, 2)
