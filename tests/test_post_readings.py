"""Posts as newspapers write them: in lower case, after a possessive, before the name, after
"then"; the people and the bodies they name (the readings added for issue #14)."""

from __future__ import annotations

from datetime import date

import pytest

from graph.ingest.extract import extract_text
from graph.ingest.resolution.entities import Entity
from graph.ingest.resolution.gazetteer import Gazetteer
from tests.conftest import ROOT

GAZETTEER = Gazetteer.load(ROOT / "data" / "gazetteer.ttl")


def affiliations(text: str) -> set[tuple[str, str]]:
    result = extract_text(text, gazetteer=GAZETTEER, published=date(2024, 2, 16))
    return {(f.subject.name, f.obj.name) for f in result.facts
            if f.predicate == "affiliatedWith" and isinstance(f.obj, Entity)}


@pytest.mark.parametrize(("text", "expected"), [
    ("India's delegation was headed by Gourangalal Das, a joint secretary in the Ministry of "
     "External Affairs.", ("Gourangalal Das", "Ministry of External Affairs")),
    ("Sukaran Singh, managing director and chief executive of TASL, has cited the plant.",
     ("Sukaran Singh", "Tata Advanced Systems Limited")),
    ("Lockheed Martin's chief operating officer, Frank St. John, visited the plant.",
     ("Frank St. John", "Lockheed Martin")),
    ("Gen Manoj Pande held talks with the Chief of Staff of the US Army, General Randy George.",
     ("Randy George", "US Army")),
    ("The talks were co-chaired by Lt Gen Stephen D Sklenka, then Deputy Commander of USINDOPACOM.",
     ("Stephen D Sklenka", "US Indo-Pacific Command")),
    ("Admiral Michael Gilday, the US Chief of Naval Operations, arrived in Mumbai.",
     ("Michael Gilday", "United States")),
    ("Brigadier Mukesh Bhanwala, Commander of 170 Infantry Brigade, welcomed the contingent.",
     ("Mukesh Bhanwala", "170 Infantry Brigade")),
])
def test_a_post_gives_the_person_and_the_body(text: str, expected: tuple[str, str]) -> None:
    assert expected in affiliations(text)


def test_an_ordinal_word_starts_no_name() -> None:
    result = extract_text("The first US Navy ship to be repaired in India arrived at Kattupalli.",
                          gazetteer=GAZETTEER)
    names = {e.name for e in result.entities if e.cls == "Organisation"}
    assert "US Navy" in names and not any(n.lower().startswith("first") for n in names)


def test_today_without_a_dateline_is_the_publication_day() -> None:
    result = extract_text("Lloyd Austin held an introductory phone call today with Defence Minister "
                          "Rajnath Singh.", gazetteer=GAZETTEER, published=date(2021, 1, 27))
    starts = {str(f.obj) for f in result.facts if f.predicate == "startDate"}
    assert starts == {"2021-01-27"}


def test_a_rank_and_a_surname_seen_before_name_that_person() -> None:
    result = extract_text("The delegation was led by Gen. Randy George. On 25 September 2023, Gen. George "
                          "met the Indian Chief of the Army Staff, Gen. Manoj Pande.", gazetteer=GAZETTEER)
    met = {f.obj.name for f in result.facts if f.predicate == "participant" and isinstance(f.obj, Entity)}
    assert {"Randy George", "Manoj Pande"} <= met
