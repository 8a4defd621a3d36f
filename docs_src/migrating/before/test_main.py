import importlib
import re
import sys
from types import ModuleType

import pytest
from asgi_lifespan import LifespanManager
from httpx2 import ASGITransport, AsyncClient

ON_EVENT_DEPRECATED = "on_event is deprecated, use lifespan event handlers instead."


def import_old_app() -> ModuleType:
    sys.modules.pop(f"{__package__}.main", None)  # (1)!
    return importlib.import_module(".main", __package__)


def test_on_event_is_deprecated() -> None:
    with pytest.warns(DeprecationWarning, match=re.escape(ON_EVENT_DEPRECATED)):
        import_old_app()


@pytest.mark.anyio
async def test_old_app_still_runs_its_startup_handler() -> None:
    with pytest.warns(DeprecationWarning, match=re.escape(ON_EVENT_DEPRECATED)):
        app = import_old_app().app
    async with LifespanManager(app) as manager:  # (2)!
        transport = ASGITransport(app=manager.app)
        async with AsyncClient(transport=transport, base_url="http://test") as client:
            response = await client.get("/price/basil")
    assert response.json() == {"price": 3}
