"""Payment providers behind adapters: Stripe (cards), PayPal, Alma (instalments, deferred)."""
