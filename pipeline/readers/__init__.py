"""Readers: bytes of any supported format -> the text the pipeline reads.

``read_bytes`` chooses a reader by sniffing the content (and the name only as a hint); every
reader returns a :class:`Text`, whose ``text`` is what every span in the record indexes.
"""

from __future__ import annotations

from pipeline.readers.base import Text, read_bytes, read_path

__all__ = ["Text", "read_bytes", "read_path"]
