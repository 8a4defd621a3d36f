import pytest
from fastapi.testclient import TestClient

from .main import app, get_user


# --8<-- [start:unauthenticated]
def test_create_item_needs_a_user(client: TestClient) -> None:
    response = client.post("/items", json={"name": "lamp"})
    assert response.status_code == 401


def test_read_missing_item(client: TestClient) -> None:
    response = client.get("/items/99")
    assert response.status_code == 404


# --8<-- [end:unauthenticated]
# --8<-- [start:create]
def test_create_then_read(client: TestClient, as_ada: None) -> None:
    created = client.post("/items", json={"name": "lamp"})
    assert created.json()["owner"] == "ada"
    response = client.get(f"/items/{created.json()['id']}")
    assert response.json() == {"name": "lamp"}


# --8<-- [end:create]
# --8<-- [start:override]
def test_override_in_the_test(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(app.dependency_overrides, get_user, lambda: "grace")
    response = client.post("/items", json={"name": "desk"})
    assert response.json()["owner"] == "grace"


# --8<-- [end:override]
