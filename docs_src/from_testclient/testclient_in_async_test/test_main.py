import asyncio
import re
import threading

import pytest
from fastapi.testclient import TestClient

from .main import app


def test_sync_test_drives_the_app() -> None:
    client = TestClient(app)
    assert client.get("/thread").status_code == 200


@pytest.mark.anyio
async def test_testclient_runs_the_app_in_another_thread() -> None:
    client = TestClient(app)
    response = client.get("/thread")  # (1)!
    assert response.json()["thread_id"] != threading.get_ident()


# --8<-- [start:pinned]
@pytest.mark.parametrize("anyio_backend", ["asyncio"])  # futures belong to asyncio
@pytest.mark.anyio
async def test_testclient_cannot_await_this_loops_objects(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    future = asyncio.get_running_loop().create_future()
    monkeypatch.setattr(app.state, "pending_reply", future, raising=False)
    client = TestClient(app)
    with pytest.raises(RuntimeError) as error:
        client.get("/reply")
    assert re.fullmatch(
        r"Task <Task pending name='anyio.from_thread.BlockingPortal._call_func' .*>"
        r" got Future <Future pending> attached to a different loop",
        str(error.value),
    )
    # --8<-- [end:pinned]
