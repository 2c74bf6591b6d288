"""A real ``ties serve`` in a subprocess on 127.0.0.1, for the SPARQL endpoint tests."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx

from graph.store.engine import free_port

TOKEN = "test-token-5f2c"  # noqa: S105 - a test token for a loopback service


@dataclass
class Service:
    """A running service: its base URL, store folder, log and process id."""

    url: str
    store: Path
    log: Path
    pid: int

    @property
    def engine_pid(self) -> int:
        """The pid of the Oxigraph server the service started (it changes when restarted)."""
        return int(json.loads((self.store / "server.json").read_text())["pid"])

    def wait_healthy(self, timeout: float = 30.0) -> None:
        """Wait until ``/health`` says the store answers."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"{self.url}/health", timeout=2).json().get("store"):
                    return
            except (httpx.HTTPError, ValueError):
                pass
            time.sleep(0.1)
        raise AssertionError(f"service not healthy; log:\n{self.log.read_text()[-3000:]}")


@contextmanager
def running_service(folder: Path, **settings: str) -> Iterator[Service]:
    """Start ``ties serve`` with ``TIES_*`` settings (``query_timeout="2"`` etc.) and stop it after."""
    folder.mkdir(parents=True, exist_ok=True)
    port = free_port()
    env = {key: value for key, value in os.environ.items() if not key.startswith("TIES_")}
    env.update({"TIES_STORE": str(folder / "store"), "TIES_QUERY_TIMEOUT": "2"})
    env.update({f"TIES_{key.upper()}": value for key, value in settings.items()})
    log = folder / "serve.log"
    with open(log, "wb") as out:
        process = subprocess.Popen(
            [str(Path(sys.executable).parent / "ties"), "serve", "--host", "127.0.0.1", "--port", str(port)],
            env=env, stdout=out, stderr=subprocess.STDOUT)
    service = Service(f"http://127.0.0.1:{port}", folder / "store", log, process.pid)
    try:
        service.wait_healthy()
        yield service
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def cpu_seconds(pid: int) -> float:
    """User + system CPU time a process has used so far (0 once it is gone)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
