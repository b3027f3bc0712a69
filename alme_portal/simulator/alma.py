"""Simulated Alma: payments with their refunds, and the signed IPN back to the portal.

`POST /v1/payments/{id}/refund` answers the updated Payment with a `refunds[]` entry carrying
the `merchant_reference` (Alma has no idempotency header: the client reads the payment before
sending again). The IPN is `GET <callback>?pid=<id>` with `X-Alma-Signature`, hex
HMAC-SHA256 of the payment id keyed by the merchant's API key.
"""

from __future__ import annotations

import json
import time

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from alme_portal.adapters.payments.alma import ipn_signature
from alme_portal.simulator.payments import book_of, deliver, hold_if_timeout, next_fault


def _authorised(request: Request) -> bool:
    return request.headers.get("Authorization") == f"Alma-Auth {request.app.state.alma_key}"


def _unauthorised() -> JSONResponse:
    return JSONResponse({"message": "Credentials invalid or not supplied"}, 401)


def _payment(request: Request, payment_id: str) -> dict:
    refunds = book_of(request).alma_refunds.get(payment_id, [])
    refunded = sum(r["amount"] for r in refunds)
    limit = book_of(request).limits.get(payment_id)
    return {
        "id": payment_id,
        "state": "in_progress",
        "currency": "EUR",
        "purchase_amount": limit,
        "installments_count": 3,
        "refunds": refunds,
        "payment_plan": [],
        "refunded_amount": refunded,
    }


async def get_payment(request: Request) -> Response:
    """`GET /v1/payments/{payment_id}`."""
    if not _authorised(request):
        return _unauthorised()
    payment_id = request.path_params["payment_id"]
    if not payment_id.startswith("payment_"):
        return JSONResponse({"message": "Not found", "error_code": "not_found"}, 404)
    return JSONResponse(_payment(request, payment_id))


async def refund(request: Request) -> Response:
    """`POST /v1/payments/{payment_id}/refund` (JSON `amount`, `merchant_reference`)."""
    if not _authorised(request):
        return _unauthorised()
    payment_id = request.path_params["payment_id"]
    fault = next_fault(request, "alma")
    kind = fault.kind if fault else ""
    if kind in ("429", "500", "502", "503", "409"):
        return JSONResponse({"message": "Server error", "error_code": "server_error"}, int(kind))
    if kind in ("402", "declined"):
        return JSONResponse({"message": "Payment problem", "error_code": "payment_error"}, 402)
    if not payment_id.startswith("payment_"):
        return JSONResponse({"message": "Not found", "error_code": "not_found"}, 404)
    try:
        body = json.loads(await request.body())
        amount = int(body["amount"])
    except (ValueError, KeyError, TypeError):
        amount = 0
        body = {}
    book = book_of(request)
    if amount < 1 or not book.take(payment_id, amount):
        error = {"field": "amount", "error_code": "invalid_value", "value": amount}
        return JSONResponse({"error_code": "validation_error", "errors": [error]}, 400)
    entry = {
        "id": book.new_id("refund_"),
        "amount": amount,
        "created": int(time.time()),
        "merchant_reference": body.get("merchant_reference"),
        "payment": payment_id,
        "payment_refund_amount": amount,
        "rebate_amount": 0,
        "from_payment_cancellation": False,
    }
    with book.lock:
        book.alma_refunds.setdefault(payment_id, []).append(entry)
    key = request.app.state.alma_key
    deliver(
        request,
        "alma",
        lambda: (f"?pid={payment_id}", {"X-Alma-Signature": ipn_signature(payment_id, key)}, None),
        method="GET",
    )
    await hold_if_timeout(fault)
    return JSONResponse(_payment(request, payment_id))
