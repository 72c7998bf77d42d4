"""Where a text names an emulation movement (phong trào thi đua), and what it calls it.

Three shapes: a quoted name after "phong trào" ("phong trào “Doanh nghiệp hội nhập và phát
triển”"), a quoted name that is itself "Phong trào …", and a launch or mention whose name runs on
in plain text ("Phát động phong trào thi đua năm 2022", "phong trào thi đua đặc biệt nhân kỷ niệm
370 năm …") until a word that starts a new clause. A plain mention with nothing specific after it
("các phong trào thi đua yêu nước", "phong trào thi đua đặc biệt này") names no movement of its
own: it is kept as *generic*, pointing at the document's main one.

>>> [(m.name, m.launch) for m in find_mentions("Sở phát động phong trào thi đua năm 2022 với chủ đề")]
[('Phong trào thi đua năm 2022', True)]
>>> [(m.name, m.generic) for m in find_mentions("Phong trào “Cả nước chung sức xây dựng nông thôn mới”; "
...                                           "phong trào thi đua này")]
[('Phong trào Cả nước chung sức xây dựng nông thôn mới', False), ('Phong trào thi đua', True)]
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import regex

from pipeline.normalize import fold_key
from pipeline.tables import load

# "Đợt thi đua" names a short drive the way "Phong trào thi đua" names a movement (QĐ 2437/QĐ-TTg).
_PREFIX = r"(?:(?i:phong\s+trào)(?:\s+(?i:thi\s+đua))?|(?i:đợt\s+thi\s+đua))"


@dataclass
class Mention:
    name: str
    start: int  # of the whole mention in the text searched
    end: int
    launch: bool  # "phát động …" right before the name
    quoted: bool
    generic: bool  # names nothing of its own
    kind: str | None = None


@cache
def _tables() -> dict:
    t = load("campaign_patterns")
    opens, closes = regex.escape(t["quote_open"]), regex.escape(t["quote_close"])
    kinds = "|".join(f"(?:{p})" for p in t["kinds"].values())
    return {
        "quoted": regex.compile(
            rf"(?P<launch>(?i:phát\s+động)\s+)?(?P<prefix>{_PREFIX}(?:\s+(?:{kinds}))?)\s*[{opens}]"
            rf"\s*(?P<name>[^{closes}\n]{{3,250}}?)\s*[{closes}]"
        ),
        # "phát động thi đua “Toàn dân chung tay xây dựng nông thôn mới”": a launched name needs no "phong trào"
        "quoted_launch": regex.compile(
            rf"(?P<launch>(?i:phát\s+động)\s+)(?P<prefix>(?i:thi\s+đua))\s*[{opens}]"
            rf"\s*(?P<name>[^{closes}\n]{{3,250}}?)\s*[{closes}]"
        ),
        "listed": regex.compile(rf"{_PREFIX}[^.:;\n{opens}{closes}]{{0,40}}?:\s*(?=[{opens}])"),
        "item": regex.compile(rf"[{opens}]\s*(?P<name>[^{closes}\n]{{3,250}}?)\s*[{closes}]"),
        "separator": regex.compile(rf"\s*[,;]?\s*(?:(?i:và)\s+)?(?=[{opens}])"),
        "quoted_self": regex.compile(rf"[{opens}]\s*(?P<name>(?i:phong\s+trào)\s[^{closes}\n]{{3,250}}?)\s*[{closes}]"),
        "plain": regex.compile(
            r"(?P<launch>(?i:phát\s+động)\s+(?:(?i:phong\s+trào|(?P<drive>đợt))\s+)?(?i:thi\s+đua))"
            r"|(?P<cue>(?i:phong\s+trào\s+thi\s+đua|(?P<drive2>đợt)\s+thi\s+đua))"
            r"|(?P<named>(?i:phong\s+trào)(?=\s+\p{Lu})(?!\s+(?i:thi\s+đua)))"
        ),
        "stop": regex.compile("|".join(f"(?:{s})" for s in t["stops"])),
        # the period may follow the place the plan covers: "“…” trên địa bàn huyện Tiên Phước, giai đoạn 2021 - 2025"
        "after_quote": regex.compile(
            r"\s*,?\s*(?:(?i:trên\s+địa\s+bàn)\s+[^,.;:\n“”\"]{2,60}?\s*,?\s*)?(?P<period>(?i:giai\s+đoạn|năm\s+học)\s+\d{4}\s*[-–]\s*\d{4}|(?i:năm)\s+\d{4})"
        ),
        "object_quote": regex.compile(rf" ?[{opens}](?P<inner>[^{closes}\n]{{3,200}}?)[{closes}]"),
        "generic": {fold_key(g) for g in t["generic_tails"]},
        "specific": regex.compile(t["specific_markers"]),
        "kinds": {k: regex.compile(p) for k, p in t["kinds"].items()},
        "open": t["quote_open"],
    }


def kind_of(text: str) -> str | None:
    """The kind a name states: "đặc biệt", "chuyên đề" or "thường xuyên"."""
    for kind, pattern in _tables()["kinds"].items():
        if pattern.search(text):
            return kind
    return None


def _capital(prefix: str) -> str:
    words = " ".join(prefix.split())
    for head in ("Phong trào", "Đợt"):
        if fold_key(words).startswith(fold_key(head)):
            return head + words[len(head):]
    return words


def _with_period(text: str, name: str, end: int) -> tuple[str, int]:
    """The name with the period written right after its closing quote ("“…” giai đoạn 2021 - 2025")."""
    tail = _tables()["after_quote"].match(text, end)
    if tail and fold_key(tail.group("period")) not in fold_key(name):
        return f"{name} {' '.join(tail.group('period').split())}", tail.end()
    return name, end


def _quoted(text: str) -> list[Mention]:
    t = _tables()
    out: list[Mention] = []
    for pattern in ("quoted", "quoted_launch"):
        for m in t[pattern].finditer(text):
            if any(q.start <= m.start() < q.end for q in out):
                continue
            inner = " ".join(m.group("name").split())
            prefix = _capital(m.group("prefix")) if pattern == "quoted" else "Phong trào thi đua"
            name, end = _with_period(text, inner if fold_key(inner).startswith("phong trao") else f"{prefix} {inner}",
                                     m.end())
            out.append(Mention(name, m.start(), end, bool(m.group("launch")), True, False,
                               kind_of(m.group("prefix"))))
    out.extend(_listed(text, out))
    for m in t["quoted_self"].finditer(text):
        if any(q.start <= m.start() < q.end for q in out):
            continue
        name = " ".join(m.group("name").split())
        out.append(Mention(name[:1].upper() + name[1:], m.start(), m.end(), False, True, False, kind_of(name)))
    return out


def _listed(text: str, taken: list[Mention]) -> list[Mention]:
    """Quoted names listed after a colon: "UBND tỉnh đã phát động 4 phong trào thi đua: “Đắk Nông
    chung sức xây dựng nông thôn mới” giai đoạn 2016 - 2020; “Doanh nghiệp … hội nhập và phát triển”; …"."""
    t, out = _tables(), []
    for m in t["listed"].finditer(text):
        pos = m.end()
        while (item := t["item"].match(text, pos)) is not None:
            inner = " ".join(item.group("name").split())
            name, end = _with_period(text, inner if fold_key(inner).startswith("phong trao") else f"Phong trào {inner}",
                                     item.end())
            if not any(q.start <= item.start() < q.end for q in taken):
                out.append(Mention(name, item.start(), end, False, True, False, kind_of(inner)))
            sep = t["separator"].match(text, end)
            if sep is None:
                break
            pos = sep.end()
    return out


def _tail(text: str, at: int) -> tuple[str, int]:
    """The plain-text name after a cue, and where it ends: up to the first word or mark that opens
    a new clause. A quoted phrase right after the words is their object and belongs to the name
    ("phong trào thi đua lập thành tích chào mừng “Kỷ niệm 80 năm Ngày Tổng tuyển cử …”")."""
    t = _tables()
    stop = t["stop"].search(text, at)
    end = stop.start() if stop else min(len(text), at + 200)
    found = list(regex.finditer(r"\S+", text[at:end]))[:30]
    if not found:
        return "", at
    words = [w.group() for w in found]
    end = at + found[-1].end()
    quoted = t["object_quote"].match(text, end)
    if quoted:
        words += quoted.group("inner").split()
        end = quoted.end()
    return " ".join(words), end


def _is_generic(tail: str, launch: bool) -> bool:
    t = _tables()
    if t["specific"].search(tail):
        return False
    content = [w for w in fold_key(tail).split() if w not in {"dac", "biet", "chuyen", "de", "thuong", "xuyen"}]
    phrase = " ".join(content)
    if not content or phrase in t["generic"] or all(w in _generic_words() for w in content):
        return True
    return not (launch and len(content) >= 4)


@cache
def _generic_words() -> set[str]:
    return {w for g in _tables()["generic"] for w in g.split()}


def _plain(text: str, taken: list[Mention]) -> list[Mention]:
    out = []
    for m in _tables()["plain"].finditer(text):
        if any(q.start <= m.start() < q.end for q in taken):
            continue
        after = m.end()
        if after < len(text) and text[after:after + 3].lstrip()[:1] in _tables()["open"]:
            continue  # a quoted name follows: the quoted reader has it
        tail, end = _tail(text, after)
        launch = m.group("launch") is not None
        if m.group("named"):  # "phong trào Cả nước chung sức …": a proper name, capitalised
            generic = len(tail.split()) < 3
            name = f"Phong trào {tail}"
        else:
            generic = _is_generic(tail, launch)
            prefix = "Đợt thi đua" if m.group("drive") or m.group("drive2") else "Phong trào thi đua"
            name = prefix + (f" {tail}" if tail else "")
        out.append(Mention(name, m.start(), end, launch, False, generic, kind_of(tail)))
    return out


def find_mentions(text: str) -> list[Mention]:
    """Every mention of a movement in ``text``, in order (generic ones included)."""
    quoted = _quoted(text)
    return sorted(quoted + _plain(text, quoted), key=lambda m: m.start)


def same_campaign(a: str, b: str) -> bool:
    """Two names of one movement: one's words run, in order, through the other's.

    >>> same_campaign("Phong trào thi đua năm 2022",
    ...               "Phong trào thi đua toàn ngành tài nguyên và môi trường tỉnh Sóc Trăng năm 2022")
    True
    >>> same_campaign("Phong trào thi đua năm 2022", "Phong trào thi đua năm 2023")
    False
    """
    if fold_key(a).replace(" ", "") == fold_key(b).replace(" ", ""):
        return True  # words glued by a PDF copy: "XÂY DỰNGNÔNG THÔN MỚI"
    short, long_ = sorted((fold_key(a).split(), fold_key(b).split()), key=len)
    it = iter(long_)
    return all(word in it for word in short)
