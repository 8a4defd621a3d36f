from pathlib import Path

import pytest
from asgi_lifespan import LifespanManager
from httpx2 import ASGITransport, AsyncClient

from .main import app


@pytest.mark.anyio
async def test_real_session_dependency(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DATABASE_URL", f"sqlite+aiosqlite:///{tmp_path}/wiring.db")
    async with LifespanManager(app) as manager:  # (1)!
        transport = ASGITransport(app=manager.app)
        async with AsyncClient(transport=transport, base_url="http://test") as client:
            created = await client.post("/items", json={"name": "Pen", "price": 150})
            response = await client.get(f"/items/{created.json()['id']}")
            missing = await client.get("/items/999")
    assert response.json() == {"id": 1, "name": "Pen", "price": 150}
    assert missing.status_code == 404
