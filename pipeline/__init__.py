"""congvan: structured, searchable records from Vietnamese administrative documents."""

from pipeline.errors import CongvanError
from pipeline.extract import extract_bytes, extract_file, extract_text
from pipeline.record import SCHEMA_VERSION, Record

__all__ = ["SCHEMA_VERSION", "CongvanError", "Record", "extract_bytes", "extract_file", "extract_text"]
__version__ = "0.1.0"
