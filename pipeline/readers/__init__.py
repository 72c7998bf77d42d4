"""Readers: bytes of any supported format -> the text the pipeline reads.

``read_bytes`` chooses a reader by sniffing the content (and the name only as a hint): plain text
(UTF-8, UTF-16, CP1258, legacy TCVN3/VNI), .docx, text-layer .pdf, .html, and .doc through an
installed converter. Every reader returns a :class:`Text`, whose ``text`` is what every span in
the record indexes; ``page_of(record.source.pages, span[0])`` gives a PDF span's page.
"""

from __future__ import annotations

from pipeline.readers.base import Text, page_of, read_bytes, read_path

__all__ = ["Text", "page_of", "read_bytes", "read_path"]
