"""One assignee per distinct doer, however its name is written from one task to the next.

>>> normalized("Trung tâm CNTT") == normalized("trung tâm Công nghệ thông tin")
True
>>> normalized("Các phòng, đơn vị trực thuộc Sở") == normalized("các phòng, đơn vị trực thuộc Sở")
True
>>> from pipeline.record import Task
>>> [(a.name, a.tasks) for a in group_assignees([Task("a", ["Văn phòng Sở"]), Task("b", ["VP Sở"])])]
[('Văn phòng Sở', [0, 1])]
"""

from __future__ import annotations

from functools import cache

import regex

from pipeline.normalize import fold_key as _fold_key
from pipeline.record import Assignee, Task
from pipeline.tables import load

_DETERMINERS = regex.compile(r"^(?:tat ca cac|toan the|cac|moi|tung)\s+")


@cache
def _abbreviations() -> dict[str, str]:
    return dict(load("task_patterns")["abbreviations"])


def normalized(name: str) -> str:
    """The grouping key of a unit: folded, abbreviations spelled out, no leading "các"."""
    text = name.replace("&", " AND ")
    words = _fold_key(text).replace(" and ", "&").split()
    table = _abbreviations()
    expanded = " ".join(table.get(w, w) for w in words)
    return _DETERMINERS.sub("", expanded)


def group_assignees(tasks: list[Task]) -> list[Assignee]:
    """The distinct doers of ``tasks``, each with the indices of its tasks, first spelling kept."""
    groups: dict[str, Assignee] = {}
    for index, task in enumerate(tasks):
        for name in task.assignees:
            key = normalized(name)
            if key not in groups:
                groups[key] = Assignee(name=name, normalized=key)
            if index not in groups[key].tasks:
                groups[key].tasks.append(index)
    return list(groups.values())
