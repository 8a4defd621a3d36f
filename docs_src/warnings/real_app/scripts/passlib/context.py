"""A stand-in for passlib's `passlib.context`, as passlib is not installed here.

Importing the real passlib 1.7 on Python 3.11 or 3.12 imports the standard
library's `crypt` module, which warns; the warning is attributed to passlib's own
module. This file does the same, with the same message.
"""

import hashlib
import warnings

warnings.warn(
    "'crypt' is deprecated and slated for removal in Python 3.13",
    DeprecationWarning,
    stacklevel=1,
)


class CryptContext:
    def __init__(self, schemes: list[str]) -> None:
        self.schemes = schemes

    def hash(self, secret: str) -> str:
        return hashlib.sha256(secret.encode()).hexdigest()

    def verify(self, secret: str, hashed: str) -> bool:
        return self.hash(secret) == hashed
