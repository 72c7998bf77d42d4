"""Who is told to act: the doer phrase that opens a directive, and its split into units.

A directive names its doer first and its action after: "Giao Trung tâm Công nghệ thông tin đăng
tải …", "Văn phòng Sở chủ trì, phối hợp với …". The doer ends at the first verb written in lower
case (names capitalise their words, so "Hội đồng Thi đua khen thưởng" keeps its "Thi đua").

>>> d = split_doer("Trung tâm Công nghệ thông tin đăng tải nội dung công văn này")
>>> d.names, d.action
(['Trung tâm Công nghệ thông tin'], 'đăng tải nội dung công văn này')
>>> split_doer("Thường trực Hội đồng Thi đua khen thưởng và Văn phòng Sở đôn đốc, hướng dẫn").names
['Thường trực Hội đồng Thi đua khen thưởng', 'Văn phòng Sở']
>>> split_doer("Tổ chức các hoạt động kỷ niệm") is None
True
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from functools import cache

import regex

from pipeline.gazetteer import table_gazetteer, tokenize
from pipeline.tables import load

_MAX_DOER_WORDS = 64  # "Chánh Văn phòng …; Giám đốc các sở …; Chủ tịch …" runs long
_WORD = regex.compile(r"\S+")


@dataclass(frozen=True)
class Doer:
    names: list[str]  # the units, split
    phrase: str  # the doer phrase as written (parentheticals kept)
    action: str  # what follows the doer phrase
    action_at: int  # offset of ``action`` in the text given
    verb: str  # the verb that ended the doer phrase ("" when a colon did)
    lead: bool = False  # opened by a hand-over cue: "Giao …", "Đề nghị …", "Yêu cầu …"
    opening: bool = True  # found where its sentence starts, not after a cue inside it

    @property
    def strong(self) -> bool:
        """A verb that makes any sentence a directive ("chủ trì", "có trách nhiệm", "cần")."""
        return self.verb in _tables()["strong"]

    @property
    def descriptive(self) -> bool:
        """A doer that is described, not told ("Hội đồng có 12 thành viên", "Trung tâm là …"); after a
        hand-over cue that opens the sentence the same verb is the task ("Giao các Bộ: Công an, Tài chính
        có ý kiến …"), not after one inside a clause of a procedure ("… đề nghị Bộ Công an hoặc Cơ quan
        đại diện của nước có người được đề nghị …")."""
        return self.verb in _tables()["descriptive"] and not (self.lead and self.opening)

    @property
    def speech(self) -> bool:
        """The issuer speaking ("Giám đốc Sở đề nghị …"), not a unit being told to act."""
        return self.verb in _tables()["speech"]

    def shifted(self, by: int) -> Doer:
        """The same doer found ``by`` characters further into a longer text."""
        return dataclasses.replace(self, action_at=self.action_at + by, opening=self.opening and by == 0)


@cache
def _tables() -> dict:
    t = load("task_patterns")
    verbs = sorted(t["verbs"], key=len, reverse=True)
    heads = sorted(t["doer_heads"], key=len, reverse=True)
    units = sorted(t["unit_nouns"], key=len, reverse=True)
    dets = sorted(t["determiners"], key=len, reverse=True)
    return {
        "verb": regex.compile(r"(?<![\p{L}\d])(?:" + "|".join(map(regex.escape, verbs)) + r")(?![\p{L}\d])"),
        "mask": regex.compile("|".join(t["name_compounds"])),
        "head": regex.compile(
            r"(?i:(?:" + "|".join(map(regex.escape, dets)) + r")\s+)?(?i:"
            + "|".join(map(regex.escape, heads)) + r")(?![\p{L}\d])"
        ),
        "det_unit": regex.compile(
            r"(?i:(?:" + "|".join(map(regex.escape, dets)) + r")\s+(?:"
            + "|".join(map(regex.escape, units)) + r"))(?![\p{L}\d])"
        ),
        "generic": {g.casefold() for g in t["generic_doers"]},
        "position": regex.compile(
            r"(?i:(?:" + "|".join(map(regex.escape, dets)) + r")\s+)?(?i:"
            + "|".join(map(regex.escape, sorted(t["position_heads"], key=len, reverse=True))) + r")(?![\p{L}\d])"
        ),
        "not_head": regex.compile(
            r"(?i:" + "|".join(map(regex.escape, t["not_heads"])) + r")(?![\p{L}\d])"
        ),
        "strong": set(t["strong_verbs"]),
        "speech": set(t["speech_verbs"]),
        "descriptive": set(t["descriptive_verbs"]),
        "giao": regex.compile(t["giao"]),
        "doer_cut": regex.compile(t["doer_cut"]),
        "fixed": regex.compile(t["fixed_lists"]),
        "verb_start": regex.compile(r"(?i:" + "|".join(map(regex.escape, verbs)) + r")(?![\p{L}\d])"),
    }


def starts_with_verb(text: str) -> bool:
    """Whether ``text`` opens with an action ("Theo dõi, đôn đốc …"), not a subject or a case.

    >>> starts_with_verb("Theo dõi, đôn đốc việc thực hiện"), starts_with_verb("Người nộp thuế giải trình")
    (True, False)
    """
    return bool(_tables()["verb_start"].match(text.lstrip(" -–+•")))


def starts_with_doer(text: str) -> bool:
    """Whether ``text`` opens with a unit or a position (a possible doer).

    >>> starts_with_doer("Các phòng, đơn vị trực thuộc Sở chủ động"), starts_with_doer("Thi đua phát huy")
    (True, False)
    """
    t = _tables()
    if t["not_head"].match(text):
        return False
    return bool(t["head"].match(text) or t["det_unit"].match(text))


def _verb_at(text: str, limit: int) -> regex.Match[str] | None:
    """The first lower-case verb outside names and brackets, within ``limit`` characters."""
    t = _tables()
    masked = [(m.start(), m.end()) for m in t["mask"].finditer(text, 0, limit)]
    depth = 0
    brackets = []
    for ch in text[:limit]:
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        brackets.append(depth)
    for m in t["verb"].finditer(text, 1, limit):
        if brackets[m.start()] or any(s <= m.start() < e for s, e in masked):
            continue
        return m
    return None


def split_doer(text: str) -> Doer | None:
    """The doer phrase opening ``text`` and the action after it; None when no unit opens it."""
    t = _tables()
    lead = t["giao"].match(text)
    at = lead.end() if lead else 0
    body = text[at:]
    if not starts_with_doer(body):
        return None
    words = list(_WORD.finditer(body))
    limit = words[_MAX_DOER_WORDS].start() if len(words) > _MAX_DOER_WORDS else len(body)
    colon = body.find(":", 0, limit)
    if colon > 0 and _lists_fields(body, colon):
        colon = body.find(":", colon + 1, limit)
    if colon > 0 and t["position"].fullmatch(body[:colon].strip()) and starts_with_doer(body[colon + 1:].lstrip()):
        inner = split_doer(body[colon + 1:].lstrip())  # "Giao Giám đốc: Sở A, Sở B phối hợp …"
        if inner is not None:
            shift = at + colon + 1 + (len(body[colon + 1:]) - len(body[colon + 1:].lstrip()))
            return dataclasses.replace(inner, action_at=inner.action_at + shift, lead=lead is not None)
    verb = _verb_at(body, colon if colon > 0 else limit)
    if colon > 0 and verb is None:
        end, action_at, verb_text = colon, colon + 1, ""
    elif verb is not None:
        end, action_at, verb_text = verb.start(), verb.start(), verb.group()
    else:
        return None
    phrase = body[:end].strip(" ,;-–")
    cut = t["doer_cut"].search(phrase)
    names = split_units(phrase[: cut.start()] if cut else phrase)
    if not names or all(n.casefold() in t["generic"] for n in names):
        return None
    action = body[action_at:].strip()
    offset = at + action_at + (len(body[action_at:]) - len(body[action_at:].lstrip()))
    return Doer(names, phrase, action, offset, verb_text, lead is not None)


_BODY_BEFORE_COLON = regex.compile(r"(?i:\b(?:sở|bộ))\s*$")


def _lists_fields(body: str, colon: int) -> bool:
    """ "Giám đốc các Sở: Lao động - Thương binh và Xã hội, Nội vụ, …": the colon opens the list of
    the bodies' fields, it does not end the doer."""
    if not _BODY_BEFORE_COLON.search(body, 0, colon):
        return False
    tokens = tokenize(body, colon + 1, min(len(body), colon + 80))
    return bool(tokens) and table_gazetteer("org_heads", "domains").longest(tokens, 0) is not None


_PAREN = regex.compile(r"\s*\([^()]*\)")
_SPLIT = regex.compile(r"\s*;\s*|\s*,\s*(?=\p{Lu})|\s+và\s+(?=\p{Lu})|\s*,\s*(?=(?:các|mỗi|từng)\s)|\s+và\s+(?=các\s)"
                       r"|\s+và\s+(?=(?:ông|bà)\s+\p{Lu})")
# The person a decision concerns, named after the offices that carry it out ("… và ông Nguyễn Mạnh Hùng").
_PERSON = regex.compile(r"(?i:ông|bà)\s+\p{Lu}")


def is_named(name: str) -> bool:
    """A unit with a proper name or a titled position ("Bộ Tài chính", "Các Bộ trưởng"), not a
    description ("Hội đồng quản trị", "cơ quan chủ trì").

    >>> is_named("Các Bộ trưởng"), is_named("Sở Tài chính"), is_named("Hội đồng quản trị")
    (True, True, False)
    """
    if any(ch.isupper() for ch in name[1:]):
        return True
    return bool(_tables()["position"].match(name))


def split_units(phrase: str) -> list[str]:
    """The units of a doer or coordinator phrase: a new unit starts at a capitalised head noun.

    >>> split_units("Thủ trưởng các phòng, đơn vị thuộc Sở, Trưởng phòng Tài nguyên và Môi trường các huyện, thị xã")
    ['Thủ trưởng các phòng, đơn vị thuộc Sở', 'Trưởng phòng Tài nguyên và Môi trường các huyện, thị xã']
    >>> split_units("các phòng, đơn vị, Phòng Tài nguyên và Môi trường các huyện, thành phố")
    ['các phòng, đơn vị', 'Phòng Tài nguyên và Môi trường các huyện, thành phố']
    """
    phrase = _PAREN.sub("", phrase).strip(" ,;:-–")
    fixed = [(f.start(), f.end()) for f in _tables()["fixed"].finditer(phrase)]
    parts: list[str] = []
    pos = 0
    for m in _SPLIT.finditer(phrase):
        if any(s < m.start() < e for s, e in fixed):
            continue  # "các Sở, Ban, ngành" is one list of bodies, not two doers
        rest = phrase[m.end():]
        if m.group().strip() not in (";",) and not starts_with_doer(rest) and not _PERSON.match(rest):
            continue
        parts.append(phrase[pos:m.start()])
        pos = m.end()
    parts.append(phrase[pos:])
    return [p.strip(" ,;:-–") for p in parts if p.strip(" ,;:-–")]
