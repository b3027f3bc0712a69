"""Simulated PayPal: OAuth2 token, capture refunds (Payments v2), webhook and its verification.

A refund answers 201 `COMPLETED` and posts `PAYMENT.CAPTURE.REFUNDED` with the five
transmission headers. The simulator signs with an HMAC of PayPal's signed message
(`id|time|webhook_id|crc32`) instead of PayPal's RSA key: the portal never checks the
signature itself but asks `verify-webhook-signature`, which answers as PayPal's does.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import secrets
import uuid
from datetime import UTC, datetime

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from alme_portal.platform.money import parse_decimal
from alme_portal.simulator.payments import (
    Stored,
    book_of,
    deliver,
    hold_if_timeout,
    next_fault,
    remember,
    replay,
)

SIGNING_KEY = secrets.token_bytes(32)


def _error(status: int, name: str, issue: str = "", message: str = "") -> JSONResponse:
    body = {
        "name": name,
        "message": message or name.replace("_", " ").capitalize(),
        "debug_id": uuid.uuid4().hex[:13],
    }
    if issue:
        body["details"] = [{"issue": issue}]
    return JSONResponse(body, status)


async def token(request: Request) -> Response:
    """`POST /v1/oauth2/token`: Basic client_id:secret, grant_type=client_credentials."""
    expected = base64.b64encode(request.app.state.paypal_credentials.encode()).decode()
    if request.headers.get("Authorization") != f"Basic {expected}":
        return JSONResponse(
            {"error": "invalid_client", "error_description": "Client Authentication failed"}, 401
        )
    if "grant_type=client_credentials" not in (await request.body()).decode():
        return JSONResponse({"error": "unsupported_grant_type"}, 400)
    access = f"A21AA{secrets.token_urlsafe(24)}"
    book_of(request).tokens.add(access)
    return JSONResponse(
        {
            "scope": "https://uri.paypal.com/services/payments/refund",
            "access_token": access,
            "token_type": "Bearer",
            "expires_in": 32400,
            "app_id": "APP-SIM",
            "nonce": uuid.uuid4().hex,
        }
    )


def _authorised(request: Request) -> bool:
    header = request.headers.get("Authorization", "")
    return header.startswith("Bearer ") and header[7:] in book_of(request).tokens


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _webhook(request: Request, event_type: str, resource: dict) -> None:
    app = request.app

    def make():
        event = {
            "id": f"WH-{uuid.uuid4().hex[:17].upper()}",
            "event_version": "1.0",
            "create_time": _now(),
            "resource_type": "refund",
            "resource_version": "2.0",
            "event_type": event_type,
            "summary": f"A {event_type.lower()} event",
            "resource": resource,
        }
        body = json.dumps(event).encode()
        transmission, at = str(uuid.uuid4()), _now()
        crc = binascii.crc32(body) & 0xFFFFFFFF
        message = f"{transmission}|{at}|{app.state.paypal_webhook_id}|{crc}".encode()
        signature = base64.b64encode(hmac.new(SIGNING_KEY, message, hashlib.sha256).digest())
        book_of(request).transmissions[transmission] = signature.decode()
        headers = {
            "PAYPAL-TRANSMISSION-ID": transmission,
            "PAYPAL-TRANSMISSION-TIME": at,
            "PAYPAL-TRANSMISSION-SIG": signature.decode(),
            "PAYPAL-AUTH-ALGO": "SHA256withRSA",
            "PAYPAL-CERT-URL": "https://api-m.sandbox.paypal.com/v1/notifications/certs/CERT-SIM",
            "Content-Type": "application/json",
        }
        return "", headers, body

    deliver(request, "paypal", make)


async def refund_capture(request: Request) -> Response:
    """`POST /v2/payments/captures/{capture_id}/refund` (JSON; empty body = what is left)."""
    if not _authorised(request):
        return _error(401, "AUTHENTICATION_FAILURE", message="Authentication failed")
    capture = request.path_params["capture_id"]
    raw = await request.body()
    try:
        body = json.loads(raw) if raw else {}
    except ValueError:
        return _error(400, "INVALID_REQUEST", "MALFORMED_REQUEST_JSON")
    key = request.headers.get("PayPal-Request-Id")
    book = book_of(request)
    fault = next_fault(request, "paypal")
    kind = fault.kind if fault else ""
    if kind in ("409", "429", "500", "503"):
        names = {
            "409": "RESOURCE_CONFLICT",
            "429": "RATE_LIMIT_REACHED",
            "500": "INTERNAL_SERVER_ERROR",
            "503": "SERVICE_UNAVAILABLE",
        }
        issue = "PREVIOUS_REQUEST_IN_PROGRESS" if kind == "409" else ""
        return _error(int(kind), names[kind], issue)
    stored = replay(book, "paypal", key, {"capture": capture, **body})
    if stored == "in_progress":
        return _error(409, "RESOURCE_CONFLICT", "PREVIOUS_REQUEST_IN_PROGRESS")
    if isinstance(stored, Stored):
        return JSONResponse(stored.body, stored.status)
    status, answer = _refund(book, capture, body, kind)
    remember(book, "paypal", key, {"capture": capture, **body}, status, answer)
    if status == 201:
        book.refunds[answer["id"]] = answer
        _webhook(request, "PAYMENT.CAPTURE.REFUNDED", answer)
    await hold_if_timeout(fault)
    return JSONResponse(answer, status)


def _refund(book, capture: str, body: dict, kind: str) -> tuple[int, dict]:
    if kind in ("402", "declined"):
        return 422, json.loads(
            _error(422, "UNPROCESSABLE_ENTITY", "REFUND_FAILED_INSUFFICIENT_FUNDS").body
        )
    amount = body.get("amount") or {}
    cents = parse_decimal(amount.get("value"))
    if cents is None or cents < 1 or amount.get("currency_code") != "EUR":
        return 422, json.loads(_error(422, "UNPROCESSABLE_ENTITY", "INVALID_PARAMETER_VALUE").body)
    if not book.take(capture, cents):
        return 422, json.loads(_error(422, "UNPROCESSABLE_ENTITY", "REFUND_AMOUNT_EXCEEDED").body)
    refund_id = book.new_id("7SIM")
    return 201, {
        "id": refund_id,
        "status": "COMPLETED",
        "amount": amount,
        "invoice_id": body.get("invoice_id"),
        "note_to_payer": body.get("note_to_payer"),
        "seller_payable_breakdown": {"gross_amount": amount, "total_refunded_amount": amount},
        "create_time": _now(),
        "update_time": _now(),
        "links": [
            {"href": f"/v2/payments/refunds/{refund_id}", "rel": "self", "method": "GET"},
            {"href": f"/v2/payments/captures/{capture}", "rel": "up", "method": "GET"},
        ],
    }


async def get_refund(request: Request) -> Response:
    """`GET /v2/payments/refunds/{refund_id}`."""
    if not _authorised(request):
        return _error(401, "AUTHENTICATION_FAILURE")
    refund = book_of(request).refunds.get(request.path_params["refund_id"])
    return (
        JSONResponse(refund) if refund else _error(404, "RESOURCE_NOT_FOUND", "INVALID_RESOURCE_ID")
    )


async def verify_signature(request: Request) -> Response:
    """`POST /v1/notifications/verify-webhook-signature`: SUCCESS for this simulator's own."""
    if not _authorised(request):
        return _error(401, "AUTHENTICATION_FAILURE")
    data = await request.json()
    event = data.get("webhook_event")
    known = book_of(request).transmissions.get(str(data.get("transmission_id")))
    ok = known is not None and hmac.compare_digest(known, str(data.get("transmission_sig", "")))
    if ok and isinstance(event, dict):
        crc = binascii.crc32(json.dumps(event).encode()) & 0xFFFFFFFF
        message = (
            f"{data['transmission_id']}|{data.get('transmission_time')}|"
            f"{data.get('webhook_id')}|{crc}"
        ).encode()
        expected = base64.b64encode(hmac.new(SIGNING_KEY, message, hashlib.sha256).digest())
        ok = hmac.compare_digest(expected.decode(), known)
    return JSONResponse({"verification_status": "SUCCESS" if ok else "FAILURE"})
