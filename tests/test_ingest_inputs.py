"""Every input kind of ``ties ingest`` and every bad input, through the real command and store."""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

import pytest

from graph.ingest.readers import Failure, read_bytes, read_path
from tests.conftest import ROOT, run_ties

FIXTURES = ROOT / "tests" / "fixtures" / "ingest"
TITLES = "SELECT ?t WHERE { GRAPH ?g { ?g <http://purl.org/dc/terms/title> ?t } } ORDER BY ?t"


def titles(store: Path) -> list[str]:
    out = run_ties("query", TITLES, "--format", "csv", store=store)
    assert out.returncode == 0, out.stderr
    return out.stdout.splitlines()[1:]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("lemoa.md", ["India and US sign logistics pact"]),
        ("plain.txt", ["Yudh Abhyas opens in Alaska"]),
        ("page.html", ["DRDO hosts JTG plenary"]),
        ("articles.jsonl", ["INDUS-X launched", "Malabar sails"]),
        ("feed.xml", ["DPG meets in Washington", "Cope India returns"]),
    ],
)
def test_each_file_kind_is_read(name: str, expected: list[str]) -> None:
    items = list(read_path(FIXTURES / name))
    assert [i.title for i in items if not isinstance(i, Failure)] == expected
    assert all(not isinstance(i, Failure) for i in items)
    assert all(i.text.strip() for i in items if not isinstance(i, Failure))


def test_html_keeps_the_article_not_the_page_furniture() -> None:
    (article,) = read_path(FIXTURES / "page.html")
    assert not isinstance(article, Failure)
    assert "Joint Technical Group" in article.text and "Copyright" not in article.text


def test_folder_stdin_and_bad_feed_entry(tmp_path: Path) -> None:
    store = tmp_path / "store"
    result = run_ties(
        "ingest",
        str(FIXTURES),
        "-",
        store=store,
        stdin="---\ntitle: From stdin\npublished: 2024-01-02\nsource: pipe\n---\n"
        "Rajnath Singh met Lloyd Austin in New Delhi.\n",
    )
    # The Atom feed has one entry with no title and no text: reported, the rest stored.
    assert result.returncode == 1
    assert "atom.xml#entry2" in result.stderr and "error(s)" in result.stdout
    stored = titles(store)
    assert "From stdin" in stored and "GE and HAL sign engine MoU" in stored
    assert {"INDUS-X launched", "Malabar sails", "DPG meets in Washington", "DRDO hosts JTG plenary"} <= set(
        stored
    )


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (b"", "empty"),
        (b"   \n\n", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        (b"caf\xe9 au lait", "not valid UTF-8"),
        (
            b"<html><head><title>Empty page</title></head><body><script>var a;</script></body></html>",
            "HTML with no article text",
        ),
        (b"---\ntitle: [unclosed\n---\ntext", "bad YAML front matter"),
    ],
)
def test_bad_inputs_give_clear_errors(data: bytes, problem: str) -> None:
    (item,) = read_bytes(data, "bad.html" if b"<html" in data else "bad.md")
    assert isinstance(item, Failure) and problem in item.message


def test_over_the_size_cap(tmp_path: Path) -> None:
    big = tmp_path / "big.md"
    big.write_text("---\ntitle: Big\n---\n" + "word " * 2000)
    result = run_ties("ingest", str(big), store=tmp_path / "store", env={"TIES_INGEST_MAX_BYTES": "1000"})
    assert result.returncode == 1 and "size cap" in result.stderr


def test_bad_files_are_reported_and_good_ones_stored(tmp_path: Path) -> None:
    (tmp_path / "empty.md").write_text("")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02binary")
    (tmp_path / "latin1.txt").write_bytes(b"Caf\xe9 news\n\nSome text.")
    (tmp_path / "good.md").write_text((FIXTURES / "lemoa.md").read_text())
    store = tmp_path / "store"
    result = run_ties(
        "ingest",
        str(tmp_path / "empty.md"),
        str(tmp_path / "binary.txt"),
        str(tmp_path / "latin1.txt"),
        str(tmp_path / "good.md"),
        store=store,
    )
    assert result.returncode == 1
    for name, problem in (("empty.md", "empty"), ("binary.txt", "binary"), ("latin1.txt", "UTF-8")):
        assert name in result.stderr and problem in result.stderr
    assert "3 error(s)" in result.stdout and "1 new" in result.stdout
    assert titles(store) == ["India and US sign logistics pact"]


class _Handler(http.server.BaseHTTPRequestHandler):
    routes: ClassVar[dict[str, tuple[str, bytes]]] = {}

    def do_GET(self) -> None:
        content_type, body = self.routes.get(self.path, ("text/plain", b""))
        self.send_response(200 if self.path in self.routes else 404)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture()
def web() -> Iterator[str]:
    _Handler.routes = {
        "/page": ("text/html; charset=utf-8", (FIXTURES / "page.html").read_bytes()),
        "/feed": ("application/rss+xml", (FIXTURES / "feed.xml").read_bytes()),
        "/image": ("image/png", b"\x89PNG...."),
    }
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def test_urls_pages_feeds_and_bad_urls(tmp_path: Path, web: str) -> None:
    store = tmp_path / "store"
    result = run_ties(
        "ingest",
        f"{web}/page",
        f"{web}/feed",
        f"{web}/image",
        f"{web}/missing",
        "http://127.0.0.1:9/unreachable",
        store=store,
    )
    assert result.returncode == 1
    assert "image/png" in result.stderr and "404" in result.stderr and "unreachable" in result.stderr
    assert set(titles(store)) == {"DRDO hosts JTG plenary", "DPG meets in Washington", "Cope India returns"}
