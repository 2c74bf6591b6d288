"""Finding entities by name: an in-memory index of labels and aliases with forgiving matching.

The index is built from one SPARQL query over ``rdfs:label`` and ``skos:altLabel`` of resources
(there are far fewer names than triples) and rebuilt by the caller when the store changes
(:class:`graph.store.changes.ChangeCache`). Names are compared after :func:`normalise` (case, accents,
punctuation, British and American spelling); an acronym of every multi-word name is indexed too,
and names with a word starting like one of the query's are ranked by :mod:`rapidfuzz`, which
forgives small typos (not in the first two letters of every word).

Examples
--------
>>> index = LabelIndex([
...     NameEntry("urn:diu", "Defense Innovation Unit", "Defense Innovation Unit", ("urn:Org",)),
...     NameEntry("urn:rs", "Rajnath Singh", "Rajnath Singh", ("urn:Person",)),
... ])
>>> [hit.iri for hit in index.search("diu")]
['urn:diu']
>>> [hit.iri for hit in index.search("defence innovation")]
['urn:diu']
>>> [hit.iri for hit in index.search("rajnath sing")]
['urn:rs']
>>> index = LabelIndex([NameEntry("urn:raaf", "RAAF Amberley", "RAAF Amberley", ("urn:Place",))])
>>> index.search("rajnath")  # its initials "ra" are in the query, but it is not what was asked
[]
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from graph.errors import ParameterError
from graph.model.namespace import DT, RESOURCE
from graph.model.terms import resolve_terms, with_subclasses
from graph.store import Store
from graph.store.changes import ChangeCache
from graph.store.tsv import term_from_tsv, tsv_cells

RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
SKOS_ALT = "http://www.w3.org/2004/02/skos/core#altLabel"
MIN_SCORE = 70.0
FUZZY_WEIGHT = 0.94
WORDS_SCORE = 90.0
PREFIX = 2
_SPELLINGS = {"defence": "defense", "organisation": "organization", "programme": "program",
              "centre": "center", "harbour": "harbor"}
_SMALL_WORDS = {"of", "the", "for", "and", "on", "in", "to", "a"}


def normalise(text: str) -> str:
    """A name reduced for comparison: casefolded, no accents or punctuation, one spelling.

    Examples
    --------
    >>> normalise("Bhārat  Electronics, Ltd.")
    'bharat electronics ltd'
    >>> normalise("Ministry of Defence")
    'ministry of defense'
    """
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    words = re.sub(r"[^\w+]+", " ", plain).split()
    return " ".join(_SPELLINGS.get(word, word) for word in words)


def acronym(name: str) -> str | None:
    """The initials of a multi-word name, small words left out (``Defense Innovation Unit`` is ``diu``).

    Examples
    --------
    >>> acronym("Ministry of Defence"), acronym("India")
    ('md', None)
    """
    words = [w for w in normalise(name).split() if w not in _SMALL_WORDS]
    return "".join(w[0] for w in words) if len(words) >= 2 else None


@dataclass(frozen=True)
class NameEntry:
    """One name of one entity: ``name`` is a label or an alias, ``label`` the preferred label."""

    iri: str
    name: str
    label: str
    types: tuple[str, ...]


@dataclass(frozen=True)
class SearchHit:
    """An entity that matched, with the name that matched and a score out of 100."""

    iri: str
    label: str
    types: tuple[str, ...]
    matched: str
    score: float


class LabelIndex:
    """Names of entities, searchable with :meth:`search`."""

    def __init__(self, entries: Iterable[NameEntry]) -> None:
        self._entries: list[NameEntry] = []
        self._keys: list[str] = []
        for entry in entries:
            for key in {normalise(entry.name), acronym(entry.name)} - {None, ""}:
                self._entries.append(entry)
                self._keys.append(str(key))
        self._words: dict[str, set[int]] = {}
        self._starts: dict[str, set[int]] = {}  # the first letters of every word
        for position, key in enumerate(self._keys):
            for word in key.split():
                self._words.setdefault(word, set()).add(position)
                self._starts.setdefault(word[:PREFIX], set()).add(position)
        self._sorted = sorted(range(len(self._keys)), key=self._keys.__getitem__)
        self._sorted_keys = [self._keys[i] for i in self._sorted]

    def __len__(self) -> int:
        return len(self._keys)

    def search(self, query: str, *, types: Sequence[str] = (), limit: int = 10,
               min_score: float = MIN_SCORE) -> list[SearchHit]:
        """Best matches first, one hit per entity; ``types`` keeps entities of those classes."""
        wanted = normalise(query)
        if not wanted:
            return []
        allowed = set(types)
        best: dict[str, SearchHit] = {}
        for position, score in self._scores(wanted, limit * 20, min_score).items():
            entry = self._entries[position]
            if allowed and not allowed.intersection(entry.types):
                continue
            previous = best.get(entry.iri)
            if previous is None or score > previous.score:
                best[entry.iri] = SearchHit(entry.iri, entry.label, entry.types, entry.name,
                                            round(score, 1))
        ranked = sorted(best.values(), key=lambda hit: (-hit.score, len(hit.label), hit.label))
        return ranked[:limit]

    def _scores(self, wanted: str, candidates: int, min_score: float) -> dict[int, float]:
        # Names that start with the query (exact ones score 100), found by bisection; names with
        # every word of the query (90); then rapidfuzz's WRatio (typos, word order, partial
        # names), scaled below those.
        scores: dict[int, float] = {}
        with_words = set.intersection(*(self._words.get(w, set()) for w in wanted.split()))
        for position in sorted(with_words)[:candidates]:
            scores[position] = WORDS_SCORE
        start = bisect.bisect_left(self._sorted_keys, wanted)
        for i in range(start, min(start + candidates, len(self._sorted_keys))):
            key = self._sorted_keys[i]
            if not key.startswith(wanted):
                break
            scores[self._sorted[i]] = 100.0 if key == wanted else 95.0 + 4.0 * len(wanted) / len(key)
        # Fuzzy matching looks only at names with a word that starts like a word of the query,
        # so its cost follows the number of similar names, not the size of the index.
        similar = set().union(*(self._starts.get(w[:PREFIX], set()) for w in wanted.split()))
        # A one-word key under half the query's length (most often an acronym) would match any
        # query that contains it ("ra" in "rajnath") through WRatio's partial score.
        keys = {p: key for p in similar if " " in (key := self._keys[p]) or 2 * len(key) >= len(wanted)}
        for _key, score, position in process.extract(
                wanted, keys, scorer=fuzz.WRatio, limit=candidates,
                score_cutoff=min_score / FUZZY_WEIGHT):
            scores.setdefault(position, float(score) * FUZZY_WEIGHT)
        return scores


def load_label_index(store: Store) -> LabelIndex:
    """Build the index from the store's resources (ontology terms and articles left out).

    Two plain queries read as TSV (names, then classes) and joined here: a grouped query over a
    large store costs far more than reading its rows.
    """
    resource = f'FILTER(STRSTARTS(STR(?s), "{RESOURCE}"))'
    names: dict[str, list[tuple[int, str]]] = {}
    for subject, name, kind in tsv_cells(store, (
        f"SELECT ?s ?name ?kind WHERE {{ {{ ?s <{RDFS_LABEL}> ?name BIND(0 AS ?kind) }} "
        f"UNION {{ ?s <{SKOS_ALT}> ?name BIND(1 AS ?kind) }} {resource} }}"
    )):
        names.setdefault(subject[1:-1], []).append((int(kind), str(term_from_tsv(name))))
    types: dict[str, list[str]] = {}
    for subject, cls in tsv_cells(store, (
        f'SELECT DISTINCT ?s ?t WHERE {{ ?s a ?t {resource} FILTER(STRSTARTS(STR(?t), "{DT._NS}")) }}'
    )):
        types.setdefault(subject[1:-1], []).append(cls[1:-1])
    entries = []
    for iri, found in names.items():
        unique = sorted(set(found))  # preferred labels (kind 0) first
        classes = tuple(sorted(types.get(iri, ())))
        entries += [NameEntry(iri, name, unique[0][1], classes) for _, name in unique]
    return LabelIndex(entries)


def search_entities(store: Store, cache: ChangeCache, query: str, *,
                    types: Sequence[str] | None = None, limit: int = 10) -> list[SearchHit]:
    """:meth:`LabelIndex.search` on the store's index, rebuilt when the store changed.

    ``types`` (``Person``, ``dt:Event`` or IRIs) keeps entities of those classes or subclasses.
    """
    if limit < 1:
        raise ParameterError("limit", f"must be 1 or more, not {limit}")
    classes = [str(c) for c in with_subclasses(resolve_terms(types, "type"))]
    index = cache.get("label-index", lambda: load_label_index(store))
    return index.search(query, types=classes, limit=limit)
