"""Shared fixtures: the real documents beside the checkout (../shared) and a record cache."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pytest

from pipeline.extract import extract_file
from pipeline.record import Record

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
GOLD = SHARED / "eval" / "gold"
CORPUS = SHARED / "corpus" / "vanban-chinhphu"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def seed_paths() -> list[Path]:
    return sorted(SEEDS.glob("*.txt"))


@cache
def seed_record(stem: str) -> Record:
    return extract_file(SEEDS / f"{stem}.txt")


@cache
def gold(stem: str) -> dict:
    return json.loads((GOLD / f"{stem}.json").read_text(encoding="utf-8"))


needs_shared = pytest.mark.skipif(not SEEDS.exists(), reason="../shared is not beside the checkout")


@pytest.fixture(scope="session")
def corpus_registry(tmp_path_factory):
    """Seeds and corpus ingested ONCE per test session (with two workers): (path, summary).

    Full extraction of ~260 documents is the suite's dearest step; tests that only read the
    result (ingest checks, the registry tour notebook) share this one. Don't write to it.
    """
    import pipeline.registry as registry

    path = tmp_path_factory.mktemp("corpus-registry") / "registry.sqlite"
    with registry.open(path) as reg:
        summary = reg.ingest([str(SEEDS), str(CORPUS)], workers=2)
    return path, summary


# --- a throwaway PostgreSQL server (tests/test_registry_postgres.py) -----------------------------

def _postgres_bin() -> Path | None:
    """The folder holding initdb and pg_ctl: on PATH, else the newest /usr/lib/postgresql/*/bin."""
    import shutil

    initdb = shutil.which("initdb")
    if initdb and shutil.which("pg_ctl"):
        return Path(initdb).parent
    found = [b for b in Path("/usr/lib/postgresql").glob("*/bin") if (b / "initdb").is_file() and (b / "pg_ctl").is_file()]
    return max(found, key=lambda b: int(b.parent.name) if b.parent.name.isdigit() else 0) if found else None


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="session")
def postgres_server():
    """A PostgreSQL server of its own on 127.0.0.1 (trust auth, socket in a temp dir) for the session;
    yields a URL of its ``postgres`` database. initdb refuses root: as root, the server runs as the
    ``postgres`` system user. Skips when no server binaries are installed, unless
    CONGVAN_REQUIRE_POSTGRES=1 (then it fails: CI must not skip silently)."""
    import os
    import pwd
    import shutil
    import subprocess
    import tempfile

    bindir = _postgres_bin()
    as_user: list[str] = []
    if bindir is not None and os.geteuid() == 0:
        try:
            owner = pwd.getpwnam("postgres")
        except KeyError:
            bindir = None
        else:
            as_user = ["runuser", "-u", "postgres", "--"]
    if bindir is None:
        reason = "no PostgreSQL server binaries (initdb, pg_ctl; as root, a postgres user) on this machine"
        if os.environ.get("CONGVAN_REQUIRE_POSTGRES") == "1":
            pytest.fail(f"CONGVAN_REQUIRE_POSTGRES=1 but {reason}")
        pytest.skip(reason)
    work = Path(tempfile.mkdtemp(prefix="congvan-pg-"))
    if as_user:
        os.chown(work, owner.pw_uid, owner.pw_gid)
    data, port = work / "data", _free_port()

    def run(*args: str) -> None:
        subprocess.run([*as_user, *args], check=True, capture_output=True, timeout=120)

    try:
        run(str(bindir / "initdb"), "-D", str(data), "-A", "trust", "-U", "congvan", "-E", "UTF8", "--no-locale",
            "--no-sync")
        run(str(bindir / "pg_ctl"), "-D", str(data), "-l", str(work / "server.log"), "-w", "-t", "60", "-o",
            f"-c listen_addresses=127.0.0.1 -p {port} -k {work} -c fsync=off -c synchronous_commit=off "
            "-c full_page_writes=off", "start")
    except subprocess.CalledProcessError as exc:
        log = (work / "server.log").read_text(errors="replace") if (work / "server.log").exists() else ""
        shutil.rmtree(work, ignore_errors=True)
        pytest.fail(f"could not start PostgreSQL: {exc.stderr.decode(errors='replace')}{log}")
    try:
        yield f"postgresql://congvan@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run([*as_user, str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop"],
                       capture_output=True, timeout=60)
        shutil.rmtree(work, ignore_errors=True)


def new_postgres_database(server_url: str, name: str) -> str:
    """A fresh, empty database on the test server; its URL."""
    import psycopg

    with psycopg.connect(server_url, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')
    return server_url.rsplit("/", 1)[0] + f"/{name}"
