"""Word 97-2003 .doc: through antiword or LibreOffice when one is installed.

The binary format is not worth a parser of our own; an installed converter does it well. Without
one the reader says what to install (CongvanError E113) instead of guessing at the bytes.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from pipeline.errors import CongvanError
from pipeline.readers.text import Text

TIMEOUT_S = 120
INSTALL_HINT = (".doc (Word 97-2003) files: install antiword (apt-get install antiword) or LibreOffice, "
                "or save the file as .docx")


def _antiword(exe: str, path: Path, _out: Path) -> str:
    done = subprocess.run([exe, "-m", "UTF-8.txt", "-w", "0", str(path)], capture_output=True,
                          timeout=TIMEOUT_S, check=False)
    if done.returncode != 0:
        raise CongvanError("E111", detail=f"antiword: {done.stderr.decode(errors='replace').strip()[:200]}")
    return done.stdout.decode("utf-8", errors="replace")


def _libreoffice(exe: str, path: Path, out: Path) -> str:
    done = subprocess.run([exe, "--headless", "--convert-to", "txt:Text (encoded):UTF8", "--outdir",
                           str(out), str(path)], capture_output=True, timeout=TIMEOUT_S, check=False)
    result = out / (path.stem + ".txt")
    if done.returncode != 0 or not result.exists():
        raise CongvanError("E111", detail=f"LibreOffice: {done.stderr.decode(errors='replace').strip()[:200]}")
    return result.read_text(encoding="utf-8-sig", errors="replace")


_CONVERTERS = (("antiword", _antiword), ("soffice", _libreoffice), ("libreoffice", _libreoffice))


def read_doc(data: bytes, encoding: str = "auto") -> Text:
    for name, convert in _CONVERTERS:
        exe = shutil.which(name)
        if not exe:
            continue
        with tempfile.TemporaryDirectory(prefix="congvan-doc-") as tmp:
            path = Path(tmp) / "document.doc"
            path.write_bytes(data)
            try:
                text = convert(exe, path, Path(tmp))
            except subprocess.TimeoutExpired as exc:
                raise CongvanError("E111", detail=f"{name} gave no answer in {TIMEOUT_S} s") from exc
        return Text(text=text.replace("\r\n", "\n"), reader="doc", encoding="utf-8")
    raise CongvanError("E113", detail=INSTALL_HINT)
