import hashlib
from pathlib import Path

import pytest
from httpx2 import AsyncClient

from . import main

pytestmark = pytest.mark.anyio


# --8<-- [start:storage]
@pytest.fixture
def storage(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(main, "STORAGE", tmp_path)
    return tmp_path  # (1)!


async def test_upload_is_stored(client: AsyncClient, storage: Path) -> None:
    content = bytes(range(256)) * 1024  # (2)!
    files = {"file": ("data.bin", content, "application/octet-stream")}
    response = await client.put("/files/data.bin", files=files)

    stored = (storage / "data.bin").read_bytes()  # (3)!
    assert stored == content
    assert response.json() == {
        "name": "data.bin",
        "size": len(content),
        "sha256": hashlib.sha256(content).hexdigest(),
    }


# --8<-- [end:storage]
