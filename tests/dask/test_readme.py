"""The README's "Past one machine" section runs as written (on the test cluster)."""

from __future__ import annotations

import json
import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import estimates as est
from estimates._api.claims import Claims

from ..datasets import SEED_ARTICLE, economist_claims, quiet
from .test_engine import ECON_BY, assert_same_groups

pytest.importorskip("distributed")

README = Path(__file__).resolve().parents[2] / "README.md"


CORPUS = Path(__file__).resolve().parents[1] / "extract" / "corpus" / "en.json"


def _corpus_article(key: str) -> dict[str, str]:
    """One article of the English extraction corpus (text, lang, published, url)."""
    (article,) = [a for a in json.loads(CORPUS.read_text(encoding="utf-8")) if a["id"] == key]
    return {k: article[k] for k in ("text", "lang", "published", "url")}


def _section() -> str:
    text = README.read_text(encoding="utf-8")
    return text[text.index("## Past one machine") : text.index("## Layout")]


def _blocks(lang: str) -> list[str]:
    return re.findall(rf"```{lang}\n(.*?)```", _section(), flags=re.S)


@pytest.fixture
def workdir(tmp_path, monkeypatch):
    """claims/ (two Parquet files of The Economist's claims) and archive/ (JSON lines)."""
    frame = economist_claims().frame
    (tmp_path / "claims").mkdir()
    half = len(frame) // 2
    Claims._from_frame(frame.iloc[:half]).to_parquet(tmp_path / "claims" / "part.0.parquet")
    Claims._from_frame(frame.iloc[half:]).to_parquet(tmp_path / "claims" / "part.1.parquet")
    (tmp_path / "archive").mkdir()
    articles = [
        {
            "text": SEED_ARTICLE.read_text(encoding="utf-8"),
            "lang": "fr",
            "published": "2024-11-12",
            "url": "https://ex.org/seed",
        },
        _corpus_article("en09"),  # a real passage (Korea Herald), annotated in the corpus
    ]
    lines = "".join(json.dumps(a) + "\n" for a in articles)
    (tmp_path / "archive" / "a.jsonl").write_text(lines, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    # claims are named by their row in their file
    labelled = pd.concat(
        [frame.iloc[:half].reset_index(drop=True), frame.iloc[half:].reset_index(drop=True)]
    )
    return tmp_path, Claims._from_frame(labelled)


@pytest.mark.slow  # a Python process of its own
def test_the_python_example_runs(client, workdir):
    tmp, labelled = workdir
    (code,) = _blocks("python")
    assert 'Client("tcp://scheduler:8786")' in code
    code = code.replace("tcp://scheduler:8786", client.scheduler.address)
    (tmp / "example.py").write_text(code, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "example.py"], cwd=tmp, capture_output=True, text=True, env=os.environ
    )
    assert done.returncode == 0, done.stderr[-3000:]
    expected = quiet(labelled.reconcile, by="quantity")
    assert_same_groups(pd.read_parquet(tmp / "reconciled"), expected)
    # written whole per quantity, read back and reconciled without a shuffle: the same
    again = pd.read_parquet(tmp / "reconciled-again")
    assert len(again) == len(expected) == labelled.frame["quantity"].nunique()
    got_best = again.sort_index()["best"].to_numpy()
    np.testing.assert_array_equal(got_best, expected.sort_index()["best"].to_numpy())
    assert list(again.sort_index().index) == list(expected.sort_index().index)
    pairs = pd.read_parquet(tmp / "pairs")
    assert len(pairs) == len(quiet(labelled.disagreements, by="quantity"))
    extracted = pd.read_parquet(tmp / "extracted")
    english = _corpus_article("en09")
    assert set(extracted["url"]) == {"https://ex.org/seed", english["url"]}
    # each article's rows are those estimates.extract finds in it alone
    for url, text, lang, day in [
        ("https://ex.org/seed", SEED_ARTICLE.read_text(encoding="utf-8"), "fr", "2024-11-12"),
        (english["url"], english["text"], "en", english["published"]),
    ]:
        alone = quiet(est.extract, text, lang, day).frame
        rows = extracted[extracted["url"] == url]
        assert len(rows) == len(alone) > 0, url
        assert sorted(rows["text"]) == sorted(alone["text"]), url


@pytest.mark.slow  # the first command starts a cluster of its own
def test_the_commands_run(client, workdir, capsys):
    from estimates._cli.main import main

    tmp, labelled = workdir
    (sh,) = _blocks("sh")
    commands = [shlex.split(line) for line in sh.strip().splitlines()]
    assert len(commands) == 2 and all(c[:2] == ["estimates", "reconcile"] for c in commands)
    for argv, by in zip(commands, ("quantity", ECON_BY), strict=True):
        argv = [a.replace("tcp://scheduler:8786", client.scheduler.address) for a in argv]
        assert main(argv[1:]) == 0
        # the keys as columns, every value as computed in memory
        got = pd.read_parquet(tmp / "reconciled").set_index(by)
        assert_same_groups(got, pd.DataFrame(quiet(labelled.reconcile, by=by)))
    assert "100% Completed" in capsys.readouterr().err
