"""Webhooks: signed HTTP deliveries of a project's events, with retries and a delivery log."""
