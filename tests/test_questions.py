"""docs/questions.md: every query, run against the graph built from data/, gives the table under it."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from graph.store import Store, open_store
from tests.conftest import ROOT, run_ties

DOC = ROOT / "docs" / "questions.md"
README = ROOT / "README.md"
SECTION = re.compile(r"^## (\d+)\. (.+?)\n(.*?)(?=^## |\Z)", re.S | re.M)
SPARQL = re.compile(r"```sparql\n(.*?)```", re.S)


@dataclass(frozen=True)
class Question:
    number: int
    title: str
    query: str
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


def _table(text: str) -> list[list[str]]:
    lines = [ln for ln in text.splitlines() if ln.startswith("|")]
    cells = [[c.strip() for c in ln.strip().strip("|").split("|")] for ln in lines]
    return [row for row in cells if not all(set(c) <= {"-", " "} for c in row)]


def parse_questions(text: str) -> list[Question]:
    """The numbered sections of the doc: title, query and expected table."""
    found = []
    for number, title, body in SECTION.findall(text):
        query = SPARQL.search(body)
        assert query is not None, f"question {number} has no ```sparql block"
        table = _table(body[query.end():])
        assert table, f"question {number} has no answer table"
        found.append(Question(int(number), title, query.group(1), tuple(table[0]),
                              tuple(tuple(r) for r in table[1:])))
    return found


QUESTIONS = parse_questions(DOC.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def built_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One store built from data/ the way `make run` builds it, shared by every test here."""
    path = tmp_path_factory.mktemp("shipped") / "store"
    result = run_ties("ingest", str(ROOT / "data" / "articles"), store=path,
                      env={"TIES_GAZETTEER": str(ROOT / "data" / "gazetteer.ttl")})
    assert result.returncode == 0, result.stderr
    assert " 0 error(s)" in result.stdout + result.stderr
    return path


@pytest.fixture(scope="session")
def built(built_path: Path) -> Iterator[Store]:
    with open_store(built_path, query_timeout_s=30) as store:
        yield store


def test_doc_asks_at_least_twenty_numbered_questions() -> None:
    assert len(QUESTIONS) >= 20
    assert [q.number for q in QUESTIONS] == list(range(1, len(QUESTIONS) + 1))


@pytest.mark.parametrize("question", QUESTIONS, ids=[f"q{q.number}" for q in QUESTIONS])
def test_query_gives_the_documented_answer(built: Store, question: Question) -> None:
    rows = built.select(question.query)
    got = [tuple(str(row.get(var, "")) for var in question.header) for row in rows]
    assert rows, f"question {question.number} gives no answer"
    assert set(rows[0]) == set(question.header), "table columns must be the query's variables"
    if re.search(r"\bORDER\s+BY\b", question.query, re.I):
        assert got == list(question.rows)
    else:
        assert Counter(got) == Counter(question.rows)


EXPLAINED = [
    ("agreement/lemoa", "dt:signatory", "person/manohar-parrikar", "Parrikar"),
    ("agreement/beca", "dt:signedAt", "event/india-us-2plus2-ministerial-dialogue-3", "third round"),
    ("agreement/framework-mdp-2025", "dt:signedOn", "2025-10-31", "Oct. 31"),
    ("event/india-us-2plus2-ministerial-dialogue-2", "dt:hostedBy", "person/mike-pompeo", "hosted"),
]


@pytest.mark.parametrize("edge", EXPLAINED, ids=[e[0] + " " + e[1] for e in EXPLAINED])
def test_explain_gives_the_evidence_sentence(built_path: Path, built: Store,
                                              edge: tuple[str, str, str, str]) -> None:
    subject, predicate, obj, word = edge
    result = run_ties("explain", subject, predicate, obj, store=built_path)
    assert result.returncode == 0, result.stderr
    title, sentence = result.stdout.splitlines()[:2]
    assert "rule " in title
    assert word in sentence


def test_explain_has_no_evidence_for_a_false_edge(built_path: Path, built: Store) -> None:
    result = run_ties("explain", "agreement/lemoa", "dt:signatory", "person/pete-hegseth", store=built_path)
    assert result.returncode == 1


def test_shipped_graph_conforms(built_path: Path, built: Store) -> None:
    result = run_ties("validate", store=built_path)
    assert result.returncode == 0, result.stdout[-2000:]


def readme_counts() -> dict[str, int]:
    """The table of README's "What the shipped graph holds" section."""
    text = README.read_text(encoding="utf-8")
    section = text.split("## What the shipped graph holds", 1)[1].split("\n## ", 1)[0]
    return {row[0].strip("`"): int(row[1]) for row in _table(section)[1:]}


def test_readme_counts_are_those_of_a_fresh_build(built_path: Path, built: Store) -> None:
    result = run_ties("stats", store=built_path)
    assert result.returncode == 0, result.stderr
    stats = {name: int(value) for name, value in (ln.split() for ln in result.stdout.splitlines())}
    assert readme_counts() == stats
