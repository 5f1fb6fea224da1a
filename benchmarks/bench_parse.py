"""Benchmark the parsing layer: parse() phrases/s, scan() MB/s, ``import estimates`` time.

Run it as a script (it is not a test)::

    python benchmarks/bench_parse.py [--phrases 20000] [--megabytes 5] [--pathological 10]

Goals: ``parse`` >= 20,000 phrases/s on one core over a varied corpus in both languages;
``scan`` >= 1 MB/s on long news text; ``import estimates`` < 0.5 s in a fresh process.
Each line prints the measure and its ratio to the goal (> 1 is better than the goal).

Same-run baselines (the machine's speed today, printed beside each measure): a bare
regex pass that only finds digit runs over the same text (what any scanner must at
least do), and quantulum3 when the ``bench`` extra is installed.  Pathological inputs
(issue 13): 10 MB of ``"1-"`` and of ``"1 000 "`` repeated, in both languages and with
``lang="auto"``, and 1 MB bad figure cells given to ``parse``.
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


def bench_scan(text: str, repeat: int = 3, lang: str = "fr") -> tuple[float, int]:
    """Best MB/s of ``scan`` over the text, and how many mentions it found."""
    mb = len(text.encode("utf-8")) / 1e6
    best = 0.0
    found = 0
    for _ in range(repeat):
        t = time.perf_counter()
        found = len(scan(text, lang))
        best = max(best, mb / (time.perf_counter() - t))
    return best, found


def bench_regex_baseline(text: str, repeat: int = 3) -> float:
    """Best MB/s of a bare regex pass finding digit runs: the same-run baseline."""
    import re

    digits = re.compile(r"[0-9][0-9,. ]*")
    mb = len(text.encode("utf-8")) / 1e6
    best = 0.0
    for _ in range(repeat):
        t = time.perf_counter()
        sum(1 for _ in digits.finditer(text))
        best = max(best, mb / (time.perf_counter() - t))
    return best


def bench_quantulum(text: str) -> float | None:
    """MB/s of quantulum3's parser on (the first 200 kB of) the text, if installed."""
    try:
        from quantulum3 import parser as qparser
    except ImportError:
        return None
    sample = text[:200_000]
    t = time.perf_counter()
    qparser.parse(sample)
    return len(sample.encode("utf-8")) / 1e6 / (time.perf_counter() - t)


def bench_bad_cells(size: int = 1_000_000) -> list[tuple[str, float, int]]:
    """Seconds and message length of parse() on 1 MB bad figure cells."""
    out = []
    for name, cell in (
        ("'1-' * 500k", "1-" * (size // 2)),
        ("'1 000 ' * 166k", "1 000 " * (size // 6)),
        ("'plus ' * 200k after 5,000", "5,000 " + "plus " * (size // 5)),
        ("1 MB of letters", "x" * size),
    ):
        t = time.perf_counter()
        try:
            parse(cell)
            length = 0
        except ParseError as exc:
            length = len(str(exc))
        out.append((name, time.perf_counter() - t, length))
    return out


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


#: Repeated units whose scan must grow linearly (tests/parsing/test_scan.py checks the
#: output on them; the time is measured here).
GROWTH_UNITS = ("1 ", "1,", "1.", "111 ", "1-", "de 1 à ", "a dozen ", "thousands of ", "12/")


def bench_growth(n: int = 5_000, repeat: int = 2) -> list[tuple[str, float]]:
    """(unit, time of 4x text / time of 1x text) for each repeated unit, same run.

    About 4 is linear; 16 would be quadratic.
    """
    out = []
    for unit in GROWTH_UNITS:
        times = []
        for text in (unit * n, unit * (4 * n)):
            best = float("inf")
            for _ in range(repeat):
                t = time.perf_counter()
                scan(text, "fr")
                best = min(best, time.perf_counter() - t)
            times.append(best)
        out.append((unit, times[1] / max(times[0], 1e-9)))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--phrases", type=int, default=20_000, help="corpus size (>= 10,000)")
    ap.add_argument("--megabytes", type=float, default=5.0, help="size of the scanned text")
    ap.add_argument("--seed", type=int, default=20241112)
    ap.add_argument(
        "--pathological", type=float, default=10.0, help="MB of '1-' and '1 000 ' to scan"
    )
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
    base = bench_regex_baseline(text)
    print(f"baseline: bare digit regex {base:.1f} MB/s over the same text (same run)")
    quant = bench_quantulum(text)
    if quant is not None:
        print(f"baseline: quantulum3 {quant:.3f} MB/s (first 200 kB, same run)")
    for lang in ("fr", "en", "auto"):
        mbps, found = bench_scan(text, lang=lang)
        print(
            f"scan({lang}):  {mbps:.2f} MB/s over {len(text.encode('utf-8')) / 1e6:.1f} MB "
            f"(goal {SCAN_GOAL:.0f} MB/s, ratio {mbps / SCAN_GOAL:.2f}; "
            f"{mbps / base:.3f} of the regex baseline)  [{found:,} mentions]"
        )

    size = int(args.pathological * 1_000_000)
    for name, unit in (("'1-'", "1-"), ("'1 000 '", "1 000 ")):
        patho = unit * (size // len(unit))
        for lang in ("en", "fr", "auto"):
            mbps, found = bench_scan(patho, repeat=1, lang=lang)
            print(
                f"scan({lang}) of {len(patho) / 1e6:.0f} MB of {name} repeated: {mbps:.1f} MB/s "
                f"[{found} mentions]"
            )
    for name, seconds, length in bench_bad_cells():
        print(f"parse() of a 1 MB bad cell ({name}): {seconds:.3f} s, message {length} chars")

    seconds = bench_import()
    print(
        f"import estimates: {seconds:.3f} s in a fresh process "
        f"(goal < {IMPORT_GOAL} s, ratio {IMPORT_GOAL / seconds:.2f})"
    )
    for unit, ratio in bench_growth():
        print(f"growth of scan on {unit!r} x4: {ratio:.1f}x time (linear ~4, quadratic ~16)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
