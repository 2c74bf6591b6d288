"""One node and one name per real thing: the naming rule, edition keys, and the shipped graph."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from graph.ingest.extract import extract_text
from graph.ingest.pairs import score_pairs
from graph.ingest.resolution.gazetteer import Gazetteer
from graph.store import open_store
from tests.conftest import ROOT, run_ties

GAZETTEER = Gazetteer.load(ROOT / "data" / "gazetteer.ttl")


def editions(text: str, published: date | None = None) -> dict[str, str]:
    """The IRI tail and name of each edition the text names."""
    result = extract_text(text, published=published, gazetteer=GAZETTEER)
    events = (e for e in result.entities if e.cls in ("Meeting", "Exercise"))
    return {str(e.iri).rsplit("/", 1)[-1]: e.name for e in events}


def test_two_phrasings_of_one_edition_give_one_node_and_one_name() -> None:
    first = editions("The 24th edition of Exercise Malabar began in the Bay of Bengal on 3 November 2020.")
    second = editions("Analysts said the 24th edition of Malabar showed how far the Quad had come.")
    assert first == second == {"malabar-24": "Malabar, 24th edition"}


def test_a_year_named_edition_joins_its_number_in_the_same_article() -> None:
    found = editions("Exercise Yudh Abhyas 2022 opened at Auli on 15 November 2022. "
                     "It is the 18th edition of Yudh Abhyas.")
    assert found == {"yudh-abhyas-18": "Yudh Abhyas, 18th edition"}


def test_the_lead_edition_is_dated_by_the_articles_year() -> None:
    text = ("Exercise Malabar 2024 began at Visakhapatnam. Ships of four navies took part. "
            "The 28th edition of Malabar had a harbour phase.")
    assert editions(text, date(2024, 10, 19)) == {"malabar-28": "Malabar, 28th edition"}


def test_two_editions_in_one_year_stay_two_nodes() -> None:
    # Yudh Abhyas ran twice in 2021: the 16th in February, the 17th in October.
    found = editions("The 17th edition of Yudh Abhyas began in Alaska on 15 October 2021. "
                     "The 16th edition of Yudh Abhyas was held at Mahajan in February 2021.")
    assert set(found) == {"yudh-abhyas-16", "yudh-abhyas-17"}


def test_an_unnamed_agreement_is_named_with_a_capital() -> None:
    result = extract_text("The two sides signed a memorandum of understanding on 4 May 2023.",
                          gazetteer=GAZETTEER)
    names = {e.name for e in result.entities if e.cls == "Agreement"}
    assert names == {"Memorandum of understanding"}


def test_the_identity_pairs_merge_with_f1_of_at_least_0_9() -> None:
    score = score_pairs(ROOT / "data" / "eval" / "identity.json", GAZETTEER)
    assert not score.unfound, score.unfound
    precision, _, f1 = score.prf()
    assert score.merged_same + score.split_same >= 30 and score.split_other >= 30
    assert f1 >= 0.9 and precision >= 0.95, score


@pytest.fixture(scope="module")
def shipped(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The graph of every bundled article (data/articles and data/eval) in a real store."""
    path = tmp_path_factory.mktemp("named") / "store"
    for folder in ("articles", "eval"):
        result = run_ties("ingest", str(ROOT / "data" / folder), store=path,
                          env={"TIES_GAZETTEER": str(ROOT / "data" / "gazetteer.ttl")})
        assert result.returncode == 0, result.stderr
    return path


LABELS = """PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?node ?label WHERE {
  GRAPH ?g { ?node rdfs:label ?label }
  FILTER(STRSTARTS(STR(?node), "https://w3id.org/defence-ties/resource/"))
}"""  # the entities, not the ontology's own terms ("affiliated with")


def test_the_shipped_graph_has_one_label_per_node_and_none_lower_case(shipped: Path) -> None:
    with open_store(shipped, query_timeout_s=30) as store:
        rows = [(str(r["node"]), str(r["label"])) for r in store.select(LABELS)]
    labels: dict[str, set[str]] = {}
    for node, label in rows:
        labels.setdefault(node, set()).add(label)
    assert len(labels) > 500
    assert {n: ls for n, ls in labels.items() if len(ls) > 1} == {}
    # "iDEX-DIU Memorandum of Understanding" is a name; "memorandum of understanding" a phrase
    phrases = [label for _, label in rows if label[:1].islower() and label.split()[0].islower()]
    assert sorted(phrases) == []
