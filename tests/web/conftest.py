import pytest


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    # Lockout tests log in dozens of times; PBKDF2's deliberate slowness
    # would cost seconds per attempt and prove nothing here.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
