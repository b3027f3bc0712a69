"""Simulated Stripe: `POST /v1/refunds`, `GET /v1/refunds/{id}`, Checkout Sessions, webhooks.

Card refunds answer `pending` and settle by webhook (`refund.updated`, or `refund.failed` for a
`declined` fault) as real card refunds may. `Idempotency-Key` replays the first answer (same
parameters), answers 400 `idempotency_error` for other parameters and 409
`idempotency_key_in_use` while the first call runs. A Checkout Session's `url` opens a page
with one button that pays it and posts `checkout.session.completed`.
"""

from __future__ import annotations

import json
import time
from html import escape
from urllib.parse import parse_qsl

from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse, Response

from alme_portal.adapters.payments.stripe import sign
from alme_portal.platform import settings
from alme_portal.simulator.payments import (
    Stored,
    book_of,
    deliver,
    hold_if_timeout,
    next_fault,
    remember,
    replay,
)


def _error(status: int, kind: str, code: str, message: str) -> JSONResponse:
    return JSONResponse({"error": {"type": kind, "code": code, "message": message}}, status)


def _authorised(request: Request) -> bool:
    return request.headers.get("Authorization") == f"Bearer {request.app.state.stripe_key}"


def _event(request: Request, kind: str, obj: dict, key: str | None = None) -> None:
    def make():
        body = json.dumps(
            {
                "id": book_of(request).new_id("evt_"),
                "object": "event",
                "type": kind,
                "api_version": settings.STRIPE_API_VERSION,
                "created": int(time.time()),
                "livemode": False,
                "pending_webhooks": 1,
                "request": {"id": None, "idempotency_key": key},
                "data": {"object": obj},
            }
        ).encode()
        secret = request.app.state.stripe_webhook_secret
        headers = {
            "Stripe-Signature": sign(body, secret, int(request.app.state.now().timestamp())),
            "Content-Type": "application/json",
        }
        return "", headers, body

    deliver(request, "stripe", make)


async def _fault_answer(request: Request, route: str):
    fault = next_fault(request, route)
    if fault is None or fault.kind == "timeout":
        return fault, None
    if fault.kind == "409":
        return fault, _error(409, "invalid_request_error", "lock_timeout", "Try again later.")
    if fault.kind == "429":
        return fault, _error(429, "invalid_request_error", "rate_limit", "Too many requests.")
    if fault.kind in ("500", "503"):
        return fault, _error(int(fault.kind), "api_error", "", "An unknown error occurred.")
    return fault, None


async def create_refund(request: Request) -> Response:
    """`POST /v1/refunds` (form): refund part of a PaymentIntent."""
    if not _authorised(request):
        return _error(401, "invalid_request_error", "", "Invalid API Key provided.")
    form = dict(parse_qsl((await request.body()).decode()))
    key = request.headers.get("Idempotency-Key")
    book = book_of(request)
    fault, answer = await _fault_answer(request, "stripe")
    if answer is not None:
        return answer
    stored = replay(book, "stripe", key, form)
    if stored == "in_progress":
        return _error(
            409,
            "idempotency_error",
            "idempotency_key_in_use",
            "There is currently another in-progress request using this key.",
        )
    if stored == "mismatch":
        return _error(
            400,
            "idempotency_error",
            "",
            "Keys for idempotent requests can only be "
            "used with the same parameters they were first used with.",
        )
    if isinstance(stored, Stored):
        return JSONResponse(stored.body, stored.status, headers={"Idempotent-Replayed": "true"})
    status, body = _refund(request, form, fault.kind if fault else "")
    remember(book, "stripe", key, form, status, body)
    if status == 200:
        kind = "refund.failed" if fault and fault.kind == "declined" else "refund.updated"
        final = dict(body, status="failed" if kind == "refund.failed" else "succeeded")
        if kind == "refund.failed":
            final["failure_reason"] = "expired_or_canceled_card"
        book.refunds[body["id"]] = final
        _event(request, kind, final, key)
    await hold_if_timeout(fault)
    return JSONResponse(body, status)


def _refund(request: Request, form: dict[str, str], fault: str) -> tuple[int, dict]:
    intent, amount = form.get("payment_intent", ""), form.get("amount", "")
    if fault == "402":
        return 402, {
            "error": {
                "type": "card_error",
                "code": "card_declined",
                "decline_code": "generic_decline",
                "message": "The card was declined.",
            }
        }
    if not intent.startswith("pi_"):
        return 404, {
            "error": {
                "type": "invalid_request_error",
                "code": "resource_missing",
                "param": "payment_intent",
                "message": f"No such payment_intent: '{intent}'",
            }
        }
    if not amount.isdigit() or int(amount) < 1:
        return 400, {
            "error": {
                "type": "invalid_request_error",
                "code": "parameter_invalid_integer",
                "param": "amount",
                "message": "Invalid integer: amount",
            }
        }
    if not book_of(request).take(intent, int(amount)):
        return 400, {
            "error": {
                "type": "invalid_request_error",
                "code": "amount_too_large",
                "message": "Refund amount is greater than unrefunded amount.",
            }
        }
    refund_id = book_of(request).new_id("re_")
    metadata = {k[9:-1]: v for k, v in form.items() if k.startswith("metadata[")}
    return 200, {
        "id": refund_id,
        "object": "refund",
        "amount": int(amount),
        "currency": "eur",
        "payment_intent": intent,
        "charge": intent.replace("pi_", "ch_", 1),
        "status": "pending",
        "pending_reason": "processing",
        "reason": form.get("reason"),
        "metadata": metadata,
        "created": int(time.time()),
        "destination_details": {"type": "card", "card": {"type": "refund"}},
    }


async def get_refund(request: Request) -> Response:
    """`GET /v1/refunds/{id}`."""
    if not _authorised(request):
        return _error(401, "invalid_request_error", "", "Invalid API Key provided.")
    refund = book_of(request).refunds.get(request.path_params["refund_id"])
    if refund is None:
        return _error(404, "invalid_request_error", "resource_missing", "No such refund")
    return JSONResponse(refund)


async def create_session(request: Request) -> Response:
    """`POST /v1/checkout/sessions` (form): a hosted page paying one amount."""
    if not _authorised(request):
        return _error(401, "invalid_request_error", "", "Invalid API Key provided.")
    fault, answer = await _fault_answer(request, "stripe-checkout")
    if answer is not None:
        return answer
    form = dict(parse_qsl((await request.body()).decode()))
    book = book_of(request)
    session_id = book.new_id("cs_test_")
    base = str(request.url).split("/v1/checkout/sessions")[0]
    session = {
        "id": session_id,
        "object": "checkout.session",
        "mode": form.get("mode"),
        "status": "open",
        "payment_status": "unpaid",
        "currency": "eur",
        "amount_total": int(form.get("line_items[0][price_data][unit_amount]", "0")),
        "client_reference_id": form.get("client_reference_id"),
        "metadata": {k[9:-1]: v for k, v in form.items() if k.startswith("metadata[")},
        "success_url": form.get("success_url"),
        "cancel_url": form.get("cancel_url"),
        "name": form.get("line_items[0][price_data][product_data][name]", ""),
        "url": f"{base}/pay/{session_id}",
        "payment_intent": None,
        "expires_at": int(time.time()) + 86400,
    }
    book.sessions[session_id] = session
    await hold_if_timeout(fault)
    return JSONResponse({k: v for k, v in session.items() if k != "name"})


PAY_PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Pay {amount}</title>
<style>body{{font-family:system-ui;max-width:28rem;margin:3rem auto;padding:0 1rem}}
button{{font-size:1.1rem;padding:.8rem 1.4rem;background:#635bff;color:#fff;border:0;
border-radius:6px}}</style></head><body><p>Payment simulator (Stripe Checkout stand-in)</p>
<h1>{name}</h1><p>Amount: <strong>{amount}</strong></p>
<form method="post"><button type="submit">Pay {amount}</button></form></body></html>"""


async def pay_page(request: Request) -> Response:
    """The hosted payment page: `GET` shows it, `POST` pays (test card) and goes back."""
    book = book_of(request)
    session = book.sessions.get(request.path_params["session_id"])
    if session is None or session["status"] == "expired":
        return HTMLResponse("<h1>This payment link has expired.</h1>", 404)
    amount = f"€{session['amount_total'] / 100:.2f}"
    if request.method == "GET":
        return HTMLResponse(PAY_PAGE.format(amount=amount, name=escape(session["name"])))
    if session["status"] == "open":
        session.update(status="complete", payment_status="paid", payment_intent=book.new_id("pi_"))
        _event(
            request, "checkout.session.completed", {k: v for k, v in session.items() if k != "name"}
        )
    return RedirectResponse(session["success_url"], 303)
