"""Library pages (filled in by the library issue)."""
