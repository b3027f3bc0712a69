"""A real Redis server on loopback for the tests (Debian's, installed by `make test`)."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

import pytest

from bench import scaled


@contextmanager
def redis_server(folder: Path) -> Iterator[str]:
    """Start a throwaway Redis (no persistence) in `folder`; yield its URL; stop it."""
    binary = os.environ.get("ALME_REDIS_SERVER") or shutil.which("redis-server")
    if not binary:
        pytest.fail("redis-server is not installed: `make test` installs it (scripts/find-redis)")
    with ExitStack() as stack:
        try:
            url = stack.enter_context(scaled.redis_server(folder, binary))
        except RuntimeError as error:  # it did not start
            pytest.fail(str(error))
        yield url
