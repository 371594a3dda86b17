"""`flask --app wsgi search ...` commands (filled in by the library issue)."""

from flask.cli import AppGroup

search_cli = AppGroup("search", help="The search index.")
