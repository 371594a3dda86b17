"""E-mails and notifications about registrations: queued in the caller's transaction, never committed here.

Confirmations of what the member did themselves are plain e-mails; news the member did not
cause (a free seat, a changed or cancelled event) goes through the notification centre, so
their choice per kind decides whether it is also mailed.
"""

from flask_babel import format_datetime
from flask_babel import gettext as _

from ..i18n import times_for
from ..notifications.centre import notify
from ..notifications.services import queue_mail
from ..urls import absolute_url
from .calendar import invitation


def local_text(moment) -> str:
    """A moment as Dutch text in the current zone (the recipient's inside times_for)."""
    return format_datetime(moment, "d MMMM yyyy 'om' HH:mm")


def _send(registration, subject: str, template: str, attach: bool = False, **context) -> None:
    user, event = registration.user, registration.event
    if user is None or not user.is_active:
        return
    with times_for(user):
        queue_mail(user.email, subject, template, attachments=[invitation(event)] if attach else None,
                   recipient=user, event=event, registration=registration,
                   starts=local_text(event.starts_at),
                   url=absolute_url("events.detail", event_id=event.id), **context)


def _notify(registration, kind: str, text: str, subject: str, template: str, attach: bool = False,
            **context) -> None:
    user, event = registration.user, registration.event
    with times_for(user):
        notify([user], kind, text, f"/bijeenkomsten/{event.id}", subject=("event", event.id),
               mail_template=template, mail_subject=subject,
               mail_attachments=[invitation(event)] if attach else None, event=event,
               registration=registration, starts=local_text(event.starts_at),
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
    """Offer a freed seat to a member on the waitlist (a notification, mailed as they chose)."""
    title = registration.event.title
    if registration.user is None:
        return
    with times_for(registration.user):
        expires = local_text(registration.offer_expires_at)
    _notify(registration, "waitlist_offer",
            _("Er is een plaats voor u vrij bij '%(title)s'; reageer vóór %(expires)s", title=title,
              expires=expires),
            _("Er is een plaats voor u vrij: %(title)s", title=title),
            "events_offer", expires=expires,
            respond_url=absolute_url("events.offer", registration_id=registration.id))


def offer_expired(registration) -> None:
    _send(registration, _("Aanbod verlopen: %(title)s", title=registration.event.title),
          "events_offer_expired")


def cancelled(registration, by_organiser=None) -> None:
    """Confirm a cancellation; when the organiser cancelled it, the member is notified."""
    title = registration.event.title
    if by_organiser is None:
        _send(registration, _("Afmelding: %(title)s", title=title), "events_cancelled", by_organiser=None)
        return
    _notify(registration, "event_change", _("De organisatie heeft u afgemeld voor '%(title)s'", title=title),
            _("Afmelding: %(title)s", title=title), "events_cancelled", by_organiser=by_organiser)


def event_cancelled(registration) -> None:
    """Tell a registered or waiting member that the event is off (with the .ics that removes it)."""
    title = registration.event.title
    _notify(registration, "event_change", _("De bijeenkomst '%(title)s' gaat niet door", title=title),
            _("Bijeenkomst geannuleerd: %(title)s", title=title), "events_event_cancelled", attach=True)


def describe_changes(event, changed: set[str]) -> str:
    """Say in Dutch what changed about the time or place of an event ("" when neither did)."""
    parts = []
    if changed & {"starts_at", "ends_at"}:
        parts.append(_("nieuwe tijd %(starts)s", starts=local_text(event.starts_at)))
    if changed & {"location", "online_url"}:
        place = event.location or event.online_url or _("online")
        parts.append(_("nieuwe locatie %(location)s", location=place))
    return "; ".join(parts)


def event_changed(registration, changes: str) -> None:
    """Tell a registered or waiting member that the time or place of the event changed."""
    title = registration.event.title
    _notify(registration, "event_change", _("De bijeenkomst '%(title)s' is gewijzigd: %(changes)s",
                                            title=title, changes=changes),
            _("Bijeenkomst gewijzigd: %(title)s", title=title), "events_event_changed", attach=True,
            changes=changes)
