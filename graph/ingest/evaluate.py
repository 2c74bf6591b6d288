"""``ties evaluate``: score article graphs against gold annotations, with the rules of the
reference scorer (``../shared/eval/score.py``, format in its README).

An article's graph is the named graph G with ``G dcterms:title`` equal to the gold article's
front-matter title. Classes compare by family, sub-properties satisfy their super-properties, and
labels compare after :func:`graph.ingest.language.text.normalise_label`.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import RDF, RDFS, Dataset, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, SKOS

from graph.errors import InputError
from graph.ingest.language.text import normalise_label as norm

DT = "https://w3id.org/defence-ties/ontology#"
FAMILY = {
    "Person": "Person",
    "Organisation": "Organisation",
    "Country": "Country",
    "Place": "Place",
    "Meeting": "Event",
    "Exercise": "Event",
    "Event": "Event",
    "Agreement": "Framework",
    "Initiative": "Framework",
    "Mechanism": "Framework",
    "Framework": "Framework",
    "TechnologyArea": "TechnologyArea",
}
SCORED = {
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
}
LABELS = {RDFS.label, SKOS.altLabel, SKOS.prefLabel}


@dataclass
class Counts:
    """True positives, false positives and false negatives."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def prf(self) -> tuple[float, float, float]:
        """Precision, recall and F1."""
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


@dataclass
class ArticleScore:
    """Misses and false hits of one gold article."""

    article: str
    found_graph: bool
    missed_entities: list[str] = field(default_factory=list)
    wrong_entities: list[str] = field(default_factory=list)
    missed_relations: list[str] = field(default_factory=list)
    wrong_relations: list[str] = field(default_factory=list)


@dataclass
class Score:
    """Micro-averaged counts over all articles, and each article's details."""

    entities: Counts = field(default_factory=Counts)
    relations: Counts = field(default_factory=Counts)
    articles: list[ArticleScore] = field(default_factory=list)


def front_matter_title(path: Path) -> str:
    """The ``title:`` of a Markdown article's front matter."""
    match = re.match(r"---\n(.*?)\n---\n", path.read_text(encoding="utf-8"), re.S)
    for line in match.group(1).splitlines() if match else []:
        if line.startswith("title:"):
            return line.split(":", 1)[1].strip().strip('"').strip("'")
    raise InputError(f"{path}: no front matter with a title")


def _closure(pairs: set[tuple[URIRef, URIRef]]) -> dict[URIRef, set[URIRef]]:
    up: dict[URIRef, set[URIRef]] = defaultdict(set)
    for child, parent in pairs:
        up[child].add(parent)
    out: dict[URIRef, set[URIRef]] = {}
    for node in list(up):
        seen, todo = {node}, [node]
        while todo:
            for parent in up.get(todo.pop(), ()):
                if parent not in seen:
                    seen.add(parent)
                    todo.append(parent)
        out[node] = seen
    return out


class _Scorer:
    def __init__(self, dataset: Dataset, ontology: Graph) -> None:
        def pairs(prop: URIRef) -> set[tuple[URIRef, URIRef]]:
            found = {(s, o) for s, o in ontology.subject_objects(prop)}
            found |= {(q[0], q[2]) for q in dataset.quads((None, prop, None, None))}
            return {(s, o) for s, o in found if isinstance(o, URIRef) and isinstance(s, URIRef)}

        self.dataset = dataset
        self.sub_class = _closure(pairs(RDFS.subClassOf))
        self.sub_prop = _closure(pairs(RDFS.subPropertyOf))
        self.labels: dict[object, set[str]] = defaultdict(set)
        self.by_title: dict[str, list[object]] = defaultdict(list)
        for s, p, o, g in dataset.quads((None, None, None, None)):
            if p in LABELS and isinstance(o, Literal):
                self.labels[s].add(norm(str(o)))
            gid = getattr(g, "identifier", g)
            if p == DCTERMS.title and s == gid:
                self.by_title[str(o).strip()].append(gid)

    def families(self, cls: URIRef) -> set[str]:
        names = (str(c)[len(DT) :] for c in self.sub_class.get(cls, {cls}) if str(c).startswith(DT))
        return {FAMILY[n] for n in names if n in FAMILY}

    def scored_supers(self, prop: URIRef) -> set[str]:
        names = (str(p)[len(DT) :] for p in self.sub_prop.get(prop, {prop}) if str(p).startswith(DT))
        return {n for n in names if n in SCORED}


def score_dataset(gold_dir: Path, dataset: Dataset, ontology: Graph) -> Score:
    """Score every ``*.md`` + ``*.gold.json`` pair in ``gold_dir`` against ``dataset``."""
    scorer = _Scorer(dataset, ontology)
    result = Score()
    for md in sorted(gold_dir.glob("*.md")):
        gold_path = md.parent / (md.stem + ".gold.json")
        if gold_path.exists():
            gold = json.loads(gold_path.read_text(encoding="utf-8"))
            result.articles.append(_score_article(scorer, md, gold, result))
    return result


def _article_graph(scorer: _Scorer, title: str) -> Graph:
    graph = Graph()
    for gid in scorer.by_title.get(title, []):
        for triple in scorer.dataset.graph(gid):  # type: ignore[arg-type]
            graph.add(triple)
    return graph


def _score_article(scorer: _Scorer, md: Path, gold: dict, result: Score) -> ArticleScore:  # type: ignore[type-arg]
    title = front_matter_title(md)
    graph = _article_graph(scorer, title)
    record = ArticleScore(md.name, bool(scorer.by_title.get(title)))
    matcher = _Matcher(scorer, graph, gold)
    matcher.entities(record, result.entities)
    matcher.relations(record, result.relations)
    return record


class _Matcher:
    def __init__(self, scorer: _Scorer, graph: Graph, gold: dict) -> None:  # type: ignore[type-arg]
        self.scorer, self.graph, self.gold = scorer, graph, gold
        self.by_id = {e["id"]: e for e in gold["entities"]}
        self.node_match: dict[object, set[str]] = {}

    def matches(self, node: object) -> set[str]:
        names = self.scorer.labels.get(node, set())
        starts = {str(o) for o in self.graph.objects(node, URIRef(DT + "startDate"))}  # type: ignore[arg-type]
        return {
            e["id"]
            for e in self.gold["entities"]
            if any(norm(x) in names for x in e.get("labels", []))
            or any(norm(c) in n for c in e.get("label_contains", []) for n in names)
            or (e.get("startDate") and e["startDate"] in starts)
        }

    def entities(self, record: ArticleScore, counts: Counts) -> None:
        typed: dict[object, set[str]] = defaultdict(set)
        for subject, cls in self.graph.subject_objects(RDF.type):
            typed[subject] |= self.scorer.families(cls)  # type: ignore[arg-type]
        claimed: set[str] = set()
        for node, fams in sorted(typed.items(), key=lambda kv: str(kv[0])):
            if not fams:
                continue
            ids = {i for i in self.matches(node) if FAMILY[self.by_id[i]["class"]] in fams}
            self.node_match[node] = ids
            free = sorted(ids - claimed)
            if free:
                claimed.add(free[0])
                counts.tp += 0 if self.by_id[free[0]].get("optional") else 1
            elif not (ids and all(self.by_id[i].get("optional") for i in ids)):
                counts.fp += 1
                label = sorted(self.scorer.labels.get(node, {str(node)}))[:2]
                record.wrong_entities.append(f"{label} {sorted(fams)}" + (" (duplicate)" if ids else ""))
        for entity in self.gold["entities"]:
            if not entity.get("optional") and entity["id"] not in claimed:
                counts.fn += 1
                record.missed_entities.append(entity["id"])

    def relations(self, record: ArticleScore, counts: Counts) -> None:
        found: set[int] = set()
        for s, p, o in self.graph:
            supers = self.scorer.scored_supers(p)  # type: ignore[arg-type]
            if not supers:
                continue
            hits = self._hits(s, supers, o)
            found |= hits
            if not hits:
                counts.fp += 1
                record.wrong_relations.append(
                    f"{self._label(s)} {str(p).rsplit('#', 1)[-1]} "
                    f"{o if isinstance(o, Literal) else self._label(o)}"
                )
        for i, rel in enumerate(self.gold["relations"]):
            if rel.get("optional"):
                continue
            if i in found:
                counts.tp += 1
            else:
                counts.fn += 1
                record.missed_relations.append(f"{rel['s']} {rel['p']} {rel.get('o', rel.get('value'))}")

    def _hits(self, s: object, supers: set[str], o: object) -> set[int]:
        s_ids = self.node_match.get(s) or self.matches(s)
        hits = set()
        for i, rel in enumerate(self.gold["relations"]):
            if rel["p"] not in supers or rel["s"] not in s_ids:
                continue
            if "value" in rel:
                ok = isinstance(o, Literal) and str(o) == rel["value"]
            else:
                want = set(rel["o"] if isinstance(rel["o"], list) else [rel["o"]])
                ok = not isinstance(o, Literal) and bool((self.node_match.get(o) or self.matches(o)) & want)
            if ok:
                hits.add(i)
        return hits

    def _label(self, node: object) -> str:
        return str(sorted(self.scorer.labels.get(node, {str(node)}))[:1])
