"""The lookup API over HTTP: a real uvicorn server on 127.0.0.1, a real Oxigraph store."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from urllib.parse import quote

import pytest
from rdflib import Dataset

from graph.model.namespace import DT
from graph.store import open_store
from tests.api_server import Api, get, serve
from tests.lookup_fixture import LOOKUP_TRIG, load_lookup_graph, res


@pytest.fixture(scope="module")
def api(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Api]:
    folder = tmp_path_factory.mktemp("api") / "store"
    with open_store(folder) as store:
        load_lookup_graph(store)
    with serve(folder, change_check_interval=0) as served:
        yield served


def error_message(api: Api, url: str, status: int, **params: Any) -> str:
    body = get(api, url, status, **params)
    assert set(body["error"]) == {"status", "type", "message", "request_id"}
    return str(body["error"]["message"])


# -- search -------------------------------------------------------------------------------------
@pytest.mark.parametrize(("query", "expected"), [
    ("diu", "organisation/defense-innovation-unit"),            # acronym given as alias
    ("Defence Innovation Unit", "organisation/defense-innovation-unit"),  # British spelling
    ("rajnat sing", "person/rajnath-singh"),                    # typos
    ("RAJNATH SINGH", "person/rajnath-singh"),                  # case
    ("bharat electronics", "organisation/bharat-electronics"),  # accents (Bhārat)
    ("Lloyd Austin", "person/lloyd-austin"),                    # alias
    ("pentagon", "organisation/department-of-defense"),
    ("idx", "organisation/idex"),                               # a typo in an alias
])
def test_search_finds_the_best_match_first(api: Api, query: str, expected: str) -> None:
    results = get(api, "/api/entities", q=query)["results"]
    assert results and results[0]["id"] == expected, results


def test_search_type_and_limit(api: Api) -> None:
    countries = get(api, "/api/entities", q="india", type="Country")["results"]
    assert [r["id"] for r in countries] == ["country/india"]
    assert len(get(api, "/api/entities", q="india", limit=1)["results"]) == 1
    events = get(api, "/api/entities", q="2+2", type="dt:Event")["results"]
    assert events and all(str(DT.Meeting) in r["types"] for r in events)


def test_search_bad_parameters_are_422_naming_them(api: Api) -> None:
    assert "q" in error_message(api, "/api/entities", 422)
    assert "type" in error_message(api, "/api/entities", 422, q="x", type="Nothing")
    assert "limit" in error_message(api, "/api/entities", 422, q="x", limit=0)
    assert "limit" in error_message(api, "/api/entities", 422, q="x", limit=10**6)


# -- entity page ------------------------------------------------------------------------------------
def test_entity_page_has_edges_with_their_sources(api: Api) -> None:
    page = get(api, "/api/entities/person/rajnath-singh")
    assert page["iri"] == res("person/rajnath-singh") and page["types"] == [str(DT.Person)]
    assert page["labels"] == [{"value": "Rajnath Singh", "datatype": None, "lang": "en"}]
    assert page["attributes"][str(DT.title)][0]["value"] == "Defence Minister"
    outgoing = {(e["predicate"], e["other"]["id"]) for e in page["outgoing"]}
    assert (str(DT.affiliatedWith), "organisation/ministry-of-defence-india") in outgoing
    incoming = {e["other"]["id"]: e for e in page["incoming"]}
    meeting = incoming["event/two-plus-two-2022"]
    assert meeting["predicate"] == str(DT.participant)
    assert meeting["other"]["label"] == "Fourth India-US 2+2 Ministerial Dialogue"
    assert meeting["other"]["types"] == [str(DT.Meeting)]
    [source] = meeting["sources"]
    assert source["graph"] == "https://w3id.org/defence-ties/graph/article/two-plus-two-2022"
    assert source["title"] == "Fourth 2+2 held in Washington"
    assert source["sentence"].startswith("Rajnath Singh and Lloyd Austin met")
    assert (source["start"], source["end"]) == (31, 100)
    assert not page["truncated"]


def test_entity_page_reads_both_evidence_forms_and_plain_sources(api: Api) -> None:
    page = get(api, "/api/entities/event/two-plus-two-2018")
    [nirmala] = [e for e in page["outgoing"] if e["other"]["id"] == "person/nirmala-sitharaman"]
    assert nirmala["sources"] == [{  # the prov:value form, no offsets
        "graph": "https://w3id.org/defence-ties/graph/article/comcasa-2018",
        "title": "India and US sign COMCASA at first 2+2",
        "sentence": "Defence Minister Nirmala Sitharaman led the Indian side.", "start": None, "end": None}]
    [location] = [e for e in page["outgoing"] if e["predicate"] == str(DT.location)]
    assert location["sources"] == [{  # stated in the article, no sentence recorded
        "graph": "https://w3id.org/defence-ties/graph/article/comcasa-2018",
        "title": "India and US sign COMCASA at first 2+2", "sentence": None, "start": None, "end": None}]
    incoming = {(e["predicate"], e["other"]["id"]) for e in page["incoming"]}
    assert (str(DT.signedAt), "agreement/comcasa") in incoming


def test_entity_by_full_iri_and_unknown_ids(api: Api) -> None:
    encoded = quote(res("person/lloyd-austin"), safe="")
    assert get(api, f"/api/entities/{encoded}")["id"] == "person/lloyd-austin"
    assert "person/nobody" in error_message(api, "/api/entities/person/nobody", 404)
    assert "id" in error_message(api, "/api/entities/" + quote("urn:x> }", safe=""), 422)


# -- neighbourhood ----------------------------------------------------------------------------------
def test_neighbourhood_json(api: Api) -> None:
    found = get(api, "/api/entities/person/rajnath-singh/neighbourhood", depth=2,
                predicates="participant")
    assert {n["id"] for n in found["nodes"]} == {
        "person/rajnath-singh", "event/indus-x-summit-2023", "event/two-plus-two-2022",
        "person/lloyd-austin"}
    assert {(e["source"], e["target"]) for e in found["edges"]} >= {
        (res("event/two-plus-two-2022"), res("person/lloyd-austin"))}
    assert all(e["predicate"] == str(DT.participant) for e in found["edges"])
    assert not found["truncated"]


def test_neighbourhood_limit_sets_truncated(api: Api) -> None:
    url = "/api/entities/country/india/neighbourhood"
    full = get(api, url, depth=2)
    cut = get(api, url, depth=2, limit=3)
    assert not full["truncated"] and len(full["nodes"]) > 3
    assert cut["truncated"] and len(cut["nodes"]) == 3


@pytest.mark.parametrize(("params", "parameter"), [
    ({"depth": 4}, "depth"), ({"depth": 0}, "depth"), ({"direction": "up"}, "direction"),
    ({"limit": 0}, "limit"), ({"format": "pdf"}, "format"), ({"predicates": "nope"}, "predicates"),
])
def test_neighbourhood_bad_parameters(api: Api, params: dict[str, Any], parameter: str) -> None:
    message = error_message(api, "/api/entities/person/rajnath-singh/neighbourhood", 422, **params)
    assert message.startswith(parameter), message


def test_neighbourhood_of_unknown_entity_is_404(api: Api) -> None:
    assert "event/nothing" in error_message(api, "/api/entities/event/nothing/neighbourhood", 404)


# -- paths ------------------------------------------------------------------------------------------
def hops(path: dict[str, Any]) -> list[tuple[str, str, str, str]]:
    return [(h["from"]["id"], h["predicate"].rsplit("#", 1)[-1], h["direction"], h["to"]["id"])
            for h in path["hops"]]


def test_how_is_diu_connected_to_rajnath_singh(api: Api) -> None:
    answer = get(api, "/api/paths", **{"from": "organisation/defense-innovation-unit",
                                       "to": "person/rajnath-singh"})
    assert answer["complete"] and answer["from"]["label"] == "Defense Innovation Unit"
    assert {p["length"] for p in answer["paths"]} == {3}
    assert ("organisation/defense-innovation-unit", "party", "backward", "initiative/indus-x") in {
        hops(p)[0] for p in answer["paths"]}
    via_indus_x = next(p for p in answer["paths"] if hops(p)[0][3] == "initiative/indus-x")
    assert hops(via_indus_x) == [
        ("organisation/defense-innovation-unit", "party", "backward", "initiative/indus-x"),
        ("initiative/indus-x", "topic", "backward", "event/indus-x-summit-2023"),
        ("event/indus-x-summit-2023", "participant", "forward", "person/rajnath-singh")]


def test_paths_restricted_to_predicates(api: Api) -> None:
    answer = get(api, "/api/paths", predicates=["participant", "affiliatedWith", "partOf"],
                 **{"from": "organisation/defense-innovation-unit", "to": "person/rajnath-singh"})
    assert answer["paths"] and all(p["length"] == 4 for p in answer["paths"])
    dod = "organisation/department-of-defense"
    for path in answer["paths"]:
        assert hops(path)[:2] == [
            ("organisation/defense-innovation-unit", "partOf", "forward", dod),
            (dod, "affiliatedWith", "backward", "person/lloyd-austin")]
    none = get(api, "/api/paths", max_length=2,
               **{"from": "organisation/defense-innovation-unit", "to": "person/rajnath-singh"})
    assert none["paths"] == []


def test_paths_errors(api: Api) -> None:
    assert "person/ghost" in error_message(api, "/api/paths", 404, **{"from": "person/ghost",
                                                                      "to": "person/rajnath-singh"})
    assert "max_length" in error_message(api, "/api/paths", 422, max_length=99,
                                         **{"from": "person/lloyd-austin", "to": "country/india"})
    assert "to" in error_message(api, "/api/paths", 422, **{"from": "person/lloyd-austin"})


# -- timeline ---------------------------------------------------------------------------------------
def fixture_dates() -> list[str]:
    dataset = Dataset()
    dataset.parse(LOOKUP_TRIG, format="trig")
    return sorted(str(o) for _, p, o, _ in dataset.quads((None, None, None, None))
                  if p in (DT.startDate, DT.signedOn))


def test_timeline_in_date_order(api: Api) -> None:
    items = get(api, "/api/timeline")["items"]
    assert [i["date"] for i in items] == fixture_dates()
    assert items[0]["id"] == "agreement/gsomia" and items[0]["kind"] == "signing"


def test_timeline_filters(api: Api) -> None:
    window = get(api, "/api/timeline", **{"from": "2018-09", "to": "2022"})["items"]
    expected = [d for d in fixture_dates() if d[:7] >= "2018-09" and d[:4] <= "2022"]
    assert [i["date"] for i in window] == expected
    mine = get(api, "/api/timeline", actor="person/rajnath-singh")["items"]
    assert [i["id"] for i in mine] == ["event/two-plus-two-2022", "event/indus-x-summit-2023"]
    summit = mine[1]
    assert (summit["label"], summit["date"]) == ("INDUS-X Summit", "2023-06-20")
    assert summit["end_date"] == "2023-06-21"
    assert mine[0]["end_date"] is None and mine[0]["label"] == "Fourth India-US 2+2 Ministerial Dialogue"
    # Known, but in no event or agreement: an empty timeline, not an unknown actor.
    assert get(api, "/api/timeline", actor="place/washington")["items"] == []
    exercises = get(api, "/api/timeline", type="Exercise")["items"]
    assert [i["id"] for i in exercises] == ["event/malabar-2020"]
    cut = get(api, "/api/timeline", limit=2)
    assert cut["truncated"] and len(cut["items"]) == 2


def test_timeline_errors(api: Api) -> None:
    assert "from" in error_message(api, "/api/timeline", 422, **{"from": "last year"})
    assert "person/ghost" in error_message(api, "/api/timeline", 404, actor="person/ghost")
