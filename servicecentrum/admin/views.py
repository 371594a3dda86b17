"""Admin screens (filled in by the accounts issue)."""
