"""Registry commands: ``congvan ingest``, ``congvan search``, ``congvan show``.

Thin over :mod:`pipeline.registry`; they register themselves on :data:`pipeline.cli.app` when
``cli.main`` imports this module.
"""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.table import Table
from rich.text import Text

from pipeline.cli import app, fail
from pipeline.readers.base import DEFAULT_MAX_MB

if TYPE_CHECKING:  # pandas costs 0.4 s to import: `congvan extract` must not pay it
    import pandas as pd

    from pipeline.registry import Registry

DbOption = Annotated[str, typer.Option(
    "--db", help="the registry: a SQLite file, or a PostgreSQL database as postgresql://user@host:5432/dbname")]


class Kind(StrEnum):
    campaign = "campaign"
    document = "document"
    task = "task"
    assignee = "assignee"


class Format(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


class RateColumn(ProgressColumn):
    """Documents per second."""

    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text(f"{speed:.1f} docs/s" if speed else "– docs/s", style="progress.data.speed")


def _progress(console: Console) -> Progress:
    return Progress(TextColumn("[bold]ingest"), BarColumn(), MofNCompleteColumn(), RateColumn(),
                    TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn(), console=console,
                    disable=not console.is_terminal, transient=False)


def _print_summary(console: Console, summary: Any, db: str) -> None:
    console.print(f"{summary.found} found, {summary.added} added, {summary.known} already in the registry, "
                  f"{summary.failed} failed in {summary.seconds:.1f} s ({summary.rate:.1f} docs/s) → {db}")
    for name, _sha, reason, _code in summary.failures[:20]:
        console.print(f"  quarantined {name}: {reason}", markup=False, highlight=False)
    if summary.failed > 20:
        console.print(f"  … {summary.failed - 20} more: see the quarantine table")


@app.command()
def ingest(
    sources: Annotated[list[str], typer.Argument(help="folders, globs, .zip archives or files")],
    db: DbOption = "registry.sqlite",
    workers: Annotated[int | None, typer.Option(help="extraction processes (default: the cores; 0: inline)")] = None,
    quarantine: Annotated[Path | None, typer.Option(help="copy every file that fails here")] = None,
    jsonl: Annotated[Path | None, typer.Option(help="export this run's records as JSON Lines")] = None,
    parquet: Annotated[Path | None, typer.Option(help="export this run's records as Parquet")] = None,
    batch_size: Annotated[int, typer.Option(help="documents per committed transaction")] = 64,
    max_mb: Annotated[float, typer.Option(help="refuse files larger than this")] = DEFAULT_MAX_MB,
    scheduler: Annotated[str | None, typer.Option(
        help="extract on this Dask cluster's workers (tcp://HOST:8786); --workers is then ignored")] = None,
) -> None:
    """Extract every document under SOURCES into the registry, in parallel, resumably.

    A document is keyed by the sha256 of its bytes: known ones are skipped, so a re-run (after a
    kill too) adds only what is missing. Exit 1 when any file failed (see the quarantine table).
    With --scheduler the extraction runs on the cluster's workers (each with congvan installed)
    and the registry is still written here.
    """
    from pipeline import ingest as ingestion
    from pipeline.errors import CongvanError

    console = Console(stderr=True)
    with _open(db) as reg, _progress(console) as bar:
        task = bar.add_task("ingest", total=None)
        try:
            summary = reg.ingest(sources, workers, batch_size=batch_size, quarantine_dir=quarantine,
                                 max_mb=max_mb, scheduler=scheduler,
                                 keep_hashes=bool(jsonl or parquet),
                                 on_start=lambda total: bar.update(task, total=total),
                                 advance=lambda n: bar.advance(task, n))
        except CongvanError as exc:
            fail(scheduler or str(db), str(exc))
            raise typer.Exit(1) from None
        if jsonl:
            ingestion.write_jsonl(reg.conn, jsonl, summary.hashes)
        if parquet:
            ingestion.write_parquet(reg.conn, parquet, summary.hashes)
    _print_summary(console, summary, db)
    if summary.found == 0:
        fail(" ".join(sources), "no documents found")
        raise typer.Exit(1)
    if summary.failed:
        raise typer.Exit(1)


def _open(db: str) -> Registry:
    """The registry at ``db``, or exit 1 with why it cannot be opened (no traceback)."""
    from pipeline import registry
    from pipeline.errors import CongvanError

    try:
        return registry.open(db)
    except CongvanError as exc:
        fail(db, str(exc))
        raise typer.Exit(1) from None


def _need_db(db: str) -> None:
    from pipeline.registry.pg import is_url

    if not is_url(db) and not Path(db).exists():
        fail(db, "no registry here: build one with `congvan ingest SRC --db FILE`")
        raise typer.Exit(1)


def _emit(frame: pd.DataFrame, fmt: Format, title: str | None = None) -> None:
    import pandas as pd

    if fmt is Format.json:
        typer.echo(frame.to_json(orient="records", force_ascii=False))
    elif fmt is Format.csv:
        sys.stdout.write(frame.to_csv(index=False))
    else:
        table = Table(title=title, show_lines=False)
        for col in frame.columns:
            table.add_column(str(col), overflow="fold")
        for row in frame.itertuples(index=False):
            # Text, not markup: a snippet's "[thi đua]" is the hit, not a rich style tag.
            table.add_row(*(Text("" if pd.isna(v) else str(v)) for v in row))
        Console(width=max(Console().width, 140)).print(table)


@app.command()
def search(
    query: Annotated[str, typer.Argument(help="words, with or without accents")],
    db: DbOption = "registry.sqlite",
    kind: Annotated[Kind | None, typer.Option(help="only this kind of hit")] = None,
    issuer: Annotated[str | None, typer.Option(help="documents of this issuer")] = None,
    year: Annotated[int | None, typer.Option(help="documents of this year")] = None,
    assignee: Annotated[str | None, typer.Option(help="tasks handed to this unit")] = None,
    limit: Annotated[int, typer.Option(help="at most this many hits")] = 20,
    format: Annotated[Format, typer.Option("--format", help="table, json or csv")] = Format.table,
) -> None:
    """Ranked accent-insensitive search: "thi dua" finds "thi đua"."""
    _need_db(db)
    with _open(db) as reg:
        hits = reg.search(query, kind.value if kind else None, issuer=issuer, year=year, assignee=assignee,
                          limit=limit)
    _emit(hits, format, f"{len(hits)} hits for {query!r}")


def _jsonable(shown: dict[str, Any]) -> dict[str, Any]:
    import pandas as pd

    out: dict[str, Any] = {}
    for name, value in shown.items():
        out[name] = json.loads(value.to_json(orient="records", force_ascii=False)) \
            if isinstance(value, pd.DataFrame) else value
    return out


@app.command()
def show(
    ref: Annotated[str, typer.Argument(help="D12, C3, T7, A5, a document number (48/KH-UBND) or sha256 prefix")],
    db: DbOption = "registry.sqlite",
    format: Annotated[Format, typer.Option("--format", help="table or json")] = Format.table,
) -> None:
    """A document with its campaigns, tasks, cited acts and citing documents; a campaign with its
    documents; an assignee with its tasks."""
    import pandas as pd

    from pipeline.registry.queries import NotFound

    _need_db(db)
    try:
        with _open(db) as reg:
            shown = reg.show(ref)
    except (NotFound, ValueError) as exc:
        fail(ref, str(exc))
        raise typer.Exit(1) from exc
    if format is Format.json:
        typer.echo(json.dumps(_jsonable(shown), ensure_ascii=False, indent=2, default=str))
        return
    console = Console(width=max(Console().width, 140))
    console.print(f"[bold]{shown['kind']}[/bold]")
    for key, value in shown["item"].items():
        console.print(f"  {key}: {value}", markup=False, highlight=False)
    for name, value in shown.items():
        if isinstance(value, pd.DataFrame):
            _emit(value, Format.table, f"{name} ({len(value)})")
