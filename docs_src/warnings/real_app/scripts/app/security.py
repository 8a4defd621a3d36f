import jwt
from passlib.context import CryptContext

from .settings import SECRET_KEY

passwords = CryptContext(schemes=["sha256_crypt"])


def create_token(username: str) -> str:
    return jwt.encode({"sub": username}, SECRET_KEY, algorithm="HS256")


def read_token(token: str) -> str:
    return jwt.decode(token, SECRET_KEY, algorithms=["HS256"])["sub"]
