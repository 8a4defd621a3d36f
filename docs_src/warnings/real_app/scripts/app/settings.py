from starlette.config import Config

config = Config(".env")  # warns when there is no .env file
SECRET_KEY = config("SECRET_KEY")
