"""Return labels rendered per second (rule R3), PNG and PDF, in this process."""

from __future__ import annotations

import time
from datetime import date, timedelta
from typing import Any

from alme_portal.platform import settings
from alme_portal.returns.labels import ReturnLabel, render_pdf, render_png

DECLARED = date(2026, 11, 25)


def sample_label(index: int) -> ReturnLabel:
    """A Mondial Relay label like the portal's, with a distinct return number."""
    return ReturnLabel(
        return_number=f"RT-BR{index:06d}-1",
        parcel_reference=f"MR{index:08d}FR",
        carrier="mondial_relay",
        sender_name="Hélène Lefèvre",
        sender_address=("12 rue des Écoles", "75005 Paris", "France"),
        recipient=settings.ATELIER_RETURN_ADDRESS,
        declared_on=DECLARED,
        expires_on=DECLARED + timedelta(days=settings.LABEL_VALIDITY_DAYS),
        language="fr",
    )


def measure(count: int, warmup: int = 3) -> dict[str, Any]:
    """Render `count` labels of each format (after `warmup`) and time them.

    Returns:
        Per format: labels per second, milliseconds per label and the bytes of the last one.
    """
    figures: dict[str, Any] = {}
    for name, render in (("png", render_png), ("pdf", render_pdf)):
        for index in range(warmup):
            render(sample_label(index))
        started = time.perf_counter()
        for index in range(count):
            content = render(sample_label(index))
        seconds = time.perf_counter() - started
        figures[name] = {
            "count": count,
            "per_second": round(count / seconds, 1),
            "ms_per_label": round(seconds / count * 1e3, 2),
            "bytes": len(content),
        }
    return figures
