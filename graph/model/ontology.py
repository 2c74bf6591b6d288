"""Where the ontology and shapes live, and loading them as rdflib graphs."""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

from rdflib import Graph

ONTOLOGY_DIR = Path(__file__).resolve().parents[2] / "ontology"
ONTOLOGY_FILE = ONTOLOGY_DIR / "defence-ties.ttl"
SHAPES_FILE = ONTOLOGY_DIR / "shapes.ttl"


def file_sha256(path: Path) -> str:
    """The hex SHA-256 of a file's bytes."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


@lru_cache(maxsize=4)
def _parse_cached(path: Path, sha256: str) -> Graph:
    # Keyed by content hash, so an edited file is parsed again.
    return Graph().parse(path, format="turtle")


def ontology_graph() -> Graph:
    """The ontology as an rdflib graph (cached until the file changes). Do not mutate it."""
    return _parse_cached(ONTOLOGY_FILE, file_sha256(ONTOLOGY_FILE))


def shapes_graph() -> Graph:
    """The SHACL shapes as an rdflib graph (cached until the file changes). Do not mutate it."""
    return _parse_cached(SHAPES_FILE, file_sha256(SHAPES_FILE))
