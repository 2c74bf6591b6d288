"""What the rules must NOT read into a sentence: signings recalled beside another agreement,
agreements only mentioned at an event, plans to sign."""

from __future__ import annotations

from datetime import date

from rdflib import Graph

from graph.ingest.entities import Entity
from graph.ingest.extract import extract_text
from graph.ingest.gazetteer import Gazetteer
from tests.conftest import ROOT


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


EVENT_FACTS = {"location", "startDate", "partOfSeries", "chairedBy"}


def test_a_recalled_previous_edition_lends_no_place_or_date_to_the_current_one() -> None:
    found = facts(
        "The 19th edition of Exercise Yudh Abhyas began at Fort Wainwright in Alaska on 25 September "
        "2023. Yudh Abhyas was first held in 2004 and alternates between the two countries. The "
        "previous edition took place at Auli in Uttarakhand in November 2022.",
        EVENT_FACTS,
    )
    assert {f[2] for f in found} >= {"Fort Wainwright", "Alaska"}
    assert not {f for f in found if f[2] in ("Auli", "Uttarakhand") or "2004" in f[0]}


def test_a_series_started_in_a_year_makes_no_edition_of_that_year() -> None:
    for text in ("Exercise Malabar was first held in 1992.", "Exercise Vajra Prahar began in 2010.",
                 "Exercise Malabar, held every year since 1992, is a naval drill."):
        assert not {f for f in facts(text, EVENT_FACTS) if f[0].endswith(("1992", "2010"))}


def test_a_recalled_first_round_is_not_the_second_round() -> None:
    found = facts(
        "They held the second round of their 2+2 Ministerial Dialogue in Washington on 18 December "
        "2019. The first round took place in New Delhi in September 2018.",
        {"location"},
    )
    assert {f[2] for f in found} == {"Washington"}


def test_a_dateline_place_is_not_where_the_meeting_took_place() -> None:
    found = facts(
        "KUALA LUMPUR, Oct 31 - The ministers held the fifth round of their 2+2 Ministerial Dialogue "
        "on Friday.",
        {"location"},
    )
    assert found == set()


def test_this_years_session_was_co_chaired_by_the_focus_meetings_chairs() -> None:
    found = facts(
        "The 16th meeting of the Defence Policy Group was held in Washington on 8 October 2021.\n\n"
        "This year's session was co-chaired by Colin Kahl and Ajay Kumar.",
        {"chairedBy"},
    )
    assert {f[2] for f in found} == {"Colin Kahl", "Ajay Kumar"}


AFFILIATION = {"affiliatedWith"}
KNOWN_PEOPLE = """
@prefix dt: <https://w3id.org/defence-ties/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
<https://w3id.org/defence-ties/resource/person/ann-rao> a dt:Person ; rdfs:label "Ann Rao" ;
    dt:country <https://w3id.org/defence-ties/resource/country/india> .
<https://w3id.org/defence-ties/resource/country/india> a dt:Country ; rdfs:label "India" .
"""


def test_a_post_both_countries_have_names_no_country_by_itself() -> None:
    # India has a Defence Secretary too: the title alone is not the US post.
    assert facts("The talks were chaired by then Defence Secretary Ann Rao.", AFFILIATION) == set()
    assert facts("US Defence Secretary Bob Ray spoke.", AFFILIATION) == {
        ("Bob Ray", "affiliatedWith", "United States")
    }


def test_a_possessive_country_before_a_post_is_the_posts_country() -> None:
    found = facts("It was co-chaired by Colin Kahl and India's Defence Secretary Ann Rao.", AFFILIATION)
    assert found == {("Ann Rao", "affiliatedWith", "India")}


def test_a_shared_post_takes_the_country_the_gazetteer_records_for_its_holder() -> None:
    gazetteer = Gazetteer.from_graph(Graph().parse(data=KNOWN_PEOPLE, format="turtle"))
    result = extract_text("The talks were chaired by then Defence Secretary Ann Rao.", gazetteer=gazetteer)
    found = {(f.subject.label, f.obj.label) for f in result.facts if f.predicate == "affiliatedWith"}
    assert found == {("Ann Rao", "India")}  # type: ignore[union-attr]


FLEET = """
@prefix dt: <https://w3id.org/defence-ties/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix org: <https://w3id.org/defence-ties/resource/organisation/> .
org:jmsdf a dt:Organisation ; rdfs:label "Japan Maritime Self-Defense Force" .
org:ran a dt:Organisation ; rdfs:label "Royal Australian Navy" .
org:js-onami a dt:Organisation ; rdfs:label "JS Onami" ; dt:partOf org:jmsdf .
org:js-kaga a dt:Organisation ; rdfs:label "JS Kaga" ; dt:partOf org:jmsdf .
org:hmas-ballarat a dt:Organisation ; rdfs:label "HMAS Ballarat" ; dt:partOf org:ran .
org:hmas-sirius a dt:Organisation ; rdfs:label "HMAS Sirius" .
org:usn a dt:Organisation ; rdfs:label "US Navy" .
org:uss-germantown a dt:Organisation ; rdfs:label "USS Germantown" ; dt:partOf org:usn .
"""


def exercise_participants(text: str) -> set[str]:
    gazetteer = Gazetteer.from_graph(Graph().parse(data=FLEET, format="turtle"))
    result = extract_text(text, published=date(2020, 11, 21), gazetteer=gazetteer)
    return {f.obj.label for f in result.facts if f.predicate == "participant"}  # type: ignore[union-attr]


def test_a_flagged_warship_brings_the_navy_the_gazetteer_gives_it() -> None:
    found = exercise_participants(
        "Exercise Malabar 2020 began off Visakhapatnam on 3 November. Opposite them were "
        "Australia's frigate HMAS Ballarat, the Japanese guided-missile destroyer JS Onami and the US "
        "Navy dock landing ship USS Germantown."
    )
    navies = {"Royal Australian Navy", "Japan Maritime Self-Defense Force", "US Navy"}
    assert found == {"HMAS Ballarat", "JS Onami", "USS Germantown"} | navies


def test_no_navy_is_guessed_for_an_unflagged_ship_or_one_the_gazetteer_does_not_place() -> None:
    found = exercise_participants(
        "Exercise Malabar 2020 began off Visakhapatnam on 3 November. Japan is represented by JS "
        "Kaga, and Australia sent the Australian supply ship HMAS Sirius."
    )
    assert found == {"HMAS Sirius"}


def test_chairs_with_long_appositive_posts_chair_the_edition_the_series_possessive_names() -> None:
    result = extract_text(
        "The India-US Joint Technical Group rarely makes headlines. Its 24th plenary was held in New "
        "Delhi on 3 and 4 February 2026.\n\nThis year's plenary was co-chaired by Dr Ann Rao, DRDO's "
        "Director General for Production Coordination and Services Interaction, and Bob Ray, "
        "Assistant Secretary of War for Critical Technologies in the Office of the Under Secretary of "
        "War for Research and Engineering.",
        published=date(2026, 2, 9),
    )
    found = {(f.subject.label, f.predicate, getattr(f.obj, "label", str(f.obj))) for f in result.facts}
    edition = "24th plenary"
    assert {(edition, "chairedBy", "Ann Rao"), (edition, "chairedBy", "Bob Ray"),
            (edition, "partOfSeries", "India-US Joint Technical Group"), (edition, "ordinal", "24")} <= found
    assert ("Bob Ray", "affiliatedWith",
            "Office of the Under Secretary of War for Research and Engineering") in found
    titles = {e.label: e.titles for e in result.entities if e.cls == "Person"}
    assert titles == {
        "Ann Rao": {"Director General for Production Coordination and Services Interaction"},
        "Bob Ray": {"Assistant Secretary of War for Critical Technologies"},
    }


def test_their_first_meeting_names_no_edition() -> None:
    found = facts("The Defence Policy Group met in May. The ministers held their first meeting in June.",
                  {"ordinal"})
    assert found == set()


def test_the_place_where_a_framework_was_signed_is_not_the_meetings() -> None:
    found = facts(
        "The 24th Joint Technical Group Plenary Meeting was held in New Delhi, in line with the "
        "Framework for the India-US Major Defence Partnership signed in Kuala Lumpur in October 2025.",
        {"location"},
    )
    assert {f[2] for f in found} == {"New Delhi"}


def test_phases_give_their_edition_their_places_but_a_later_phase_gives_no_dates() -> None:
    gazetteer = Gazetteer.load(ROOT / "data" / "gazetteer.ttl")
    result = extract_text(
        "The navies will begin the second phase of this year's Malabar exercise in the Bay of Bengal "
        "on Tuesday, building on a first phase held off the Pacific island of Guam in August.",
        published=date(2021, 10, 11),
        gazetteer=gazetteer,
    )
    found = {(f.predicate, getattr(f.obj, "label", str(f.obj))) for f in result.facts
             if f.subject.label == "Malabar 2021"}
    assert {o for p, o in found if p == "location"} == {"Bay of Bengal", "Guam"}
    assert not {p for p, _ in found if p in ("startDate", "endDate")}
