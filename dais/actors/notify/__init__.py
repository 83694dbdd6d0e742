"""Notifications: in-app, email and webhook channels."""
