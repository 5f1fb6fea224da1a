"""The methodology note: sections, conventions, strategy, sources, revisions, left out."""

from __future__ import annotations

import re

import pandas as pd
import pytest

import estimates as est
from estimates._present.methodology import markdown_escape, methodology, methodology_document

from ..datasets import quiet, strict_table


def public_note(claims: est.Claims, **options: object) -> str:
    """The note through the public method, which takes the selection and summary
    options one by one (the internal function takes them as two objects)."""
    return claims.methodology(**options)  # type: ignore[arg-type]


def sections(note: str) -> list[str]:
    return [line for line in note.splitlines() if line.startswith("#")]


def test_seed_note_has_every_section(seed):
    note = methodology(seed)
    assert sections(note) == [
        "# Methodology",
        "## Definitions",
        "## How figures were read",
        "### Conventions profile `default`",
        "## Comparison",
        "## Central estimate",
        "## Sources",
        "## Revisions",
        "## Left out",
    ]
    assert note.splitlines()[2] == (
        "This note covers five claims on three quantities, from seven sources. Claims are "
        "grouped by `quantity`; within a group every figure is converted to the group's most "
        "common unit. Claims on different quantities are never pooled."
    )
    for term in ("Stated range", "Envelope", "Consensus", "Agreement", "Conflicts", "Verdict"):
        assert f"- **{term}**: " in note
    conv = est.get_conventions("default")
    assert markdown_escape(conv.description) in note
    assert "Cummins, Sauerland & Solt (2012)" in note  # references, as given
    assert "Strategy `median`: the median of the claims' central values" in note
    assert "stated within 31 days of the group's latest claim" in note
    assert "| Source | Claims |\n|---|---:|\n| United States | 2 |" in note
    assert "No source made more than one dated claim on the same quantity." in note
    assert note.endswith("## Left out\n\nNo claim was left out.\n")


def test_strategy_and_profile_are_named():
    claims = quiet(
        est.read_claims,
        pd.DataFrame(
            {
                "quantity": ["q", "q"],
                "figure": ["hundreds", "dozens"],
                "source": ["A", "B"],
                "stated": ["2024-01", "2024-02"],
            }
        ),
        conventions="acled",
    )
    note = public_note(claims, strategy="conservative")
    assert "### Conventions profile `acled`" in note
    assert "ACLED's conservative coding of vague fatality counts" in note
    assert "ACLED Codebook, section 'Fatalities'" in note
    assert "Strategy `conservative`: the lowest credible figure" in note
    with pytest.raises(ValueError, match="strategy='best': expected one of median"):
        public_note(claims, strategy="best")
    with pytest.raises(TypeError, match="unexpected keyword argument 'colour'"):
        public_note(claims, colour="red")


def test_hostile_source_names_cannot_inject_markdown():
    claims = quiet(
        est.read_claims,
        pd.DataFrame(
            {
                "quantity": ["q"] * 4,
                "figure": ["10", "12", "14", "16"],
                "source": [
                    "*evil*",
                    "[x](javascript:alert(1))",
                    "<script>alert(1)</script>",
                    "a|b `code` _u_",
                ],
                "stated": ["2024-01-01", "2024-01-02", "2024-01-03", "2024-01-04"],
            }
        ),
    )
    note = methodology(claims)
    assert "*evil*" not in note and "\\*evil\\*" in note
    assert "[x](javascript:alert(1))" not in note
    assert "\\[x\\](javascript:alert(1))" in note
    assert "<script>" not in note and "\\<script\\>alert(1)\\</script\\>" in note
    assert "a\\|b \\`code\\` \\_u\\_" in note
    # Each hostile name sits in its own table row, which it cannot break.
    rows = [ln for ln in note.splitlines() if ln.startswith("| ") and "| 1 |" in ln]
    assert len(rows) == 4


def test_sources_revisions_and_left_out(economist):
    book = est.SourceBook(
        aliases={"UK Ministry of Defence": "UK MoD"}, kinds={"UK MoD": "government"}
    )
    note = quiet(
        public_note,
        economist,
        by=["country", "type"],
        sources=book,
        exclude_kinds="warring party",
        as_of="2023-01-01",
    )
    assert "| Source | Claims | Kind | Also named |" in note
    assert "| UK MoD | 11 | government | UK Ministry of Defence |" in note
    assert "- **UK MoD**, Russia, casualties: 11,966 (1 April 2022) → 17,756 (1 May 2022)" in note
    assert "→ 99,658 (1 January 2023)\n" in note
    # Filters apply in reconcile's order: as_of first, then the excluded kinds.
    assert "Stated after 1 January 2023 (`as_of`): 103 claims" in note
    assert "- row 0, Armed Forces of Ukraine, 390,580, 16 January 2024" in note
    assert "- … and 93 more" in note
    assert "By sources of an excluded kind (warring party): two claims" in note
    assert "- row 5, Armed Forces of Ukraine, 38,500, 19 July 2022" in note
    # A long chain of revisions is shortened in the middle.
    full = quiet(public_note, economist, by=["country", "type"], sources=book)
    assert "30,077 (1 July 2022) → … (42 claims in all) … → 950,000 (3 May 2025)" in full
    assert "- **Mediazona and Meduza**, Russia, deaths: 40,000 to 55,000 (27 June 2023) → " in full


def test_latest_per_source_and_flagged():
    claims = strict_table(
        errors="flag",
        quantity=["q"] * 3,
        low=[1000, 5000, 2000],
        high=[3000, 2000, 4000],
        source=["A", "B", "A"],
        stated=["2024-01-01", "2024-01-02", "2024-02-01"],
    )
    note = public_note(claims, latest_per_source=True)
    assert "Flagged invalid when read, so left out of every computation: one claim" in note
    assert "- row 1, B, 2 January 2024, low=5000: expected low \\<= high (high=2000)" in note
    assert "- **A**, q: 1,000 to 3,000 (1 January 2024) → 2,000 to 4,000 (1 February 2024)" in note
    assert "Only each source's latest claim per quantity was counted" in note
    assert (
        "Superseded by a later claim of the same source (`latest_per_source`): one claim" in note
    )


def test_french_note(seed):
    note = quiet(public_note, seed, lang="fr", as_of="2024-11-11")
    assert sections(note)[:3] == ["# Méthodologie", "## Définitions", "## Lecture des chiffres"]
    assert "Stratégie `median`\xa0: la médiane des valeurs centrales" in note
    assert "Déclarées après le 11 novembre 2024 (`as_of`)\xa0: une affirmation" in note
    assert (
        "Sans date de déclaration, donc impossibles à situer (`as_of/window`)\xa0: une affirmation"
    ) in note
    assert "«\xa0jusqu’à 12 000 soldats nord-coréens\xa0»" in note
    with pytest.raises(ValueError, match="unsupported language 'es'"):
        methodology(seed, lang="es")


def test_empty_table():
    empty = est.read_claims(pd.DataFrame({"quantity": [], "low": []}))
    note = methodology(empty)
    assert "This note covers 0 claims" not in note
    assert "No figure was read (no valid claims)." in note
    assert "No claims were counted." in note


def test_one_document_two_renderings_both_escaped():
    claims = strict_table(
        quantity=["q"] * 2,
        figure=["10", "12"],
        source=["*evil* <script>alert(1)</script>", "B"],
        stated=["2024-01-01", "2024-01-02"],
    )
    doc = methodology_document(claims)
    md, page = doc.to_markdown(), doc.to_html()
    assert md == methodology(claims)
    assert "\\*evil\\* \\<script\\>alert(1)\\</script\\>" in md
    assert "<script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    # The same sections in both renderings.
    heads = [line.lstrip("# ") for line in md.splitlines() if line.startswith("#")]
    assert heads == re.findall(
        r"<h\d>([^<]*(?:<code>[^<]*</code>)?)</h\d>",
        page.replace("<code>", "`").replace("</code>", "`"),
    )


def test_note_describes_the_selection_object_that_was_applied(economist):
    from estimates._compute.selection import Selection

    sel = Selection(as_of="2023-01-01", exclude_kinds=("warring party",))
    by_object = quiet(methodology, economist.frame, by=["country", "type"], selection=sel)
    assert by_object == quiet(public_note, economist, by=["country", "type"], selection=sel)
    by_args = quiet(
        public_note,
        economist,
        by=["country", "type"],
        as_of="2023-01-01",
        exclude_kinds="warring party",
    )
    assert by_object == by_args
    kept, trace = quiet(sel.apply, economist.frame, ["country", "type"])
    assert f"This note covers {len(kept)} claims" in by_object
    assert f"(`as_of`): {len(trace.dropped('as_of'))} claims" in by_object


def test_french_note_is_entirely_french(seed, economist):
    words = re.compile(
        r"\b(the|and|of|claims?|sources? of|stated|agree|conflict|single|disputed|"
        r"strategy|left out|revisions? of|consensus exists|when|range)\b"
    )
    for claims, by in ((seed, "quantity"), (economist, ["country", "type"])):
        note = quiet(public_note, claims, lang="fr", by=by, as_of="2024-11-11")
        prose = re.sub(r"`[^`]*`", " ", note)  # parameter names and column names
        prose = re.sub(r"^(\| .*|- .*)$", " ", prose, flags=re.M)  # data rows and lists
        prose = re.sub(r"^[A-Z][^\n]*\(\d{4}\)[^\n]*$", " ", prose, flags=re.M)  # references
        conv = est.get_conventions("default").description
        prose = prose.replace(markdown_escape(conv), " ")
        assert not words.findall(prose.lower()), words.findall(prose.lower())
    assert "«\xa0conflit\xa0»" in quiet(methodology, seed, lang="fr-FR")
    assert quiet(methodology, seed, lang="fr-FR") == quiet(methodology, seed, lang="fr")


def test_profile_descriptions_come_from_the_catalogue_unless_user_registered():
    from dataclasses import replace

    from estimates._i18n import words
    from estimates._model.conventions import ACLED, CCC, DEFAULT
    from estimates._present.methodology import _profile_description

    fr, en = words("fr", "methodology"), words("en", "methodology")
    for conv in (DEFAULT, ACLED, CCC):
        assert _profile_description(conv, en) == conv.description
        french = _profile_description(conv, fr)
        assert french != conv.description and "'" not in french  # French quotes, French words
    # A profile a user registered (or changed) is described in the user's own words.
    mine = replace(CCC, description="Mon profil maison.")
    assert _profile_description(mine, fr) == "Mon profil maison."
    other = replace(CCC, name="house", description="House rules.")
    assert _profile_description(other, fr) == "House rules."


def test_reliability_strategy_shows_the_learned_weights_in_both_languages():
    from tests.reliability.test_reliability import BOOK, economist_claims

    claims = economist_claims()
    en = claims.methodology(lang="en", strategy="reliability", sources=BOOK)
    fr = claims.methodology(lang="fr", strategy="reliability", sources=BOOK)
    median = claims.methodology(lang="en", strategy="median", sources=BOOK)
    assert "| Source | Weight | Record |" in en
    assert "| Western intelligence agencies (via WSJ) | 1.73 | 2 of 2 |" in en
    assert "| Western intelligence agencies (via WSJ) | 1,73 | 2 sur 2 |" in fr
    assert "| Source | Poids | Bilan |" in fr and "Weight" not in fr
    assert "Weight" not in median
