"""What every test shares: one fixed instant instead of the machine's clock.

The portal's clock reads `ALME_FROZEN_NOW` at every call, and every process a test starts (the
command line, the production server of the browser tests) inherits it, so a whole run sees one
instant whatever the machine's date, time zone or day of the week. Set it yourself to run the
suite from another instant (`ALME_FROZEN_NOW=2026-12-05T10:00:00+01:00 make test` runs it on a
Saturday). Tests about the calendar set their own instants with `clock.use_clock`.

The event handlers are wired once, as the app and the command line wire them.

Hypothesis has no deadline: how long an example takes depends on the machine's load, and no
test here is timed.
"""

import os

from hypothesis import settings as hypothesis_settings

from alme_portal import bootstrap
from alme_portal.platform import settings

DEFAULT_TEST_NOW = "2026-11-25T10:00:00+01:00"
"""A Wednesday morning in Paris, away from public holidays and clock changes."""

os.environ.setdefault(settings.FROZEN_NOW_ENV, DEFAULT_TEST_NOW)
bootstrap.wire()

hypothesis_settings.register_profile("portal", deadline=None)
hypothesis_settings.load_profile("portal")
