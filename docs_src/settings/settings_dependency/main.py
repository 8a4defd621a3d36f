from functools import lru_cache
from typing import Annotated

from fastapi import Depends, FastAPI, HTTPException
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="SHOP_")  # (1)!

    currency: str = "EUR"
    maintenance: bool = False


@lru_cache
def get_settings() -> Settings:
    return Settings()  # (2)!


app = FastAPI()


@app.get("/info")
async def info(settings: Annotated[Settings, Depends(get_settings)]) -> dict[str, str]:
    if settings.maintenance:
        raise HTTPException(503, "Down for maintenance")
    return {"currency": settings.currency}
