"""Benchmark the parsing layer: parse() phrases/s, scan() MB/s, ``import estimates`` time.

Run it as a script (it is not a test)::

    python benchmarks/bench_parse.py [--phrases 20000] [--megabytes 5]

Goals: ``parse`` >= 20,000 phrases/s on one core over a varied corpus in both languages;
``scan`` >= 1 MB/s on long news text; ``import estimates`` < 0.5 s in a fresh process.
Each line prints the measure and its ratio to the goal (> 1 is better than the goal).
"""

from __future__ import annotations

import argparse
import contextlib
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import make_corpus, make_long_text

from estimates import ParseError, parse, scan

PARSE_GOAL = 20_000.0  # phrases per second
SCAN_GOAL = 1.0  # MB per second
IMPORT_GOAL = 0.5  # seconds


def bench_parse(phrases: list[tuple[str, str]], repeat: int = 3) -> tuple[float, int]:
    """Best phrases/s over ``repeat`` passes, and how many phrases failed to parse."""
    failures = 0
    for text, lang in phrases[:500]:  # warm-up: the unit registry, caches
        with contextlib.suppress(ParseError):
            parse(text, lang)
    best = 0.0
    for _ in range(repeat):
        failures = 0
        t = time.perf_counter()
        for text, lang in phrases:
            try:
                parse(text, lang)
            except ParseError:
                failures += 1
        best = max(best, len(phrases) / (time.perf_counter() - t))
    return best, failures


def bench_scan(text: str, repeat: int = 3) -> tuple[float, int]:
    """Best MB/s of ``scan`` over the text, and how many mentions it found."""
    mb = len(text.encode("utf-8")) / 1e6
    best = 0.0
    found = 0
    for _ in range(repeat):
        t = time.perf_counter()
        found = len(scan(text, "fr"))
        best = max(best, mb / (time.perf_counter() - t))
    return best, found


def bench_import(repeat: int = 5) -> float:
    """Median wall time of ``import estimates`` in a fresh interpreter."""
    code = "import time; t = time.perf_counter(); import estimates; print(time.perf_counter() - t)"
    times = []
    for _ in range(repeat):
        out = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        )
        times.append(float(out.stdout.strip()))
    return statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--phrases", type=int, default=20_000, help="corpus size (>= 10,000)")
    ap.add_argument("--megabytes", type=float, default=5.0, help="size of the scanned text")
    ap.add_argument("--seed", type=int, default=20241112)
    args = ap.parse_args(argv)

    phrases = make_corpus(max(args.phrases, 10_000), seed=args.seed)
    langs = {lang: sum(1 for _, x in phrases if x == lang) for lang in ("en", "fr")}
    print(f"corpus: {len(phrases):,} phrases ({langs['en']:,} en, {langs['fr']:,} fr)")

    rate, failures = bench_parse(phrases)
    print(
        f"parse: {rate:,.0f} phrases/s  (goal {PARSE_GOAL:,.0f}/s, ratio {rate / PARSE_GOAL:.2f})"
        f"  [{failures} phrases refused]"
    )

    text = make_long_text(int(args.megabytes * 1_000_000), seed=args.seed)
    mbps, found = bench_scan(text)
    print(
        f"scan:  {mbps:.2f} MB/s over {len(text.encode('utf-8')) / 1e6:.1f} MB "
        f"(goal {SCAN_GOAL:.0f} MB/s, ratio {mbps / SCAN_GOAL:.2f})  [{found:,} mentions]"
    )

    seconds = bench_import()
    print(
        f"import estimates: {seconds:.3f} s in a fresh process "
        f"(goal < {IMPORT_GOAL} s, ratio {IMPORT_GOAL / seconds:.2f})"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
