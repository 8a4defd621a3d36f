import anyio
import pytest
from asgi_lifespan import LifespanManager

from .main import failing_app, slow_shutdown_app, slow_startup_app


# --8<-- [start:failure]
@pytest.mark.anyio
async def test_failing_startup_raises_in_the_test() -> None:
    # asyncio raises the error itself; trio wraps it in an ExceptionGroup.
    with pytest.RaisesGroup(  # (1)!
        pytest.RaisesExc(RuntimeError, match=r"^inventory unavailable$"),
        allow_unwrapped=True,
    ):
        async with LifespanManager(failing_app):
            ...  # never reached


@pytest.mark.parametrize("anyio_backend", ["trio"])
@pytest.mark.anyio
async def test_trio_wraps_the_startup_error() -> None:
    with pytest.raises(ExceptionGroup) as error:
        async with LifespanManager(failing_app):
            ...  # never reached
    assert str(error.value) == "Exceptions from Trio nursery (1 sub-exception)"
    assert [str(e) for e in error.value.exceptions] == ["inventory unavailable"]


# --8<-- [end:failure]
# --8<-- [start:startup_timeout]
# Not on trio, where the timeout does not stop the startup (next test).
@pytest.mark.parametrize("anyio_backend", ["asyncio"])
@pytest.mark.anyio
async def test_slow_startup_hits_startup_timeout() -> None:
    with pytest.raises(TimeoutError) as error:
        async with LifespanManager(slow_startup_app, startup_timeout=0.05):  # (1)!
            ...  # never reached
    assert str(error.value) == ""  # (2)!


@pytest.mark.parametrize("anyio_backend", ["trio"])
@pytest.mark.anyio
async def test_slow_startup_on_trio_waits_instead(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(slow_startup_app.state, "startup_done", False, raising=False)
    with anyio.move_on_after(0.5) as guard:  # (3)!
        async with LifespanManager(slow_startup_app, startup_timeout=0.05):
            ...  # never reached
    assert slow_startup_app.state.startup_done  # (4)!
    assert guard.cancelled_caught


# --8<-- [end:startup_timeout]
# --8<-- [start:shutdown_timeout]
@pytest.mark.anyio
async def test_slow_shutdown_hits_shutdown_timeout() -> None:
    with pytest.RaisesGroup(
        pytest.RaisesExc(TimeoutError, match=r"^$"), allow_unwrapped=True
    ):
        async with LifespanManager(slow_shutdown_app, shutdown_timeout=0.05):
            pass  # startup succeeded; the error comes on the way out


# --8<-- [end:shutdown_timeout]
