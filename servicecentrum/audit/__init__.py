"""Append-only audit log of security-relevant events."""
