"""A lean asyncio HTTP/1.1 client for the engine on loopback: keep-alive, a byte cap, no threads.

Point lookups on ``/sparql`` are dominated by the hop to the engine. Measured on this project's
machine, one keep-alive POST to Oxigraph costs about 1.2 ms through ``httpx.AsyncClient``, 0.5 ms
through ``httpx.Client`` (plus a thread-pool hop to call it from async code) and 0.12 ms written
on asyncio streams. So queries from the endpoint take this path: requests are written by hand
(they are always the same shape), responses are parsed by ``httptools`` (the C parser uvicorn
uses), idle connections are kept per event loop and a stale one is retried once on a new one.

Examples
--------
>>> request_bytes("h:1", "/query", b"ASK {}", {"Accept": "text/csv"})
b'POST /query HTTP/1.1\\r\\nHost: h:1\\r\\nContent-Length: 6\\r\\nAccept: text/csv\\r\\n\\r\\nASK {}'
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Mapping
from dataclasses import dataclass, field

import httptools

READ_SIZE = 65536
# An idle connection is reused for this long only (httpx's default too): Oxigraph answers a
# connection idle for about a minute with an unsolicited 500, which a later request would read.
KEEPALIVE_EXPIRY_S = 5.0


class BodyCapExceededError(Exception):
    """The response body passed the byte cap (the caller turns it into its own error)."""


class ConnectionDroppedError(ConnectionError):
    """The server closed the connection before a whole response arrived."""


@dataclass
class Reply:
    """One whole response: its status, headers (lower-case names) and body."""

    status: int = 0
    headers: dict[str, str] = field(default_factory=dict)
    chunks: list[bytes] = field(default_factory=list)
    size: int = 0
    complete: bool = False

    @property
    def body(self) -> bytes:
        """The body, joined."""
        return b"".join(self.chunks)


class _Receiver:
    """httptools callbacks filling a :class:`Reply`; the cap is checked by the reader, not here,
    because an exception raised in a callback comes back wrapped."""

    def __init__(self) -> None:
        self.reply = Reply()

    def on_header(self, name: bytes, value: bytes) -> None:
        self.reply.headers[name.decode("latin-1").lower()] = value.decode("latin-1")

    def on_body(self, body: bytes) -> None:
        self.reply.chunks.append(body)
        self.reply.size += len(body)

    def on_message_complete(self) -> None:
        self.reply.complete = True


def request_bytes(host: str, target: str, body: bytes, headers: Mapping[str, str]) -> bytes:
    """An HTTP/1.1 POST of ``body`` to ``target`` (path and query), headers in order."""
    lines = [f"POST {target} HTTP/1.1", f"Host: {host}", f"Content-Length: {len(body)}"]
    lines += [f"{name}: {value}" for name, value in headers.items()]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body


Connection = tuple[asyncio.StreamReader, asyncio.StreamWriter]


class LoopbackClient:
    """Keep-alive connections to one ``host:port``, reused by requests on the same event loop."""

    def __init__(self, host: str, port: int, keepalive_expiry_s: float = KEEPALIVE_EXPIRY_S) -> None:
        self.host = host
        self.port = port
        self.keepalive_expiry_s = keepalive_expiry_s
        self.opened = 0  # connections opened so far (each request should not need one)
        self._idle: list[tuple[Connection, float]] = []
        self._loop: asyncio.AbstractEventLoop | None = None

    async def post(self, target: str, body: bytes, headers: Mapping[str, str], max_bytes: int) -> Reply:
        """POST and read the whole response; ``BodyCapExceededError`` past ``max_bytes``,
        ``OSError`` (``ConnectionDroppedError`` included) when the server cannot be reached."""
        data = request_bytes(f"{self.host}:{self.port}", target, body, headers)
        connection = self._take_idle()
        if connection is not None:
            try:
                return await self._exchange(connection, data, max_bytes)
            except ConnectionDroppedError:
                pass  # an idle connection the server had closed (say, a restarted engine): retry once
        connection = await asyncio.open_connection(self.host, self.port)
        self.opened += 1
        return await self._exchange(connection, data, max_bytes)

    def close(self) -> None:
        """Close the idle connections."""
        while self._idle:
            _close(self._idle.pop()[0][1])

    def _take_idle(self) -> Connection | None:
        loop = asyncio.get_running_loop()
        if loop is not self._loop:  # connections belong to the loop that opened them
            self.close()
            self._loop = loop
        while self._idle:
            connection, since = self._idle.pop()
            if time.monotonic() - since < self.keepalive_expiry_s and not connection[0].at_eof():
                return connection
            _close(connection[1])
        return None

    async def _exchange(self, connection: Connection, data: bytes, max_bytes: int) -> Reply:
        reader, writer = connection
        try:
            try:
                writer.write(data)
                await writer.drain()
            except ConnectionError as exc:
                raise ConnectionDroppedError(str(exc)) from exc
            receiver = _Receiver()
            parser = httptools.HttpResponseParser(receiver)
            await _read_reply(reader, parser, receiver.reply, max_bytes)
            receiver.reply.status = parser.get_status_code()
            # HTTP/1.1 keeps the connection unless the server says otherwise (the parser's own
            # should_keep_alive() is reset once the message is complete).
            keep = (parser.get_http_version() == "1.1"
                    and receiver.reply.headers.get("connection", "").lower() != "close")
        except BaseException:
            _close(writer)  # mid-response: the connection cannot be reused
            raise
        if keep:
            self._idle.append((connection, time.monotonic()))
        else:
            _close(writer)
        return receiver.reply


def _close(writer: asyncio.StreamWriter) -> None:
    # RuntimeError: its event loop is closed; the socket is closed with the transport.
    with contextlib.suppress(RuntimeError):
        writer.close()


async def _read_reply(reader: asyncio.StreamReader, parser: httptools.HttpResponseParser,
                      reply: Reply, max_bytes: int) -> None:
    received = False
    while not reply.complete:
        try:
            chunk = await reader.read(READ_SIZE)
        except ConnectionError as exc:
            if received:
                raise
            raise ConnectionDroppedError(str(exc)) from exc
        if not chunk:
            if received:
                raise ConnectionError("the server closed the connection mid-response")
            raise ConnectionDroppedError("the server closed the connection")
        received = True
        parser.feed_data(chunk)
        if reply.size > max_bytes:
            raise BodyCapExceededError(reply.size)
