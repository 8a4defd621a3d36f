import re

import pytest
from arq.connections import ArqRedis, RedisSettings
from arq.jobs import Job, JobStatus
from arq.worker import Worker
from httpx2 import AsyncClient

from .conftest import redis_server
from .jobs import build_report

pytestmark = pytest.mark.anyio


# --8<-- [start:queued]
async def test_endpoint_enqueues_the_job(client: AsyncClient, arq: ArqRedis) -> None:
    response = await client.post("/reports/7")
    assert response.status_code == 202

    queued = await arq.queued_jobs()  # (1)!
    assert [(job.function, job.args) for job in queued] == [("build_report", (7,))]

    job = Job(response.json()["job_id"], redis=arq)  # (2)!
    assert await job.status() == JobStatus.queued


# --8<-- [end:queued]
# --8<-- [start:worker]
async def test_worker_runs_the_enqueued_job(
    client: AsyncClient, arq: ArqRedis, redis_url: str
) -> None:
    response = await client.post("/reports/7")
    worker = Worker(
        functions=[build_report],
        redis_settings=RedisSettings.from_dsn(redis_url),  # (1)!
        burst=True,  # (2)!
        poll_delay=0,
        handle_signals=False,  # (3)!
    )
    try:
        assert await worker.run_check() == 1  # (4)!
    finally:
        await worker.pool.aclose()

    job = Job(response.json()["job_id"], redis=arq)
    assert await job.result(timeout=1) == "report:7"
    assert await arq.get("report:7") == b"report for user 7"
    assert await arq.queued_jobs() == []


# --8<-- [end:worker]
# --8<-- [start:close]
CLOSE_DEPRECATED = (
    "Call to deprecated close. (Use aclose() instead) "
    "-- Deprecated since version 5.0.1."
)


async def test_worker_close_calls_the_deprecated_close(
    arq: ArqRedis, redis_url: str
) -> None:
    assert await arq.queued_jobs() == []  # (1)!
    worker = Worker(
        functions=[build_report],
        redis_settings=RedisSettings.from_dsn(redis_url),
        burst=True,
        handle_signals=False,
    )
    assert await worker.run_check() == 0
    with pytest.warns(DeprecationWarning, match=re.escape(CLOSE_DEPRECATED)):
        await worker.close()  # (2)!


# --8<-- [end:close]


def test_redis_examples_skip_without_the_variable(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("REDIS_TEST_URL", raising=False)
    with pytest.raises(pytest.skip.Exception, match="set REDIS_TEST_URL"):
        redis_server()
