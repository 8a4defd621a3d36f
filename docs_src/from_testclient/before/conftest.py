from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from .main import app, get_user


@pytest.fixture
def client() -> Iterator[TestClient]:
    with TestClient(app) as client:  # (1)!
        yield client


@pytest.fixture
def as_ada(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(app.dependency_overrides, get_user, lambda: "ada")  # (2)!
