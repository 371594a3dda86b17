"""Member organisations: municipalities and other local bodies."""
