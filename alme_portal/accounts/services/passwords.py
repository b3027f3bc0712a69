"""Password hashing with Argon2id (argon2-cffi defaults: the RFC 9106 low-memory profile)."""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

_hasher = PasswordHasher()


def hash_password(plain: str) -> str:
    """Return the Argon2id hash of a password, salted afresh on every call.

    Args:
        plain: the password as the person typed it (never stored).

    Returns:
        The encoded hash, `$argon2id$v=19$...`, safe to store.
    """
    return _hasher.hash(plain)


def verify_password(hashed: str, plain: str) -> bool:
    """Tell whether a password matches a stored hash.

    Args:
        hashed: the stored hash, as returned by `hash_password`.
        plain: the password to check.

    Returns:
        True when it matches; False when it does not or when the stored value is not a hash.
    """
    try:
        return _hasher.verify(hashed, plain)
    except (VerificationError, InvalidHashError):  # a mismatch is a VerificationError
        return False


def needs_rehash(hashed: str) -> bool:
    """Tell whether a stored hash was made with weaker parameters than today's.

    Args:
        hashed: the stored hash; re-hash the password at the next successful login when True.
    """
    return _hasher.check_needs_rehash(hashed)
