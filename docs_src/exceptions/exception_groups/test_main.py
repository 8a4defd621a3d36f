import pytest
from httpx2 import AsyncClient


@pytest.mark.anyio
async def test_total_of_known_skus(client: AsyncClient) -> None:
    response = await client.get("/basket", params={"skus": "basil,mint"})
    assert response.json() == {"total": 5}


# --8<-- [start:group]
@pytest.mark.anyio
async def test_unknown_sku_raises_a_group_holding_the_key_error(
    client: AsyncClient,
) -> None:
    with pytest.RaisesGroup(pytest.RaisesExc(KeyError, match="thyme")):  # (1)!
        await client.get("/basket", params={"skus": "basil,thyme"})


# --8<-- [end:group]


# --8<-- [start:message]
@pytest.mark.anyio
async def test_group_message_names_no_error(client: AsyncClient) -> None:
    with pytest.raises(ExceptionGroup) as error:  # (1)!
        await client.get("/basket", params={"skus": "thyme"})
    message = str(error.value)
    assert message == "unhandled errors in a TaskGroup (1 sub-exception)"  # (2)!
    assert [type(exc) for exc in error.value.exceptions] == [KeyError]


# --8<-- [end:message]
