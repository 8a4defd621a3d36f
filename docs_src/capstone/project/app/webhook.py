from typing import Annotated

from fastapi import Depends, Request
from httpx2 import AsyncBaseTransport, AsyncClient

from .settings import Settings


def create_webhook_client(
    settings: Settings,
    transport: AsyncBaseTransport | None = None,  # (1)!
) -> AsyncClient:
    return AsyncClient(base_url=settings.webhook_url, timeout=5.0, transport=transport)


async def get_webhook(request: Request) -> AsyncClient:
    return request.app.state.webhook


Webhook = Annotated[AsyncClient, Depends(get_webhook)]


async def notify(webhook: AsyncClient, event: str, item_id: int) -> None:
    response = await webhook.post("/events", json={"event": event, "id": item_id})
    response.raise_for_status()  # (2)!
