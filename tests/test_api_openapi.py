"""The OpenAPI schema documents a response model for every lookup endpoint."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from api.settings import Settings

ENDPOINTS = {
    "/api/entities": "SearchResults",
    "/api/entities/{id}": "Entity",
    "/api/entities/{id}/neighbourhood": "NeighbourhoodGraph",
    "/api/paths": "Paths",
    "/api/timeline": "TimelineList",
    "/api/rankings": "Rankings",
    "/api/stats": "Stats",
}


@pytest.fixture(scope="module")
def schema() -> dict[str, Any]:
    # The schema is generated without a store: no lifespan is run.
    app = create_app(Settings(store="http://127.0.0.1:9"))
    document: dict[str, Any] = TestClient(app).get("/openapi.json").json()
    return document


@pytest.mark.parametrize(("path", "model"), ENDPOINTS.items())
def test_every_endpoint_has_a_response_model(schema: dict[str, Any], path: str, model: str) -> None:
    operation = schema["paths"][path]["get"]
    content = operation["responses"]["200"]["content"]["application/json"]["schema"]
    assert content == {"$ref": f"#/components/schemas/{model}"}
    component = schema["components"]["schemas"][model]
    assert component["type"] == "object" and component["properties"]
    assert "422" in operation["responses"] or path == "/api/stats"


def test_all_api_paths_are_listed(schema: dict[str, Any]) -> None:
    assert {p for p in schema["paths"] if p.startswith("/api/")} == set(ENDPOINTS)


def test_parameters_are_documented(schema: dict[str, Any]) -> None:
    params = {p["name"] for p in schema["paths"]["/api/paths"]["get"]["parameters"]}
    assert {"from", "to", "max_length", "predicates", "limit"} <= params
    neighbourhood = schema["paths"]["/api/entities/{id}/neighbourhood"]["get"]
    formats = next(p for p in neighbourhood["parameters"] if p["name"] == "format")
    assert set(formats["schema"]["enum"]) == {"json", "cytoscape", "nodelink", "graphml", "gexf", "dot"}
