"""Speed and memory of ``extract_text`` against underthesea's ``word_tokenize`` on the same texts.

    .venv/bin/python benchmarks/bench_extract.py [--limit N] [--repeat R] [--profile]

Texts: the documents of ``../shared/corpus/vanban-chinhphu`` (each page's text after its
"## VĂN BẢN" line, up to "## VĂN BẢN LIÊN QUAN"). Prints docs/s, MB/s (UTF-8 bytes) and peak
memory of each, their time ratio (the goal: a whole record for at most half of ``word_tokenize``),
and the time of repair and of each stage, run one by one as ``extract_text`` runs them. Peak
memory is measured in a child process per workload (its high-water RSS, and the growth over the
process after its imports), so one workload's memory does not hide the other's. ``--profile``
adds the functions where extraction spends its time (cProfile).
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import io
import json
import pstats
import resource
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import regex

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "vanban-chinhphu"
_DOCUMENT = regex.compile(r"(?m)^## VĂN BẢN[ \t]*$")
_DOCUMENT_END = regex.compile(r"(?m)^## VĂN BẢN LIÊN QUAN")


def corpus_texts(limit: int | None = None) -> list[str]:
    """The document part of each corpus page that has one, in file order."""
    texts = []
    for page in sorted(CORPUS.glob("*.md")):
        markdown = page.read_text(encoding="utf-8")
        start = _DOCUMENT.search(markdown)
        if not start:
            continue
        end = _DOCUMENT_END.search(markdown, start.end())
        text = markdown[start.end() : end.start() if end else len(markdown)].strip()
        if text:
            texts.append(text)
        if limit and len(texts) >= limit:
            break
    return texts


def run_extract(texts: list[str]) -> None:
    from pipeline.extract import extract_text

    for text in texts:
        extract_text(text)


def run_word_tokenize(texts: list[str]) -> None:
    from underthesea import word_tokenize

    for text in texts:
        word_tokenize(text)


WORKLOADS: dict[str, Callable[[list[str]], None]] = {"extract_text": run_extract,
                                                     "word_tokenize": run_word_tokenize}


def warm(name: str, texts: list[str]) -> None:
    """Load models and tables before the clock starts, as a long-running service pays them once;
    a real document, since some stages load theirs only when they meet what needs them."""
    WORKLOADS[name](texts[:1])


def best_time(name: str, texts: list[str], repeat: int) -> tuple[float, float]:
    """(CPU seconds, wall seconds) of the best run. CPU time is what the ratio uses: on a shared
    machine the wall clock also counts other people's processes."""
    warm(name, texts)
    runs = []
    for _ in range(repeat):
        cpu, wall = time.process_time(), time.perf_counter()
        WORKLOADS[name](texts)
        runs.append((time.process_time() - cpu, time.perf_counter() - wall))
    return min(runs)


def stage_times(texts: list[str]) -> dict[str, float]:
    """Seconds spent in repair (``Doc.from_text``) and in each stage, over all texts."""
    from pipeline.document import Doc
    from pipeline.stages import STAGES

    spent = {"repair": 0.0, **{stage.name: 0.0 for stage in STAGES}}
    for text in texts:
        start = time.process_time()
        doc = Doc.from_text(text)
        spent["repair"] += time.process_time() - start
        for stage in STAGES:
            start = time.process_time()
            with contextlib.suppress(Exception):  # as in extract_text: a failing stage costs only itself
                stage.add(doc)
            spent[stage.name] += time.process_time() - start
    return spent


def peak_memory_mb(name: str, limit: int | None) -> tuple[float, float]:
    """(peak RSS, growth over the post-import RSS) in MB of one workload, in a child process."""
    args = [sys.executable, __file__, "--memory-of", name] + (["--limit", str(limit)] if limit else [])
    out = subprocess.run(args, check=True, capture_output=True, text=True, cwd=ROOT).stdout
    measured = json.loads(out.strip().splitlines()[-1])
    return measured["peak_mb"], measured["peak_mb"] - measured["base_mb"]


def _rss_peak_mb() -> float:
    """This process's peak RSS. VmHWM, where Linux has it: ``ru_maxrss`` survives exec, so a child
    started by a big parent would report the parent's peak."""
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports KiB


def measure_memory_here(name: str, limit: int | None) -> None:
    """Child side of :func:`peak_memory_mb`: imports, then baseline, then the workload."""
    texts = corpus_texts(limit)
    if name == "extract_text":
        import pipeline.extract  # noqa: F401
    else:
        import underthesea  # noqa: F401
    base = _rss_peak_mb()
    warm(name, texts)
    WORKLOADS[name](texts)
    print(json.dumps({"peak_mb": _rss_peak_mb(), "base_mb": base}))


def profile(texts: list[str], top: int = 25) -> str:
    from pipeline.extract import extract_text

    warm("extract_text", texts)
    profiler = cProfile.Profile()
    profiler.enable()
    for text in texts:
        extract_text(text)
    profiler.disable()
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out)
    stats.sort_stats("cumulative").print_stats(top)
    stats.sort_stats("tottime").print_stats(top)
    return out.getvalue()


def report(texts: list[str], limit: int | None, repeat: int) -> list[str]:
    megabytes = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    lines = [f"{len(texts)} documents, {megabytes:.2f} MB (UTF-8), best of {repeat}", ""]
    lines.append(f"{'(CPU time)':16s} {'seconds':>8s} {'docs/s':>8s} {'MB/s':>7s} {'wall s':>7s} "
                 f"{'peak RSS MB':>12s} {'growth MB':>10s}")
    seconds = {}
    for name in WORKLOADS:
        seconds[name], wall = best_time(name, texts, repeat)
        peak, growth = peak_memory_mb(name, limit)
        lines.append(f"{name:16s} {seconds[name]:8.2f} {len(texts) / seconds[name]:8.1f} "
                     f"{megabytes / seconds[name]:7.2f} {wall:7.2f} {peak:12.0f} {growth:10.0f}")
    ratio = seconds["extract_text"] / seconds["word_tokenize"]
    lines += ["", f"extract_text / word_tokenize = {ratio:.2f}   (goal <= 0.50: {'met' if ratio <= 0.5 else 'NOT met'})", ""]
    spent = stage_times(texts)
    total = sum(spent.values())
    lines.append(f"{'stage (CPU)':16s} {'seconds':>8s} {'share':>6s} {'ms/doc':>7s}")
    for name, s in spent.items():
        lines.append(f"{name:16s} {s:8.3f} {s / total:6.1%} {1000 * s / len(texts):7.2f}")
    return lines


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, help="only the first N documents")
    ap.add_argument("--repeat", type=int, default=1, help="time each workload R times, keep the best")
    ap.add_argument("--profile", action="store_true", help="also print where extraction spends its time")
    ap.add_argument("--memory-of", choices=sorted(WORKLOADS), help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.memory_of:
        measure_memory_here(args.memory_of, args.limit)
        return 0
    texts = corpus_texts(args.limit)
    if not texts:
        print(f"no documents under {CORPUS}", file=sys.stderr)
        return 2
    print("\n".join(report(texts, args.limit, args.repeat)))
    if args.profile:
        print(profile(texts))
    return 0


if __name__ == "__main__":
    sys.exit(main())
