"""``congvan``: a thin command line over the library.

Exit codes: 0 ok, 1 a file failed (stderr names the file and why, no traceback), 2 usage.
Registry commands (ingest, search, show) live in :mod:`pipeline.cli_registry`.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated

import typer

from pipeline.errors import CongvanError
from pipeline.extract import extract_bytes, extract_file
from pipeline.readers.base import DEFAULT_MAX_MB
from pipeline.record import Record, json_schema

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Structured records from Vietnamese administrative documents.")

DOC_SUFFIXES = {".txt", ".md", ".docx", ".doc", ".pdf", ".html", ".htm"}


def _expand(paths: list[str]) -> Iterator[Path]:
    for p in paths:
        path = Path(p)
        if path.is_dir():
            yield from sorted(f for f in path.rglob("*") if f.is_file() and f.suffix.lower() in DOC_SUFFIXES)
        else:
            yield path


def _dump(rec: Record, pretty: bool) -> str:
    return json.dumps(rec.to_dict(), ensure_ascii=False, indent=2 if pretty else None)


def fail(where: str, message: str) -> None:
    typer.echo(f"congvan: {where}: {message}", err=True)


@app.command()
def extract(
    files: Annotated[list[str], typer.Argument(help="files or folders; '-' reads stdin")],
    out: Annotated[Path | None, typer.Option("-o", "--out", help="write <stem>.json files here")] = None,
    encoding: Annotated[str, typer.Option(help="auto, utf-8, utf-16, cp1258, tcvn3, vni…")] = "auto",
    max_mb: Annotated[float, typer.Option(help="refuse files larger than this")] = DEFAULT_MAX_MB,
) -> None:
    """One file -> pretty JSON; several files or a folder -> JSON Lines; -o DIR -> <stem>.json."""
    targets = [Path("-")] if files == ["-"] else list(_expand(files))
    if not targets:
        fail(" ".join(files), "no documents found")
        raise typer.Exit(1)
    single = len(targets) == 1 and out is None and not any(Path(f).is_dir() for f in files)
    if out:
        out.mkdir(parents=True, exist_ok=True)
    failed = 0
    for path in targets:
        try:
            if str(path) == "-":
                rec = extract_bytes(sys.stdin.buffer.read(), "<stdin>", encoding=encoding, max_mb=max_mb)
            else:
                rec = extract_file(path, encoding=encoding, max_mb=max_mb)
        except CongvanError as exc:
            fail(str(path), str(exc))
            failed += 1
            continue
        if out:
            (out / f"{path.stem if str(path) != '-' else 'stdin'}.json").write_text(
                _dump(rec, True) + "\n", encoding="utf-8")
        else:
            typer.echo(_dump(rec, single))
    if failed:
        raise typer.Exit(1)


@app.command()
def schema() -> None:
    """Print the JSON Schema of the record."""
    typer.echo(json.dumps(json_schema(), ensure_ascii=False, indent=2))


@app.command("eval")
def evaluate(
    gold: Annotated[Path, typer.Option(help="folder of gold <stem>.json files")],
    texts: Annotated[Path, typer.Option(help="folder of the source <stem>.txt files")],
    verbose: Annotated[bool, typer.Option("-v", "--verbose", help="list every miss")] = False,
) -> None:
    """Extract every text that has a gold file and print per-field scores."""
    from pipeline.evaluate import evaluate_folder

    try:
        report = evaluate_folder(gold, texts)
    except CongvanError as exc:
        fail(str(gold), str(exc))
        raise typer.Exit(1) from exc
    typer.echo(report.render(verbose))


def _register_optional() -> None:
    # Registry commands add themselves to ``app``; imported here so ``cli`` is the one entry.
    from pipeline import cli_registry  # noqa: F401


def main() -> None:
    _register_optional()
    try:
        app()
    except CongvanError as exc:
        fail("congvan", str(exc))
        sys.exit(1)
