"""Ingest throughput on 500-word articles: every stage, and the whole pipeline into Oxigraph.

Run: ``python -m bench.ingest_bench [N]``. Reports articles per second for each stage on one core
with peers measured in the same run: spaCy's bare tokenizer over the same texts (the floor any
spaCy-based extractor starts from), the rdflib graph and serialiser the pipeline no longer uses,
pySHACL (batched and per graph) beside the compiled check, and Oxigraph taking the same N-Triples
bodies with nothing else to do (the engine's floor: one ``PUT`` per article, or one N-Quads
``POST`` per 8 new articles as the pipeline writes them).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from graph.ingest.build import Triple, article_graph, article_triples, as_graph, ntriples
from graph.ingest.checking import ArticleValidator
from graph.ingest.extract import Extraction, extract_text
from graph.ingest.heap import settle_heap
from graph.ingest.language.text import nlp
from graph.ingest.pipeline import Summary, ingest
from graph.ingest.readers import read_path
from graph.ingest.readers.article import Article
from graph.ingest.resolution.gazetteer import Gazetteer
from graph.ingest.writer import as_quads
from graph.store import NTRIPLES, open_store
from graph.validation.batch import failing_graphs
from graph.validation.shacl import check_graph

ROOT = Path(__file__).resolve().parent.parent


def corpus(count: int) -> list[Article]:
    """``count`` articles of 500 words, made from the gold articles (each with its own title and URL)."""
    sources = [a for a in read_path(ROOT / "data" / "eval") if isinstance(a, Article)]
    articles = []
    for i in range(count):
        words: list[str] = []
        k = i
        while len(words) < 500:
            words += sources[k % len(sources)].text.split(" ")
            k += 1
        base = sources[i % len(sources)]
        articles.append(
            Article(
                title=f"{base.title} #{i}",
                text=" ".join(words[:500]),
                published=base.published,
                source=base.source,
                url=f"https://example.org/bench/{i}",
            )
        )
    return articles


def rate(label: str, count: int, seconds: float) -> float:
    per_s = count / seconds if seconds else float("inf")
    print(f"{label:<40} {per_s:8.1f} articles/s  ({seconds * 1000 / count:6.2f} ms each)")
    return per_s


def timed(label: str, count: int, work: Callable[[], object]) -> float:
    start = time.perf_counter()
    work()
    return rate(label, count, time.perf_counter() - start)


def extraction_stages(articles: list[Article], gazetteer: Gazetteer) -> tuple[dict[str, float], list[bytes]]:
    """Tokenizer (peer), extraction, triples, N-Triples and SHACL, each over every article."""
    rates: dict[str, float] = {}
    nlp()("warm up")
    count = len(articles)
    rates["tokenizer"] = timed(
        "spaCy tokenizer only (peer)", count, lambda: [nlp().make_doc(a.text) for a in articles]
    )
    found: list[Extraction] = []
    rates["extract"] = timed(
        "extraction",
        count,
        lambda: found.extend(
            extract_text(a.text, published=a.published, gazetteer=gazetteer, key=a.content_hash)
            for a in articles
        ),
    )
    pairs = list(zip(articles, found, strict=True))
    built: list[list[Triple]] = []
    timed("triples (article_triples)", count, lambda: built.extend(article_triples(a, e) for a, e in pairs))
    graphs = [as_graph(a.iri, t) for a, t in zip(articles, built, strict=True)]
    timed("rdflib graph building (peer)", count, lambda: [article_graph(a, e) for a, e in pairs])
    bodies: list[bytes] = []
    timed("N-Triples writing (ntriples)", count, lambda: bodies.extend(ntriples(t) for t in built))
    timed("rdflib N-Triples serialiser (peer)", count, lambda: [g.serialize(format="nt") for g in graphs])
    validator = ArticleValidator(gazetteer)
    assert validator.compiled
    named = [(str(a.iri), t) for a, t in zip(articles, built, strict=True)]
    rates["compiled"] = timed("SHACL, compiled check", count, lambda: validator.suspects(named))
    batches = [list(zip(named, graphs, strict=True))[i : i + 50] for i in range(0, count, 50)]
    rates["batched"] = timed(
        "SHACL, pySHACL batches of 50 (peer)",
        count,
        lambda: [failing_graphs([(name, g) for (name, _), g in batch], gazetteer.graph) for batch in batches],
    )
    sample = min(count, 20)
    timed(
        "SHACL, pySHACL one graph (peer)",
        sample,
        lambda: [check_graph(g, name="bench", background=gazetteer.graph) for g in graphs[:sample]],
    )
    return rates, bodies


STAGES = ("extraction", "triples", "N-Triples", "SHACL")


def python_cpu(articles: list[Article], gazetteer: Gazetteer, passes: int = 3) -> dict[str, float]:
    """CPU ms per article of each Python stage: ``time.process_time`` (other work on the machine's
    cores does not count, unlike wall time), best of ``passes`` passes over every article."""
    validator = ArticleValidator(gazetteer)
    best = dict.fromkeys(STAGES, float("inf"))
    for _ in range(passes):
        marks = [time.process_time()]
        found = [extract_text(a.text, published=a.published, gazetteer=gazetteer, key=a.content_hash)
                 for a in articles]
        marks.append(time.process_time())
        built = [article_triples(a, e) for a, e in zip(articles, found, strict=True)]
        marks.append(time.process_time())
        for triples in built:
            ntriples(triples)
        marks.append(time.process_time())
        validator.suspects([(str(a.iri), t) for a, t in zip(articles, built, strict=True)])
        marks.append(time.process_time())
        for stage, start, end in zip(STAGES, marks, marks[1:], strict=False):
            best[stage] = min(best[stage], (end - start) * 1000 / len(articles))
    return best


def _in_order_seconds(articles: list[Article], gazetteer: Gazetteer, clock: Callable[[], float],
                      passes: int) -> float:
    # The four stages run article by article, each article's results dropped once written, as
    # graph.ingest.pipeline.ingest runs them: the best of ``passes`` passes, in ``clock`` seconds.
    validator = ArticleValidator(gazetteer)
    best = float("inf")
    for _ in range(passes):
        start = clock()
        for a in articles:
            found = extract_text(a.text, published=a.published, gazetteer=gazetteer, key=a.content_hash)
            triples = article_triples(a, found)
            validator.suspects([(str(a.iri), triples)])
            ntriples(triples)
        best = min(best, clock() - start)
    return best


def python_cpu_in_order(articles: list[Article], gazetteer: Gazetteer, passes: int = 3) -> float:
    """CPU ms per article of the same four stages run article by article, each article's results
    dropped once written, as :func:`~graph.ingest.pipeline.ingest` runs them (best of ``passes``)."""
    return _in_order_seconds(articles, gazetteer, time.process_time, passes) * 1000 / len(articles)


def one_core_rate(articles: list[Article], gazetteer: Gazetteer, passes: int = 3) -> float:
    """Articles per second of the four stages run article by article (as :func:`python_cpu_in_order`),
    by the wall clock, with this process pinned to one core (best of ``passes``): the ingester's
    throughput on one core, the engine left out (it is another process, on another core)."""
    cores = os.sched_getaffinity(0)
    os.sched_setaffinity(0, {min(cores)})
    try:
        seconds = _in_order_seconds(articles, gazetteer, time.perf_counter, passes)
    finally:
        os.sched_setaffinity(0, cores)
    return rate("Python side pinned to one core, wall clock", len(articles), seconds)


def python_side(articles: list[Article], gazetteer: Gazetteer) -> float:
    """Print the Python side's CPU per article, as the stages run above and again with the heap
    settled (:func:`~graph.ingest.heap.settle_heap`) as ``ties ingest`` settles it after loading;
    it stays settled for the whole-pipeline run that follows, as in ``ties ingest``. Returns the
    articles per second of the settled pipeline on one core (:func:`one_core_rate`)."""
    for label in ("", ", heap settled as in ties ingest"):
        if label:
            settle_heap()
        cpu = python_cpu(articles, gazetteer)
        stages = ", ".join(f"{stage} {ms:.2f}" for stage, ms in cpu.items())
        in_order = python_cpu_in_order(articles, gazetteer)
        print(f"Python side per article, CPU ms (best of 3{label}): {stages}; total "
              f"{sum(cpu.values()):.2f} (article by article, as the pipeline runs: {in_order:.2f})")
    return one_core_rate(articles, gazetteer)


def ties_ingest_seconds(articles: list[Article]) -> float:
    """The seconds ``ties ingest`` reports for the articles written as Markdown files, run as a user
    runs it: a fresh process, a fresh store (its start-up and model loading are not counted)."""
    with tempfile.TemporaryDirectory() as folder:
        sources = Path(folder) / "articles"
        sources.mkdir()
        for i, article in enumerate(articles):
            # JSON strings are YAML strings: titles with "#" or ":" stay whole.
            front = "\n".join(f"{key}: {json.dumps(str(value))}" for key, value in (
                ("title", article.title), ("published", article.published),
                ("source", article.source), ("url", article.url)))
            (sources / f"{i:04d}.md").write_text(f"---\n{front}\n---\n{article.text}\n")
        ties = str(Path(sys.executable).parent / "ties")
        done = subprocess.run([ties, "--store", str(Path(folder) / "store"), "ingest", str(sources)],
                              capture_output=True, text=True, check=True)
    summary = done.stdout.strip().splitlines()[-1]
    assert f"{len(articles)} new" in summary, summary
    return float(summary.rsplit(" ", 2)[-2])


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("count", nargs="?", type=int, default=200, help="articles to make and ingest")
    count = parser.parse_args().count
    articles = corpus(count)
    gazetteer = Gazetteer.load(ROOT / "data" / "gazetteer.ttl")
    words = sum(len(a.text.split()) for a in articles) / count
    load = os.getloadavg()[0]
    size = len(gazetteer.graph)
    print(f"{count} articles of {words:.0f} words, gazetteer of {size} triples; load average {load:.2f}")
    rates, bodies = extraction_stages(articles, gazetteer)
    one_core = python_side(articles, gazetteer)
    quads = [as_quads(f"urn:bench:batched:{i}", body) for i, body in enumerate(bodies)]
    with tempfile.TemporaryDirectory() as folder, open_store(Path(folder) / "store") as store:
        engine = timed(
            "Oxigraph PUT of the bodies alone (peer)",
            count,
            lambda: [store.put_graph_data(f"urn:bench:{i}", body, NTRIPLES) for i, body in enumerate(bodies)],
        )
        batched = timed(
            "Oxigraph N-Quads POST, 8 bodies each (peer)",
            count,
            lambda: [store.post_quads(b"".join(quads[i : i + 8])) for i in range(0, count, 8)],
        )
        summary = Summary()
        in_bench = timed(
            "whole pipeline into Oxigraph, in this process",
            count,
            lambda: summary.outcomes.extend(ingest(iter(articles), store, gazetteer).outcomes),
        )
    assert summary.count("new") == count
    total = rate("whole pipeline: ties ingest of the files", count, ties_ingest_seconds(articles))
    print(
        f"the Python side does {one_core:.1f} articles/s on one core; "
        f"extraction is {rates['tokenizer'] / rates['extract']:.0f}x the tokenizer's time; the compiled "
        f"SHACL check is {rates['compiled'] / rates['batched']:.0f}x faster than pySHACL in batches; end to "
        f"end {total:.1f} articles/s, {total / engine:.2f}x the rate of the engine's PUTs alone, "
        f"{total / batched:.2f}x that of its batched POSTs, {total / rates['extract']:.2f}x extraction's "
        f"({in_bench:.1f}/s in the bench's own process, whose heap holds every stage above); "
        f"load average {os.getloadavg()[0]:.2f} (at start {load:.2f})"
    )


if __name__ == "__main__":
    main()
