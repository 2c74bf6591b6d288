"""Measured quality: ingest the project's gold set with ``ties ingest`` and score it with
``ties evaluate``; the evaluator agrees with the reference scorer when that is present."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from rdflib import Dataset, Graph

from graph.ingest.evaluate import score_dataset
from graph.model.ontology import ONTOLOGY_FILE
from tests.conftest import ROOT, SHARED, run_ties

GOLD = ROOT / "data" / "eval"


def scores(output: str) -> dict[str, float]:
    found = re.findall(r"^(entities|relations)\s+P=\S+ R=\S+ F1=(\S+)$", output, re.M)
    return {name: float(f1) for name, f1 in found}


def test_gold_set_is_bigger_than_the_dev_set() -> None:
    ours = {p.name for p in GOLD.glob("*.gold.json")}
    dev = {p.name for p in (SHARED / "eval" / "dev").glob("*.gold.json")}
    assert len(ours) >= len(dev) + 3
    assert dev <= ours


def test_entity_and_relation_f1_on_the_gold_set(tmp_path: Path) -> None:
    store = tmp_path / "store"
    ingested = run_ties("ingest", str(GOLD), store=store)
    assert ingested.returncode == 0, ingested.stderr
    result = run_ties(
        "evaluate", str(GOLD), "--min-entity-f1", "0.90", "--min-relation-f1", "0.80", store=store
    )
    f1 = scores(result.stdout)
    assert f1["entities"] >= 0.90 and f1["relations"] >= 0.80, result.stdout
    assert result.returncode == 0, result.stdout
    dump = tmp_path / "store.nq"
    assert run_ties("export", "--format", "nquads", "-o", str(dump), store=store).returncode == 0
    reference = SHARED / "eval" / "score.py"
    if reference.exists():  # the reference scorer gives the same numbers on the same dump
        ref = subprocess.run(
            [
                sys.executable,
                str(reference),
                str(GOLD),
                "--dump",
                str(dump),
                "--ontology",
                str(ONTOLOGY_FILE.parent),
            ],
            capture_output=True,
            text=True,
            check=False,
        )
        assert scores(ref.stdout) == f1, ref.stdout
    dataset = Dataset()
    dataset.parse(dump, format="nquads")
    ours = score_dataset(GOLD, dataset, Graph().parse(ONTOLOGY_FILE))
    assert round(ours.relations.prf()[2], 3) == f1["relations"]


def test_evaluate_reports_misses_for_an_empty_store(tmp_path: Path) -> None:
    result = run_ties("evaluate", str(GOLD), "--min-entity-f1", "0.5", store=tmp_path / "store")
    assert result.returncode == 1
    assert "NO GRAPH WITH THIS TITLE" in result.stdout and "missed_entities" in result.stdout
