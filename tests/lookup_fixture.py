"""The small graph the lookup and API tests build themselves (tests/data/lookup.trig)."""

from __future__ import annotations

from graph.model.namespace import RESOURCE
from graph.store import Store
from graph.store.load import load_files
from tests.conftest import ROOT

LOOKUP_TRIG = ROOT / "tests" / "data" / "lookup.trig"


def load_lookup_graph(store: Store) -> None:
    """Load the fixture's named graphs (gazetteer and three articles) into ``store``."""
    load_files(store, [LOOKUP_TRIG])


def res(short: str) -> str:
    """The full IRI of a short id such as ``person/rajnath-singh``."""
    return str(RESOURCE[short])
