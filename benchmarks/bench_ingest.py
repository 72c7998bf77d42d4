"""Ingest throughput (docs/s with 1 and 2 workers) and peak memory at 1k and 10k documents.

The documents are the seeds and corpus replicated with varied numbers (each copy is new bytes,
so nothing is skipped as known), packed in a .zip archive as a real bulk source would be. Memory
is the peak resident set of the whole process tree (writer + workers), sampled every 50 ms.

    .venv/bin/python benchmarks/bench_ingest.py [--speed-docs 300] [--sizes 1000 10000]

With ``--scheduler tcp://HOST:8786`` every run extracts on that Dask cluster instead of local
workers; the peak memory is then this machine's (the writer's), the workers' being elsewhere.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def base_texts(kind: str) -> list[str]:
    seeds = sorted((SHARED / "seeds").glob("*.txt"))
    corpus = sorted((SHARED / "corpus").rglob("*.md"))
    paths = seeds if kind == "seeds" else seeds + corpus
    return [p.read_text(encoding="utf-8") for p in paths]


def vary(text: str, i: int) -> str:
    """Copy ``i``: the first "Số: N/" (or the top line) gets a new number."""
    marker = "Số:"
    at = text.find(marker)
    if at < 0:
        return f"Số: {10_000 + i}/KH-UBND\n{text}"
    slash = text.find("/", at)
    return f"{text[:at]}Số: {10_000 + i}{text[slash:]}" if 0 < slash - at < 20 else f"{text}\n<!-- {i} -->"


def make_archive(path: Path, count: int, kind: str) -> Path:
    texts = base_texts(kind)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for i in range(count):
            archive.writestr(f"docs/{i:06d}.txt", vary(texts[i % len(texts)], i))
    return path


def run_ingest(source: Path, db: Path, workers: int, scheduler: str | None = None) -> tuple[float, float, float]:
    """(seconds, peak tree RSS MB, peak writer RSS MB) of one ``congvan ingest`` run; prints the
    CPU seconds of the tree too (sampled: workers are a forkserver's children, which the
    rusage of our own children misses), the figure that holds when others share the cores."""
    cpu: dict[int, float] = {}
    cmd = [sys.executable, "-c", "from pipeline.cli import main; main()", "ingest", str(source), "--db", str(db),
           "--workers", str(workers), *(["--scheduler", scheduler] if scheduler else [])]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    root = psutil.Process(proc.pid)
    peak_tree = peak_main = 0.0
    while proc.poll() is None:
        try:
            main_rss = root.memory_info().rss
            procs = [root, *root.children(recursive=True)]
            tree = sum(p.memory_info().rss for p in procs)
            cpu.update({p.pid: sum(p.cpu_times()[:2]) for p in procs})
        except psutil.Error:
            tree = main_rss = 0
        peak_tree, peak_main = max(peak_tree, tree / 1e6), max(peak_main, main_rss / 1e6)
        time.sleep(0.05)
    seconds = time.perf_counter() - started
    print(f"    (cpu {sum(cpu.values()):.1f} s over {seconds:.1f} s wall)")
    if proc.returncode not in (0, 1):
        raise SystemExit(f"ingest failed: {proc.stderr.read().decode() if proc.stderr else ''}")
    return seconds, peak_tree, peak_main


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--speed-docs", type=int, default=300)
    parser.add_argument("--sizes", type=int, nargs="*", default=[1000, 10_000])
    parser.add_argument("--kind", choices=["seeds", "all"], default="all", help="replicate the seeds or all")
    parser.add_argument("--scheduler", help="extract on this Dask cluster (tcp://HOST:8786)")
    args = parser.parse_args()
    print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}")
    with tempfile.TemporaryDirectory(prefix="bench-ingest-") as tmp:
        work = Path(tmp)
        source = make_archive(work / "speed.zip", args.speed_docs, args.kind)
        if args.scheduler:
            cluster(args.scheduler, source, work, args.speed_docs, args.sizes, args.kind)
            return
        rates = {}
        for workers in (1, 2):
            seconds, tree, _ = run_ingest(source, work / f"speed-{workers}.sqlite", workers)
            rates[workers] = args.speed_docs / seconds
            print(f"{workers} worker(s): {args.speed_docs} docs in {seconds:.1f} s = {rates[workers]:.1f} docs/s "
                  f"(peak {tree:.0f} MB)")
        print(f"speed-up 2 vs 1 workers: {rates[2] / rates[1]:.2f}x")
        for size in args.sizes:
            source = make_archive(work / f"mem-{size}.zip", size, args.kind)
            seconds, tree, writer = run_ingest(source, work / f"mem-{size}.sqlite", 2)
            print(f"{size} docs, 2 workers: {seconds:.0f} s, {size / seconds:.1f} docs/s, peak RSS {tree:.0f} MB "
                  f"(writer {writer:.0f} MB)")


def cluster(scheduler: str, source: Path, work: Path, speed_docs: int, sizes: list[int], kind: str) -> None:
    seconds, _, writer = run_ingest(source, work / "speed-cluster.sqlite", 0, scheduler)
    print(f"cluster {scheduler}: {speed_docs} docs in {seconds:.1f} s = {speed_docs / seconds:.1f} docs/s "
          f"(writer peak {writer:.0f} MB)")
    for size in sizes:
        big = make_archive(work / f"mem-{size}.zip", size, kind)
        seconds, _, writer = run_ingest(big, work / f"mem-{size}-cluster.sqlite", 0, scheduler)
        print(f"{size} docs on the cluster: {seconds:.0f} s, {size / seconds:.1f} docs/s, writer peak RSS {writer:.0f} MB")


if __name__ == "__main__":
    main()
