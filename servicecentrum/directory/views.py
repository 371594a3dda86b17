"""Directory pages (filled in by the questions issue)."""
