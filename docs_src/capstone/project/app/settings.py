from fastapi import Request
from pydantic import SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="SHOP_")  # (1)!

    database_url: str = "sqlite+aiosqlite:///shop.db"
    api_token: SecretStr  # (2)!
    webhook_url: str = "https://hooks.example.com/shop"


def get_settings(request: Request) -> Settings:
    return request.app.state.settings  # (3)!
