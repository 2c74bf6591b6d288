"""Ingesting into a real store: idempotence, evidence for every relation, SHACL failures, explain."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import RDF, RDFS, Graph, Literal, URIRef

from graph.ingest import extract
from graph.ingest.pipeline import IngestLimits, ingest, iter_sources
from graph.ingest.resolution.gazetteer import Gazetteer
from graph.ingest.rules import rulebook
from graph.ingest.rules.context import Sentence
from graph.model.namespace import DT
from graph.store import Store
from graph.validation.batch import failing_graphs
from tests.conftest import ROOT, run_ties

FIXTURES = ROOT / "tests" / "fixtures" / "ingest"
SCORED = [
    "hostedBy",
    "chairedBy",
    "participant",
    "location",
    "partOfSeries",
    "alignedWith",
    "topic",
    "technologyArea",
    "signatory",
    "signedAt",
    "party",
    "affiliatedWith",
    "partOf",
    "country",
    "startDate",
    "endDate",
    "signedOn",
    "ordinal",
]


def count(store: Store, where: str) -> int:
    rows = store.select(f"SELECT (COUNT(*) AS ?n) WHERE {{ {where} }}")
    return int(str(rows[0]["n"]))


def run(store: Store, *paths: Path) -> list[str]:
    summary = ingest(iter_sources([str(p) for p in paths], IngestLimits()), store, Gazetteer.empty())
    return [o.status for o in summary.outcomes]


def test_reingest_skips_unchanged_and_replaces_changed(store: Store, tmp_path: Path) -> None:
    article = tmp_path / "a.md"
    article.write_text((FIXTURES / "lemoa.md").read_text())
    assert run(store, article) == ["new"]
    triples = count(store, "GRAPH ?g { ?s ?p ?o }")
    assert run(store, article) == ["skipped"]
    assert count(store, "GRAPH ?g { ?s ?p ?o }") == triples
    article.write_text(article.read_text().replace("29 August 2016", "30 August 2016"))
    assert run(store, article) == ["updated"]
    dates = store.select(
        "SELECT ?d WHERE { GRAPH ?g { ?a <https://w3id.org/defence-ties/ontology#signedOn> ?d } }"
    )
    assert [str(r["d"]) for r in dates] == ["2016-08-30"]
    assert count(store, "GRAPH ?g { ?g a <https://w3id.org/defence-ties/ontology#Article> }") == 1


def test_every_relation_has_evidence(store: Store) -> None:
    run(store, FIXTURES)
    values = " ".join(f"<https://w3id.org/defence-ties/ontology#{p}>" for p in SCORED)
    relations = count(store, f"VALUES ?p {{ {values} }} GRAPH ?g {{ ?s ?p ?o }}")
    assert relations > 20
    unsupported = count(
        store,
        f"""VALUES ?p {{ {values} }} GRAPH ?g {{ ?s ?p ?o
        FILTER NOT EXISTS {{ ?e a <http://www.w3.org/1999/02/22-rdf-syntax-ns#Statement> ;
            <http://www.w3.org/1999/02/22-rdf-syntax-ns#subject> ?s ;
            <http://www.w3.org/1999/02/22-rdf-syntax-ns#predicate> ?p ;
            <http://www.w3.org/1999/02/22-rdf-syntax-ns#object> ?o ;
            <http://www.w3.org/ns/oa#exact> ?text ; <http://www.w3.org/ns/oa#start> ?start ;
            <http://www.w3.org/ns/oa#end> ?end }} }}""",
    )
    assert unsupported == 0


def test_evidence_offsets_point_at_the_sentence(store: Store) -> None:
    run(store, FIXTURES / "lemoa.md")
    rows = store.select("""SELECT ?text ?start ?end WHERE { GRAPH ?g {
        ?e <http://www.w3.org/ns/oa#exact> ?text ; <http://www.w3.org/ns/oa#start> ?start ;
           <http://www.w3.org/ns/oa#end> ?end } }""")
    body = (FIXTURES / "lemoa.md").read_text().split("---\n", 2)[2].strip()
    assert rows
    for row in rows:
        assert body[int(str(row["start"])) : int(str(row["end"]))] == str(row["text"])


def test_evidence_sentences_start_with_their_own_words(store: Store) -> None:
    """Not with the blank line before a paragraph: the quote and its offsets are trimmed alike."""
    article = ROOT / "data" / "articles" / "03-dpg-seventh-meeting-2005.md"
    run(store, article)
    rows = store.select("""SELECT ?text ?start ?end WHERE { GRAPH ?g {
        ?e <http://www.w3.org/ns/oa#exact> ?text ; <http://www.w3.org/ns/oa#start> ?start ;
           <http://www.w3.org/ns/oa#end> ?end } }""")
    body = article.read_text().split("---\n", 2)[2].strip()
    starts = {int(str(row["start"])) for row in rows}
    assert any(body[start - 2 : start] == "\n\n" for start in starts)  # a paragraph's first sentence
    for row in rows:
        assert str(row["text"]) == str(row["text"]).strip()
        assert body[int(str(row["start"])) : int(str(row["end"]))] == str(row["text"])


def test_speculative_and_negated_statements_give_no_relation(store: Store) -> None:
    run(store, FIXTURES / "lemoa.md")
    signed = store.select("""SELECT ?label WHERE { GRAPH ?g {
        ?a <https://w3id.org/defence-ties/ontology#signatory> ?who ;
           <http://www.w3.org/2000/01/rdf-schema#label> ?label } }""")
    assert {str(r["label"]) for r in signed} == {"Logistics Exchange Memorandum of Agreement"}


def test_a_graph_failing_shacl_is_not_stored(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def faulty(sentence: Sentence) -> None:  # a newcomer's buggy rule: a date on a person
        for person in sentence.args({"Person"}):
            sentence.add(person, "startDate", Literal("yesterday"), "faulty")

    monkeypatch.setattr(
        rulebook, "CATALOGUE", [*rulebook.CATALOGUE, rulebook.Rule("faulty", "", "", (), faulty)]
    )
    monkeypatch.setattr(extract, "CATALOGUE", rulebook.CATALOGUE)
    summary = ingest(
        iter_sources([str(FIXTURES / "lemoa.md"), str(FIXTURES / "plain.txt")], IngestLimits()),
        store,
        Gazetteer.empty(),
    )
    failed = [o for o in summary.outcomes if o.status == "failed"]
    assert len(failed) == 1 and "lemoa.md" in failed[0].error and "SHACL" in failed[0].error
    assert "startDate" in failed[0].error or "events" in failed[0].error
    assert (
        count(store, "GRAPH ?g { ?g <http://purl.org/dc/terms/title> 'India and US sign logistics pact' }")
        == 0
    )
    assert count(store, "GRAPH ?g { ?g <http://purl.org/dc/terms/title> 'Yudh Abhyas opens in Alaska' }") == 1


def test_dry_run_prints_trig_and_stores_nothing(tmp_path: Path) -> None:
    store = tmp_path / "store"
    result = run_ties("ingest", "--dry-run", str(FIXTURES / "lemoa.md"), store=store)
    assert result.returncode == 0, result.stderr
    assert "dt:signatory" in result.stdout and "India and US sign logistics pact" in result.stdout
    assert not store.exists() or run_ties("stats", store=store).stdout.count("Article") == 0


def iri_of(store: Path, label: str) -> str:
    found = run_ties(
        "query",
        f"SELECT ?s WHERE {{ GRAPH ?g {{ ?s ?p ?l FILTER(STR(?l) = '{label}') "
        "FILTER(?p IN (<http://www.w3.org/2000/01/rdf-schema#label>, "
        "<http://www.w3.org/2004/02/skos/core#altLabel>)) } } LIMIT 1",
        "--format",
        "csv",
        store=store,
    )
    return found.stdout.splitlines()[1]


def test_explain_prints_sentences_with_titles(tmp_path: Path) -> None:
    store = tmp_path / "store"
    assert run_ties("ingest", str(FIXTURES / "lemoa.md"), store=store).returncode == 0
    lemoa, parrikar = iri_of(store, "LEMOA"), iri_of(store, "Manohar Parrikar")
    short = lemoa.split("/resource/", 1)[1]  # the short form ties explain accepts
    shown = run_ties("explain", short, "dt:signatory", parrikar, store=store)
    assert shown.returncode == 0, shown.stderr
    assert "India and US sign logistics pact" in shown.stdout
    assert "signed the Logistics Exchange" in shown.stdout
    dated = run_ties("explain", lemoa, "dt:signedOn", "2016-08-29", store=store)
    assert dated.returncode == 0 and "29 August 2016" in dated.stdout
    nothing = run_ties("explain", lemoa, "dt:signatory", "person/nobody", store=store)
    assert nothing.returncode == 1


def test_batch_validation_judges_each_graph_alone() -> None:
    person = URIRef("https://w3id.org/defence-ties/resource/person/x")
    unlabelled, labelled = Graph(), Graph()
    unlabelled.add((person, RDF.type, DT.Person))  # no rdfs:label: fails on its own
    labelled.add((person, RDF.type, DT.Person))
    labelled.add((person, RDFS.label, Literal("X")))
    assert failing_graphs([("a", unlabelled), ("b", labelled)], Graph()) == {"a"}
    assert failing_graphs([("b", labelled)], Graph()) == set()
