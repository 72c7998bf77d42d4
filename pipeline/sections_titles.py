"""The title of a heading, when it has a short one of its own.

"I. MỤC ĐÍCH YÊU CẦU" and "1. Mục đích" are titles; "a) Khen thưởng cấp cơ sở: Giấy khen …"
has the title before its colon; "1. Triển khai thực hiện đảm bảo chất lượng … năm 2022." is an
item, not a heading, and has none.

>>> heading_title("roman", "MỤC ĐÍCH YÊU CẦU", False)
'MỤC ĐÍCH YÊU CẦU'
>>> heading_title("alpha", "Khen thưởng cấp cơ sở: Giấy khen của Giám đốc Sở.", False)
'Khen thưởng cấp cơ sở'
>>> heading_title("arabic", "Triển khai thực hiện đảm bảo chất lượng, hiệu quả các chỉ tiêu được giao.", False) is None
True
"""

from __future__ import annotations

from functools import cache

import regex

from pipeline.tables import load

_STRUCTURAL = ("phan", "chuong", "muc")  # their whole line is the title: "Chương I: NHỮNG QUY ĐỊNH CHUNG"
_ENDS_SENTENCE = regex.compile(r"(?:[.;!?…]|\./\.?)\s*$")  # "… thi hành Quyết định này./" too
_LEAD = regex.compile(r"^(?P<lead>[^:.;]{2,80}?)\s*:\s+\S")
_EDGES = " \t:;,.-–"
# A sentence that announces a list is not a title: "… có nhiệm vụ, quyền hạn sau đây:".
# So is one that ends on the word handing over the list: "Tặng thưởng Cờ thi đua của Chính phủ cho:".
_INTRO = regex.compile(r"(?i)(?:\bsau(?: đây)?|như sau|gồm|bao gồm|\bcho|\. .*)$")


@cache
def _limits() -> dict[str, int]:
    limits: dict[str, int] = load("section_patterns")["title"]
    return limits


def _words(text: str) -> int:
    return len(text.split())


def heading_title(kind: str, rest: str, markdown_heading: bool) -> str | None:
    """The title of a heading whose line reads ``rest`` after its label, or None.

    >>> heading_title("arabic", "Thủ trưởng các phòng, đơn vị thuộc Sở, Trưởng phòng Tài nguyên và"
    ...               " Môi trường các huyện, thị xã, thành phố:", True)[-9:]
    'thành phố'
    >>> heading_title("dieu", "Phạm vi điều chỉnh", False)
    'Phạm vi điều chỉnh'
    >>> heading_title("dieu", "Quyết định này có hiệu lực kể từ ngày ký.", False) is None
    True
    >>> heading_title("arabic", "", False) is None
    True
    """
    text = rest.strip()
    if not text:
        return None
    limits = _limits()
    whole = text.rstrip(_EDGES)
    if (markdown_heading or kind in _STRUCTURAL) and _words(whole) <= limits["max_words_heading"]:
        return whole or None
    # An article's name runs longer than an item's ("Điều 2. Vị trí, chức năng của Tòa án nhân dân"),
    # but "Điều 1. Ban hành kèm theo Quyết định này Quy chế …." is its content, not a name.
    most = limits["max_words_heading"] if kind == "dieu" else limits["max_words"]
    if not _ENDS_SENTENCE.search(text) and not text.endswith(":") and _words(whole) <= most:
        return whole or None
    if text.endswith(":") and _words(whole) <= limits["max_words_colon"] and not _INTRO.search(whole):
        return whole
    # "a) Khen thưởng cấp cơ sở: Giấy khen …" names the item before its colon; an article's text does
    # not: "Điều 3. Các ông, bà: Chánh Văn phòng Bộ, … chịu trách nhiệm thi hành Quyết định này."
    lead = _LEAD.match(text) if kind != "dieu" else None
    if lead and _words(lead.group("lead")) <= limits["max_words_lead"]:
        return lead.group("lead").strip(_EDGES)
    return None


def title_from_next_line(text: str) -> str | None:
    """A chapter's title printed on the line below it ("Chương I" / "QUY ĐỊNH CHUNG").

    >>> title_from_next_line("QUY ĐỊNH CHUNG"), title_from_next_line("Nghị định này quy định chi tiết một số điều.")
    ('QUY ĐỊNH CHUNG', None)
    """
    text = text.strip().rstrip(_EDGES)
    letters = [c for c in text if c.isalpha()]
    if not letters or _words(text) > _limits()["max_words"]:
        return None
    shouty = sum(c.isupper() for c in letters) > 0.7 * len(letters)
    return text if shouty else None
