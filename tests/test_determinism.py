"""The same articles give the same graph whatever Python's hash seed: nothing the ingester
writes may depend on the order of a set."""

from __future__ import annotations

import os
import subprocess
import sys

from tests.conftest import ROOT

DIGEST = """
import hashlib
from pathlib import Path
from graph.ingest.extract import extract_text
from graph.ingest.readers.documents import read_path
from graph.ingest.resolution.entities import Entity
from graph.ingest.resolution.gazetteer import Gazetteer
gazetteer = Gazetteer.load(Path("data/gazetteer.ttl"))
lines = []
for path in sorted(Path("data/train").glob("*.md")):
    article = next(iter(read_path(path)))
    result = extract_text(article.text, published=article.published, gazetteer=gazetteer,
                          key=article.content_hash)
    lines += sorted(f"{path.name} {f.subject.iri} {f.predicate} "
                    f"{f.obj.iri if isinstance(f.obj, Entity) else f.obj}" for f in result.facts)
    lines += sorted(f"{path.name} {e.iri} {e.name}" for e in result.entities)
print(hashlib.sha1("\\n".join(lines).encode()).hexdigest())
"""


def digest(seed: int) -> str:
    env = {**os.environ, "PYTHONHASHSEED": str(seed)}
    done = subprocess.run([sys.executable, "-c", DIGEST], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=300, check=True)
    return done.stdout.strip()


def test_extraction_does_not_depend_on_the_hash_seed() -> None:
    # At 2b8321e seed 4 gave another graph than seeds 1 to 3 (a person's country read from the
    # first of a set of posts).
    assert len({digest(seed) for seed in (1, 2, 3, 4)}) == 1
