"""What every reader returns: the text, and how it was read."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field


@dataclass
class Text:
    text: str
    reader: str = "text"  # "text", "docx", "pdf", "html", "doc"
    encoding: str | None = None  # "utf-8", "cp1258", "tcvn3", "vni"…
    pages: list[int] | None = None  # offsets where each page starts, for paged sources
    warnings: list[str] = field(default_factory=list)

    def page_of(self, offset: int) -> int | None:
        """The 1-based page that holds a text offset (None for sources without pages).

        >>> Text("Trang một\\nTrang hai", pages=[0, 10]).page_of(12)
        2
        """
        return page_of(self.pages, offset)


def page_of(pages: list[int] | None, offset: int) -> int | None:
    """The 1-based page of ``offset`` given page start offsets (``record.source.pages``).

    >>> page_of([0, 120, 260], 130), page_of([0, 120, 260], 0), page_of(None, 5)
    (2, 1, None)
    """
    if not pages:
        return None
    return max(bisect_right(pages, offset), 1)
