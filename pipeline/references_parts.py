"""What follows a cited number: its date, "của <issuer>", "về việc <title>" — each read from a
position and returning where it stopped, so the citation's span covers what was read.

>>> text = "48/KH-UBND ngày 30/3/2022 của Chủ tịch UBND tỉnh Sóc Trăng về việc Phát động thi đua;"
>>> date, pos = read_date(text, 10); date
'2022-03-30'
>>> issuer, pos = read_issuer(text, pos); issuer
'Chủ tịch UBND tỉnh Sóc Trăng'
>>> read_title(text, pos)
'Phát động thi đua'
"""

from __future__ import annotations

import regex

from pipeline.dates import parse_date
from pipeline.references_grammar import issuer_stop, title_start, type_pattern

_LINK_TAIL = r"\]?(?:\([^)\s]*\))?"  # "[43/2019/QH14](/van-ban/...)" left by web pages
_DATE = regex.compile(
    _LINK_TAIL + r"""\s*,?\s*(?:(?P<open>\()?(?:được\s+)?(?:ban\s+hành|ký)\s+)?(?:[Nn]gày|NGÀY)\s*
    (?:
        (?P<d>\d{1,2})\s*(?P<sep>[/.\-])\s*(?P<m>\d{1,2})\s*(?P=sep)\s*(?P<y>\d{4})
      | (?P<d2>\d{1,2})\s+(?:tháng|THÁNG)\s+(?P<m2>\d{1,2})\s*(?:năm|NĂM|,)\s*(?P<y2>\d{4})
    )(?!\d)(?(open)\)?)""",  # "(ban hành ngày …)" closes; "(Tờ trình số … ngày 25/3/2008)" is the caller's
    regex.VERBOSE,
)
_ISSUER_LEAD = regex.compile(_LINK_TAIL + r"\s*,?\s*(?:của|do|CỦA)\s+(?=\p{Lu})")
_AND_CAPITAL = regex.compile(r"(?:\svà|,|\s[-–])\s+(?=\p{Lu})")
_MAX_ISSUER_WORDS = 24  # "Ban Chỉ đạo Phong trào Toàn dân đoàn kết xây dựng đời sống văn hóa và …"
# A head that wants its body after it: a line break there does not end the issuer
# ("của Chánh Văn phòng⏎Ủy ban nhân dân tỉnh").
_DANGLING_HEAD = regex.compile(r"(?:Văn phòng|Chủ tịch|Giám đốc|Thủ trưởng|Trưởng [Bb]an|Bộ trưởng)\s*\n(?=\s*\p{Lu})")
# After a comma, a provincial body starts the sentence's own subject, not a second issuer:
# "của Hội đồng Thi đua - Khen thưởng Trung ương, Ủy ban nhân dân tỉnh Nghệ An ban hành …".
_NEW_SUBJECT = regex.compile(r",\s+(?:Ủy ban nhân dân|Uỷ ban nhân dân|UBND|Sở|Chủ tịch)\s")
# "Sở Giáo dục và Đào tạo đã ban hành Công văn số …": the issuer is the subject before the type.
_BODY_HEAD = regex.compile(r"(?<![\p{L}])(?:Ủy ban|Uỷ ban|UBND|Sở|Bộ|Ban|Hội đồng|Chính phủ|Thủ tướng|Văn phòng|Chủ tịch)\s")
_ISSUED_BY_SUBJECT = regex.compile(r"[^,;.\n]{0,90}?\s(?:đã\s+)?ban hành\s+$")
_MAX_TITLE = 300
_TITLE_END = regex.compile(r"[;\n]|\.(?:\s|$)|[”\"](?=[\s,.;)]|$)|\s[-–]\s+(?=\p{Lu})")
_QUOTED = regex.compile(r"[“\"](?P<q>[^”\"\n]{2,300})[”\"]")
# "của Sở Nội vụ tại Văn bản số …", "Xét đề nghị của Chủ tịch UBND tỉnh Quảng Ninh (Tờ trình số …)",
# and the next proposer of such a list: "… ngày 25/3/2008) và Trưởng ban Ban Thi đua-Khen thưởng Trung ương (Tờ trình số …".
# The body may carry an aside in brackets: "của Sở Kế hoạch và Đầu tư (Thường trực Ban …) tại Tờ trình số …".
_ISSUER_BEFORE = regex.compile(r"(?:của|(?<=[\d)]\s{1,3})và)\s+(?P<who>\p{Lu}(?:(?!\scủa\s)[^,;.\n()]){1,90}?)"
                               r"(?:\s*\([^()]{1,90}\))?(?:\s+(?:tại|theo)\s+|\s*\(\s*)$")


def iso_date(day: int, month: int, year: int) -> str | None:
    """``2022-03-30``, or None when the parts cannot be a date (checked by :mod:`pipeline.dates`).

    >>> iso_date(30, 3, 2022), iso_date(31, 13, 2022)
    ('2022-03-30', None)
    """
    parts = parse_date(f"{day}/{month}/{year}")
    return parts.iso() if parts and parts.day else None


def read_date(text: str, pos: int) -> tuple[str | None, int]:
    """A date right at ``pos`` ("ngày 07 tháng 4 năm 2014", "ngày 01-10-1997"), and its end.

    >>> read_date(" ngày 07 tháng 4 năm 2014 của", 0)
    ('2014-04-07', 25)
    >>> read_date(" của Bộ", 0)
    (None, 0)
    """
    m = _DATE.match(text, pos)
    if not m:
        return None, pos
    day, month, year = (m.group("d"), m.group("m"), m.group("y")) if m.group("d") else (
        m.group("d2"), m.group("m2"), m.group("y2"))
    iso = iso_date(int(day), int(month), int(year))
    return (iso, m.end()) if iso else (None, pos)


def _cut_issuer(phrase: str, upper: bool = False) -> str:
    """The issuer at the head of ``phrase``: up to a stop word, a punctuation mark or a digit."""
    end = len(phrase)
    for stop in issuer_stop(upper).finditer(phrase):
        # "Bộ Tài nguyên và Môi trường", "Bộ Văn hóa, Thể thao và Du lịch" go on past "và" / ","
        joined = _AND_CAPITAL.match(phrase, stop.start())
        if joined and not type_pattern().match(phrase, joined.end()) and not _NEW_SUBJECT.match(phrase, stop.start()):
            continue
        end = stop.start()
        break
    words = phrase[:end].split()
    return " ".join(words[:_MAX_ISSUER_WORDS]).strip(" ,")


def read_issuer(text: str, pos: int) -> tuple[str | None, int]:
    """``của <issuer>`` right at ``pos``, and where the issuer ends.

    >>> read_issuer(" của Bộ Tài nguyên và Môi trường về việc phát động", 0)
    ('Bộ Tài nguyên và Môi trường', 32)
    >>> read_issuer(" của Ủy ban nhân dân tỉnh Triển khai Phong trào", 0)[0]
    'Ủy ban nhân dân tỉnh'
    >>> read_issuer(" của Bộ Văn hóa, Thể thao và Du lịch, Bộ Tài chính;", 0)[0]
    'Bộ Văn hóa, Thể thao và Du lịch, Bộ Tài chính'
    >>> read_issuer(" của Bộ Lao động - Thương binh và Xã hội hướng dẫn", 0)[0]
    'Bộ Lao động - Thương binh và Xã hội'
    >>> read_issuer(" của Bộ Khoa học\\nvà Công nghệ quy định", 0)
    ('Bộ Khoa học và Công nghệ', 29)
    """
    lead = _ISSUER_LEAD.match(text, pos)
    if not lead:
        return None, pos
    # one character for one, so offsets into ``phrase`` stay offsets into ``text``
    phrase = _DANGLING_HEAD.sub(lambda m: m.group().replace("\n", " "), text[lead.end() : lead.end() + 200])
    issuer = _cut_issuer(phrase, upper=lead.group().strip(" ,").endswith("CỦA"))
    if not issuer:
        return None, pos
    # the issuer's words may stand across a line break in the text ("Bộ Khoa học⏎và Công nghệ")
    found = regex.match(r"\s*" + r"\s+".join(regex.escape(w) for w in issuer.split()), phrase)
    return unglue(issuer), lead.end() + (found.end() if found else 0)


# A word that a web copy glued to the capitalised word after it ("Bộ Tài nguyên vàMôi trường"): two
# or more lower-case letters with a vowel, not after a capital ("QyĐ", "ThS"), before a capital and a
# lower-case letter ("eOffice", "mmHg" stay).
_GLUED = regex.compile(r"(?<![\p{L}\p{M}\d./@_])(?=\p{Ll}*[aeiouyàáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ])"
                       r"(\p{Ll}{2,7})(?=\p{Lu}\p{Ll})")


def unglue(name: str) -> str:
    """``name`` with the words a web copy glued together parted again; the value only, spans stay.

    >>> unglue("Bộ Tài nguyên vàMôi trường"), unglue("Sở Giáo dục và Đào tạo"), unglue("Trung tâm eOffice")
    ('Bộ Tài nguyên và Môi trường', 'Sở Giáo dục và Đào tạo', 'Trung tâm eOffice')
    """
    return _GLUED.sub(r"\1 ", name)


def issuer_before(text: str, start: int) -> str | None:
    """"Kế hoạch … của UBND tỉnh Khánh Hòa tại Công văn số …": the issuer named before the type.

    >>> t = "Thực hiện Kế hoạch của UBND tỉnh Khánh Hòa tại Công văn số 1"
    >>> issuer_before(t, t.index("Công văn"))
    'UBND tỉnh Khánh Hòa'
    """
    lo = max(0, start - 120)
    # A cell's line break inside the name ("của Sở Lao động⏎- Thương binh và Xã hội tại Tờ trình số …").
    window = text[:lo] + text[lo:start].replace("\n", " ")
    m = _ISSUER_BEFORE.search(window, lo, start)
    if m:
        who = " ".join(m.group("who").split())
        issuer = _cut_issuer(who)
        # "của Bộ Thông tin và Truyền thông về việc triển khai … tại Chỉ thị 09/CT-TTg": the body named
        # before "tại" issued what the clause is about, not the act cited after it
        return issuer if issuer and issuer == who else None
    return _subject_before(window, start)


def _subject_before(text: str, start: int) -> str | None:
    """"Sở Giáo dục và Đào tạo đã ban hành Công văn số …": the body that issued it, named as the
    subject of the clause just before the type.

    >>> t = "năm học 2022-2023, Sở Giáo dục và Đào tạo đã ban hành Công văn số 2062"
    >>> _subject_before(t, t.index("Công văn"))
    'Sở Giáo dục và Đào tạo'
    >>> _subject_before("Bộ Tài chính, theo Công văn số 1", 19) is None
    True
    """
    window = max(0, start - 120)
    heads = [h.start() for h in _BODY_HEAD.finditer(text, window, start)]
    for k in range(len(heads) - 1, -1, -1):
        if not _ISSUED_BY_SUBJECT.fullmatch(text, heads[k], start):
            continue
        # "Thủ tướng Chính phủ đã ban hành": "Chính phủ" is the tail of a name opened by an earlier head
        while k > 0 and heads[k - 1] + len(_cut_issuer(text[heads[k - 1]:start])) > heads[k]:
            k -= 1
        return _cut_issuer(text[heads[k]:start]) or None
    return None


def read_title(text: str, pos: int) -> str | None:
    """"về việc <title>" or "quy định <title>" at ``pos``, up to the end of its clause.

    >>> read_title(" về “Tiếp tục đổi mới công tác thi đua, khen thưởng”, nhằm", 0)
    'Tiếp tục đổi mới công tác thi đua, khen thưởng'
    >>> read_title(" quy định chức năng, nhiệm vụ của Bộ Y tế;", 0)
    'quy định chức năng, nhiệm vụ của Bộ Y tế'
    """
    lead = title_start().match(text, pos)
    if not lead:
        return None
    body_start = lead.end()
    quoted = _QUOTED.match(text, body_start)
    if quoted:
        return quoted.group("q").strip(" ,.") or None
    end_match = _TITLE_END.search(text, body_start, body_start + _MAX_TITLE)
    end = end_match.start() if end_match else min(len(text), body_start + _MAX_TITLE)
    body = text[body_start:end].strip(" ,.“”\"")
    keep_lead = not lead.group("lead").lower().startswith(("về", "v/v"))
    title = f"{lead.group('lead')} {body}" if keep_lead and body else body
    return title.strip() or None
