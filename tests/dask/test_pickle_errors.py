"""Every error and warning crosses a process boundary intact: type, message, code, fields."""

from __future__ import annotations

import copy
import pickle

import pandas as pd
import pytest

import estimates as est
from estimates._model import errors as E  # noqa: N812


def _failures() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "row": [3, 7],
            "id": [None, "e7"],
            "column": ["low", "figure"],
            "value": ["-5", "lots"],
            "expected": ["a number >= 0", "a figure such as 'about 1,000'"],
        }
    )


#: One instance of every error class, with every field set to a telling value.
ERRORS = [
    E.ParseError("about lots", "no number found", lang="fr", expected="a number", position=6),
    E.ParseError("", "the text is empty", code=E.ErrorCode.PARSE_EMPTY),
    E.FigureError("low", 5.0, "low <= high (high=2.0)"),
    E.DateError("date", "2024-13", "an ISO date"),
    E.ClaimError("quantity", "", "a non-empty string naming the quantity"),
    E.SourceError("weights", {"A": -1}, "a weight >= 0"),
    E.UnitError("soldier", "cannot convert 'soldier' to 'tonne'", other="tonne", quantity="q"),
    E.UnitError("blorp", "unknown unit 'blorp'"),
    E.ComparabilityError(("q", "2024"), "the periods do not overlap"),
    E.PairBudgetError(2_000_000, 1_000_000, group="deaths"),
    E.PairBudgetError(20, 10),
    E.ValidationError(_failures(), what="claims file x.csv"),
    E.LanguageError("xx", ("en", "fr"), text="about 10"),
    E.OptionError("strategy", "bogus", "one of 'median', 'mean'"),
    E.ArgumentTypeError("claims", 3, "a Claims table or a DataFrame"),
    E.MissingColumnError("figure", ["quantity", "low"], what="claims file x.csv"),
    E.DependencyError("dask", "dask", "estimates.dask"),
    E.ShuffleError("/tmp/estimates-shuffle-1", 3, "the file 7.arrow is missing"),
]

WARNINGS = [
    E.EstimatesWarning("x"),
    E.DataQualityWarning("thin"),
    E.MissingSourceWarning("2 claims name no source"),
    E.MissingDateWarning("1 claim has no date"),
    E.ComparabilityWarning("periods do not overlap"),
    E.RevisionWarning("a cumulative count went down"),
]


def _same_fields(a: object, b: object) -> None:
    assert vars(a).keys() == vars(b).keys()
    for k, v in vars(a).items():
        w = vars(b)[k]
        if isinstance(v, pd.DataFrame):
            pd.testing.assert_frame_equal(v, w)
        else:
            assert v == w, k


def test_every_error_class_is_covered():
    leaves = {
        c
        for c in vars(E).values()
        if isinstance(c, type) and issubclass(c, E.EstimatesError) and c is not E.EstimatesError
    }
    assert leaves == {type(e) for e in ERRORS}


@pytest.mark.parametrize("err", ERRORS, ids=lambda e: type(e).__name__)
@pytest.mark.parametrize("how", ["pickle", "deepcopy", "copy"])
def test_errors_round_trip(err, how):
    if how == "pickle":
        back = pickle.loads(pickle.dumps(err, protocol=pickle.HIGHEST_PROTOCOL))
    elif how == "deepcopy":
        back = copy.deepcopy(err)
    else:
        back = copy.copy(err)
    assert type(back) is type(err)
    assert str(back) == str(err)
    assert back.args == err.args
    assert back.code == err.code
    _same_fields(err, back)


@pytest.mark.parametrize("err", ERRORS, ids=lambda e: type(e).__name__)
def test_errors_are_estimates_errors_and_builtins(err):
    assert isinstance(err, est.EstimatesError)
    assert isinstance(err, ValueError | TypeError | KeyError | ImportError | OSError)
    assert isinstance(err.code, E.ErrorCode)
    assert err.fields()["code"] == err.code


def test_reason_codes_are_stable_strings():
    assert E.UnitError("m", "x", other="s").code == "unit.incompatible"
    assert E.UnitError("blorp", "x").code == "unit.unknown"
    assert E.ValidationError(_failures()).code == "validation.failed"
    assert E.PairBudgetError(2, 1).code == "pairs.budget_exceeded"
    assert E.DateError("date", "x", "y").code == "date.invalid"
    assert isinstance(E.DateError("date", "x", "y"), est.FigureError)
    assert E.LanguageError("xx").code == "language.unsupported"
    assert isinstance(E.LanguageError("xx"), est.ParseError)
    # codes are unique
    values = [c.value for c in E.ErrorCode]
    assert len(values) == len(set(values))


def test_a_real_error_keeps_its_fields_through_pickle():
    with pytest.raises(est.ParseError) as info:
        est.parse("", lang="en")
    back = pickle.loads(pickle.dumps(info.value))
    assert (back.text, back.lang, back.reason) == ("", "en", info.value.reason)
    with pytest.raises(est.UnitError) as info2:
        est.conversion_factor("soldier", "tonne")
    back2 = pickle.loads(pickle.dumps(info2.value))
    assert (back2.unit, back2.other, back2.code) == ("soldier", "tonne", "unit.incompatible")


def test_missing_column_reads_as_a_sentence():
    err = E.MissingColumnError("figure", ["quantity"])
    assert str(err) == "no column 'figure' in the claims table; it has 'quantity'"
    assert str(pickle.loads(pickle.dumps(err))) == str(err)


@pytest.mark.parametrize("w", WARNINGS, ids=lambda w: type(w).__name__)
def test_warnings_round_trip(w):
    for back in (pickle.loads(pickle.dumps(w)), copy.deepcopy(w)):
        assert type(back) is type(w)
        assert str(back) == str(w)
