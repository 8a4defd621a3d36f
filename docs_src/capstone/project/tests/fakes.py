from dataclasses import dataclass, field

from httpx2 import Request, Response


@dataclass
class FakeWebhook:
    """Stands in for the webhook receiver: records each request, answers 204."""

    requests: list[Request] = field(default_factory=list)

    def handle(self, request: Request) -> Response:
        self.requests.append(request)
        return Response(204)
