"""Signals: anonymised observations from practice for the periodic report to the ministry."""
