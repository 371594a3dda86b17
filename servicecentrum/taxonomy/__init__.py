"""Shared taxonomy: themes, spearheads and FORUM programmes."""
