"""The command on bad paths and bad input: one line, a distinct exit code, CLI words."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from estimates._cli.main import EXIT_ERROR, EXIT_FILE, cli_wording, main

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "kursk_claims.csv"
FRENCH_EXCEL = "quantity;figure;source;stated\nmanifestants;plus de 50 000;Préfecture;2024-11-12\n"


def _err(capsys) -> str:
    err = capsys.readouterr().err
    assert "Traceback" not in err
    return err


@pytest.mark.parametrize("command", ["show", "reconcile", "report", "export", "methodology"])
def test_input_that_is_a_directory(tmp_path, capsys, command):
    extra = ["--spreadsheet", "-o", str(tmp_path / "x.csv")] if command == "export" else []
    assert main([command, str(tmp_path), *extra]) == EXIT_FILE
    err = _err(capsys)
    assert err.count("\n") == 1 and "is a directory, not a claims file" in err


def test_output_that_is_a_directory(tmp_path, capsys):
    assert main(["report", str(SEED), "-o", str(tmp_path)]) == EXIT_FILE
    assert "is a directory: give a file name" in _err(capsys)


def test_report_refuses_to_overwrite_its_input(tmp_path, capsys):
    k = tmp_path / "k.csv"
    shutil.copy(SEED, k)
    before = k.read_bytes()
    for cmd in (
        ["report", str(k), "-o", str(k)],
        ["export", str(k), "--spreadsheet", "-o", str(k)],
    ):
        assert main(cmd) == EXIT_FILE
        assert "is the input file: refusing to overwrite it" in _err(capsys)
    assert k.read_bytes() == before


def test_unwritable_output_is_one_line(tmp_path, capsys, monkeypatch):
    def deny(self, *args, **kwargs):
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "write_text", deny)
    out = tmp_path / "r.md"
    assert main(["methodology", str(SEED), "-o", str(out)]) == EXIT_FILE
    err = _err(capsys)
    assert "permission denied" in err
    assert [line for line in err.splitlines() if "error:" in line] == [
        f"estimates methodology: error: permission denied: {out}"
    ]


def test_hints_name_cli_flags_not_python_arguments(tmp_path, capsys):
    p = tmp_path / "d.csv"
    p.write_text("quantity,low,source,stated\nq,1,A,12/11/2024\n", encoding="utf-8")
    assert main(["show", str(p)]) == EXIT_ERROR
    err = _err(capsys)
    assert "use --date-format '%d/%m/%Y'" in err and "date_format=" not in err
    assert main(["show", str(p), "--date-format", "%d/%m/%Y"]) == 0


def test_encoding_and_sep_flags_read_a_french_excel_export(tmp_path, capsys):
    p = tmp_path / "fr.csv"
    p.write_bytes(FRENCH_EXCEL.encode("cp1252"))
    assert main(["show", str(p), "--input-lang", "fr"]) == EXIT_ERROR
    assert "use --encoding 'cp1252'" in _err(capsys)
    p.write_text("quantity;figure;source;stated\nq;12;A;2024-11-12\n", encoding="utf-8")
    assert main(["show", str(p)]) == EXIT_ERROR
    assert "use --sep ';'" in _err(capsys)
    p.write_bytes(FRENCH_EXCEL.encode("cp1252"))
    assert main(["show", str(p), "--input-lang", "fr", "--encoding", "cp1252", "--sep", ";"]) == 0
    assert "Préfecture" in capsys.readouterr().out


def test_cli_wording_leaves_other_text_alone():
    assert (
        cli_wording("pass a larger max_pairs=, or narrow") == "pass a larger max_pairs=, or narrow"
    )
    assert cli_wording("pass sep=';' here") == "use --sep ';' here"


def test_spreadsheet_csvs_neutralise_formula_headers(tmp_path, capsys):
    p = tmp_path / "hostile.csv"
    p.write_text(
        "quantity,low,source,stated,=1+1,note\n"
        'q,1,A,2024-11-12," =2+2",x\n'
        'q,2,B,2024-11-13,"\n@SUM(A1)",y\n',
        encoding="utf-8",
    )
    out = tmp_path / "out.csv"
    assert main(["export", str(p), "--spreadsheet", "-o", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    assert text.splitlines()[0].split(",").count("'=1+1") == 1
    assert "' =2+2" in text and "'\n@SUM(A1)" in text
    capsys.readouterr()
    assert main(["reconcile", str(p), "--format", "csv", "--by", "=1+1"]) == 0
    header = capsys.readouterr().out.splitlines()[0]
    assert "'=1+1" in header.split(",") and "=1+1" not in header.split(",")
