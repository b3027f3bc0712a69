"""Simulated La Poste Suivi v2: `GET /laposte/suivi/v2/idships/{ids}` (reference §1)."""

from __future__ import annotations

import asyncio
import re
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from alme_portal.adapters.carriers.statuses import LAPOSTE_PARTNER_CODES, laposte_code
from alme_portal.platform import clock
from alme_portal.platform.vocabulary import Carrier
from alme_portal.simulator import variants
from alme_portal.simulator.faults import Fault, board_of
from alme_portal.simulator.scenarios import Scenario, SimEvent, scenarios_at

VALID_ID = re.compile(r"^\w{11,15}$")
FINAL_CODES = {"DI1", "DI2"}
STEP_OF_CODE = {"DR1": 1, "PC1": 2, "PC2": 2, "MD2": 4, "ND1": 4, "AG1": 4, "RE1": 4}
STEP_OF_CODE |= {"DI1": 5, "DI2": 5}
STEP_LABELS = {
    1: "Votre colis est entre nos mains.",
    2: "Il est en chemin.",
    3: "Votre colis est arrivé sur son site de livraison.",
    4: "Nous préparons votre colis pour sa livraison.",
    5: "Votre colis a été livré",
}
"""Timeline `shortLabel`s of reference Example A; a step not reached yet has none."""
LABELS = {
    "DR1": "Votre Colissimo va bientôt nous être confié ! Il est en cours de préparation chez "
    "votre expéditeur.",
    "PC1": "Votre colis a été déposé dans un point postal.",
    "PC2": "Votre colis a été pris en charge dans le pays d'expédition.",
    "ET1": "Votre colis est en transit sur nos plateformes logistiques.",
    "ET2": "Votre colis est en cours de traitement dans le pays d'expédition.",
    "ET3": "Votre colis est en cours de traitement dans le pays de destination.",
    "ET4": "Votre colis est en cours de traitement dans un pays de transit.",
    "EP1": "Votre colis est en attente de présentation.",
    "DO1": "Votre colis est entré en douane.",
    "DO2": "Votre colis est sorti de la douane.",
    "DO3": "Votre colis est retenu en douane.",
    "PB1": "Votre colis a rencontré un problème.",
    "PB2": "Le problème rencontré par votre colis est résolu.",
    "MD2": "Votre colis est dans le site de livraison qui dessert votre adresse. Nous le "
    "préparons pour le mettre en livraison.",
    "ND1": "Votre colis n'a pas pu être livré.",
    "AG1": "Votre colis est disponible dans votre point de retrait pendant un délai de 10 jours "
    "ouvrables.",
    "RE1": "Votre colis est retourné à l'expéditeur.",
    "DI1": "Votre colis est livré.",
    "DI2": "Votre colis a été livré à l'expéditeur.",
}
UNAUTHORIZED = {"code": "UNAUTHORIZED", "message": "This action requires an authorization"}
TOO_MANY = {
    "code": "TOO_MANY_REQUESTS",
    "message": "Rate limited, max quota reached (100 calls per 1s) (TOO_MANY_REQUESTS).",
}
UNAVAILABLE = {
    "code": "SERVICE_UNAVAILABLE",
    "message": "The service is currently unavailable (SERVICE_UNAVAILABLE).",
}
INVALID = "Le numéro que vous avez saisi n'est pas valide. Nous vous invitons à vérifier votre "
INVALID += "saisie, en particulier le nombre de caractères."
NOT_YET = "Votre suivi n'est pas encore disponible. Si vous avez déposé votre envoi, les "
NOT_YET += "informations de suivi peuvent être affichées avec un délai, veuillez réessayer "
NOT_YET += "ultérieurement."


def _iso(moment) -> str:
    return clock.in_paris(moment).isoformat(timespec="seconds")


def _event(index: int, event: SimEvent) -> dict[str, Any]:
    """One `event[]` entry; a partner code comes as `status`, with neither `code` nor `order`."""
    label = event.label or LABELS.get(laposte_code(event.code), "")
    body = {"label": label, "date": _iso(event.at)}
    if event.code in LAPOSTE_PARTNER_CODES:
        return {"status": event.code} | body
    return {"order": 100 - index, "code": event.code} | body


def _timeline(events: tuple[SimEvent, ...], final: bool) -> list[dict[str, Any]]:
    reached = max((STEP_OF_CODE.get(laposte_code(e.code), 3) for e in events), default=0)
    steps = []
    for step in range(1, 6):
        label = STEP_LABELS[step] if step <= reached else ""
        entry = {"id": step, "shortLabel": label, "longLabel": "", "status": step <= reached,
                 "type": 1, "country": "FR"}  # fmt: skip
        if step == 1 and events:
            entry["date"] = _iso(events[0].at)
        if step == 5 and final:
            entry["date"] = _iso(events[-1].at)
        steps.append(entry)
    return steps


def _shipment(story: Scenario) -> dict[str, Any]:
    events = story.events
    last = laposte_code(events[-1].code) if events else ""
    final = last in FINAL_CODES
    shipment: dict[str, Any] = {
        "idShip": story.number,
        "holder": 3 if story.carrier == Carrier.CHRONOPOST else 4,
        "product": "chronopost" if story.carrier == Carrier.CHRONOPOST else "colissimo",
        "isFinal": final,
        "timeline": _timeline(events, final),
        "event": [_event(index, e) for index, e in enumerate(reversed(events))],
        "contextData": {
            "deliveryChoice": {"deliveryChoice": 0},
            "originCountry": "FR",
            "arrivalCountry": story.destination,
        },
        "url": f"https://www.laposte.fr/outils/suivre-vos-envois?code={story.number}",
        "notifAvailable": True,  # an extra field clients must ignore
    }
    if events:
        shipment["entryDate"] = _iso(events[0].at)
    if last == "DI1":
        shipment["deliveryDate"] = _iso(events[-1].at)
    if story.removal_point:
        point, name = story.removal_point
        shipment["contextData"]["removalPoint"] = {"name": name, "type": "BDP", "idPoint": point}
    if story.estimate and not final:
        start, end = (clock.in_paris(moment) for moment in story.estimate)
        midnight = start.replace(hour=0, minute=0, second=0, microsecond=0)
        shipment |= {"estimDate": _iso(midnight), "estimHourMin": _iso(start),
                     "estimHourMax": _iso(end)}  # fmt: skip
    return shipment


def envelope(number: str, lang: str, stories: dict[str, Scenario]) -> tuple[int, dict]:
    """Return (HTTP status alone, unitary envelope) for one asked id."""
    base = {"lang": lang, "scope": "open"}
    if not VALID_ID.match(number):
        return 400, base | {"returnCode": 400, "returnMessage": INVALID, "idShip": number}
    story = stories.get(number)
    if story is None or story.carrier == Carrier.MONDIAL_RELAY or not story.events:
        return 404, base | {"returnCode": 104, "returnMessage": NOT_YET, "idShip": number}
    return 200, base | {"returnCode": 200, "shipment": _shipment(story)}


async def fault_response(fault: Fault) -> Response | None:
    """Return the La Poste gateway's answer for a fault; None lets the call go on (slow)."""
    headers = {} if fault.retry_after is None else {"Retry-After": f"{fault.retry_after:g}"}
    if fault.kind == "slow":
        await asyncio.sleep(fault.delay)
        return None
    if fault.kind == "429":
        return JSONResponse(TOO_MANY, status_code=429, headers=headers)
    if fault.kind == "503":
        return JSONResponse(UNAVAILABLE, status_code=503, headers=headers)
    if fault.kind == "500":
        body = {"returnCode": 500, "returnMessage": "Internal Server Error", "lang": "fr_FR"}
        return JSONResponse(body | {"scope": "open"}, status_code=500)
    return Response('{"lang":"fr_FR","scope":"open","returnCode":200,"shipment":{"idSh',
                    media_type="application/json")  # fmt: skip


async def idships(request: Request) -> Response:
    """Answer one to ten comma-separated ids: 200 bare object for one, 207 array for several."""
    fault = board_of(request).next_call("laposte")
    if fault is not None:
        answer = await fault_response(fault)
        if answer is not None:
            return answer
    if len(request.headers.get("X-Okapi-Key", "")) != 64:
        return JSONResponse(UNAUTHORIZED, status_code=401)
    lang = request.query_params.get("lang", "fr_FR")
    ids = request.path_params["ids"].split(",")
    if len(ids) > 10:
        body = {"returnCode": 400, "lang": lang, "scope": "open"}
        body["returnMessage"] = "Votre requête est incorrecte. Veuillez la ressaisir en "
        body["returnMessage"] += "respectant le format."
        return JSONResponse(body, status_code=400)
    stories = scenarios_at(request.app.state.now())
    answers = [envelope(number, lang, stories) for number in ids]
    if len(answers) == 1:
        status, body = answers[0]
        story = stories.get(ids[0])
        if status == 200 and variants.LP_ARRAY in story.variants:
            return JSONResponse([body])
        return JSONResponse(body, status_code=status)
    return JSONResponse([body for _, body in answers], status_code=207)
