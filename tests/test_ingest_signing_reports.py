"""Signings phrased the way wire reports phrase them (issue #3): long appositive posts, agreements
named by a descriptive tail, a lead that dates several signings at once, and weapon types that are
no technology areas."""

from __future__ import annotations

from datetime import date

from tests.extraction_helpers import Facts, Nodes, extract_with

GAZETTEER_TTL = """
@prefix dt: <https://w3id.org/defence-ties/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix a: <https://w3id.org/defence-ties/resource/agreement/> .
@prefix t: <https://w3id.org/defence-ties/resource/technology/> .
@prefix o: <https://w3id.org/defence-ties/resource/organisation/> .
@prefix c: <https://w3id.org/defence-ties/resource/country/> .
o:dod a dt:Organisation ; rdfs:label "Department of Defense" ; dt:country c:united-states .
o:mod a dt:Organisation ; rdfs:label "Ministry of Defence" ; dt:country c:india .
a:moa-pilots a dt:Agreement ; rdfs:label "Memorandum of Agreement regarding the Exchange of Test Pilots" ;
    skos:altLabel "MoA on test pilots" .
t:land a dt:TechnologyArea, skos:Concept ; rdfs:label "Land systems" .
t:atgm a dt:TechnologyArea, skos:Concept ; rdfs:label "Anti-tank guided missiles" ;
    skos:altLabel "anti-tank missiles" ; skos:broader t:land .
t:spear a dt:TechnologyArea, skos:Concept ; rdfs:label "Spearhead" ;
    skos:altLabel "Spearhead anti-tank missiles" ; skos:broader t:atgm .
t:armour a dt:TechnologyArea, skos:Concept ; rdfs:label "Armoured vehicles" ; skos:broader t:land .
t:badger a dt:TechnologyArea, skos:Concept ; rdfs:label "Badger" ;
    skos:altLabel "Badger combat vehicles" ; skos:broader t:armour .
t:engines a dt:TechnologyArea, skos:Concept ; rdfs:label "Jet engines" .
t:f135 a dt:TechnologyArea, skos:Concept ; rdfs:label "F135" ; skos:broader t:engines .
"""


def extract(text: str) -> tuple[Nodes, Facts]:
    return extract_with(text, GAZETTEER_TTL, date(2031, 3, 8))  # published on a Saturday


def test_a_passive_signing_with_an_aside_and_long_posts_names_both_signers() -> None:
    _, found = extract(
        "The Spare Parts Priority Accord, under which each side serves the other's orders first, was "
        "signed by Maria Kowalski, Principal Deputy Assistant Secretary of Defense for Industrial Base "
        "Policy, and by Arvind Menon, Additional Secretary and Director General (Acquisition) in India's "
        "Ministry of Defence."
    )
    assert ("Spare Parts Priority Accord", "signatory", "Maria Kowalski") in found
    assert ("Spare Parts Priority Accord", "signatory", "Arvind Menon") in found
    assert ("Maria Kowalski", "affiliatedWith", "Department of Defense") in found
    assert ("Arvind Menon", "affiliatedWith", "Ministry of Defence") in found
    # the signers' bodies belong to two countries: both are parties
    assert ("Spare Parts Priority Accord", "party", "India") in found
    assert ("Spare Parts Priority Accord", "party", "United States") in found


def test_signers_with_posts_joined_without_a_second_by() -> None:
    _, found = extract(
        "The Harbour Access Arrangement was signed by Tomas Reyes, Deputy Under Secretary of the Navy, "
        "and Kavya Iyer, the Joint Secretary (Navy) of the Ministry of Defence, in Kochi."
    )
    assert {f for f in found if f[1] == "signatory"} == {
        ("Harbour Access Arrangement", "signatory", "Tomas Reyes"),
        ("Harbour Access Arrangement", "signatory", "Kavya Iyer"),
    }


def test_a_memorandum_named_by_its_lower_case_tail_is_its_own_agreement() -> None:
    nodes, found = extract(
        "A second text, a Memorandum of Understanding for joint research on sonobuoys, was signed by "
        "Ann Lee and Bob Ray. An MoU on cooperation in shipbuilding was signed in New Delhi."
    )
    agreements = {label for cls, label in nodes if cls == "Agreement"}
    assert agreements == {
        "Memorandum of Understanding for joint research on sonobuoys",
        "MoU on cooperation in shipbuilding",
    }
    assert ("Memorandum of Understanding for joint research on sonobuoys", "signatory", "Bob Ray") in found


def test_a_described_agreement_resolves_to_the_known_one_with_the_same_subject() -> None:
    nodes, _ = extract(
        "A Memorandum of Agreement on the exchange of test pilots was signed by Ann Lee and Bob Ray."
    )
    assert {label for cls, label in nodes if cls == "Agreement"} == {
        "Memorandum of Agreement regarding the Exchange of Test Pilots"
    }


def test_a_lead_dates_the_documents_named_after_it_and_gives_their_parties() -> None:
    _, found = extract(
        "India and the United States signed two defence documents on Thursday as Defence Minister "
        "Arjun Verma began a visit to Washington. The Spare Parts Priority Accord was signed by Maria "
        "Kowalski and Arvind Menon. A second text, an MoU on the exchange of staff officers, was signed "
        "by Colonel Dan Ortiz, the Director of Plans, and Ilse Brandt, the Assistant Secretary of "
        "Defense for Indo-Pacific Security Affairs."
    )
    for agreement in ("Spare Parts Priority Accord", "MoU on the exchange of staff officers"):
        assert (agreement, "signedOn", "2031-03-06") in found
        assert (agreement, "party", "India") in found and (agreement, "party", "United States") in found
        assert not {f for f in found if f[0] == agreement and f[1] == "signedAt"}  # the visit is elsewhere
    assert ("MoU on the exchange of staff officers", "signatory", "Ilse Brandt") in found


def test_an_uncommon_name_before_a_post_is_a_person_and_the_post_names_no_place() -> None:
    nodes, _ = extract(
        "The talks were led by Colonel Dan Ortiz, the Director of Plans, and Ely Brandt, the Assistant "
        "Secretary of Defense for Indo-Pacific Security Affairs."
    )
    assert ("Person", "Ely Brandt") in nodes
    assert not {label for cls, label in nodes if cls == "Place"}


def test_weapon_types_are_no_technology_areas_but_engines_are() -> None:
    nodes, _ = extract(
        "The 5th Joint Working Group on land systems met in Pune on 4 March 2031 and discussed the "
        "co-production of Spearhead anti-tank missiles and Badger combat vehicles and of F135 engines."
    )
    areas = {label for cls, label in nodes if cls == "TechnologyArea"}
    assert "F135" in areas
    assert not areas & {"Spearhead", "Badger"}


def test_a_second_signer_on_behalf_of_a_country_signs_the_agreement_just_named() -> None:
    _, found = extract(
        "Maria Kowalski, Deputy Under Secretary of Defense, signed the Spare Parts Priority Accord on "
        "behalf of the United States. Arvind Menon, Additional Secretary, signed on behalf of India."
    )
    assert ("Spare Parts Priority Accord", "signatory", "Maria Kowalski") in found
    assert ("Spare Parts Priority Accord", "signatory", "Arvind Menon") in found
