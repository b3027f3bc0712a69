"""Sending the outbox: composing each e-mail, handing it to SMTP, retries, bounces, unsubscribes."""
