"""Which provider refunds which payment method, and the clients configured from the settings."""

from __future__ import annotations

import functools
from dataclasses import dataclass

from alme_portal.adapters.payments.alma import ALMA_API_URL, AlmaClient
from alme_portal.adapters.payments.paypal import PAYPAL_API_URL, PayPalClient
from alme_portal.adapters.payments.stripe import STRIPE_API_URL, StripeClient
from alme_portal.platform import deployment, settings
from alme_portal.platform.vocabulary import PaymentMethod

STRIPE, PAYPAL, ALMA = "stripe", "paypal", "alma"
PROVIDER_OF_METHOD = {
    PaymentMethod.CARD: STRIPE,
    PaymentMethod.PAYPAL: PAYPAL,
    PaymentMethod.INSTALMENTS_3: ALMA,
    PaymentMethod.DEFERRED_15: ALMA,
    PaymentMethod.DEFERRED_30: ALMA,
}
"""Gift cards and credit notes are the portal's own: no provider."""
PROVIDER_NAMES = {STRIPE: "Stripe", PAYPAL: "PayPal", ALMA: "Alma"}


@dataclass(frozen=True)
class Providers:
    """One client per payment provider."""

    stripe: StripeClient
    paypal: PayPalClient
    alma: AlmaClient


def _url(env_name: str, real_url: str, simulator_path: str) -> str:
    """The configured URL; else the real API in production, the simulator in the demo."""
    if deployment.is_production():
        return settings.carrier_setting(env_name, real_url)
    simulator = settings.carrier_setting(settings.SIMULATOR_URL_ENV, settings.DEFAULT_SIMULATOR_URL)
    return settings.carrier_setting(env_name, simulator.rstrip("/") + simulator_path)


def _setting(env_name: str, default: str) -> str:
    return settings.carrier_setting(env_name, default)


def default_providers() -> Providers:
    """New clients for the three providers, configured from the settings."""
    return Providers(
        StripeClient(
            _url(settings.STRIPE_URL_ENV, STRIPE_API_URL, "/stripe"),
            _setting(settings.STRIPE_SECRET_KEY_ENV, settings.DEFAULT_STRIPE_SECRET_KEY),
        ),
        PayPalClient(
            _url(settings.PAYPAL_URL_ENV, PAYPAL_API_URL, "/paypal"),
            _setting(settings.PAYPAL_CLIENT_ID_ENV, settings.DEFAULT_PAYPAL_CLIENT_ID),
            _setting(settings.PAYPAL_SECRET_ENV, settings.DEFAULT_PAYPAL_SECRET),
            _setting(settings.PAYPAL_WEBHOOK_ID_ENV, settings.DEFAULT_PAYPAL_WEBHOOK_ID),
        ),
        AlmaClient(
            _url(settings.ALMA_URL_ENV, ALMA_API_URL, "/alma"),
            _setting(settings.ALMA_API_KEY_ENV, settings.DEFAULT_ALMA_API_KEY),
        ),
    )


@functools.cache
def shared_providers() -> Providers:
    """The providers' clients of this process (an `httpx.Client` is costly to make)."""
    return default_providers()


def stripe_webhook_secret() -> str:
    """The secret Stripe signs this endpoint's webhooks with."""
    return _setting(settings.STRIPE_WEBHOOK_SECRET_ENV, settings.DEFAULT_STRIPE_WEBHOOK_SECRET)


def alma_api_key() -> str:
    """Alma's API key (it also keys the IPN signatures)."""
    return _setting(settings.ALMA_API_KEY_ENV, settings.DEFAULT_ALMA_API_KEY)
