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


def test_an_event_dated_only_by_its_month_starts_in_that_month() -> None:
    found = facts(
        "The 20th edition of Exercise Vajra Prahar was conducted in September 2024 at Umroi. The 7th "
        "edition of Exercise Cope India took place at Kalaikunda during February last year.",
        {"startDate", "endDate"},
    )
    assert found == {("20th edition of Exercise Vajra Prahar", "startDate", "2024-09"),
                     ("7th edition of Exercise Cope India", "startDate", "2025-02")}


def test_a_month_range_gives_a_start_and_an_end_month() -> None:
    found = facts("The 9th edition of Exercise Cope India was held in May-June 2023.",
                  {"startDate", "endDate"})
    assert found == {("9th edition of Exercise Cope India", "startDate", "2023-05"),
                     ("9th edition of Exercise Cope India", "endDate", "2023-06")}


def test_a_planned_or_signing_month_is_no_event_month_and_a_day_wins_over_its_month() -> None:
    found = facts(
        "The 4th round of the 2+2 Ministerial Dialogue, originally due in December 2021, was held in "
        "Washington on 11 April 2022. The dialogue was held in April 2022 at the State Department. "
        "The 24th Indo-US Joint Technical Group plenary was held in New Delhi, and follows the signing "
        "of the Framework for the India-US Major Defence Partnership in October 2025. The ministry "
        "approved the purchase in June 2023, shortly before Prime Minister Narendra Modi's state visit "
        "to Washington.",
        {"startDate"},
    )
    assert found == {("4th round of the 2+2 Ministerial Dialogue", "startDate", "2022-04-11")}


def test_a_datelines_date_is_the_reports_not_the_meetings() -> None:
    for dateline in ("WASHINGTON, 12 March 2026:", "New Delhi, Oct 11 (PTI) -", "SYDNEY, Aug. 22, 2025 -"):
        found = facts(f"{dateline} The 25th Indo-US Joint Technical Group plenary concluded its "
                      "deliberations with a joint statement.", {"startDate", "endDate"})
        assert found == set(), dateline


def test_today_in_a_datelined_report_is_the_datelines_day() -> None:
    found = facts("NEW DELHI, Dec 31 - The ministers today held the sixth round of their 2+2 "
                  "Ministerial Dialogue in New Delhi.", {"startDate"})
    assert found == {("sixth round of their 2+2 Ministerial Dialogue", "startDate", "2025-12-31")}


SERIES = {"partOfSeries", "ordinal"}


def test_an_edition_of_a_described_exercise_takes_the_name_after_it() -> None:
    found = facts("The 9th edition of the India-US joint special forces exercise Garuda Shakti 2024 "
                  "began at Bakloh.", SERIES)
    assert found == {("9th edition of Exercise Garuda Shakti", "partOfSeries", "Exercise Garuda Shakti"),
                     ("9th edition of Exercise Garuda Shakti", "ordinal", "9")}


def test_an_edition_of_the_bilateral_exercise_is_of_the_series_the_article_names() -> None:
    for text in (
        "Exercise Garuda Shakti opened at Bakloh. It is the 9th edition of the India-US exercise.",
        "The 9th edition of the bilateral exercise opened at Bakloh. Exercise Garuda Shakti alternates "
        "between the two countries.",
        "Exercise Garuda Shakti opened at Bakloh. The 8th edition of the series was held at Umroi.",
    ):
        found = {f for f in facts(text, SERIES) if f[1] == "partOfSeries"}
        assert {(s.split(" of ")[0], o) for s, _, o in found} in (
            {("9th edition", "Exercise Garuda Shakti")}, {("8th edition", "Exercise Garuda Shakti")}), text


def test_an_edition_of_the_exercise_is_not_of_a_grouping_or_of_a_later_second_series() -> None:
    found = facts("The Quadrilateral Security Dialogue met in Tokyo. The 9th edition of the joint "
                  "exercise began. Exercise Garuda Shakti is held every year. Exercise Cope India is "
                  "held every two years.",
                  {"partOfSeries"})
    assert found == set()


def test_the_first_edition_of_a_kind_is_no_edition_number_one() -> None:
    for text in ("Exercise Malabar 2020 was the first edition since 2007 in which all four navies "
                 "trained together.",
                 "Exercise Malabar 2023 was the first edition of the naval exercise to be hosted by "
                 "Australia."):
        assert not {f for f in facts(text, SERIES) if f[1] == "ordinal"}, text
