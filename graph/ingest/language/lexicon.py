"""Word lists the extraction rules use: cue words that say what kind of thing a name is.

They describe how news names things ("... Ministry", "... Agreement", "Exercise ..."), not any
particular article; known actors and their aliases come from the gazetteer in ``data/``.

Examples
--------
>>> class_for_head(["Logistics", "Exchange", "Memorandum", "of", "Agreement"])
'Agreement'
>>> class_for_head(["Indian", "Army"])
'Organisation'
"""

from __future__ import annotations

MONTHS = {
    "january": 1,
    "jan": 1,
    "february": 2,
    "feb": 2,
    "march": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "may": 5,
    "june": 6,
    "jun": 6,
    "july": 7,
    "jul": 7,
    "august": 8,
    "aug": 8,
    "september": 9,
    "sep": 9,
    "sept": 9,
    "october": 10,
    "oct": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
}
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}
ORDINAL_WORDS = {
    "first": 1,
    "inaugural": 1,
    "maiden": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
    "twentieth": 20,
}

# Countries and the words that stand for them; the gazetteer may add more.
COUNTRIES = {
    "india": ("India", ["India", "Republic of India", "Bharat"]),
    "united-states": (
        "United States",
        ["United States", "US", "U.S.", "USA", "U.S.A.", "United States of America", "America"],
    ),
    "japan": ("Japan", ["Japan"]),
    "australia": ("Australia", ["Australia"]),
    "china": ("China", ["China"]),
    "pakistan": ("Pakistan", ["Pakistan"]),
    "russia": ("Russia", ["Russia"]),
    "france": ("France", ["France"]),
    "united-kingdom": ("United Kingdom", ["United Kingdom", "UK", "Britain"]),
    "sri-lanka": ("Sri Lanka", ["Sri Lanka"]),
    "bangladesh": ("Bangladesh", ["Bangladesh"]),
    "israel": ("Israel", ["Israel"]),
    "philippines": ("Philippines", ["Philippines"]),
    # neighbours and partners reports name in passing ("the Taliban takeover of Afghanistan")
    "afghanistan": ("Afghanistan", ["Afghanistan"]),
    "maldives": ("Maldives", ["Maldives"]),
    "myanmar": ("Myanmar", ["Myanmar"]),
    "bhutan": ("Bhutan", ["Bhutan"]),
    "vietnam": ("Vietnam", ["Vietnam", "Viet Nam"]),
    "thailand": ("Thailand", ["Thailand"]),
    "iran": ("Iran", ["Iran"]),
    "oman": ("Oman", ["Oman"]),
    "netherlands": ("Netherlands", ["Netherlands", "the Netherlands"]),
    "italy": ("Italy", ["Italy"]),
    "greece": ("Greece", ["Greece"]),
    "portugal": ("Portugal", ["Portugal"]),
    "djibouti": ("Djibouti", ["Djibouti"]),
}
# Adjectives of nationality, for titles ("US Secretary of State") and possessives.
NATIONALITY = {
    "indian": "india",
    "india's": "india",
    "us": "united-states",
    "u.s.": "united-states",
    "american": "united-states",
    "america's": "united-states",
    "india": "india",
}
# Flags of ships and units ("the Australian frigate", "Japan's destroyer"): demonym -> country slug.
DEMONYMS = {
    **{k: v for k, v in NATIONALITY.items() if not k.endswith("'s")},
    "japanese": "japan", "australian": "australia", "british": "united-kingdom", "french": "france",
}
# What a warship is called before its name ("the destroyer INS Ranvijay", "the supply ship HMAS Sirius").
VESSEL_TYPES = {
    "destroyer", "frigate", "corvette", "cruiser", "carrier", "submarine", "tanker", "vessel", "ship",
    "warship", "minesweeper", "oiler", "sloop",
}

# The last word of a name says what it is ("Indian Army", "Defence Policy Group").
ORGANISATION_HEADS = {
    "ministry", "department", "agency", "organisation", "organization", "command", "army", "navy",
    "force", "forces", "council", "unit", "office", "secretariat", "corporation", "limited", "ltd", "inc",
    "company", "regiment", "battalion", "division", "brigade", "team", "wing", "squadron", "embassy",
    "aerospace", "aeronautics", "industries", "university", "institute", "laboratory", "laboratories",
    "guard", "services", "corps", "commission", "board", "authority", "bureau", "administration",
    "directorate", "excellence", "marines", "fleet", "contingent", "shipyard", "technologies", "systems",
    "electric", "dynamics", "atomics", "martin", "boeing", "cabinet", "luftwaffe",
}
ORGANISATION_LEADS = {"ministry", "department", "office", "embassy", "bureau", "directorate", "headquarters"}
AGREEMENT_HEADS = {
    "agreement", "memorandum", "annex", "treaty", "pact", "contract", "accord", "arrangement", "mou",
    "roadmap", "framework", "declaration", "protocol", "loa", "lsa", "deal",
}
INITIATIVE_HEADS = {
    "initiative", "programme", "program", "ecosystem", "bridge", "partner", "status", "mission", "bharat",
    "strategy", "partnership", "project", "challenge", "accelerator",
}
MECHANISM_HEADS = {"dialogue", "forum", "committee", "mechanism", "2+2", "series"}
MECHANISM_GROUP_WORDS = {"joint", "working", "policy", "technical", "steering", "consultative", "executive"}
MEETING_HEADS = {
    "meeting", "plenary", "summit", "conference", "talks", "session", "round", "visit", "conclave",
}
PLACE_HEADS = {
    "base", "station", "range", "ranges", "area", "bhawan", "bhavan", "port", "island", "islands", "bay",
    "sea", "ocean", "city", "district", "airport", "harbour", "harbor", "camp", "cantonment", "airfield",
    "valley", "coast", "strait", "peninsula", "pentagon", "hall", "centre", "house",
}
PLACE_LEADS = {"fort", "camp", "mount", "lake", "port", "joint"}

# Words that precede a person's name as a post ("Defence Minister Rajnath Singh").
TITLE_WORDS = {
    "minister", "secretary", "president", "ambassador", "general", "admiral", "chief", "chairman",
    "chairperson", "director", "commander", "adviser", "advisor", "envoy", "spokesperson", "marshal",
    "commodore", "colonel", "captain", "lieutenant", "brigadier", "undersecretary", "deputy", "assistant",
    "under", "executive", "ceo", "head", "governor", "senator", "representative", "prime", "lt", "gen",
    "maj", "col", "adm", "vice", "rear", "capt", "cdr", "brig", "air", "joint", "principal", "foreign",
    "defence", "defense", "external", "affairs", "national", "security", "raksha", "mantri", "officer",
    "chargé", "consul", "major",
}
# Words that end a post rather than start a name ("Secretary of War", "Ambassador to India").
TITLE_TAIL_WORDS = {
    "state", "defense", "defence", "war", "commerce", "affairs", "external", "staff", "india", "the",
    "united", "states", "us", "u.s.", "army", "navy", "naval", "operations", "research", "engineering",
    "policy", "acquisition", "sustainment", "production",
}
HONORIFICS = {
    "dr", "dr.", "shri", "smt", "smt.", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "sri", "prof", "prof.",
}
# Posts whose holder we take to represent a country when no body is named in the title.
POST_COUNTRY = {
    "prime minister": "india",
    "union minister": "india",  # a minister of India's central ("Union") government
    "defence minister": "india",
    "external affairs minister": "india",
    "raksha mantri": "india",
    # India's service chiefs ("Chief of the Army Staff General M.M. Naravane"); the US posts read
    # "Chief of Staff of the Army", "Chief of Naval Operations"
    "chief of defence staff": "india",
    "chief of the army staff": "india",
    "chief of army staff": "india",
    "chief of the naval staff": "india",
    "chief of naval staff": "india",
    "chief of the air staff": "india",
    "chief of air staff": "india",
    "secretary of state": "united-states",
    "secretary of defense": "united-states",
    "secretary of defence": "united-states",
    "secretary of war": "united-states",
    "president": "united-states",
    "defense secretary": "united-states",
}
# Posts both governments have: India's Defence Secretary heads its Ministry of Defence, and Indian
# papers also write "Defence Secretary" for the US post. The title alone names no country.
SHARED_POSTS = {"defence secretary", "national security adviser", "national security advisor"}
POST_BODY = {
    "defence minister": "Ministry of Defence",
    "external affairs minister": "Ministry of External Affairs",
    "secretary of state": "Department of State",
    "secretary of defense": "Department of Defense",
    "secretary of war": "Department of War",
    "defense secretary": "Department of Defense",
}

# Words that are never the start of a name even when capitalised at a sentence start.
STOP_CAPITALS = {
    "the", "a", "an", "it", "its", "this", "that", "these", "those", "he", "she", "they", "we", "his",
    "her", "their", "our", "in", "on", "at", "by", "for", "from", "with", "as", "and", "but", "or",
    "after", "before", "during", "when", "while", "under", "according", "both", "each", "some", "all",
    "of", "to", "also", "there", "here", "yet", "since", "amid", "finally", "meanwhile", "however",
    "officials", "delegates", "discussions", "training", "details", "future", "enhanced", "speaking",
    "following", "later", "earlier", "today", "ministers", "minister",
    "no", "not", "neither", "nor",  # "No agreement was announced": a negation starts no name
}
# "Troops of the Indian Army", "The navies of India and Japan": the people or forces of a body or
# country, never part of its name.
PERSONNEL_NOUNS = {
    "troops", "soldiers", "sailors", "airmen", "pilots", "navies", "armies", "personnel", "crews",
    "contingents", "commandos", "forces", "militaries", "officers", "marines", "aircrew", "aircrews",
    "crew", "staff",
}
CONNECTORS = {"of", "for", "and", "&", "de", "-", "the"}
UNNAMED_AGREEMENT = {
    "agreement", "memorandum", "mou", "contract", "pact", "deal", "annex", "roadmap", "framework",
    "arrangement", "accord", "treaty",
}
EVENT_ANAPHORS = {
    "meeting", "plenary", "event", "exercise", "talks", "dialogue", "summit", "drill", "drills", "visit",
    "conference", "session", "round", "edition", "training",
}
AGREEMENT_ANAPHORS = {"agreement", "pact", "deal", "mou", "memorandum", "contract", "accord", "treaty"}
SPECULATIVE = {
    "could", "might", "may", "likely", "expect", "expected", "possible", "possibly", "would", "potential",
    "planned", "plans", "proposed", "hopes", "aims", "should",
}
NEGATIONS = {"not", "never", "no", "n't", "yet", "neither", "nor", "refused", "declined"}


STRONG_POSTS = {"minister", "secretary", "ambassador", "president", "chairman", "envoy", "adviser", "advisor"}


# The colours exercises name their notional sides by ("the Red Force attacked the Blue Force").
NOTIONAL_SIDES = {"red", "blue", "green", "orange", "white", "opposing"}


def class_for_head(words: list[str]) -> str | None:
    """The class a name's words point at, by its last word (and a few leading words)."""
    if not words:
        return None
    lowered = [w.lower() for w in words]
    head, lead = lowered[-1], lowered[0]
    if lead not in ORGANISATION_LEADS and STRONG_POSTS & set(lowered):
        return None  # "US Assistant Secretary of War for Critical Technologies" is a post
    if head == "group":
        return "Mechanism" if MECHANISM_GROUP_WORDS & set(lowered) else "Organisation"
    if len(lowered) == 2 and lead in NOTIONAL_SIDES and head in ("force", "forces", "team"):
        return None  # "Red Force", "Blue Team": an exercise's notional sides, not bodies
    for heads, cls in (
        (AGREEMENT_HEADS, "Agreement"),
        (INITIATIVE_HEADS, "Initiative"),
        (MECHANISM_HEADS, "Mechanism"),
        (ORGANISATION_HEADS, "Organisation"),
        (PLACE_HEADS, "Place"),
    ):
        if head in heads:
            return cls
    return _class_for_lead(lead, lowered)


# "Institute for Defence Studies and Analyses", "University of Hawaii", "Centre for Air Power
# Studies": an institution named by what it is for (not "the Centre said", one word).
INSTITUTION_LEADS = {
    "institute", "university", "academy", "college", "centre", "center", "school", "foundation",
}


def _class_for_lead(lead: str, lowered: list[str]) -> str | None:
    if lead in ORGANISATION_LEADS or (lead in INSTITUTION_LEADS and lowered[1:2] in (["for"], ["of"])):
        return "Organisation"
    if lead in PLACE_LEADS and (lead != "joint" or lowered[1:2] == ["base"]):
        return "Place"
    return None
