"""Rule R3: prepaid returns followed back to the Atelier with Mondial Relay's tracing.

The status page asks the carrier live (through the shared, cached tracking service); the worker
asks about every return on its way and records its stage, so the Atelier console lists where
each one is without calling the carrier, and a return handed in at a relay point reads
"dropped off" before anyone at the Atelier scans it.
"""

from __future__ import annotations

import logging
from collections import Counter
from datetime import datetime, timedelta

from sqlmodel import Session, select

from alme_portal.adapters.carriers.http import CarrierError
from alme_portal.adapters.carriers.statuses import TrackingResult
from alme_portal.adapters.carriers.tracking import MONDIAL_RELAY, TrackingService
from alme_portal.platform import clock, db, settings
from alme_portal.platform.vocabulary import ReturnMethod, ReturnStatus
from alme_portal.returns.models import ReturnRequest
from alme_portal.returns.rules.parcel import ParcelStage, current_stage, parcel_progress

log = logging.getLogger(__name__)

ON_THE_WAY = (ReturnStatus.DECLARED, ReturnStatus.DROPPED_OFF)
"""Returns the Atelier has not received yet: their parcels are followed."""


def progress_of(result: TrackingResult) -> dict[ParcelStage, datetime]:
    """The stages a return parcel reached, by date, from what the carrier answered."""
    return parcel_progress((event.at, event.status.value, event.code) for event in result.events)


def live_progress(
    tracking: TrackingService, request: ReturnRequest
) -> dict[ParcelStage, datetime] | None:
    """A prepaid return's way so far, asked of the carrier now; None if it cannot be told."""
    if request.method != ReturnMethod.MONDIAL_RELAY or not request.parcel_reference:
        return None
    try:
        return progress_of(tracking.track(MONDIAL_RELAY, request.parcel_reference))
    except (CarrierError, ValueError) as error:
        log.info("return %s not tracked now: %s", request.number, error)
        return None


def parcels_on_their_way(session: Session) -> list[tuple[int, str]]:
    """(return id, expedition number) of every prepaid return not yet at the Atelier."""
    since = clock.now() - timedelta(days=settings.TRACKING_POLL_MAX_DAYS)
    return list(
        session.exec(
            select(ReturnRequest.id, ReturnRequest.parcel_reference)
            .where(
                ReturnRequest.method == ReturnMethod.MONDIAL_RELAY,
                ReturnRequest.status.in_(ON_THE_WAY),
                ReturnRequest.parcel_reference.is_not(None),
                ReturnRequest.declared_at >= since,
            )
            .order_by(ReturnRequest.id)
        )
    )


def record_stage(session: Session, return_id: int, progress: dict[ParcelStage, datetime]) -> str:
    """Keep where a return parcel stands; a parcel handed in makes the return dropped off.

    Returns:
        The stage recorded.
    """
    request = session.get(ReturnRequest, return_id)
    stage = current_stage(progress)
    request.parcel_stage, request.parcel_stage_at = stage, progress.get(stage)
    if request.status == ReturnStatus.DECLARED and ParcelStage.DROPPED_OFF in progress:
        request.status = ReturnStatus.DROPPED_OFF
    return stage


def follow_returns(tracking: TrackingService) -> Counter:
    """Ask the carrier about every prepaid return on its way and record its stage.

    Returns:
        How many were `asked`, how many are at each stage now, how many went `unanswered`.
    """
    with db.session_scope() as session:
        parcels = parcels_on_their_way(session)
    counts: Counter = Counter()
    for return_id, number in parcels:
        counts["asked"] += 1
        try:
            result = tracking.track(MONDIAL_RELAY, number)  # outside any transaction: HTTP
        except (CarrierError, ValueError) as error:
            log.info("return parcel %s not tracked now: %s", number, error)
            counts["unanswered"] += 1
            continue
        with db.session_scope(write=True) as session:
            counts[record_stage(session, return_id, progress_of(result))] += 1
    return counts
