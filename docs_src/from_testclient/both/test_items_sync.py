from fastapi.testclient import TestClient


def test_create_item_needs_a_user(client: TestClient) -> None:
    response = client.post("/items", json={"name": "lamp"})
    assert response.status_code == 401


def test_read_missing_item(client: TestClient) -> None:
    response = client.get("/items/99")
    assert response.status_code == 404
