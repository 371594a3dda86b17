"""The dashboard's table builders, one module per subject (see reports/tables.py)."""

from . import events, helpdesk, library, members, resolution, satisfaction  # noqa: F401
