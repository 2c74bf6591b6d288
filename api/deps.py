"""FastAPI dependencies: settings and the store, shared by every router."""

from __future__ import annotations

import threading
from typing import Annotated

from fastapi import Depends, Request

from api.settings import Settings, get_settings
from graph.changes import ChangeCache, store_signal
from graph.store import Store

SettingsDep = Annotated[Settings, Depends(get_settings)]


def get_store(request: Request) -> Store:
    """The store opened when the application started."""
    store: Store = request.app.state.store
    return store


StoreDep = Annotated[Store, Depends(get_store)]


# -- lookups: one store-changed cache per application (label index, rankings, stats) ------------
_change_cache_lock = threading.Lock()


def get_change_cache(request: Request, settings: SettingsDep) -> ChangeCache:
    """The application's cache of values recomputed only when the store changed."""
    with _change_cache_lock:
        cache: ChangeCache | None = getattr(request.app.state, "change_cache", None)
        if cache is None:
            store = get_store(request)
            cache = ChangeCache(lambda: store_signal(store), background=True,
                                check_interval_s=settings.change_check_interval)
            request.app.state.change_cache = cache
    return cache


ChangeCacheDep = Annotated[ChangeCache, Depends(get_change_cache)]
