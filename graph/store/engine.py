"""The embedded engine: one Oxigraph server process per store folder, started and supervised here.

Layout of a store folder::

    var/store/
        oxigraph/      the engine's database (RocksDB), owned by exactly one server process
        server.json    {"pid": ..., "port": ..., "owner": ...} of the running server
        server.lock    held while a process looks for, or starts, the server
        server.log     the engine's output

The first process that needs the folder starts the server and owns it: it stops it on exit and
restarts it if it dies. Any other process on the same folder finds ``server.json`` and talks to
the running server over HTTP instead of failing on the database lock.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import logging
import os
import shutil
import signal
import socket
import subprocess  # nosec B404 - we run the oxigraph binary we depend on, with fixed arguments
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx

from graph.errors import StoreLockedError, StoreUnavailableError

log = logging.getLogger(__name__)

# A store written in bulk and not yet compacted replays its write-ahead log at start: a
# million-triple bench store took 35 s on the development machine before it answered.
STARTUP_SECONDS = 120.0
WATCH_INTERVAL_SECONDS = 0.2


@dataclass(frozen=True)
class ServerRecord:
    """What ``server.json`` says about the running server."""

    pid: int
    port: int
    owner: int

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"


def oxigraph_binary() -> str:
    """The path of the ``oxigraph`` executable installed with the ``oxigraph`` package."""
    beside_python = Path(sys.executable).parent / "oxigraph"
    found = str(beside_python) if beside_python.exists() else shutil.which("oxigraph")
    if not found:
        raise StoreUnavailableError(
            "the oxigraph server binary is not installed; run 'pip install oxigraph' "
            "(it comes with 'pip install defence-ties')"
        )
    return found


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def pid_alive(pid: int) -> bool:
    """Whether a process with this id exists."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def engine_answers(base_url: str, timeout: float = 1.0) -> bool:
    """Whether an Oxigraph server answers a trivial query at ``base_url``."""
    try:
        response = httpx.get(
            f"{base_url}/query", params={"query": "ASK {}"}, timeout=timeout,
            headers={"Accept": "application/sparql-results+json"},
        )
    except httpx.HTTPError:
        return False
    return response.status_code == 200


def stop_orphan(pid: int, seconds: float = 10.0) -> None:
    """Stop a server whose owner is gone, so that a supervised one can take its folder."""
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGTERM)
    deadline = time.monotonic() + seconds
    while pid_alive(pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    if pid_alive(pid):
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)


class EmbeddedEngine:
    """Finds or starts the Oxigraph server of one store folder; supervises it if we started it."""

    def __init__(self, folder: Path, query_timeout_s: float = 30.0,
                 start_timeout_s: float = STARTUP_SECONDS) -> None:
        self.folder = folder
        self.query_timeout_s = query_timeout_s
        self.start_timeout_s = start_timeout_s
        self.record: ServerRecord | None = None
        self._process: subprocess.Popen[bytes] | None = None
        self._stopping = threading.Event()
        self._watcher: threading.Thread | None = None
        self.restarts = 0

    @property
    def base_url(self) -> str:
        if self.record is None:
            raise StoreUnavailableError("the engine is not started; call start() first")
        return self.record.base_url

    @property
    def owned(self) -> bool:
        """Whether this process started the server (and so stops and restarts it)."""
        return self._process is not None

    def start(self) -> EmbeddedEngine:
        """Attach to the folder's running server, or start one and supervise it."""
        self.folder.mkdir(parents=True, exist_ok=True)
        with self._folder_lock():
            existing = self._read_record()
            if existing and pid_alive(existing.pid):
                if pid_alive(existing.owner) and engine_answers(existing.base_url):
                    self.record = existing
                    return self
                # Its owner died (killed without a chance to clean up): adopt the folder.
                stop_orphan(existing.pid)
            self._spawn(free_port())
        self._watcher = threading.Thread(target=self._watch, name="oxigraph-watch", daemon=True)
        self._watcher.start()
        return self

    def stop(self) -> None:
        """Stop the server if we own it; just forget it otherwise."""
        self._stopping.set()
        process = self._process
        if process is not None:
            with self._folder_lock():
                self._terminate(process)
                record = self._read_record()
                if record and record.pid == process.pid:
                    self._record_path.unlink(missing_ok=True)
            self._process = None
        self.record = None

    @property
    def pid(self) -> int | None:
        """The id of the server process we own, or ``None``."""
        process = self._process
        return process.pid if process is not None else None

    def kill(self, pid: int) -> bool:
        """Kill the server we own if it is still process ``pid``; the watcher starts a fresh one.

        The engine does not notice a client that gave up, and its own time limit does not stop
        every query promptly (a cartesian ``COUNT`` can run on for minutes), so a query past its
        deadline is stopped this way. Transactions are atomic: an interrupted write is not applied.
        """
        process = self._process
        if process is None or process.pid != pid or process.poll() is not None:
            return False
        log.warning("killing oxigraph server (pid %s) to stop a query past its deadline", pid)
        process.kill()
        return True

    @property
    def _record_path(self) -> Path:
        return self.folder / "server.json"

    @contextlib.contextmanager
    def _folder_lock(self) -> Iterator[None]:
        with open(self.folder / "server.lock", "a+b") as handle:
            deadline = time.monotonic() + self.start_timeout_s
            while True:
                try:
                    fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    if time.monotonic() > deadline:
                        raise StoreLockedError(
                            f"{self.folder}: another process has held the store lock for "
                            f"{self.start_timeout_s:g} s (TIES_ENGINE_START_TIMEOUT); check for a "
                            f"stuck 'ties' process"
                        ) from None
                    time.sleep(0.05)
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)

    def _read_record(self) -> ServerRecord | None:
        try:
            data = json.loads(self._record_path.read_text())
            return ServerRecord(pid=int(data["pid"]), port=int(data["port"]), owner=int(data["owner"]))
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def _spawn(self, port: int) -> None:
        command = [
            oxigraph_binary(), "serve",
            "--location", str(self.folder / "oxigraph"),
            "--bind", f"127.0.0.1:{port}",
            "--union-default-graph",
            "--timeout-s", str(max(1, round(self.query_timeout_s))),
        ]
        log_file = open(self.folder / "server.log", "ab")  # noqa: SIM115 - the child keeps it open
        try:
            process = subprocess.Popen(  # noqa: S603 - fixed argument list, no shell
                command, stdout=log_file, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                start_new_session=True,  # a Ctrl-C for the CLI must not kill the engine mid-write
            )
        finally:
            log_file.close()
        record = ServerRecord(pid=process.pid, port=port, owner=os.getpid())
        self._wait_until_ready(process, record)
        self._process = process
        self.record = record
        self._record_path.write_text(json.dumps(record.__dict__))

    def _wait_until_ready(self, process: subprocess.Popen[bytes], record: ServerRecord) -> None:
        deadline = time.monotonic() + self.start_timeout_s
        while time.monotonic() < deadline:
            if process.poll() is not None:
                raise StoreLockedError(
                    f"{self.folder}: the oxigraph server exited at start (code {process.returncode}); "
                    f"see {self.folder / 'server.log'} - is another program using this folder?"
                )
            if engine_answers(record.base_url, timeout=0.5):
                return
            time.sleep(0.05)
        self._terminate(process)
        raise StoreUnavailableError(
            f"{self.folder}: the oxigraph server did not answer within {self.start_timeout_s:g} s "
            f"(TIES_ENGINE_START_TIMEOUT; a large store replays its write-ahead log first: raise the "
            f"limit); see {self.folder / 'server.log'}")

    def _watch(self) -> None:
        # Restart a dead server on the same port, so that other processes attached to it recover too.
        while not self._stopping.wait(WATCH_INTERVAL_SECONDS):
            process = self._process
            if process is None or process.poll() is None:
                continue
            log.warning("oxigraph server (pid %s) exited with %s; restarting", process.pid,
                        process.returncode)
            try:
                with self._folder_lock():
                    if not self._stopping.is_set():
                        self._respawn()
                        self.restarts += 1
            except Exception:  # keep supervising; the next loop tries again
                log.exception("could not restart the oxigraph server")

    def _respawn(self) -> None:
        if self.record is not None:
            with contextlib.suppress(StoreLockedError, StoreUnavailableError):
                self._spawn(self.record.port)
                return
        self._spawn(free_port())

    @staticmethod
    def _terminate(process: subprocess.Popen[bytes]) -> None:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=10)
