"""Ingest throughput on 500-word articles: extraction, graph building and SHACL validation.

Run: ``python -m bench.ingest_bench [N]``. Reports articles per second for each stage on one core
and, as the peer in the same run, spaCy's bare tokenizer over the same texts (the floor any
spaCy-based extractor starts from), as a ratio.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from graph.ingest.article import Article
from graph.ingest.batchcheck import failing_graphs
from graph.ingest.build import article_graph
from graph.ingest.extract import extract_text
from graph.ingest.gazetteer import Gazetteer
from graph.ingest.pipeline import ingest
from graph.ingest.readers import read_path
from graph.ingest.text import nlp
from graph.store import open_store
from graph.validate import check_graph

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
    print(f"{label:<32} {per_s:8.1f} articles/s  ({seconds * 1000 / count:6.2f} ms each)")
    return per_s


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    articles = corpus(count)
    gazetteer = Gazetteer.load(ROOT / "data" / "gazetteer.ttl")
    print(
        f"{count} articles of {sum(len(a.text.split()) for a in articles) / count:.0f} words, "
        f"gazetteer of {len(gazetteer.graph)} triples"
    )
    nlp()("warm up")
    start = time.perf_counter()
    for article in articles:
        nlp().make_doc(article.text)
    tokenizer = rate("spaCy tokenizer only (peer)", count, time.perf_counter() - start)
    start = time.perf_counter()
    extractions = [
        extract_text(a.text, published=a.published, gazetteer=gazetteer, key=a.content_hash) for a in articles
    ]
    extract = rate("extraction", count, time.perf_counter() - start)
    start = time.perf_counter()
    graphs = [article_graph(a, e) for a, e in zip(articles, extractions, strict=True)]
    rate("graph building", count, time.perf_counter() - start)
    sample = min(count, 20)
    start = time.perf_counter()
    for article, graph in list(zip(articles, graphs, strict=True))[:sample]:
        check_graph(graph, name=article.title, background=gazetteer.graph)
    alone = rate("SHACL, one graph per run (peer)", sample, time.perf_counter() - start)
    start = time.perf_counter()
    for first in range(0, count, 50):
        failing_graphs(
            [
                (a.title, g)
                for a, g in zip(articles[first : first + 50], graphs[first : first + 50], strict=True)
            ],
            gazetteer.graph,
        )
    batched = rate("SHACL, batches of 50", count, time.perf_counter() - start)
    with tempfile.TemporaryDirectory() as folder, open_store(Path(folder) / "store") as store:
        start = time.perf_counter()
        summary = ingest(iter(articles), store, gazetteer)
        total = rate("whole pipeline into Oxigraph", count, time.perf_counter() - start)
    assert summary.count("new") == count
    print(
        f"extraction is {tokenizer / extract:.0f}x the tokenizer's time; batched SHACL is "
        f"{batched / alone:.1f}x faster than one graph per run; end to end {total:.1f} articles/s"
    )


if __name__ == "__main__":
    main()
