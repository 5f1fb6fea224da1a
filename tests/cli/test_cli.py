"""The ``estimates`` command: reconcile, report, export, methodology, errors, --help."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from estimates._cli.main import main

ROOT = Path(__file__).resolve().parents[2]
SEED = str(ROOT / "seeds" / "kursk_claims.csv")
ECONOMIST = str(ROOT / "tests" / "data" / "economist_ukraine_loss_estimates.csv")
ECONOMIST_COLUMNS = [
    "--column",
    "quantity=country,type",
    "--column",
    "low=estimate_low",
    "--column",
    "high=estimate_high",
    "--column",
    "best=estimate",
    "--column",
    "stated=date",
    "--column",
    "url=source_url",
    "--date-format",
    "%d/%m/%Y",
]
NK = "North Korean troops in Kursk"
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@pytest.fixture
def hostile_csv(tmp_path) -> Path:
    path = tmp_path / "hostile.csv"
    rows = [
        ["quantity", "figure", "source", "stated", "url", "note"],
        [
            '=HYPERLINK("http://x")',
            "10,000",
            "+cmd",
            "2024-11-01",
            "javascript:alert(1)",
            "<script>alert(1)</script>",
        ],
        [
            '=HYPERLINK("http://x")',
            "more than 20,000",
            "@SUM(A1)",
            "2024-11-02",
            "https://example.org/",
            "-1+1",
        ],
    ]
    with open(path, "w", newline="", encoding="utf-8") as fh:
        csv.writer(fh).writerows(rows)
    return path


@pytest.fixture
def bad_csv(tmp_path) -> Path:
    path = tmp_path / "bad.csv"
    path.write_text(
        "quantity,figure,source,stated\n"
        "troops,about 10000,US,2024-11-12\n"
        "troops,banana,UK,2024-11-13\n"
        "troops,12000,UA,2024-13-45\n",
        encoding="utf-8",
    )
    return path


# ---------------------------------------------------------------- reconcile
def test_reconcile_table(capsys):
    assert main(["reconcile", SEED]) == 0
    out, err = capsys.readouterr()
    assert NK in out and "10,000 to as many as 12,000" in out
    assert "10,000 (3 of 3 claims)" in out and "[45,000" not in out
    assert "more than 13,000" in out and "about 50,000" in out  # hedges survive the table
    assert "10,000 (only central value)" in out
    assert "agree" in out and "single" in out
    assert "MissingDateWarning" in err  # the undated claim, said on stderr


def test_reconcile_csv_is_formula_safe(hostile_csv, capsys):
    assert main(["reconcile", str(hostile_csv), "--format", "csv"]) == 0
    out = capsys.readouterr().out
    rows = list(csv.reader(io.StringIO(out)))
    assert rows[0][:3] == ["quantity", "claims", "sources"]
    assert rows[1][0] == '\'=HYPERLINK("http://x")'
    for row in rows:
        for cell in row:
            assert not cell.startswith(FORMULA_START), cell


def test_reconcile_json_and_output_file(tmp_path, capsys):
    out_file = tmp_path / "r.json"
    assert main(["reconcile", SEED, "--format", "json", "-o", str(out_file)]) == 0
    assert capsys.readouterr().out == ""
    doc = json.loads(out_file.read_text(encoding="utf-8"))
    assert doc["by"] == ["quantity"]
    groups = {g["quantity"]: g for g in doc["groups"]}
    containers = groups["North Korean weapons containers sent to Russia"]
    assert containers["envelope_high"] == "inf" and containers["verdict"] == "single"
    assert groups[NK]["agreement_claims"] == 3


def test_reconcile_notes_names_that_may_name_one_source(capsys):
    """The Economist's table names the UK Ministry of Defence two ways: said on stderr
    with the way out, until --alias gives the names one name."""
    assert main(["reconcile", ECONOMIST, *ECONOMIST_COLUMNS]) == 0
    out, err = capsys.readouterr()
    note = next(line for line in err.splitlines() if line.startswith("note:"))
    assert note.startswith("note: 6 pairs of source names may name one source")
    assert "'CSIS' and 'The Centre for Strategic and International Studies' (initials)" in note
    assert note.endswith("and 1 more. --alias NAME=CANONICAL gives them one name "
                         "(the methodology note lists them all)")  # fmt: skip
    assert "note:" not in out
    args = ["reconcile", ECONOMIST, *ECONOMIST_COLUMNS, "--alias", "UK MoD=UK Ministry of Defence"]
    assert main(args) == 0
    note = next(x for x in capsys.readouterr().err.splitlines() if x.startswith("note:"))
    assert note.startswith("note: 5 pairs") and "UK MoD" not in note
    assert main(["reconcile", SEED]) == 0
    assert "note:" not in capsys.readouterr().err


def test_reconcile_options(capsys):
    args = [
        "reconcile",
        ECONOMIST,
        *ECONOMIST_COLUMNS,
        "--by",
        "country",
        "type",
        "--strategy",
        "conservative",
        "--as-of",
        "2024-12-31",
        "--alias",
        "UK Ministry of Defence=UK MoD",
        "--format",
        "json",
    ]
    assert main(args) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["by"] == ["country", "type"]
    keys = [(g["country"], g["type"]) for g in doc["groups"]]
    assert ("russia", "casualties") in keys and len(keys) == 4
    assert {g["best_strategy"] for g in doc["groups"]} == {"conservative"}
    russia = next(
        g for g in doc["groups"] if (g["country"], g["type"]) == ("russia", "casualties")
    )
    assert russia["stated_high"] < 1_000_000  # later claims left out by --as-of


def test_reconcile_exclude_kind(tmp_path, capsys):
    path = tmp_path / "kinds.csv"
    path.write_text(
        "quantity,figure,source,source_kind,stated\n"
        'losses,"10,000",Army,warring party,2024-01-01\n'
        'losses,"2,000",Monitor,,2024-01-02\n',
        encoding="utf-8",
    )
    assert (
        main(["reconcile", str(path), "--exclude-kind", "warring party", "--format", "json"]) == 0
    )
    (group,) = json.loads(capsys.readouterr().out)["groups"]
    assert group["claims"] == 1 and group["stated_high"] == 2000


# ---------------------------------------------------------------- report
def test_report_on_the_seed_in_both_languages(tmp_path, capsys):
    en, fr = tmp_path / "kursk.html", tmp_path / "kursk-fr.html"
    assert main(["report", SEED, "-o", str(en)]) == 0
    assert main(["report", SEED, "-o", str(fr), "--lang", "fr"]) == 0
    err = capsys.readouterr().err
    assert f"wrote {en}" in err
    html_en, html_fr = (p.read_text(encoding="utf-8") for p in (en, fr))
    for html in (html_en, html_fr):
        assert html.startswith("<!DOCTYPE html>") and html.count("<svg") == 3
        assert "<script" not in html
    assert "There are three estimates of North Korean troops in Kursk:" in html_en
    assert '<html lang="fr">' in html_fr and "On compte trois estimations pour" in html_fr


def test_report_to_stdout_without_charts(capsys):
    assert main(["report", SEED, "--charts", "none", "--no-progress", "--title", "K"]) == 0
    out = capsys.readouterr().out
    assert "<title>K</title>" in out and "<svg" not in out


def test_report_economist_by_columns(tmp_path):
    out = tmp_path / "losses.html"
    assert (
        main(
            [
                "report",
                ECONOMIST,
                *ECONOMIST_COLUMNS,
                "--by",
                "country",
                "type",
                "--max-pairs",
                "3",
                "--timeline",
                "no",
                "-o",
                str(out),
            ]
        )
        == 0
    )
    html = out.read_text(encoding="utf-8")
    assert "<h2>russia · casualties</h2>" in html and html.count("<svg") == 4


# ---------------------------------------------------------------- export, methodology
def test_export_datawrapper_writes_csv_and_json(tmp_path, capsys):
    out = tmp_path / "chart.csv"
    assert main(["export", SEED, "--datawrapper", "-o", str(out)]) == 0
    # One chart per quantity (issue 8): three pairs of files.
    assert "chart-1-north-korean-troops-in-kursk.json" in capsys.readouterr().err
    first = tmp_path / "chart-1-north-korean-troops-in-kursk.csv"
    rows = list(csv.reader(io.StringIO(first.read_text(encoding="utf-8"))))
    assert rows[0][0] == "claim" and len(rows) == 4
    meta = json.loads(first.with_suffix(".json").read_text(encoding="utf-8"))
    assert meta["type"] == "d3-range-plot"
    assert (
        main(["export", SEED, "--datawrapper", "--chart", "dot", "--lang", "fr", "-o", str(out)])
        == 0
    )
    assert first.read_text(encoding="utf-8").startswith("affirmation,")


def test_export_hostile_is_formula_safe(hostile_csv, tmp_path):
    out = tmp_path / "chart.csv"
    assert main(["export", str(hostile_csv), "--datawrapper", "-o", str(out)]) == 0
    for path in tmp_path.glob("chart*.csv"):
        for row in csv.reader(io.StringIO(path.read_text(encoding="utf-8"))):
            for cell in row:
                assert not cell.startswith(FORMULA_START), cell
    sheet = tmp_path / "claims.csv"
    assert main(["export", str(hostile_csv), "--spreadsheet", "-o", str(sheet)]) == 0
    for row in csv.reader(io.StringIO(sheet.read_text(encoding="utf-8"))):
        for cell in row:
            assert not cell.startswith(FORMULA_START), cell


def test_export_needs_a_format_and_a_file(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["export", SEED, "-o", "x.csv"])
    assert exc.value.code == 2
    with pytest.raises(SystemExit) as exc:
        main(["export", SEED, "--datawrapper"])
    assert exc.value.code == 2
    assert "-o/--output" in capsys.readouterr().err


def test_methodology(tmp_path, capsys):
    assert main(["methodology", SEED]) == 0
    out = capsys.readouterr().out
    assert out.lstrip().startswith("#") and len(out) > 100
    note = tmp_path / "note.md"
    assert main(["methodology", SEED, "--lang", "fr", "-o", str(note)]) == 0
    assert note.read_text(encoding="utf-8") != out


# ---------------------------------------------------------------- errors
def test_bad_csv_names_rows_and_columns(bad_csv, capsys):
    assert main(["reconcile", str(bad_csv)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("estimates reconcile: error: 2 problems in 2 rows")
    lines = err.splitlines()
    banana = next(ln for ln in lines if "'banana'" in ln)
    assert "'figure'" in banana and " 3 " in f" {banana} "  # file line 3
    month = next(ln for ln in lines if "'2024-13-45'" in ln)
    assert "'stated'" in month and "month must be in 1..12" in month


def test_bad_csv_in_every_command(bad_csv, tmp_path, capsys):
    for cmd in (
        ["report", "-o", str(tmp_path / "r.html")],
        ["methodology"],
        ["export", "--datawrapper", "-o", str(tmp_path / "c.csv")],
        ["show"],
    ):
        assert main([cmd[0], str(bad_csv), *cmd[1:]]) == 2
        assert "'banana'" in capsys.readouterr().err
    assert not (tmp_path / "r.html").exists()


def test_missing_file_and_bad_options(tmp_path, capsys):
    assert main(["reconcile", str(tmp_path / "nope.csv")]) == 2
    assert "no such file" in capsys.readouterr().err
    assert main(["reconcile", SEED, "--column", "lowestimate_low"]) == 2
    assert "expected FIELD=COLUMN" in capsys.readouterr().err
    assert main(["reconcile", SEED, "--alias", "UK"]) == 2
    assert "expected NAME=CANONICAL" in capsys.readouterr().err
    assert main(["reconcile", SEED, "--by", "country"]) == 2
    assert "no column 'country'" in capsys.readouterr().err


def test_help_lists_every_command():
    proc = subprocess.run(
        [sys.executable, "-m", "estimates", "--help"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    for name in ("show", "reconcile", "report", "export", "methodology"):
        assert f"    {name}" in proc.stdout
    assert "usage: estimates" in proc.stdout


def test_subcommand_help(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["report", "--help"])
    assert exc.value.code == 0
    out = capsys.readouterr().out
    assert "-o FILE, --output FILE" in out and "--lang {en,fr}" in out and "--as-of" in out


@pytest.mark.parametrize("command", ["show", "reconcile", "report", "export", "methodology"])
def test_lang_is_the_output_and_input_lang_the_figures(command, capsys):
    # One scheme for every command that reads claims: --lang {en,fr} is the output,
    # --input-lang the figures read (default: auto, detected per phrase).
    with pytest.raises(SystemExit):
        main([command, "--help"])
    out = capsys.readouterr().out
    assert "--lang {en,fr}" in out and "language of the output" in out
    assert "--input-lang LANG" in out and "(default: auto)" in out


def test_show_writes_dates_in_the_output_language(capsys):
    assert main(["show", SEED, "--lang", "fr"]) == 0
    fr = capsys.readouterr().out
    assert main(["show", SEED]) == 0
    en = capsys.readouterr().out
    assert "novembre 2024" in fr and "novembre" not in en and "November 2024" in en


def test_reconcile_table_is_english_only_and_says_so(capsys):
    assert main(["reconcile", SEED, "--lang", "fr"]) == 2
    assert "--format table" in capsys.readouterr().err
    assert main(["reconcile", SEED, "--lang", "fr", "--format", "csv"]) == 0
    assert capsys.readouterr().out.startswith("quantity,")
