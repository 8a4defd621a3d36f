import gc
import re
from collections.abc import Awaitable

import pytest
from httpx2 import AsyncClient, Response
from sqlalchemy.exc import MissingGreenlet, StatementError

pytestmark = pytest.mark.anyio
ORDER = {"customer": "ann", "skus": "basil,mint"}


# --8<-- [start:raises]
MESSAGE = (
    "(sqlalchemy.exc.MissingGreenlet) greenlet_spawn has not been called; "
    "can't call await_() here. Was IO attempted in an unexpected place?"
)


async def assert_missing_greenlet(request: Awaitable[Response]) -> None:
    # pytest.warns covers the whole block: the warning comes when gc.collect()
    # frees the traceback, which holds an unawaited coroutine of the driver.
    with pytest.warns(RuntimeWarning, match=r"^coroutine .* was never awaited$"):  # noqa: PT031 (1)!
        with pytest.raises(StatementError, match=f"^{re.escape(MESSAGE)}\n") as error:
            await request
        assert isinstance(error.value.orig, MissingGreenlet)  # (2)!
        del error
        gc.collect()


# --8<-- [end:raises]


# --8<-- [start:failures]
async def test_reading_an_attribute_expired_by_commit(client: AsyncClient) -> None:
    await assert_missing_greenlet(client.post("/orders", params=ORDER))


async def test_lazy_loading_a_relationship(client: AsyncClient) -> None:
    created = await client.post("/orders/kept", params=ORDER)
    path = f"/orders/{created.json()['id']}/skus"
    await assert_missing_greenlet(client.get(path))


# --8<-- [end:failures]


# --8<-- [start:fixes]
@pytest.mark.parametrize("path", ["/orders/refreshed", "/orders/kept"])
async def test_commit_fixes(client: AsyncClient, path: str) -> None:
    first = await client.post(path, params=ORDER)
    second = await client.post(path, params=ORDER)
    assert (first.json(), second.json()) == ({"id": 1}, {"id": 2})


@pytest.mark.parametrize("suffix", ["eager", "awaited"])
async def test_relationship_fixes(client: AsyncClient, suffix: str) -> None:
    created = await client.post("/orders/kept", params=ORDER)
    response = await client.get(f"/orders/{created.json()['id']}/skus/{suffix}")
    assert response.json() == ["basil", "mint"]


# --8<-- [end:fixes]
