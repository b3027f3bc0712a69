"""Where each tab's state is kept between events: Reflex's disk manager, scanned less often.

Reflex's disk state manager looks for expired tab states (one `stat` per saved file) every time
a debounced write falls due, that is several times a second once a hundred tabs are busy: under
100 paced wizard sessions that scan was half the worker's CPU (py-spy, bench/report.md). Files
expire after an hour, so looking once a minute deletes them no later in any way that matters.
"""

import time

import reflex as rx
from reflex.istate.manager.disk import StateManagerDisk

from alme_portal.platform import settings


class DiskStatesPurgedPeriodically(StateManagerDisk):
    """The disk state manager, looking for expired tab states at most once per interval."""

    purge_interval_s: float = settings.TAB_STATES_PURGE_SECONDS
    _last_purge: float | None = None

    def _purge_expired_states(self) -> None:
        now = time.monotonic()
        if self._last_purge is not None and now - self._last_purge < self.purge_interval_s:
            return
        self._last_purge = now
        super()._purge_expired_states()


def use_periodic_purge(app: rx.App) -> None:
    """Give `app` the periodically purged disk manager when it keeps tab states on disk."""
    if type(app._state_manager) is StateManagerDisk:
        app._state_manager = DiskStatesPurgedPeriodically()
