"""E-mails about registrations: queued in the caller's transaction, never committed here."""

from flask_babel import format_datetime
from flask_babel import gettext as _

from ..notifications.services import queue_mail
from ..urls import absolute_url
from .calendar import invitation


def local_text(moment) -> str:
    """A moment as Dutch text in Amsterdam time (the Babel default time zone)."""
    return format_datetime(moment, "d MMMM yyyy 'om' HH:mm")


def _send(registration, subject: str, template: str, attach: bool = False, **context) -> None:
    user, event = registration.user, registration.event
    if user is None or not user.is_active:
        return
    queue_mail(user.email, subject, template, attachments=[invitation(event)] if attach else None,
               recipient=user, event=event, registration=registration,
               starts=local_text(event.starts_at),
               url=absolute_url("events.detail", event_id=event.id), **context)


def registered(registration) -> None:
    """Confirmation with the event as .ics, or the waitlist notice."""
    title = registration.event.title
    if registration.status == "confirmed":
        _send(registration, _("Aanmelding bevestigd: %(title)s", title=title), "events_confirmed",
              attach=True)
    else:
        _send(registration, _("U staat op de wachtlijst: %(title)s", title=title), "events_waitlisted")


def offered(registration) -> None:
    _send(registration, _("Er is een plaats voor u vrij: %(title)s", title=registration.event.title),
          "events_offer", expires=local_text(registration.offer_expires_at),
          respond_url=absolute_url("events.offer", registration_id=registration.id))


def offer_expired(registration) -> None:
    _send(registration, _("Aanbod verlopen: %(title)s", title=registration.event.title),
          "events_offer_expired")


def cancelled(registration, by_organiser=None) -> None:
    _send(registration, _("Afmelding: %(title)s", title=registration.event.title), "events_cancelled",
          by_organiser=by_organiser)


def event_cancelled(registration) -> None:
    _send(registration, _("Bijeenkomst geannuleerd: %(title)s", title=registration.event.title),
          "events_event_cancelled", attach=True)
