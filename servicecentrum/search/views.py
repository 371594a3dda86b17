"""Unified search page (filled in by the library issue)."""
