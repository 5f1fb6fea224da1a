"""``estimates extract``: files and folders to a CSV that reads back and reconciles."""

from __future__ import annotations

import shutil
import warnings
from pathlib import Path

import pandas as pd
import pytest

from estimates import DataQualityWarning, EstimatesWarning, ParseError, read_claims
from estimates._cli.extract import CSV_COLUMNS, read_article
from estimates._cli.main import main

SEED = Path(__file__).resolve().parents[2] / "seeds" / "000_9e8ba33e4502eb57.txt"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    d = tmp_path / "articles"
    d.mkdir()
    shutil.copy(SEED, d / "kursk.txt")
    (d / "pentagon.txt").write_text(
        "published: 2024-11-12\nlang: en\n"
        "The Pentagon said on Monday that 10,000 North Korean troops were in Kursk.\n",
        encoding="utf-8",
    )
    (d / "ignored.md").write_text("Not a *.txt file: 5,000 troops.", encoding="utf-8")
    return d


def test_round_trip(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "claims.csv"
    rc = main(
        [
            "extract",
            str(folder),
            "--input-lang",
            "fr",
            "--published",
            "2024-11-12",
            "-o",
            str(out),
            "--no-progress",
        ]
    )
    assert rc == 0
    raw = pd.read_csv(out, dtype=str, keep_default_na=False)
    assert tuple(raw.columns) == CSV_COLUMNS
    assert len(raw) == 6
    assert raw["stated"].tolist()[:5] == ["", "2024-W45", "2024-11-11", "2024-11-12", "2024-10"]
    assert raw["refers_to"].tolist()[4] == "2023-08/2024-10"
    assert raw["lang"].tolist() == ["fr"] * 5 + ["en"]  # the file's own header
    assert raw["source"].tolist()[5] == "Pentagon"
    assert raw["stated"].tolist()[5] == "2024-11-11"
    # offsets are into the file as it is (header lines blanked, not removed)
    pentagon = (folder / "pentagon.txt").read_text(encoding="utf-8")
    a, b = int(raw["span_start"][5]), int(raw["span_end"][5])
    assert pentagon[a:b] == raw["figure"][5]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", EstimatesWarning)
        claims = read_claims(out)
        result = claims.reconcile()
    assert len(claims) == 6
    assert claims.frame["stated_start"].notna().sum() == 5
    assert "North Korean troops @ Kursk" in result.index
    assert {"sentence", "span_start", "reasons", "file", "note"} <= set(claims.frame)


def test_several_files_and_stdout(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rc = main(
        [
            "extract",
            str(folder / "kursk.txt"),
            str(folder / "pentagon.txt"),
            "--input-lang",
            "fr",
            "--published",
            "2024-11-12",
        ]
    )
    assert rc == 0
    out = capsys.readouterr().out
    assert out.startswith(",".join(CSV_COLUMNS))
    assert out.count("\n") == 7


def test_spreadsheet_safe(tmp_path: Path) -> None:
    art = tmp_path / "a.txt"
    art.write_text("=HYPERLINK(1) said 5,000 troops were there.", encoding="utf-8")
    out = tmp_path / "c.csv"
    assert main(["extract", str(art), "--published", "2024-11-12", "-o", str(out)]) == 0
    raw = pd.read_csv(out, dtype=str, keep_default_na=False)
    assert raw["sentence"][0].startswith("'=")


def test_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", str(tmp_path / "missing.txt")]) == 2
    art = tmp_path / "a.txt"
    art.write_text("5,000 troops", encoding="utf-8")
    assert main(["extract", str(art), "--published", "12/11/2024"]) == 2
    assert main(["extract", str(art), "--input-lang", "de"]) == 2
    assert "error" in capsys.readouterr().err
    # --lang is the output language: the old "--lang fr" (texts in French) is refused
    # with a pointer, never read silently as English.
    assert main(["extract", str(art), "--lang", "fr"]) == 2
    assert "--input-lang fr" in capsys.readouterr().err


def test_empty_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", str(tmp_path)]) == 0
    assert capsys.readouterr().out.strip() == ",".join(CSV_COLUMNS)


def test_header_lines(tmp_path: Path) -> None:
    p = tmp_path / "a.txt"
    p.write_bytes(b"Published: 2024-01-05\nLANG: fr\nTexte \xc3\xa9 5 000 soldats.")
    text, settings = read_article(p)
    assert settings == {"published": "2024-01-05", "lang": "fr"}
    assert len(text) == len(p.read_bytes().decode("utf-8"))
    assert text.lstrip().startswith("Texte é")


def test_invalid_utf8_is_refused_or_flagged(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    p = tmp_path / "a.txt"
    p.write_bytes(b"lang: fr\nTexte \xff 5 000 soldats.")
    with pytest.raises(ParseError) as err:
        read_article(p)
    assert err.value.position == 15 and str(p) in err.value.reason
    assert main(["extract", str(p)]) == 2
    assert "offset 15 is not UTF-8" in capsys.readouterr().err
    with pytest.warns(DataQualityWarning, match="1 byte sequence"):
        text, _ = read_article(p, replace_invalid=True)
    assert text[15] == "\ufffd" and len(text) == len(p.read_bytes()) - 0
    assert main(["extract", str(p), "--replace-invalid"]) == 0
    out, err = capsys.readouterr()
    assert "5 000 soldats" in out
    assert "warning (DataQualityWarning)" in err and "first at byte offset 15" in err


def test_review_sheet(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    p = tmp_path / "a.txt"
    p.write_text(
        "published: 2023-04-13\nlang: fr\n"
        "Selon la préfecture de police, 42.000 personnes ont manifesté jeudi. "
        "C'est le cas à Toulouse (9.000 selon la police, 70.000 selon les syndicats) et "
        "Nantes (10.000 à 25.000). La CGT a annoncé lundi 400.000 participants.\n",
        encoding="utf-8",
    )
    assert main(["extract", str(p), "--review"]) == 0
    sheet = capsys.readouterr().out
    entries = sheet.strip().split("\n\n")
    assert len(entries) == 6
    # the doubtful rows (the list read after its pattern) come first
    assert entries[0].startswith("[1] confidence 0.60  pattern")
    assert "Nantes ([[10.000]] à 25.000)" in entries[0]
    assert "{{police}}" in entries[0] or "{{police}}" in sheet
    assert "{{CGT}} a annoncé <<lundi>> [[400.000]] participants" in sheet
    assert "<script>" not in sheet
