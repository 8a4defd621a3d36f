from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix="SHOP_",
        env_file=".env",  # (1)!
        env_ignore_empty=True,  # (2)!
    )

    api_token: str  # (3)!
    database_url: str = "postgresql://shop@db.internal/shop"
    smtp_host: str = ""  # (4)!


settings = Settings()  # (5)!
