"""SPARQL endpoint benchmark: our ``/sparql`` against the Oxigraph server it fronts, and against
rdflib-endpoint serving the same file, in one run on the same generated data.

    python -m bench.sparql_bench [--people 20000] [--runs 40]

Prints a Markdown table of median latencies (one keep-alive HTTP client per endpoint, same
Accept header, every query run ``--runs`` times after one warm-up). Needs the ``bench`` extra
(``pip install -e '.[bench]'``) for the rdflib-endpoint column; without it that column is skipped.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx
import uvicorn
from fastapi import FastAPI, Request
from fastapi.responses import Response

from graph.store.engine import free_port
from tests.sparql_server import TOKEN, running_service

R = "https://w3id.org/defence-ties/resource/"
DT = "https://w3id.org/defence-ties/ontology#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
PREFIXES = ("PREFIX dt: <https://w3id.org/defence-ties/ontology#> "
            "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> ")
# name, kind (point/heavy/aggregate), query
QUERIES = [
    ("point: one person's triples", "point", f"SELECT ?p ?o WHERE {{ <{R}person/p123> ?p ?o }}"),
    ("point: ASK one edge", "point", f"{PREFIXES}ASK {{ <{R}event/e77> dt:participant <{R}person/p77> }}"),
    ("heavy: 10 000 labels", "heavy", f"{PREFIXES}SELECT ?s ?l WHERE {{ ?s rdfs:label ?l }} LIMIT 10000"),
    ("heavy: CONSTRUCT 2-hop", "heavy",
     f"{PREFIXES}CONSTRUCT {{ ?e dt:participant ?p . ?p dt:affiliatedWith ?o }} "
     "WHERE { ?e dt:participant ?p . ?p dt:affiliatedWith ?o } LIMIT 5000"),
    ("aggregate: entities per class", "aggregate",
     f"{PREFIXES}SELECT ?c (COUNT(?s) AS ?n) WHERE {{ ?s a ?c }} GROUP BY ?c ORDER BY DESC(?n)"),
    ("aggregate: busiest organisations", "aggregate",
     f"{PREFIXES}SELECT ?o (COUNT(DISTINCT ?e) AS ?n) WHERE {{ ?e dt:participant ?p . "
     "?p dt:affiliatedWith ?o } GROUP BY ?o ORDER BY DESC(?n) LIMIT 10"),
    ("aggregate: edges per dt: predicate", "aggregate",
     f"{PREFIXES}SELECT ?p (COUNT(*) AS ?n) WHERE {{ ?s ?p ?o FILTER(STRSTARTS(STR(?p), STR(dt:))) }} "
     "GROUP BY ?p ORDER BY DESC(?n)"),
]


def generate(path: Path, people: int) -> int:
    """Write an N-Triples file shaped like the project's graph; return its triple count."""
    lines = []
    for i in range(people):
        person, org, event = f"<{R}person/p{i}>", f"<{R}organisation/o{i % 200}>", f"<{R}event/e{i}>"
        lines += [
            f"{person} <{RDF_TYPE}> <{DT}Person> .",
            f'{person} <{LABEL}> "Person {i}" .',
            f"{person} <{DT}affiliatedWith> {org} .",
            f"{event} <{RDF_TYPE}> <{DT}Meeting> .",
            f'{event} <{LABEL}> "Meeting {i}" .',
            f"{event} <{DT}participant> {person} .",
            f"<{R}event/e{(i * 7) % people}> <{DT}participant> {person} .",
        ]
    path.write_text("\n".join(lines) + "\n")
    return len(lines)


HEADERS = {"Accept": "application/sparql-results+json, text/turtle;q=0.9",
           "Content-Type": "application/x-www-form-urlencoded"}


def medians_ms(client: httpx.Client, urls: list[str], query: str, runs: int) -> list[float]:
    """Median wall time of ``query`` POSTed to each URL, in ms; the URLs take turns on every run
    (after one warm-up each) so that noise from other work on the machine hits them alike."""
    samples: list[list[float]] = [[] for _ in urls]
    for attempt in range(runs + 1):
        for index, url in enumerate(urls):
            started = time.perf_counter()
            response = client.post(url, data={"query": query}, headers=HEADERS)
            elapsed = time.perf_counter() - started
            response.raise_for_status()
            if attempt:
                samples[index].append(elapsed * 1000)
    return [statistics.median(times) for times in samples]


def minimal_proxy(engine: str, port: int) -> None:
    """The floor: the least a FastAPI app on uvicorn can do to proxy a form query to the engine."""
    app = FastAPI()
    engine_client = httpx.AsyncClient()

    @app.post("/sparql")
    async def proxy(request: Request) -> Response:
        answer = await engine_client.post(engine, content=await request.body(), headers=HEADERS)
        return Response(answer.content, media_type=answer.headers["content-type"])

    uvicorn.run(app, host="127.0.0.1", port=port, log_level="warning")


def start_minimal_proxy(engine: str) -> tuple[subprocess.Popen[bytes], str]:
    """Run :func:`minimal_proxy` in a subprocess; its URL."""
    port = free_port()
    process = subprocess.Popen([sys.executable, "-m", "bench.sparql_bench", "--proxy", engine, str(port)])
    url = f"http://127.0.0.1:{port}/sparql"
    for _ in range(100):
        try:
            httpx.post(url, data={"query": "ASK {}"}, timeout=2)
            return process, url
        except httpx.HTTPError:
            time.sleep(0.1)
    process.kill()
    raise RuntimeError("the minimal proxy did not start")


def start_rdflib_endpoint(data: Path) -> tuple[subprocess.Popen[bytes], str] | None:
    """rdflib-endpoint serving ``data`` (its default in-memory rdflib store), or None if not installed."""
    binary = shutil.which("rdflib-endpoint", path=str(Path(sys.executable).parent)) or shutil.which(
        "rdflib-endpoint")
    if binary is None:
        return None
    port = free_port()
    process = subprocess.Popen([binary, "serve", str(data), "--host", "127.0.0.1", "--port", str(port)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/"
    for _ in range(600):
        try:
            if httpx.get(url, params={"query": "ASK {}"}, timeout=2).status_code == 200:
                return process, url
        except httpx.HTTPError:
            time.sleep(0.2)
    process.kill()
    raise RuntimeError("rdflib-endpoint did not start")


def run(people: int, runs: int, peer_runs: int = 3) -> None:
    """Run the benchmark and print the table."""
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "bench.nt"
        triples = generate(data, people)
        with running_service(Path(tmp) / "ties", update_token=TOKEN, query_timeout="60",
                             max_result_bytes=str(256 * 1024 * 1024),
                             max_body_bytes=str(512 * 1024 * 1024)) as service:
            engine_port = int(json.loads((service.store / "server.json").read_text())["port"])
            # Large files go straight into the engine: our upload checks are not what is measured.
            target = service.url if triples <= 200_000 else f"http://127.0.0.1:{engine_port}"
            httpx.put(f"{target}/store", params={"graph": "http://example.org/bench"},
                      content=data.read_bytes(), timeout=1800,
                      headers={"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/n-triples"}
                      ).raise_for_status()
            peer = start_rdflib_endpoint(data)
            try:
                _table(service.url, f"http://127.0.0.1:{engine_port}/query", peer, triples,
                       runs=runs, peer_runs=peer_runs)
            finally:
                if peer is not None:
                    peer[0].terminate()
                    peer[0].wait()


def _table(ours: str, engine: str, peer: tuple[subprocess.Popen[bytes], str] | None,
           triples: int, *, runs: int, peer_runs: int) -> None:
    floor, floor_url = start_minimal_proxy(engine)
    print(f"{triples} triples; median of {runs} interleaved runs (rdflib-endpoint: {peer_runs} runs), ms; "
          f"{os.cpu_count()} CPUs\n")
    print("| query | /sparql | Oxigraph direct | ratio | difference | minimal FastAPI proxy "
          "| rdflib-endpoint | speed-up |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    try:
        with httpx.Client(timeout=300) as client:
            for name, kind, query in QUERIES:
                urls = [f"{ours}/sparql", engine, floor_url]
                our_ms, raw_ms, floor_ms = medians_ms(client, urls, query, runs)
                peer_cells = "| |"
                if peer is not None and kind == "aggregate":
                    our_again, raw_again, peer_ms = medians_ms(
                        client, [f"{ours}/sparql", engine, peer[1]], query, peer_runs)
                    peer_cells = (f"| {peer_ms:.1f} | {peer_ms / our_again:.1f}x "
                                  f"(Oxigraph direct: {peer_ms / raw_again:.1f}x) |")
                print(f"| {name} | {our_ms:.2f} | {raw_ms:.2f} | {our_ms / raw_ms:.2f}x | "
                      f"{our_ms - raw_ms:+.2f} | {floor_ms:.2f} {peer_cells}")
    finally:
        floor.terminate()
        floor.wait()


def main() -> None:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--people", type=int, default=20000, help="people (and meetings) to generate")
    parser.add_argument("--runs", type=int, default=40, help="timed runs per query and endpoint")
    parser.add_argument("--peer-runs", type=int, default=3,
                        help="timed runs per aggregate on rdflib-endpoint")
    parser.add_argument("--proxy", nargs=2, metavar=("ENGINE_URL", "PORT"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.proxy:
        minimal_proxy(args.proxy[0], int(args.proxy[1]))
        return
    run(args.people, args.runs, args.peer_runs)


if __name__ == "__main__":
    main()
