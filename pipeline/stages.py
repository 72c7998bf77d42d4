"""The ordered stages of extraction: what each adds to the record and what it needs first.

One module per stage; each exports ``add(doc)``. A stage that fails on one document records a
warning and the others go on, so one odd table never costs a whole record.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from pipeline import campaigns, entities, footer, header, references, sections, tasks
from pipeline.document import Doc


@dataclass(frozen=True)
class Stage:
    name: str
    add: Callable[[Doc], None]
    assigns: tuple[str, ...]
    requires: tuple[str, ...] = ()


STAGES: tuple[Stage, ...] = (
    Stage("header", header.add, ("header",)),
    Stage("footer", footer.add, ("footer",), ("header",)),
    Stage("references", references.add, ("references",), ("header",)),
    Stage("sections", sections.add, ("sections",), ("header", "footer")),
    Stage("entities", entities.add, ("entities",), ("header", "footer", "references")),
    Stage("campaigns", campaigns.add, ("campaigns", "themes"), ("references", "sections")),
    Stage("tasks", tasks.add, ("tasks", "assignees"), ("sections", "entities")),
)
