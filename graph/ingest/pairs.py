"""Cross-article identity, measured: do two articles' names for one real thing give one node?

A pairs file (``data/eval/identity.json``) lists names from two articles and whether they are the
same real thing, decided by reading the articles and the public record, not by running the
ingester. Each article is read as ``ties ingest`` reads it; a name is found among the surface forms
of the article's entities; a pair is *merged* when both names land on one IRI. Pairwise precision
is the share of merged pairs that are the same thing; recall the share of same pairs merged.

Examples
--------
>>> score = PairScore(merged_same=9, merged_other=0, split_same=1, split_other=12, unfound=[])
>>> score.prf()
(1.0, 0.9, 0.947)
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from rdflib import URIRef

from graph.errors import InputError
from graph.ingest.extract import Extraction, extract_text
from graph.ingest.language.text import normalise_label
from graph.ingest.readers.article import Article
from graph.ingest.readers.documents import read_path
from graph.ingest.resolution.gazetteer import Gazetteer


@dataclass(frozen=True)
class Pair:
    """Two names, each in an article (a path relative to the pairs file's ``root``)."""

    first: tuple[str, str]
    second: tuple[str, str]
    same: bool


@dataclass
class PairScore:
    """Pairs merged or split, by whether they are the same thing; names no entity carries."""

    merged_same: int
    merged_other: int
    split_same: int
    split_other: int
    unfound: list[str]

    def prf(self) -> tuple[float, float, float]:
        """Pairwise precision, recall and F1 of the merge, rounded to 3 places."""
        merged = self.merged_same + self.merged_other
        same = self.merged_same + self.split_same
        p = self.merged_same / merged if merged else 1.0
        r = self.merged_same / same if same else 1.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return round(p, 3), round(r, 3), round(f, 3)


def read_pairs(path: Path) -> tuple[Path, list[Pair]]:
    """The folder the article paths are relative to, and the pairs of ``path``."""
    data = json.loads(path.read_text(encoding="utf-8"))
    pairs = [
        Pair((p["first"]["article"], p["first"]["name"]), (p["second"]["article"], p["second"]["name"]),
             bool(p["same"]))
        for p in data["pairs"]
    ]
    return (path.parent / data["root"]).resolve(), pairs


def score_pairs(path: Path, gazetteer: Gazetteer) -> PairScore:
    """Score the merge of every pair in the pairs file ``path``."""
    root, pairs = read_pairs(path)
    extractions: dict[str, Extraction] = {}
    score = PairScore(0, 0, 0, 0, [])
    for pair in pairs:
        first = _node(root, pair.first, extractions, gazetteer)
        second = _node(root, pair.second, extractions, gazetteer)
        for (article, name), iri in ((pair.first, first), (pair.second, second)):
            score.unfound += [f"{article}: {name!r}"] if iri is None else []
        merged = first is not None and first == second
        if pair.same:
            score.merged_same += merged
            score.split_same += not merged
        else:
            score.merged_other += merged
            score.split_other += not merged
    return score


def _node(
    root: Path, name: tuple[str, str], cache: dict[str, Extraction], gazetteer: Gazetteer
) -> URIRef | None:
    article, text = name
    if article not in cache:
        cache[article] = _extract(root / article, gazetteer)
    wanted = normalise_label(text)
    for entity in cache[article].entities:
        if wanted in {normalise_label(s) for s in entity.surfaces | {entity.label, entity.name}}:
            return entity.iri
    return None


def _extract(path: Path, gazetteer: Gazetteer) -> Extraction:
    items = list(read_path(path))
    if len(items) != 1 or not isinstance(items[0], Article):
        raise InputError(f"{path}: expected one readable article for the identity pairs")
    article = items[0]
    return extract_text(
        article.text, published=article.published, gazetteer=gazetteer, key=article.content_hash
    )
