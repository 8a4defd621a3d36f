import pytest
from fastapi.testclient import TestClient

from .main import app


def test_testclient_in_a_with_block_runs_the_lifespan() -> None:
    with TestClient(app) as client:  # (1)!
        response = client.get("/stock/apples")
    assert response.json() == {"apples": 3}


def test_testclient_without_with_skips_the_lifespan() -> None:
    client = TestClient(app)  # (2)!
    with pytest.raises(AttributeError) as error:
        client.get("/stock/apples")
    assert str(error.value) == "'State' object has no attribute 'inventory'"
