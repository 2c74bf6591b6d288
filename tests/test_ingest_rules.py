"""Every rule of the catalogue on its own example sentence, dates, hedges and entity resolution."""

from __future__ import annotations

from datetime import date

import pytest
from rdflib import Literal

from graph.ingest.extract import extract_text
from graph.ingest.language.dates import find_dates
from graph.ingest.language.text import nlp, normalise_label
from graph.ingest.resolution.entities import Entity
from graph.ingest.rules.rulebook import CATALOGUE


def triples(text: str, published: date | None = None) -> set[tuple[str, str, str]]:
    result = extract_text(text, published=published)
    return {
        (
            normalise_label(f.subject.label),
            f.predicate,
            normalise_label(f.obj.label) if isinstance(f.obj, Entity) else str(f.obj),
        )
        for f in result.facts
    }


@pytest.mark.parametrize("entry", CATALOGUE, ids=[r.name for r in CATALOGUE])
def test_catalogue_example(entry: object) -> None:
    assert entry.kind and entry.example  # type: ignore[attr-defined]
    found = triples(entry.example, date(2026, 1, 1))  # type: ignore[attr-defined]
    for s, p, o in entry.expect:  # type: ignore[attr-defined]
        assert (normalise_label(s), p, normalise_label(o) if not o[:1].isdigit() else o) in found, found


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("held on 3-4 February 2026", None, "2026-02-03..2026-02-04"),
        ("signed on Oct. 31, 2025", None, "2025-10-31"),
        ("signed on 31st October 2025", None, "2025-10-31"),
        ("from September 9 to 22", date(2025, 9, 1), "2025-09-09..2025-09-22"),
        ("signed in October 2025", None, "2025-10"),
        ("signed in 2002", None, "2002"),
        ("on 20 and 21 June", date(2023, 6, 23), "2023-06-20..2023-06-21"),
        ("on Thursday", date(2018, 9, 8), "2018-09-06"),
        ("held in September last year", date(2025, 3, 1), "2024-09"),
        ("held on 5 September last year", date(2025, 3, 1), "2024-09-05"),
        ("due in March next year", date(2025, 3, 1), "2026-03"),
    ],
)
def test_dates(text: str, published: date | None, expected: str) -> None:
    (found,) = find_dates(nlp()(text), published)
    assert str(found) == expected


def test_month_only_is_a_year_month() -> None:
    (found,) = find_dates(nlp()("in October 2025"), None)
    assert found.literal() == Literal("2025-10", datatype=found.literal().datatype)
    assert str(found.literal().datatype).endswith("gYearMonth")


@pytest.mark.parametrize(
    "sentence",
    [
        "India has not signed the Basic Exchange and Cooperation Agreement.",
        "India could sign the Basic Exchange and Cooperation Agreement next year.",
        "India is likely to sign the Basic Exchange and Cooperation Agreement.",
    ],
)
def test_hedged_and_negated_statements_give_no_relation(sentence: str) -> None:
    assert not {t for t in triples(sentence) if t[1] == "signatory"}


def test_acronyms_surnames_and_posts_resolve_to_one_node() -> None:
    result = extract_text(
        "Defence Minister Rajnath Singh met officials of the Defence Research and Development "
        "Organisation (DRDO). Singh praised DRDO."
    )
    people = [e for e in result.entities if e.cls == "Person"]
    assert [(p.label, sorted(p.titles)) for p in people] == [("Rajnath Singh", ["Defence Minister"])]
    drdo = [e for e in result.entities if e.cls == "Organisation"]
    assert len(drdo) == 1 and {"DRDO", "Defence Research and Development Organisation"} <= drdo[0].surfaces


def test_honorifics_are_not_labels() -> None:
    result = extract_text("The meeting was co-chaired by Dr Chandrika Kaushik and Michael Dodd.")
    assert "Chandrika Kaushik" in {e.label for e in result.entities if e.cls == "Person"}
