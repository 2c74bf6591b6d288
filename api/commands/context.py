"""What every ``ties`` command reads from the command line's context: the settings and the store."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import typer

from api.settings import Settings
from graph.store import Store, open_store


def settings_for(ctx: typer.Context) -> Settings:
    """The settings with the global ``--store`` applied."""
    settings: Settings = ctx.obj
    return settings


@contextmanager
def store_for(ctx: typer.Context) -> Iterator[Store]:
    """The store the settings name, opened for one command and closed after it."""
    settings = settings_for(ctx)
    with open_store(settings.store, query_timeout_s=settings.query_timeout,
                    start_timeout_s=settings.engine_start_timeout) as store:
        yield store
