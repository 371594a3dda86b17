"""Satisfaction surveys: one short rating per service received (a ticket, later an event)."""
