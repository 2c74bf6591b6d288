"""What the rules must NOT read into a sentence: signings recalled beside another agreement,
agreements only mentioned at an event, plans to sign."""

from __future__ import annotations

from datetime import date

from graph.ingest.entities import Entity
from graph.ingest.extract import extract_text


def facts(text: str, predicates: set[str]) -> set[tuple[str, str, str]]:
    result = extract_text(text, published=date(2026, 1, 1))
    return {
        (f.subject.label, f.predicate, f.obj.label if isinstance(f.obj, Entity) else str(f.obj))
        for f in result.facts
        if f.predicate in predicates
    }


SIGNING = {"signatory", "signedOn", "signedAt"}


def test_a_renewal_in_the_same_sentence_keeps_its_signers_to_itself() -> None:
    found = facts(
        "The new pact follows the Basic Exchange and Cooperation Agreement signed by Defence Minister "
        "Rajnath Singh and US Secretary of Defense Mark Esper in October 2020 and its renewal by "
        "Defence Minister Ann Lee and US Defense Secretary Bob Ray in 2030.",
        SIGNING,
    )
    bec = "Basic Exchange and Cooperation Agreement"
    assert found == {(bec, "signatory", "Rajnath Singh"), (bec, "signatory", "Mark Esper"),
                     (bec, "signedOn", "2020-10")}


def test_an_annex_to_an_agreement_takes_the_date_not_the_agreement() -> None:
    found = facts(
        "The Industrial Security Annex to the General Security of Military Information Agreement was "
        "signed in Washington in December 2019.",
        SIGNING,
    )
    assert ("Industrial Security Annex", "signedOn", "2019-12") in found
    assert not {f for f in found if f[0].startswith("General Security")}


def test_a_plan_to_sign_and_a_recalled_first_signing_give_no_date_to_the_new_text() -> None:
    found = facts(
        "The leaders committed to sign a new ten-year Framework for the US-India Major Defence "
        "Partnership during 2025, replacing the framework first signed in 2005.",
        SIGNING,
    )
    assert found == set()


def test_an_agreement_mentioned_at_an_event_is_not_signed_there() -> None:
    found = facts(
        "The Defence Research and Development Organisation hosted the 24th Indo-US Joint Technical "
        "Group plenary in New Delhi, and follows the signing of the Logistics Exchange Memorandum of "
        "Agreement in August 2016.",
        SIGNING,
    )
    assert not {f for f in found if f[1] == "signedAt"}
    assert not {f for f in found if f[1] == "signatory"}


def test_an_event_the_text_refers_to_is_no_signing_place() -> None:
    found = facts(
        "The 29th edition of Exercise Malabar began off Guam. The exercise was the first since Defence "
        "Minister Rajnath Singh and US Secretary of War Pete Hegseth signed the Logistics Exchange "
        "Memorandum of Agreement in Kuala Lumpur on 31 October 2025.",
        SIGNING,
    )
    lemoa = "Logistics Exchange Memorandum of Agreement"
    assert found == {(lemoa, "signatory", "Rajnath Singh"), (lemoa, "signatory", "Pete Hegseth"),
                     (lemoa, "signedOn", "2025-10-31")}


def test_the_subject_next_to_the_verb_signs_not_the_first_actor_of_the_sentence() -> None:
    found = facts(
        "In June 2023, during Prime Minister Narendra Modi's state visit to Washington, GE Aerospace "
        "and Hindustan Aeronautics Limited signed a memorandum of understanding.",
        {"signatory"},
    )
    assert {o for _, _, o in found} == {"GE Aerospace", "Hindustan Aeronautics Limited"}
