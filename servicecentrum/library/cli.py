"""`flask --app wsgi library ...` commands (filled in by the library issue)."""

from flask.cli import AppGroup

library_cli = AppGroup("library", help="The library of practices.")
