"""Benchmark extraction: ``extract`` MB/s in English and French, and quantulum3 beside it.

Run it as a script (it is not a test)::

    python benchmarks/bench_extract.py [--megabytes 2] [--quantulum-megabytes 0.25]

Goal: ``extract`` reads at least 1 MB of article text per second on one core.

The texts are deterministic news articles: the seed article (French) and synthetic
sentences built from templates (a source, a reporting verb, a date, a hedged figure, a
counted noun, a place), mixed with sentences without figures but with years, dates,
times, ages and names with digits, so that about one sentence in four holds a figure
(the seed article has five figures in fifteen sentences).

Side by side with quantulum3 (``pip install 'estimates[bench]'``; skipped with a
message when missing) on the same English text:

* **throughput**: MB/s of ``quantulum3.parser.parse`` and of ``extract`` on the same
  stretch (quantulum3 is slow, so it reads the first ``--quantulum-megabytes``);
* **hedges kept**: the generator knows every hedged figure it wrote ("about 5,000",
  "up to 12,000", "more than 300", "between 2,000 and 3,000", "thousands of").  A
  hedge is *kept by extract* when a figure extracted over that number carries the
  hedge code the words mean (``approx``, ``up_to``, ``more_than``, ``range``,
  ``magnitude`` ...).  It is *kept by quantulum3* when a quantity it returns over that
  number either has the hedge words in its surface text or reflects them in its value
  (an uncertainty, as quantulum3 gives ranges); a bare number is not a kept hedge.

Each line prints the measure and its ratio to the goal or to quantulum3.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
import warnings
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from estimates._api.extract import extract  # noqa: E402

SEED_ARTICLE = ROOT / "seeds" / "000_9e8ba33e4502eb57.txt"
GOAL = 1.0  # MB per second

# fmt: off
EN = {
    "agents": ["The Pentagon", "Ukrainian officials", "The UN", "Kyiv", "Moscow",
               "The ministry of defence", "US, South Korean and Ukrainian intelligence",
               "South Korea, the US and Ukraine", "NATO Secretary General Mark Rutte",
               "The governor", "Analysts", "The Kremlin"],
    "verbs": ["said", "told reporters", "estimated", "confirmed", "claimed", "says",
              "estimate", "reported"],
    "dates": ["", "on Monday", "last week", "yesterday", "in October", "three days ago",
              "on 7 November", "in early August"],
    "hedges": [("", "exact"), ("about ", "approx"), ("around ", "approx"),
               ("roughly ", "approx"), ("some ", "approx"), ("nearly ", "nearly"),
               ("almost ", "nearly"), ("more than ", "more_than"), ("over ", "more_than"),
               ("at least ", "at_least"), ("fewer than ", "less_than"),
               ("up to ", "up_to"), ("as many as ", "up_to"), ("at most ", "at_most")],
    "nouns": ["North Korean troops", "soldiers", "civilians", "drones", "missiles",
              "containers of artillery, missiles and other weapons", "refugees",
              "prisoners", "people"],
    "places": ["in Kursk", "in the Kursk region", "in Ukraine", "sent to Russia", "in Gaza",
               "killed", "missing"],
    "between": ("between {a} and {b}", "range"),
    "magnitude": ("thousands of", "magnitude"),
    "filler": [
        "The treaty is seen as the most important agreement between the two countries "
        "since the end of the Cold War, and diplomats in both capitals have called it a "
        "turning point.",
        "The agreement was ratified in 2024 after talks that began in 2023, and it obliges "
        "both sides to provide immediate military assistance in the event of an attack.",
        "Observers believe the ratification could mean that North Korea will soon enter "
        "the war between Russia and Ukraine more openly.",
        "The COVID-19 crisis and the G7 summit were also discussed on 7 November 2024, "
        "when ministers met behind closed doors in the capital.",
        "Markets barely moved: the CAC 40 and the FTSE 100 were little changed by the "
        "evening, traders said.",
        "He was 23 years old when he joined the army, and he has not spoken publicly since "
        "the start of the war.",
        "Talks resumed at 10:30 and ended late in the evening without a joint statement.",
        "The A380 landed in Seoul after a long flight from Moscow, carrying the delegation "
        "and a handful of journalists.",
        "South Korea and the United States have expressed concern about what Russia might "
        "offer North Korea in return, such as sensitive technology transfers.",
        "The accord also calls on both countries to cooperate on energy, space, food "
        "supply, trade and the economy.",
        ],
}
FR = {
    "agents": ["Le Pentagone", "Les autorités ukrainiennes", "L’ONU", "Kiev", "Moscou",
               "Le ministère de la Défense",
               "Les services de renseignement américains, sud-coréens et ukrainiens",
               "La Corée du Sud, les États-Unis et l’Ukraine",
               "Le président ukrainien Volodymyr Zelensky", "Le gouverneur", "Les analystes"],
    "verbs": ["a déclaré", "ont confirmé", "estiment", "affirme", "a indiqué", "a annoncé"],
    "dates": ["", "lundi", "la semaine dernière", "hier", "le mois dernier",
              "il y a trois jours", "le 7 novembre", "début août"],
    "hedges": [("", "exact"), ("environ ", "approx"), ("quelque ", "approx"),
               ("près de ", "nearly"), ("plus de ", "more_than"), ("au moins ", "at_least"),
               ("moins de ", "less_than"), ("jusqu’à ", "up_to")],
    "nouns": ["soldats nord-coréens", "soldats", "civils", "drones", "missiles",
              "conteneurs d’artillerie, de missiles et d’autres armes", "réfugiés",
              "prisonniers", "personnes"],
    "places": ["à Koursk", "dans la région de Koursk", "en Ukraine", "en Russie", "tués",
               "portés disparus"],
    "between": ("entre {a} et {b}", "range"),
    "magnitude": ("des milliers de", "magnitude"),
    "filler": [
        "Cet accord est considéré comme le plus important entre les deux pays depuis la fin "
        "de la guerre froide, et les diplomates des deux capitales y voient un tournant.",
        "La Corée du Nord a ratifié mardi un important accord de défense avec la Russie, qui "
        "prévoit une aide militaire mutuelle en cas d’attaque.",
        "Le traité a été signé en 2024 après des négociations entamées en 2023, selon les "
        "médias locaux, et il entrera en vigueur après l’échange des documents.",
        "La pandémie de Covid-19 et le sommet du G7 ont été évoqués le 7 novembre 2024, "
        "lorsque les ministres se sont réunis à huis clos.",
        "Les marchés ont peu réagi : le CAC 40 a peu varié en fin de journée.",
        "Il avait 23 ans quand il a rejoint l’armée, et il ne s’est plus exprimé depuis le "
        "début de la guerre.",
        "La réunion a commencé à 10h30 et s’est terminée tard dans la soirée, sans "
        "déclaration commune.",
        "L’A380 a atterri à Séoul après un long vol depuis Moscou, avec la délégation et "
        "quelques journalistes à son bord.",
        ],
}
# fmt: on


@dataclass(frozen=True)
class Planted:
    """A figure the generator wrote: where its number is and the hedge it means."""

    start: int
    end: int
    hedge: str


def _number(rng: random.Random, lang: str) -> str:
    n = rng.choice([12, 40, 300, 1_200, 5_000, 10_000, 12_000, 50_000, 700_000])
    n = n * rng.choice([1, 2, 3])
    if n < 1000:
        return str(n)
    s = f"{n:,}"
    return s.replace(",", "\u202f" if rng.random() < 0.3 else " ") if lang == "fr" else s


def make_text(lang: str, size: int, *, seed: int = 11) -> tuple[str, list[Planted]]:
    """About ``size`` characters of news in ``lang``, and the figures planted in it."""
    rng = random.Random(seed)
    lex = EN if lang == "en" else FR
    seed_lines = SEED_ARTICLE.read_text(encoding="utf-8").splitlines() if lang == "fr" else []
    parts: list[str] = []
    planted: list[Planted] = []
    pos = 0
    while pos < size:
        kind = rng.random()
        if kind < 0.6:
            line = rng.choice(lex["filler"])
        elif kind < 0.75:
            line = rng.choice(seed_lines or lex["filler"])
        else:
            agent = rng.choice(lex["agents"])
            verb = rng.choice(lex["verbs"])
            date = rng.choice(lex["dates"])
            noun = rng.choice(lex["nouns"])
            place = rng.choice(lex["places"])
            r = rng.random()
            if r < 0.12:
                n = rng.choice([2, 3, 5, 10, 20]) * 1000
                a = f"{n:,}".replace(",", " " if lang == "fr" else ",")
                b = f"{2 * n:,}".replace(",", " " if lang == "fr" else ",")
                fig = lex["between"][0].format(a=a, b=b)
                hedge = lex["between"][1]
                num_at = len(fig) - len(b)
            elif r < 0.2:
                fig, hedge = lex["magnitude"]
                num_at = 0
            else:
                h, hedge = rng.choice(lex["hedges"])
                fig = h + _number(rng, lang)
                num_at = len(h)
            head = " ".join(w for w in (agent, verb, date) if w)
            that = " que " if lang == "fr" else " that "
            were = " étaient" if lang == "fr" else " were"
            line = f"{head}{that}{fig} {noun}{were} {place}".strip() + "."
            if lang == "fr":
                line = line.replace("que environ", "qu’environ").replace("que au", "qu’au")
            start = pos + line.index(fig)
            planted.append(Planted(start + num_at, start + len(fig), hedge))
        parts.append(line)
        pos += len(line) + 1
    return "\n".join(parts), planted


def _over(spans: list[tuple[int, int, object]], p: Planted) -> list[object]:
    return [v for a, b, v in spans if a <= p.start < b or (p.start <= a < p.end)]


def hedges_kept_by_extract(text: str, lang: str, planted: list[Planted]) -> tuple[int, int]:
    """(hedged figures planted, of which extract kept the hedge)."""
    f = extract(text, lang, "2024-11-12").frame
    spans = [
        (int(a), int(b), str(h))
        for a, b, h in zip(f["span_start"], f["span_end"], f["hedge"], strict=True)
    ]
    spans.sort()
    hedged = [p for p in planted if p.hedge != "exact"]
    kept = sum(1 for p in hedged if p.hedge in _over(spans, p))
    return len(hedged), kept


def hedges_kept_by_quantulum(quantities: list, text: str, planted: list[Planted]) -> int:
    """How many planted hedges quantulum3 keeps (hedge words in its surface, or an
    uncertainty)."""
    words = {
        "approx": ("about", "around", "roughly", "some"),
        "nearly": ("nearly", "almost"),
        "more_than": ("more than", "over"),
        "at_least": ("at least",),
        "less_than": ("fewer than",),
        "up_to": ("up to", "as many as"),
        "at_most": ("at most",),
        "range": ("between",),
        "magnitude": ("thousands",),
    }
    spans = [(q.span[0], q.span[1], q) for q in quantities]
    kept = 0
    for p in planted:
        if p.hedge == "exact":
            continue
        for q in _over(spans, p):
            surface = q.surface.lower()  # type: ignore[attr-defined]
            if any(w in surface for w in words[p.hedge]) or q.uncertainty:  # type: ignore[attr-defined]
                kept += 1
                break
    return kept


def bench_extract(text: str, lang: str, repeat: int = 3) -> tuple[float, int]:
    """Best MB/s of ``extract`` over the text, and how many claims it found."""
    mb = len(text.encode("utf-8")) / 1e6
    extract(text[:20_000], lang, "2024-11-12")  # warm-up: registries, caches
    best, rows = 0.0, 0
    for _ in range(repeat):
        t = time.perf_counter()
        rows = len(extract(text, lang, "2024-11-12"))
        best = max(best, mb / (time.perf_counter() - t))
    return best, rows


#: Repeated units whose extraction must grow linearly (tests/extract/test_bad_input.py
#: checks the output on them; the time is measured here).
GROWTH_UNITS = ("1 ", "1,000 troops ", "said ", "selon ", ", ", "10 000 soldats, la Corée, ")


def bench_growth(repeat: int = 2) -> list[tuple[str, float]]:
    """(unit, time of 4x text / time of 1x text) for each repeated unit, same run.

    About 4 is linear; 16 would be quadratic.
    """
    out = []
    for unit in GROWTH_UNITS:
        n = 25_000 if len(unit) <= 2 else 1_000
        times = []
        for text in (unit * n, unit * (4 * n)):
            best = float("inf")
            for _ in range(repeat):
                t = time.perf_counter()
                extract(text, "fr", "2024-11-12")
                best = min(best, time.perf_counter() - t)
            times.append(best)
        out.append((unit, times[1] / max(times[0], 1e-9)))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--megabytes", type=float, default=2.0, help="size of each text")
    ap.add_argument(
        "--quantulum-megabytes",
        type=float,
        default=0.05,
        help="size of the English stretch given to quantulum3",
    )
    args = ap.parse_args(argv)
    size = int(args.megabytes * 1e6)
    results = {}
    for lang in ("en", "fr"):
        text, planted = make_text(lang, size)
        mbs, rows = bench_extract(text, lang)
        results[lang] = (text, planted)
        print(
            f"extract {lang}: {mbs:.2f} MB/s over {len(text.encode()) / 1e6:.1f} MB "
            f"(goal {GOAL:g} MB/s, ratio {mbs / GOAL:.2f})  [{rows:,} claims, "
            f"{len(planted):,} planted]"
        )
    text, planted = results["en"]
    qsize = int(args.quantulum_megabytes * 1e6)
    cut = text.rfind("\n", 0, qsize)
    sub = text[: cut if cut > 0 else qsize]
    sub_planted = [p for p in planted if p.end <= len(sub)]
    mb = len(sub.encode("utf-8")) / 1e6
    ours_mbs, ours_rows = bench_extract(sub, "en")
    hedged, ours_kept = hedges_kept_by_extract(sub, "en", sub_planted)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            from quantulum3 import parser as qparser
    except ImportError:
        print("quantulum3: not installed (pip install 'estimates[bench]'): comparison skipped")
        print(f"hedges kept by extract: {ours_kept:,} of {hedged:,} hedged figures")
        return 0
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        qparser.parse("about 10,000 troops")  # warm-up: loads its data
        t = time.perf_counter()
        quantities = qparser.parse(sub)
        q_mbs = mb / (time.perf_counter() - t)
    q_kept = hedges_kept_by_quantulum(quantities, sub, sub_planted)
    print(
        f"on the same {mb:.2f} MB of English: extract {ours_mbs:.2f} MB/s, quantulum3 "
        f"{q_mbs:.3f} MB/s (extract/quantulum3 ratio {ours_mbs / q_mbs:.1f})"
    )
    print(
        f"figures planted: {len(sub_planted):,}; returned: extract {ours_rows:,}, "
        f"quantulum3 {len(quantities):,} (it also takes years, dates, times, ages and "
        "names with digits)"
    )
    print(
        f"hedged figures planted: {hedged:,}; hedges kept: extract {ours_kept:,} "
        f"({ours_kept / hedged:.0%}), quantulum3 {q_kept:,} ({q_kept / hedged:.0%}); "
        f"ratio {ours_kept / max(q_kept, 1):.1f}"
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for unit, ratio in bench_growth():
            print(f"growth of extract on {unit!r} x4: {ratio:.1f}x time (linear ~4)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
