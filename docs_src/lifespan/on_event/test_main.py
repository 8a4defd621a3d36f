import pytest
from asgi_lifespan import LifespanManager
from httpx2 import ASGITransport, AsyncClient
from starlette.applications import Starlette

from .main import app
from .main_on_event import create_app

ON_EVENT_WARNING = (
    "on_event is deprecated, use lifespan event handlers instead. "
    "Read more about it in the "
    "[FastAPI docs for Lifespan Events](https://fastapi.tiangolo.com/advanced/events/)."
)


# --8<-- [start:deprecated]
@pytest.mark.anyio
async def test_on_event_still_runs_but_warns() -> None:
    with pytest.warns(DeprecationWarning, match="on_event is deprecated") as warnings:
        old_app = create_app()  # (1)!
    messages = [" ".join(str(w.message).split()) for w in warnings]
    assert messages == [ON_EVENT_WARNING] * 4  # (2)!
    async with LifespanManager(old_app) as manager:  # (3)!
        transport = ASGITransport(app=manager.app)
        async with AsyncClient(transport=transport, base_url="http://test") as client:
            response = await client.get("/stock/apples")
    assert response.json() == {"apples": 3}
    assert old_app.state.inventory.closed


def test_starlette_has_no_on_event() -> None:
    with pytest.raises(AttributeError) as error:
        Starlette().on_event  # noqa: B018 (4)!
    assert str(error.value) == "'Starlette' object has no attribute 'on_event'"


# --8<-- [end:deprecated]
# --8<-- [start:migrated]
@pytest.mark.anyio
async def test_lifespan_replaces_on_event() -> None:
    async with LifespanManager(app) as manager:
        transport = ASGITransport(app=manager.app)
        async with AsyncClient(transport=transport, base_url="http://test") as client:
            response = await client.get("/stock/apples")
    assert response.json() == {"apples": 3}


# --8<-- [end:migrated]
