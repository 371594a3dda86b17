"""E-mail outbox and the notification centre (in-site notifications, per-kind mail choices).

The blueprint lives in ``views`` (imported by the app factory only), so that importing
``notifications.services`` for ``queue_mail`` never pulls in the pages.
"""
