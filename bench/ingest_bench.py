"""Ingest throughput on 500-word articles: extraction, graph building and SHACL validation.

Run: ``python -m bench.ingest_bench [N]``. Reports articles per second for each stage on one core
and, as the peer in the same run, spaCy's bare tokenizer over the same texts (the floor any
spaCy-based extractor starts from), as a ratio.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from graph.ingest.article import Article
from graph.ingest.build import article_graph
from graph.ingest.extract import extract_text
from graph.ingest.gazetteer import Gazetteer
from graph.ingest.readers import read_path
from graph.ingest.text import nlp
from graph.validate import check_graph

ROOT = Path(__file__).resolve().parent.parent


def corpus(count: int) -> list[Article]:
    """``count`` articles of about 500 words, made from the gold articles (each with its own title)."""
    sources = [a for a in read_path(ROOT / "data" / "eval") if isinstance(a, Article)]
    articles = []
    for i in range(count):
        base = sources[i % len(sources)]
        words = base.text.split()
        text = base.text if len(words) >= 500 else base.text + "\n\n" + sources[(i + 1) % len(sources)].text
        text = " ".join(text.split(" ")[:520])
        articles.append(Article(title=f"{base.title} #{i}", text=text, published=base.published,
                                source=base.source, url=f"https://example.org/bench/{i}"))
    return articles


def rate(label: str, count: int, seconds: float) -> float:
    per_s = count / seconds if seconds else float("inf")
    print(f"{label:<32} {per_s:8.1f} articles/s  ({seconds * 1000 / count:6.2f} ms each)")
    return per_s


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    articles = corpus(count)
    gazetteer = Gazetteer.load(ROOT / "data" / "gazetteer.ttl")
    words = sum(len(a.text.split()) for a in articles) / count
    print(f"{count} articles, {words:.0f} words each on average")
    nlp()("warm up")
    start = time.perf_counter()
    for article in articles:
        nlp().make_doc(article.text)
    tokenizer = rate("spaCy tokenizer only (peer)", count, time.perf_counter() - start)
    start = time.perf_counter()
    extractions = [extract_text(a.text, published=a.published, gazetteer=gazetteer, key=a.content_hash)
                   for a in articles]
    extract = rate("extraction", count, time.perf_counter() - start)
    start = time.perf_counter()
    graphs = [article_graph(a, e) for a, e in zip(articles, extractions, strict=True)]
    rate("graph building", count, time.perf_counter() - start)
    start = time.perf_counter()
    for article, graph in zip(articles, graphs, strict=True):
        check_graph(graph, name=article.title, background=gazetteer.graph)
    rate("SHACL validation", count, time.perf_counter() - start)
    print(f"extraction / tokenizer-only ratio: {tokenizer / extract:.1f}x slower")


if __name__ == "__main__":
    main()
