"""The error catalogue: every failure a user can meet, with a code and what to do about it.

Library code raises :class:`CongvanError`; the CLI prints ``congvan: FILE: [E101] message`` and
exits 1, never a traceback.
"""

from __future__ import annotations

CATALOGUE: dict[str, str] = {
    "E100": "cannot read the file: {detail}",
    "E101": "the file is empty",
    "E102": "the file is binary, not text ({detail}); pass a .docx, .pdf, .html or text file",
    "E103": "cannot decode the text: {detail}; try --encoding",
    "E104": "the file is {detail} MB, over the {limit} MB limit; raise it with --max-mb",
    "E105": "the text holds no words",
    "E110": "unsupported format: {detail}",
    "E111": "the document is corrupt or truncated: {detail}",
    "E112": "no text layer: OCR needed ({detail})",
    "E113": "a converter is needed for {detail}",
    "E120": "no gold files (*.json) in {detail}",
    "E130": "cannot ingest on the Dask cluster: {detail}",
    "E131": "cannot open the registry database: {detail}",
}


class CongvanError(Exception):
    """A failure with a catalogue code; ``str()`` is the user-facing message."""

    def __init__(self, code: str, **fields: object) -> None:
        self.code = code
        self.fields = fields
        template = CATALOGUE.get(code, "{detail}")
        try:
            message = template.format(**fields)
        except KeyError:
            message = template
        super().__init__(f"[{code}] {message}")
