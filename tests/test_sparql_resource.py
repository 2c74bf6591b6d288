"""``/resource/{path}``: Turtle, JSON-LD, N-Triples by negotiation, and a page a real browser renders."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import httpx
import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDFS

from tests.conftest import require_tool
from tests.sparql_server import TOKEN, Service, running_service

BASE = "https://w3id.org/defence-ties/resource/"
PERSON, MEETING = f"{BASE}person/test-a-person", f"{BASE}event/test-a-meeting"
DATA = f"""@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix dt: <https://w3id.org/defence-ties/ontology#> .
<{PERSON}> a dt:Person ; rdfs:label "A <Person> & Co" .
<{MEETING}> a dt:Meeting ; rdfs:label "A meeting" ; dt:participant <{PERSON}> .
"""


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Service]:
    with running_service(tmp_path_factory.mktemp("resource"), update_token=TOKEN) as running:
        httpx.put(f"{running.url}/store", params={"graph": "http://example.org/res"}, content=DATA.encode(),
                  headers={"Authorization": f"Bearer {TOKEN}", "Content-Type": "text/turtle"}
                  ).raise_for_status()
        yield running


@pytest.mark.parametrize(("accept", "media_type", "rdflib_format"), [
    ("text/turtle", "text/turtle", "turtle"),
    (None, "text/turtle", "turtle"),
    ("application/ld+json", "application/ld+json", "json-ld"),
    ("application/n-triples", "application/n-triples", "nt"),
    ("application/ld+json;q=0.5, application/n-triples;q=0.9", "application/n-triples", "nt"),
])
def test_resource_in_rdf_formats(service: Service, accept: str | None, media_type: str,
                                 rdflib_format: str) -> None:
    headers = {"Accept": accept} if accept else {}
    response = httpx.get(f"{service.url}/resource/person/test-a-person", headers=headers)
    assert response.status_code == 200
    assert response.headers["content-type"].split(";")[0] == media_type
    assert "Accept" in response.headers["vary"]
    graph = Graph().parse(data=response.content, format=rdflib_format)
    assert (URIRef(PERSON), RDFS.label, Literal("A <Person> & Co")) in graph
    assert (URIRef(MEETING), None, URIRef(PERSON)) in graph  # what points at it


def test_unknown_resource_is_404_and_unacceptable_is_406(service: Service) -> None:
    assert httpx.get(f"{service.url}/resource/person/nobody").status_code == 404
    response = httpx.get(f"{service.url}/resource/person/test-a-person", headers={"Accept": "image/png"})
    assert response.status_code == 406


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []
        self.h1 = ""
        self._in_h1 = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._in_h1 = tag == "h1"
        self.hrefs += [value or "" for name, value in attrs if tag == "a" and name == "href"]

    def handle_data(self, data: str) -> None:
        if self._in_h1:
            self.h1 += data

    def handle_endtag(self, tag: str) -> None:
        self._in_h1 = self._in_h1 and tag != "h1"


def _dump_dom(chromium: str, url: str, profile: Path) -> str:
    command = [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
               "--disable-background-networking", "--disable-component-update", "--disable-sync",
               f"--user-data-dir={profile}", "--dump-dom", url]
    return subprocess.run(command, capture_output=True, text=True, timeout=120, check=True).stdout


def test_browser_gets_a_page_chromium_renders(service: Service, tmp_path: Path) -> None:
    chromium = require_tool("chromium", "apt-get install chromium chromium-driver")
    browser_accept = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
    page = httpx.get(f"{service.url}/resource/event/test-a-meeting", headers={"Accept": browser_accept})
    assert page.headers["content-type"].startswith("text/html")
    links = _Links()
    links.feed(_dump_dom(chromium, f"{service.url}/resource/event/test-a-meeting", tmp_path / "profile"))
    assert links.h1 == "A meeting"
    assert "/resource/person/test-a-person" in links.hrefs  # a browser can walk to the participant
    person = _dump_dom(chromium, f"{service.url}/resource/person/test-a-person", tmp_path / "profile")
    assert "A &lt;Person&gt; &amp; Co" in person and "<Person>" not in person  # escaped, not markup
    assert "A meeting" in person  # the incoming link is listed with its label
