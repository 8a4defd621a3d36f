import hmac
from typing import Annotated

from fastapi import Depends, HTTPException
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from .settings import Settings, get_settings

bearer = HTTPBearer(auto_error=False)


async def require_token(
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
    settings: Annotated[Settings, Depends(get_settings)],
) -> None:
    expected = settings.api_token.get_secret_value()
    if credentials is None or not hmac.compare_digest(  # (1)!
        credentials.credentials.encode(), expected.encode()
    ):
        raise HTTPException(
            401, "Missing or wrong token", headers={"WWW-Authenticate": "Bearer"}
        )
