import random

import pytest

EMAILS = [f"user{random.randrange(10**9)}@example.com" for _ in range(3)]


@pytest.mark.parametrize("email", EMAILS)  # different on every worker
def test_signup(email):
    assert "@" in email
