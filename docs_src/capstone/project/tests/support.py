"""Helpers for the fixtures in conftest.py."""

import os
from dataclasses import dataclass, field

import pytest
from httpx2 import Request, Response
from sqlalchemy import make_url


@dataclass
class FakeWebhook:
    """Stands in for the webhook receiver: records each request, answers 204."""

    requests: list[Request] = field(default_factory=list)

    def handle(self, request: Request) -> Response:
        self.requests.append(request)
        return Response(204)


def postgresql_server() -> str:
    server = os.environ.get("POSTGRESQL_TEST_URL")
    if not server:
        pytest.skip(
            "set POSTGRESQL_TEST_URL to a PostgreSQL server the tests may create "
            "databases on, e.g. postgresql://postgres@127.0.0.1:5432/postgres"
        )
    url = make_url(server).set(drivername="postgresql")
    return url.render_as_string(hide_password=False)
