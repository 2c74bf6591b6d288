"""Bearer-token authorisation of writes (SPARQL Update and Graph Store PUT/POST/DELETE).

Writes are off unless ``TIES_UPDATE_TOKEN`` is set; then a request needs
``Authorization: Bearer <token>``, compared in constant time.
"""

from __future__ import annotations

import secrets

from fastapi import HTTPException

from api.settings import Settings


def updates_enabled(settings: Settings) -> bool:
    """Whether a non-empty update token is configured."""
    return settings.update_token is not None and bool(settings.update_token.get_secret_value())


def require_update_token(settings: Settings, authorization: str | None) -> None:
    """Return when the request may write; raise 403 (writes off) or 401 (no or wrong token)."""
    if settings.update_token is None or not updates_enabled(settings):
        raise HTTPException(403, "updates are disabled on this service; its operator enables them "
                                 "by setting TIES_UPDATE_TOKEN")
    scheme, _, given = (authorization or "").partition(" ")
    expected = settings.update_token.get_secret_value().encode("utf-8")
    if scheme.lower() != "bearer" or not secrets.compare_digest(given.strip().encode("utf-8"), expected):
        raise HTTPException(401, "updates need the header 'Authorization: Bearer <TIES_UPDATE_TOKEN>'",
                            headers={"WWW-Authenticate": 'Bearer realm="defence-ties"'})
