import gc
import warnings

import pytest
from sqlalchemy.exc import MissingGreenlet

from .conftest import postgresql_server
from .main import make_engine


# --8<-- [start:asyncpg]
def test_asyncpg_cannot_serve_a_sync_engine() -> None:
    engine = make_engine("postgresql+asyncpg://postgres@127.0.0.1/app")  # (1)!
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # asyncpg's connect() never ran
        with pytest.raises(
            MissingGreenlet,
            match="greenlet_spawn has not been called; can't call await_",
        ):
            engine.connect()  # (2)!
        gc.collect()
    engine.dispose()


# --8<-- [end:asyncpg]
def test_postgresql_examples_skip_without_the_variable(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("POSTGRESQL_TEST_URL", raising=False)
    with pytest.raises(pytest.skip.Exception, match="set POSTGRESQL_TEST_URL"):
        postgresql_server()
