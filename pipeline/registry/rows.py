"""A record flattened into the rows the registry stores, with every key already folded.

Pure and picklable, so ingestion workers build rows in parallel and the one writer process only
executes inserts.

>>> rows = to_rows({"source": {"path": "a.txt", "sha256": "ab"},
...                 "header": {"number": "048", "symbol": "KH-UBND", "issuer": "UBND tỉnh Sóc Trăng",
...                            "date": {"year": 2022}},
...                 "campaigns": [{"name": "Phong trào thi đua năm 2022", "role": "launched"}]})
>>> rows.document["number_key"], rows.document["symbol_key"], rows.campaigns[0]["campaign_key"]
('48', 'khubnd', 'thi dua nam 2022')
"""

from __future__ import annotations

import json
import re
import zlib
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Any

from pipeline.registry.fold import campaign_key, fold, key, unit_key, words

_YEAR = re.compile(r"(?<!\d)(1[89]\d\d|20\d\d)(?!\d)")
_SYMBOL_NOISE = re.compile(r"[\s.\-–]+")
_SEARCHED_ENTITY_LABELS = ("ORG", "LOC")


def number_key(number: str | None) -> str | None:
    """A document number as compared: folded, leading zeros dropped.

    >>> number_key("05"), number_key(" 12718 "), number_key(None), number_key("0")
    ('5', '12718', None, '0')
    """
    if not number or not number.strip():
        return None
    return fold(number.strip()).lstrip("0") or "0"


def symbol_key(symbol: str | None) -> str | None:
    """A ký hiệu as compared: folded (Đ → d), spaces, dots and hyphens dropped.

    >>> symbol_key("KH-UBND") == symbol_key("KH - UBND") == symbol_key("kh.ubnd")
    True
    >>> symbol_key("2021/NĐ-CP")
    '2021/ndcp'
    """
    if not symbol or not symbol.strip():
        return None
    return _SYMBOL_NOISE.sub("", fold(symbol))


def year_of(*texts: str | None) -> int | None:
    """The first plausible year in the texts (an ISO date, or a legal symbol "2021/NĐ-CP").

    >>> year_of("2022-03-30"), year_of(None, "131/2021/NĐ-CP"), year_of("KH-UBND")
    (2022, 2021, None)
    """
    for text in texts:
        match = _YEAR.search(text or "")
        if match:
            return int(match.group(1))
    return None


def _span(item: dict[str, Any]) -> tuple[int | None, int | None]:
    span = item.get("span") or [None, None]
    return (span[0], span[1]) if len(span) == 2 else (None, None)


@dataclass
class DocRows:
    """One document's rows; nested lists hold plain dicts keyed by column name."""

    document: dict[str, Any]
    citations: list[dict[str, Any]] = field(default_factory=list)
    sections: list[dict[str, Any]] = field(default_factory=list)
    entities: list[dict[str, Any]] = field(default_factory=list)
    campaigns: list[dict[str, Any]] = field(default_factory=list)
    themes: list[dict[str, Any]] = field(default_factory=list)
    tasks: list[dict[str, Any]] = field(default_factory=list)
    search: dict[str, str] = field(default_factory=dict)  # the document's search row (title, body + folds)


def search_row(title: str, body: str) -> dict[str, str]:
    """A search-table row: the text as written and its folded words (folded here, in the worker).

    >>> search_row("Thi đua", "Sở Nội vụ")["fbody"]
    'so noi vu'
    """
    return {"title": title, "body": body, "ftitle": " ".join(words(title)), "fbody": " ".join(words(body))}


def record_of(blob: bytes) -> dict[str, Any]:
    """The record stored with a document (zlib-compressed JSON)."""
    parsed: dict[str, Any] = json.loads(zlib.decompress(blob).decode("utf-8"))
    return parsed


def _document_row(rec: dict[str, Any], sha256: str, path: str | None) -> dict[str, Any]:
    header = rec.get("header") or {}
    date = header.get("date") or {}
    signer = ((rec.get("footer") or {}).get("signer") or {})
    issuer = header.get("issuer")
    return {
        "sha256": sha256, "path": path, "doc_type": header.get("doc_type"),
        "doc_type_code": header.get("doc_type_code"), "number": header.get("number"),
        "symbol": header.get("symbol"), "number_key": number_key(header.get("number")),
        "symbol_key": symbol_key(header.get("symbol")), "issuer": issuer,
        "issuer_key": unit_key(issuer) if issuer else None, "issuer_parent": header.get("issuer_parent"),
        "place": header.get("place"), "year": date.get("year"), "month": date.get("month"),
        "day": date.get("day"), "subject": header.get("subject"),
        "signer": " ".join(p for p in (signer.get("position"), signer.get("name")) if p) or None,
        "n_warnings": len(rec.get("warnings") or []),
        "record": zlib.compress(json.dumps(rec, ensure_ascii=False, separators=(",", ":")).encode("utf-8"), 1),
    }


def _citation_rows(rec: dict[str, Any]) -> list[dict[str, Any]]:
    rows = []
    for i, ref in enumerate(rec.get("references") or []):
        start, end = _span(ref)
        rows.append({
            "ordinal": i, "doc_type": ref.get("doc_type"), "number": ref.get("number"),
            "symbol": ref.get("symbol"), "number_key": number_key(ref.get("number")),
            "symbol_key": symbol_key(ref.get("symbol")), "date": ref.get("date"),
            "year": year_of(ref.get("date"), ref.get("symbol")), "issuer": ref.get("issuer"),
            "issuer_key": unit_key(ref["issuer"]) if ref.get("issuer") else None,
            "relation": ref.get("relation"), "raw": ref.get("raw"), "span_start": start, "span_end": end,
        })
    return rows


def _campaign_rows(rec: dict[str, Any]) -> list[dict[str, Any]]:
    rows = []
    for i, camp in enumerate(rec.get("campaigns") or []):
        name = (camp.get("name") or "").strip()
        ckey = campaign_key(camp.get("key") or name)
        if not ckey:
            continue
        start, end = _span(camp)
        rows.append({
            "ordinal": i, "campaign_key": ckey, "name": name, "role": camp.get("role"),
            "kind": camp.get("kind"), "theme": camp.get("theme"), "start_date": camp.get("start"),
            "end_date": camp.get("end"), "period": camp.get("period"), "span_start": start, "span_end": end,
        })
    return rows


def doc_label(doc: dict[str, Any]) -> str:
    """ "Kế hoạch 48/KH-UBND": how a hit names its document."""
    number = "/".join(str(p) for p in (doc.get("number"), doc.get("symbol")) if p)
    return " ".join(str(p) for p in (doc.get("doc_type"), number) if p)


def _task_rows(rec: dict[str, Any], label: str) -> list[dict[str, Any]]:
    extra: dict[int, list[str]] = {}  # assignees that name a task the task itself does not list
    for assignee in rec.get("assignees") or []:
        for index in assignee.get("tasks") or []:
            extra.setdefault(index, []).append(assignee.get("normalized") or assignee.get("name") or "")
    rows = []
    for i, task in enumerate(rec.get("tasks") or []):
        start, end = _span(task)
        units: list[tuple[str, str, str]] = []
        for role, names in (("assignee", (task.get("assignees") or []) + extra.get(i, [])),
                            ("coordinator", task.get("coordinators") or [])):
            for name in names:
                ukey = unit_key(name) if name else ""
                if ukey and (ukey, role) not in {(u[0], u[2]) for u in units}:
                    units.append((ukey, name.strip(), role))
        action = task.get("action") or ""
        body = " · ".join(p for p in (*(u[1] for u in units), task.get("deadline_text"), label) if p)
        rows.append({
            "ordinal": i, "action": action, "deadline": task.get("deadline"),
            "deadline_text": task.get("deadline_text"), "section": task.get("section"),
            "span_start": start, "span_end": end, "units": units, "search": search_row(action, body),
        })
    return rows


def _search_text(rec: dict[str, Any], doc: dict[str, Any], campaigns: list[dict[str, Any]]) -> str:
    parts = [doc["doc_type"], "/".join(p for p in (doc["number"], doc["symbol"]) if p), doc["issuer"],
             doc["issuer_parent"], doc["place"], str(doc["year"] or "")]
    parts += [c["name"] for c in campaigns]
    parts += [t.get("text") or "" for t in rec.get("themes") or []]
    seen: set[str] = set()
    for ent in rec.get("entities") or []:
        if ent.get("label") in _SEARCHED_ENTITY_LABELS and key(ent.get("text") or "") not in seen:
            seen.add(key(ent.get("text") or ""))
            parts.append(ent.get("text") or "")
        if len(seen) >= 40:
            break
    return " · ".join(p for p in parts if p)


def to_rows(rec: dict[str, Any], sha256: str | None = None, path: str | None = None) -> DocRows:
    """Flatten a record (``Record.to_dict()``) into rows; sha256/path default to ``rec["source"]``."""
    source = rec.get("source") or {}
    sha = sha256 or source.get("sha256")
    if not sha:
        raise ValueError("a registry document needs the sha256 of its bytes")
    doc = _document_row(rec, sha, path or source.get("path"))
    campaigns = _campaign_rows(rec)
    label = doc_label(doc)
    rows = DocRows(document=doc, citations=_citation_rows(rec), campaigns=campaigns, tasks=_task_rows(rec, label))
    for i, sec in enumerate(rec.get("sections") or []):
        start, end = _span(sec)
        rows.sections.append({"ordinal": i, "path": sec.get("path") or "", "label": sec.get("label"),
                              "title": sec.get("title"), "level": sec.get("level"), "kind": sec.get("kind"),
                              "span_start": start, "span_end": end})
    for ent in rec.get("entities") or []:
        start, end = _span(ent)
        text = ent.get("text") or ""
        rows.entities.append({"label": ent.get("label") or "", "text": text, "normalized": ent.get("normalized"),
                              "entity_key": key(ent.get("normalized") or text),
                              "span_start": start, "span_end": end})
    for theme in rec.get("themes") or []:
        start, end = _span(theme)
        index = theme.get("campaign")
        ckey = campaign_key(rec["campaigns"][index].get("name") or "") if isinstance(index, int) and 0 <= index < len(
            rec.get("campaigns") or []) else None
        rows.themes.append({"text": theme.get("text") or "", "campaign_key": ckey,
                            "span_start": start, "span_end": end})
    title = doc["subject"] or label or PurePath(str(doc["path"] or "")).name
    rows.search = search_row(str(title), _search_text(rec, doc, campaigns))
    return rows
