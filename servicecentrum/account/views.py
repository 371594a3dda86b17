"""Account pages (filled in by the accounts issue)."""
