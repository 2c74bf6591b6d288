"""Shared fixtures: a real Oxigraph server per test session, a fresh store folder where needed."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from graph.store import Store, open_store

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")


def require_tool(name: str, how: str) -> str:
    """The path of an outside tool; locally a skip naming how to install it, under CI a failure."""
    found = shutil.which(name)
    if found:
        return found
    message = f"{name} is not installed ({how})"
    if IN_CI:
        pytest.fail(f"{message}; .ci/run must install it")
    pytest.skip(message)


@pytest.fixture(scope="session")
def session_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    """One embedded store shared by tests that only read or write their own graphs."""
    with open_store(tmp_path_factory.mktemp("store"), query_timeout_s=10) as store:
        yield store


@pytest.fixture()
def store(tmp_path: Path) -> Iterator[Store]:
    """A fresh embedded store in its own folder."""
    with open_store(tmp_path / "store", query_timeout_s=10) as fresh:
        yield fresh


def run_ties(*args: str, store: Path | str | None = None, stdin: str | None = None,
             env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run the real ``ties`` console script in a subprocess."""
    command = [str(Path(sys.executable).parent / "ties")]
    if store is not None:
        command += ["--store", str(store)]
    full_env = {**os.environ, **(env or {})}
    return subprocess.run(command + list(args), input=stdin, capture_output=True, text=True,
                          env=full_env, timeout=120, check=False)
