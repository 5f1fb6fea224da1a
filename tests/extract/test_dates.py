"""Date resolution against fixed publication dates, in both languages."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from estimates import DateInterval
from estimates._extract.dates import find_dates, has_dateparser, resolve_text

TUE = date(2024, 11, 12)  # the seed article: Tuesday 12 November 2024

FR_DAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
EN_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def _one(phrase: str, lang: str, pub: date) -> str:
    got = resolve_text(phrase, lang, pub)
    assert got is not None, phrase
    return str(got)


# ------------------------------------------------------------------ weekdays
# Published on Tuesday 12 November 2024, written out by hand.
WEEKDAYS_TUESDAY = {
    0: "2024-11-11",  # Monday: yesterday
    1: "2024-11-12",  # Tuesday: the publication day itself
    2: "2024-11-06",
    3: "2024-11-07",
    4: "2024-11-08",
    5: "2024-11-09",
    6: "2024-11-10",
}


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("wd", range(7))
def test_weekday_published_tuesday(lang: str, wd: int) -> None:
    name = FR_DAYS[wd] if lang == "fr" else EN_DAYS[wd]
    assert _one(name, lang, TUE) == WEEKDAYS_TUESDAY[wd]
    if lang == "en":
        assert _one(f"on {name}", lang, TUE) == WEEKDAYS_TUESDAY[wd]


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("pub_wd", range(7))
@pytest.mark.parametrize("wd", range(7))
def test_weekday_every_publication_weekday(lang: str, pub_wd: int, wd: int) -> None:
    """Each weekday name against each publication weekday: same day -> that day;
    otherwise the latest such day before; 'dernier' / 'last' is strictly before."""
    pub = date(2024, 11, 11) + timedelta(days=pub_wd)  # Monday 11 .. Sunday 17 November
    assert pub.weekday() == pub_wd
    name = FR_DAYS[wd] if lang == "fr" else EN_DAYS[wd]
    back = (pub_wd - wd) % 7
    expected = pub - timedelta(days=back)
    assert expected <= pub and expected > pub - timedelta(days=7)
    assert _one(name, lang, pub) == expected.isoformat()
    last = f"{name} dernier" if lang == "fr" else f"last {name}"
    strictly = pub - timedelta(days=back or 7)
    assert _one(last, lang, pub) == strictly.isoformat()


def test_weekday_examples_other_dates() -> None:
    sunday = date(2024, 3, 3)
    assert _one("dimanche", "fr", sunday) == "2024-03-03"
    assert _one("samedi", "fr", sunday) == "2024-03-02"
    assert _one("lundi", "fr", sunday) == "2024-02-26"
    assert _one("Friday", "en", date(2024, 1, 1)) == "2023-12-29"  # across a year


# ------------------------------------------------------------------ relative words
FR = [
    ("hier", "2024-11-11"),
    ("avant-hier", "2024-11-10"),
    ("aujourd’hui", "2024-11-12"),
    ("ce matin", "2024-11-12"),
    ("cette semaine", "2024-11-11/2024-11-12"),
    ("la semaine dernière", "2024-W45"),
    ("la semaine passée", "2024-W45"),
    ("ce mois-ci", "2024-11-01/2024-11-12"),
    ("le mois dernier", "2024-10"),
    ("cette année", "2024-01-01/2024-11-12"),
    ("l’an dernier", "2023"),
    ("l'année dernière", "2023"),
    ("en octobre", "2024-10"),
    ("en novembre", "2024-11-01/2024-11-12"),
    ("en décembre", "2023-12"),
    ("en mars 2022", "2022-03"),
    ("août 2023", "2023-08"),
    ("début août", "2024-08-01/2024-08-10"),
    ("mi-août", "2024-08-11/2024-08-20"),
    ("à la mi-août", "2024-08-11/2024-08-20"),
    ("fin août", "2024-08-21/2024-08-31"),
    ("fin février", "2024-02-21/2024-02-29"),
    ("début décembre", "2023-12-01/2023-12-10"),
    ("le 7 novembre", "2024-11-07"),
    ("le 20 novembre", "2023-11-20"),
    ("le 1er novembre", "2024-11-01"),
    ("le 7 novembre 2023", "2023-11-07"),
    ("lundi 11 novembre", "2024-11-11"),
    ("il y a trois jours", "2024-11-09"),
    ("il y a 10 jours", "2024-11-02"),
    ("il y a deux semaines", "2024-W44"),
    ("il y a un mois", "2024-10"),
    ("il y a deux ans", "2022"),
    ("en 2023", "2023"),
    ("au cours des dernières 24 heures", "2024-11-11/2024-11-12"),
    ("ces 7 derniers jours", "2024-11-05/2024-11-12"),
]
EN = [
    ("yesterday", "2024-11-11"),
    ("the day before yesterday", "2024-11-10"),
    ("today", "2024-11-12"),
    ("this week", "2024-11-11/2024-11-12"),
    ("last week", "2024-W45"),
    ("this month", "2024-11-01/2024-11-12"),
    ("last month", "2024-10"),
    ("earlier this year", "2024-01-01/2024-11-12"),
    ("last year", "2023"),
    ("in October", "2024-10"),
    ("in December", "2023-12"),
    ("last October", "2024-10"),
    ("last November", "2023-11"),
    ("in March 2022", "2022-03"),
    ("early August", "2024-08-01/2024-08-10"),
    ("mid-August", "2024-08-11/2024-08-20"),
    ("late August", "2024-08-21/2024-08-31"),
    ("at the end of August", "2024-08-21/2024-08-31"),
    ("the beginning of March", "2024-03-01/2024-03-10"),
    ("on 7 November", "2024-11-07"),
    ("on November 7", "2024-11-07"),
    ("November 20", "2023-11-20"),
    ("7 November 2023", "2023-11-07"),
    ("November 7, 2023", "2023-11-07"),
    ("three days ago", "2024-11-09"),
    ("10 days ago", "2024-11-02"),
    ("two weeks ago", "2024-W44"),
    ("a month ago", "2024-10"),
    ("two years ago", "2022"),
    ("in 2023", "2023"),
    ("over the past 24 hours", "2024-11-11/2024-11-12"),
    ("in the last 7 days", "2024-11-05/2024-11-12"),
    ("2024-11-03", "2024-11-03"),
]


@pytest.mark.parametrize(("phrase", "expected"), FR)
def test_french(phrase: str, expected: str) -> None:
    assert _one(phrase, "fr", TUE) == expected


@pytest.mark.parametrize(("phrase", "expected"), EN)
def test_english(phrase: str, expected: str) -> None:
    assert _one(phrase, "en", TUE) == expected


@pytest.mark.parametrize(
    ("phrase", "lang", "pub", "expected"),
    [
        ("le mois dernier", "fr", date(2024, 1, 15), "2023-12"),
        ("la semaine dernière", "fr", date(2024, 1, 3), "2023-W52"),
        ("last month", "en", date(2024, 3, 31), "2024-02"),
        ("fin février", "fr", date(2023, 3, 5), "2023-02-21/2023-02-28"),
        ("hier", "fr", date(2024, 3, 1), "2024-02-29"),
        ("le 29 février", "fr", date(2025, 3, 1), "2024-02-29"),
        ("in May", "en", date(2024, 5, 20), "2024-05-01/2024-05-20"),
    ],
)
def test_other_publication_dates(phrase: str, lang: str, pub: date, expected: str) -> None:
    assert _one(phrase, lang, pub) == expected


def test_since_is_open() -> None:
    (d,) = find_dates("depuis août 2023", "fr", TUE)
    assert d.since and str(d.interval) == "2023-08"
    (d,) = find_dates("since August 2023", "en", TUE)
    assert d.since and str(d.interval) == "2023-08"
    (d,) = find_dates("depuis le 7 novembre", "fr", TUE)
    assert d.since and str(d.interval) == "2024-11-07"


def test_words_that_are_not_dates() -> None:
    # English month and weekday names need their capital; bare years and months are
    # no date expressions of their own.
    assert find_dates("they may march on sunday", "en", TUE) == []
    assert find_dates("the 2023 report", "en", TUE) == []
    assert find_dates("Mars et mai", "fr", TUE) == []
    # a future day that does not exist in the past: 31 February
    assert find_dates("le 31 février", "fr", TUE) == []
    # "fin novembre" in a 12 November article has not begun: left out
    assert find_dates("fin novembre", "fr", TUE) == []


PLAIN = [
    ("le 7 novembre", "fr"),
    ("le 20 novembre", "fr"),
    ("hier", "fr"),
    ("avant-hier", "fr"),
    ("il y a trois jours", "fr"),
    ("le 1er novembre 2023", "fr"),
    ("on 7 November", "en"),
    ("November 20", "en"),
    ("yesterday", "en"),
    ("the day before yesterday", "en"),
    ("three days ago", "en"),
    ("November 7, 2023", "en"),
]


@pytest.mark.skipif(not has_dateparser(), reason="dateparser is not installed")
@pytest.mark.parametrize(("phrase", "lang"), PLAIN)
def test_dateparser_agrees_with_own_rules(phrase: str, lang: str) -> None:
    (a,) = find_dates(phrase, lang, TUE, use_dateparser=True)
    (b,) = find_dates(phrase, lang, TUE, use_dateparser=False)
    assert a.interval == b.interval


def test_intervals_are_date_intervals() -> None:
    for d in find_dates("hier, la semaine dernière et début août", "fr", TUE):
        assert isinstance(d.interval, DateInterval)
        assert d.interval.end <= TUE
