"""Range strips and timelines: the artists drawn, their labels, and the files written."""

from __future__ import annotations

import io
import struct
import sys

import numpy as np
import pytest

import estimates as est

from ..datasets import CONTAINERS, HELD, NK, strict_table
from .warned import told

mpl = pytest.importorskip("matplotlib")

from matplotlib.figure import Figure  # noqa: E402

from estimates._compute.selection import Selection  # noqa: E402
from estimates._present import charts  # noqa: E402


def gid(ax, name: str) -> list:
    """Artists of an Axes carrying the gid ``estimates-<name>``."""
    return [a for a in ax.get_children() if a.get_gid() == f"estimates-{name}"]


def span_extent(span) -> tuple[float, float]:
    """The data extent of an axvspan (a Rectangle in recent matplotlib, else a Polygon)."""
    if hasattr(span, "get_width"):
        return span.get_x(), span.get_x() + span.get_width()
    xs = np.asarray(span.get_xy())[:, 0]
    return float(xs.min()), float(xs.max())


def n_points(ax, name: str = "points") -> int:
    return sum(len(line.get_xdata()) for line in gid(ax, name))


def tick_labels(ax, axis: str = "y") -> list[str]:
    ax.figure.canvas.draw()
    ticks = ax.get_yticklabels() if axis == "y" else ax.get_xticklabels()
    return [t.get_text() for t in ticks]


def legend_texts(ax) -> list[str]:
    leg = ax.get_legend() or (ax.figure.legends[0] if ax.figure.legends else None)
    return [] if leg is None else [t.get_text() for t in leg.get_texts()]


# ---------------------------------------------------------------- range strip, seed
def test_strip_seed_troops_rows_marks_and_agreement(seed):
    fig = charts.range_strip(seed, NK)
    assert isinstance(fig, Figure) and len(fig.axes) == 1
    ax = fig.axes[0]
    assert ax.get_title() == NK
    labels = [" ".join(t.split()) for t in tick_labels(ax)]  # two lines at most
    assert len(labels) == 3
    assert all(t.count("\n") <= 1 for t in tick_labels(ax))
    # In order of statement, the undated claim last; every row names source and date.
    assert labels == [
        "United States · week of 4 November 2024",
        "US intelligence; South Korean intelligence; Ukrainian intelligence · 12 November 2024",
        "South Korea; United States; Ukraine · undated",
    ]
    # "des milliers" is a vague word: a hatched, faded bar (its conventional reading,
    # never drawn like a stated range); "up to 12,000" a ceiling, drawn unlike a stated
    # range 0-12,000 (a faded bar ending in a tick at 12,000); the US figure is a dot.
    assert gid(ax, "range") == []
    (bar,) = gid(ax, "vague")
    assert bar.get_hatch() == "///" and bar.get_alpha() < 1
    assert (bar.get_x(), bar.get_x() + bar.get_width()) == (2000, 20000)
    (ceiling,) = gid(ax, "ceiling")
    assert (ceiling.get_x(), ceiling.get_x() + ceiling.get_width()) == (0, 12000)
    assert ceiling.get_hatch() is None
    assert list(gid(ax, "ceiling-top")[0].get_xdata()) == [12000]
    assert n_points(ax) == 1 and gid(ax, "points")[0].get_xdata()[0] == 10000
    assert gid(ax, "open-end") == []
    # "des milliers" excludes 20,000: a hollow circle there.
    assert list(gid(ax, "open-bound")[0].get_xdata()) == [20000]
    # Every claim allows 10,000 (issue 8: "thousands" runs to 20,000): a line there.
    assert gid(ax, "agreement") == []
    (span,) = gid(ax, "consensus")
    assert span.get_xdata()[0] == 10000
    # The legend names exactly what is drawn, and the shading.
    assert legend_texts(ax) == [
        "a single number",
        "a ceiling (“up to”, from zero)",
        "a vague word (“thousands”), read by convention",
        "a bound the claim excludes",
        "all claims allow 10,000",
    ]
    # Neutral colours: every claim in one colour, the shading grey.
    colours = {mpl.colors.to_hex(b.get_facecolor(), keep_alpha=False) for b in (bar, ceiling)}
    assert len(colours) == 1
    assert mpl.colors.to_hex(span.get_color(), keep_alpha=False) == "#737373"
    assert ax.get_xlabel() == "soldiers"
    assert "10,000" in tick_labels(ax, "x")


def test_strip_unbounded_claim_is_an_arrow_to_the_axis_edge(seed):
    ax = charts.range_strip(seed, CONTAINERS).axes[0]
    (arrow,) = gid(ax, "open-end")
    (x0, y0), (x1, y1) = arrow._posA_posB
    assert x0 == 13000 and x1 == ax.get_xlim()[1] and y0 == y1 == 0
    assert gid(ax, "range") == [] and n_points(ax) == 0
    assert list(gid(ax, "open-bound")[0].get_xdata()) == [13000]  # "more than": open
    assert len(gid(ax, "consensus")) == 1
    assert legend_texts(ax) == [
        "no bound on this side",
        "a bound the claim excludes",
        "all claims allow more than 13,000",
    ]
    assert not any("shaded" in t for t in legend_texts(ax))
    assert ax.get_xlabel() == "containers"


def test_strip_best_value_on_a_range(seed):
    ax = charts.range_strip(seed, HELD).axes[0]
    assert len(gid(ax, "range")) == 1
    assert list(gid(ax, "best")[0].get_xdata()) == [50000]
    assert legend_texts(ax) == [
        "a stated range",
        "the claim's central value",
        "all claims allow 45,000 to 55,000",
    ]


def test_strip_every_quantity_one_axes_each(seed):
    fig = seed.plot()  # Claims.plot delegates to range_strip
    assert [a.get_title() for a in fig.axes] == [NK, CONTAINERS, HELD]
    assert fig.get_size_inches()[0] == mpl.rcParams["figure.figsize"][0]


def test_strip_french_numbers_and_words(seed):
    ax = charts.range_strip(seed, NK, lang="fr").axes[0]
    assert tick_labels(ax)[2].endswith(" · sans date")
    assert "10\u202f000" in tick_labels(ax, "x")
    assert legend_texts(ax)[-1] == "toutes les affirmations admettent 10\u202f000"
    assert legend_texts(ax)[0] == "un nombre"
    assert ax.get_xlabel() == "soldats"


def test_strip_draws_into_given_axes(seed):
    fig = Figure()
    ax = fig.add_subplot()
    assert charts.range_strip(seed, NK, ax=ax) is fig
    assert len(gid(ax, "vague")) == 1 and len(gid(ax, "ceiling")) == 1
    with pytest.raises(est.OptionError, match="one group when ax= is given"):
        charts.range_strip(seed, ax=Figure().add_subplot())
    with pytest.raises(KeyError, match="nothing"):
        charts.range_strip(seed, "nothing")


def test_strip_follows_the_prop_cycle(seed):
    from cycler import cycler

    with mpl.rc_context({"axes.prop_cycle": cycler(color=["#123456", "#abcdef", "#00ff00"])}):
        ax = charts.range_strip(seed, NK).axes[0]
    bars = gid(ax, "range") + gid(ax, "ceiling")
    assert {mpl.colors.to_hex(b.get_facecolor(), keep_alpha=False) for b in bars} == {"#123456"}


def test_strip_options_select_claims(seed):
    with pytest.warns(est.MissingDateWarning, match="no statement date"):
        ax = seed.plot("range", NK, as_of="2024-11-11").axes[0]
    assert [" ".join(t.split()) for t in tick_labels(ax)] == [
        "United States · week of 4 November 2024"
    ]


def test_strip_rows_per_source(economist):
    rows = charts.strip_rows(economist, "russia casualties", per="source")
    mod = rows[rows["source"] == "UK MoD"]
    assert mod["row"].nunique() == 1 and len(mod) == 39
    assert mod["label"].iloc[0] == "UK MoD · 1 April 2022–30 April 2026 (39 claims)"
    ax = told(charts.range_strip, economist, "russia casualties", per="source").axes[0]
    assert len(tick_labels(ax)) == rows["row"].nunique()
    with pytest.raises(est.OptionError, match="per="):
        charts.strip_rows(economist, "russia casualties", per="year")
    with pytest.raises(est.OptionError, match="per="):
        charts.range_strip(economist, "russia casualties", per="year")


def test_strip_economist_every_claim_drawn(economist):
    r = told(economist.reconcile)
    rows = charts.strip_rows(economist, "russia deaths")
    assert r.loc["russia deaths", "claims_total"] == len(rows) == 36
    ax = told(charts.range_strip, economist, "russia deaths", per="claim").axes[0]
    assert len(tick_labels(ax)) == 36
    point = rows["low"] == rows["high"]
    unbounded = ~np.isfinite(rows["high"])
    assert n_points(ax) == point.sum()
    drawn = len(gid(ax, "range")) + len(gid(ax, "ceiling"))
    assert drawn == (~point & ~unbounded).sum()
    assert len(gid(ax, "open-end")) == unbounded.sum() > 0
    # No claim is coloured apart (a colour would read as a judgement on a source).
    colours = {mpl.colors.to_hex(b.get_facecolor(), keep_alpha=False) for b in gid(ax, "range")}
    assert len(colours) == 1
    assert not any("shaded" in t for t in legend_texts(ax))


def test_strip_crowded_quantity_shows_each_sources_latest_claim(economist):
    # 36 claims: by default one row per source (its latest claim), with a note of the rest.
    rows = charts.strip_rows(economist, "russia deaths", per="latest")
    sources = economist.frame.loc[economist.frame["quantity"] == "russia deaths", "source"]
    assert len(rows) == sources.nunique() == rows["source"].nunique()
    ax = told(charts.range_strip, economist, "russia deaths").axes[0]
    assert len(tick_labels(ax)) == len(rows) < 36
    assert f"{36 - len(rows)} earlier claims not shown" in ax.get_xlabel()
    # economist.plot(): no one giant figure of 66 rows per quantity.
    fig = told(economist.plot)
    assert all(len(a.get_yticks()) <= 30 for a in fig.axes)
    assert fig.get_size_inches()[1] < 30


def test_strip_aliases_merge_rows_per_source(economist):
    book = est.SourceBook(aliases={"UK Ministry of Defence": "UK MoD"})
    rows = charts.strip_rows(
        economist, "russia deaths", per="source", selection=Selection(sources=book)
    )
    assert "UK Ministry of Defence" not in set(rows["source"])
    assert rows.loc[rows["source"] == "UK MoD", "row"].nunique() == 1


def test_strip_dollar_signs_are_not_mathtext():
    claims = strict_table(
        quantity=["aid $1 $2"] * 2,
        figure=["$5 billion", "$7 billion"],
        source=["Fund $5 and $6 watch", "Treasury"],
        stated=["2024-01-02", "2024-01-03"],
    )
    svg = charts.to_svg(charts.range_strip(claims, "aid $1 $2"))
    # Shown as written: two dollar signs in a label would otherwise start mathtext.
    assert ">Fund $5 and $6 watch · 2 January 2024<" in svg and ">aid $1 $2<" in svg


# ---------------------------------------------------------------- timeline
def test_timeline_economist_marks_and_running_envelope(economist):
    fig = charts.timeline_chart(economist, "russia deaths")  # every claim is dated
    ax = fig.axes[0]
    rows = charts.strip_rows(economist, "russia deaths")
    point = rows["low"] == rows["high"]
    unbounded = ~np.isfinite(rows["high"])
    assert n_points(ax) == point.sum()
    drawn = sum(len(c.get_segments()) for c in gid(ax, "range") + gid(ax, "ceiling"))
    assert drawn == (~point & ~unbounded).sum()
    assert len(gid(ax, "open-end")) == unbounded.sum()
    assert len(gid(ax, "envelope")) == 1
    assert ax.get_title() == "russia deaths"
    assert ax.get_ylim()[0] == 0
    years = tick_labels(ax, "x")
    assert {"2023", "2024", "2025", "2026"} <= set(years)
    assert ax.get_xlabel() == "date stated"
    # The figure's legend explains the marks and the shading.
    texts = [t.get_text() for t in fig.legends[0].get_texts()]
    assert texts[0] == "a single number" and any("running envelope" in t for t in texts)


def test_timeline_french_month_names(seed):
    claims = strict_table(
        quantity=["troops"] * 3,
        figure=["1 500", "3 000", "plus de 10 000"],
        lang="fr",
        source=["US", "US", "UK"],
        stated=["2024-09-02", "2024-10-07", "2024-11-12"],
    )
    ax = charts.timeline_chart(claims, "troops", lang="fr").axes[0]
    labels = tick_labels(ax, "x")
    assert any("sept." in t or "oct." in t or "nov." in t for t in labels), labels
    assert ax.get_xlabel() == "date de la déclaration"
    assert n_points(ax) == 2 and len(gid(ax, "open-end")) == 1
    assert "10\u202f000" in tick_labels(ax)


def test_timeline_leaves_undated_claims_out_with_a_warning(seed):
    with pytest.warns(est.MissingDateWarning):
        ax = charts.timeline_chart(seed, NK).axes[0]
    # Two dated claims: the US point and the "up to 12,000" ceiling.
    assert n_points(ax) == 1
    assert len(gid(ax, "ceiling")[0].get_segments()) == 1 and gid(ax, "range") == []
    with pytest.warns(est.MissingDateWarning):
        fig = seed.plot(kind="timeline")
    assert len(fig.axes) == 3


# ---------------------------------------------------------------- files
def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


def test_to_png_is_a_valid_png_of_the_expected_size(seed):
    fig = charts.range_strip(seed, NK)
    w, h = fig.get_size_inches()
    data = charts.to_png(fig, dpi=100)
    assert png_size(data) == (round(w * 100), round(h * 100))
    image = mpl.image.imread(io.BytesIO(data), format="png")
    assert image.shape[:2] == (round(h * 100), round(w * 100))
    assert image[..., :3].std() > 0.05  # not blank
    assert png_size(charts.to_png(fig, dpi=50)) == (round(w * 50), round(h * 50))


def test_to_svg_keeps_labels_as_text_and_escapes_them(seed):
    claims = strict_table(
        quantity=["<b>troops</b>"] * 2,
        figure=["10,000", "12,000"],
        source=["<script>alert(1)</script>", "A & B"],
        stated=["2024-11-01", "2024-11-02"],
    )
    svg = charts.to_svg(charts.range_strip(claims))
    assert svg.lstrip().startswith("<?xml") and "<svg" in svg
    assert "<text" in svg
    assert "&lt;script&gt;alert(1)&lt;/script&gt; · 1 November 2024" in svg
    assert "A &amp; B · 2 November 2024" in svg and "&lt;b&gt;troops&lt;/b&gt;" in svg
    assert "<script" not in svg
    seed_svg = charts.to_svg(charts.range_strip(seed, NK))
    assert "United States · week of 4 November 2024" in seed_svg
    assert seed_svg == charts.to_svg(charts.range_strip(seed, NK))  # deterministic


def test_charts_write_numbers_through_the_one_formatter():
    from estimates._present import format as fmt

    assert not hasattr(charts, "format_number")  # one home: estimates._present.format
    assert fmt.format_number(1234567.5) == "1,234,567.5"
    assert fmt.format_number(1234567, "fr") == "1\u202f234\u202f567"
    assert fmt.format_number(float("-inf")) == "-∞"
    assert fmt.format_number(float("nan")) == ""
    assert fmt.format_number(2e40, "fr") == "2E40"
    with pytest.raises(ValueError, match="unsupported language"):
        fmt.format_number(3, "xx-unknown")


def test_without_matplotlib_a_clear_error(seed, monkeypatch):
    monkeypatch.setitem(sys.modules, "matplotlib", None)
    with pytest.raises(ImportError, match=r"pip install 'estimates\[plot\]'"):
        charts.range_strip(seed, NK)
