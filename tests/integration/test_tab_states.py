"""Tab states kept on disk are scanned for expiry once a minute, not at every write."""

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from alme_portal.platform import settings
from alme_portal.state.tab_states import DiskStatesPurgedPeriodically

ROOT = Path(__file__).resolve().parents[2]
HOUR_AND_A_HALF_AGO = time.time() - 5400


@pytest.fixture
def states_dir(tmp_path, monkeypatch):
    folder = tmp_path / "states"
    monkeypatch.setenv("REFLEX_STATES_WORKDIR", str(folder))
    return folder


def _expired_state(folder: Path, name: str) -> Path:
    folder.mkdir(exist_ok=True)
    path = folder / f"{name}.pkl"
    path.write_bytes(b"old tab")
    os.utime(path, (HOUR_AND_A_HALF_AGO, HOUR_AND_A_HALF_AGO))
    return path


def test_expired_tab_states_go_at_start_up_then_once_per_interval(states_dir):
    first = _expired_state(states_dir, "first")
    manager = DiskStatesPurgedPeriodically(token_expiration=3600)
    assert not first.exists()

    second = _expired_state(states_dir, "second")
    manager._purge_expired_states()  # what Reflex calls whenever a queued write falls due
    assert second.exists()

    manager._last_purge -= settings.TAB_STATES_PURGE_SECONDS
    manager._purge_expired_states()
    assert not second.exists()


def test_a_tab_state_younger_than_the_expiry_stays(states_dir):
    manager = DiskStatesPurgedPeriodically(token_expiration=3600)
    states_dir.mkdir(exist_ok=True)
    live = states_dir / "live.pkl"
    live.write_bytes(b"tab")
    os.utime(live, (time.time(), time.time()))  # the clock the purge reads, not the disk's
    manager._last_purge -= settings.TAB_STATES_PURGE_SECONDS
    manager._purge_expired_states()
    assert live.exists()


def test_the_portal_keeps_its_tab_states_with_the_periodic_purge(tmp_path):
    shown = subprocess.run(
        [sys.executable, "-c",
         "from alme_portal.alme_portal import app; print(type(app._state_manager).__name__)"],
        cwd=ROOT, capture_output=True, text=True, timeout=120, check=True,
        env={"PATH": os.environ["PATH"], "HOME": str(tmp_path),
             "REFLEX_STATES_WORKDIR": str(tmp_path / "states")},
    )  # fmt: skip
    assert shown.stdout.strip().splitlines()[-1] == DiskStatesPurgedPeriodically.__name__
