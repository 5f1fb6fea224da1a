"""A deterministic corpus of figure phrases in English and French, for benchmarks.

:func:`make_corpus` draws phrases from every form the parser reads: all hedges
(before and after the number), ranges with every connector, scale words and suffixes,
number words, vague magnitudes and collectives, units and counted nouns with
adjectives, currencies before and after, and every local way of writing digits
(commas, dots, ASCII / no-break / narrow no-break spaces, decimals).

>>> phrases = make_corpus(50, seed=1)
>>> len(phrases), sorted({lang for _, lang in phrases})
(50, ['en', 'fr'])
>>> make_corpus(5, seed=3) == make_corpus(5, seed=3)
True
"""

from __future__ import annotations

import random
from pathlib import Path

__all__ = ["SEED_ARTICLE", "make_corpus", "make_long_text"]

SEED_ARTICLE = Path(__file__).resolve().parent.parent / "seeds" / "000_9e8ba33e4502eb57.txt"

_EN_HEDGES = (
    "",
    "",
    "",
    "about ",
    "around ",
    "roughly ",
    "some ",
    "approximately ",
    "an estimated ",
    "nearly ",
    "almost ",
    "more than ",
    "over ",
    "upwards of ",
    "at least ",
    "fewer than ",
    "less than ",
    "under ",
    "at most ",
    "no more than ",
    "up to ",
    "as many as ",
    "Up to ",
    "ABOUT ",
)
_FR_HEDGES = (
    "",
    "",
    "",
    "environ ",
    "quelque ",
    "autour de ",
    "approximativement ",
    "à peu près ",
    "près de ",
    "presque ",
    "plus de ",
    "au moins ",
    "au minimum ",
    "moins de ",
    "au plus ",
    "au maximum ",
    "pas plus de ",
    "jusqu'à ",
    "jusqu’à ",
    "Plus de ",
)
_EN_POSTFIX = ("", "", "", "", " or more", "+", "-plus", " or so", " or fewer")
_FR_POSTFIX = ("", "", "", "", " ou plus", " au moins", " environ", " au maximum")
_EN_UNITS = (
    "",
    "",
    "soldiers",
    "troops",
    "people",
    "containers",
    "km",
    "tonnes",
    "North Korean troops",
    "civilians",
    "refugees",
    "deaths",
    "casualties",
    "missiles",
    "drones",
    "per cent",
)
_FR_UNITS = (
    "",
    "",
    "soldats",
    "soldats nord-coréens",
    "personnes",
    "conteneurs d’artillerie",
    "km",
    "tonnes",
    "civils",
    "réfugiés",
    "morts",
    "blessés",
    "missiles",
    "drones",
    "%",
    "pour cent",
)
_EN_WORDS = (
    "three thousand",
    "fifteen hundred",
    "a dozen",
    "half a million",
    "two million",
    "twenty-five",
    "one hundred and five",
    "seventy",
    "a thousand",
    "nine hundred",
)
_FR_WORDS = (
    "deux millions",
    "quatre-vingt-dix",
    "trois cents",
    "mille",
    "vingt et un",
    "soixante-dix-sept",
    "deux mille",
    "cinq cents",
    "un million",
    "douze",
)
_EN_MAGNITUDES = (
    "dozens",
    "tens of",
    "scores of",
    "hundreds",
    "thousands",
    "tens of thousands",
    "hundreds of thousands",
    "millions",
    "several",
    "several hundred",
    "several thousand",
    "a few",
    "a few thousand",
)
_FR_MAGNITUDES = (
    "des dizaines",
    "des centaines",
    "des milliers",
    "des dizaines de milliers",
    "des centaines de milliers",
    "des millions",
    "plusieurs",
    "plusieurs centaines",
    "plusieurs milliers",
    "quelques",
    "quelques milliers",
    "une dizaine",
    "une douzaine",
    "une quinzaine",
    "une vingtaine",
    "une cinquantaine",
    "une centaine",
    "un millier",
)


def _digits(rng: random.Random, lang: str) -> str:
    value = rng.choice(
        [
            rng.randint(2, 999),
            rng.randint(1, 99) * 1000,
            rng.randint(1, 999) * 1000,
            rng.randint(1, 9999) * 100,
            rng.randint(10, 999) * 10**6,
        ]
    )
    form = rng.random()
    if value < 1000:
        return str(value)
    if lang == "en":
        if form < 0.6:
            return f"{value:,}"
        if form < 0.75 and value % 10**6 == 0:
            return f"{value // 10**6} million"
        if form < 0.85 and value % 1000 == 0:
            return f"{value // 1000}k"
        if form < 0.9 and value % 10**5 == 0:
            return f"{value / 10**6:g}M"
        return f"{value:,}".replace(",", rng.choice(["\u202f", "\u00a0", " "]))
    sep = rng.choice([" ", "\u00a0", "\u202f", "."])
    if form < 0.75:
        return f"{value:,}".replace(",", sep)
    if value % 10**4 == 0 and form < 0.9:
        return f"{value / 10**6:g} millions".replace(".", ",")
    return f"{value:,}".replace(",", "\u202f")


def _phrase(rng: random.Random, lang: str) -> str:
    en = lang == "en"
    kind = rng.random()
    units = _EN_UNITS if en else _FR_UNITS
    unit = rng.choice(units)
    if kind < 0.55:  # hedged number
        hedge = rng.choice(_EN_HEDGES if en else _FR_HEDGES)
        post = "" if hedge.strip() else rng.choice(_EN_POSTFIX if en else _FR_POSTFIX)
        number = _digits(rng, lang)
        if en and rng.random() < 0.1:
            return f"{hedge}${number}{post}"
        if not en and rng.random() < 0.05:
            return f"{hedge}{number} €{post}"
        return f"{hedge}{number}{post}{' ' + unit if unit else ''}"
    if kind < 0.75:  # range
        a = rng.randint(1, 40)
        b = a + rng.randint(1, 40)
        scale = rng.choice(
            ["", "", " million", "k", " thousand"] if en else ["", "", " millions", " 000"]
        )
        if scale == " 000":
            a, b, scale = f"{a}\u202f000", f"{b}\u202f000", ""
        pattern = rng.choice(
            [
                "between {a} and {b}{s}",
                "{a}-{b}{s}",
                "{a}–{b}{s}",
                "{a} to {b}{s}",
                "from {a} to {b}{s}",
            ]
            if en
            else ["entre {a} et {b}{s}", "{a}-{b}{s}", "de {a} à {b}{s}", "{a} à {b}{s}"]
        )
        text = pattern.format(a=a, b=b, s=scale)
        return f"{text} {unit}" if unit else text
    if kind < 0.87:  # number words
        words = rng.choice(_EN_WORDS if en else _FR_WORDS)
        return f"{words} {unit}" if unit else words
    mag = rng.choice(_EN_MAGNITUDES if en else _FR_MAGNITUDES)
    if not unit or mag.endswith(" of"):
        noun = rng.choice(units[2:])
        if en:
            return (
                f"{mag} {noun}"
                if mag.endswith(" of") or mag in ("several", "a few")
                else (f"{mag} of {noun}")
            )
        return f"{mag} {noun}" if mag in ("plusieurs", "quelques") else f"{mag} de {noun}"
    return mag


def make_corpus(n: int = 10_000, *, seed: int = 20241112) -> list[tuple[str, str]]:
    """``n`` varied figure phrases with their language, the same for the same seed."""
    rng = random.Random(seed)
    return [(_phrase(rng, lang), lang) for lang in (rng.choice(("en", "fr")) for _ in range(n))]


def make_long_text(size: int = 2_000_000, *, seed: int = 7) -> str:
    """About ``size`` characters of French news: the seed article mixed with phrases."""
    rng = random.Random(seed)
    article = SEED_ARTICLE.read_text(encoding="utf-8").splitlines()
    phrases = [p for p, lang in make_corpus(2000, seed=seed) if lang == "fr"]
    parts: list[str] = []
    total = 0
    while total < size:
        line = rng.choice(article)
        if rng.random() < 0.5:
            line += f" Selon une autre source, {rng.choice(phrases)} seraient concernés."
        parts.append(line)
        total += len(line) + 1
    return "\n".join(parts)
