"""A freed seat offered to the first on the waitlist: see it, accept it or decline it."""

from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user
from flask_wtf import FlaskForm

from ..database import utcnow
from ..extensions import db
from ..policies import can_respond_to_offer
from . import booking, bp
from .mails import local_text
from .models import Registration


class OfferForm(FlaskForm):
    """Accept or decline: only the CSRF token travels."""


def _own_registration(registration_id: int) -> Registration:
    """The member's own registration, with an offer whose time is up already passed on."""
    registration = db.session.get(Registration, registration_id)
    if registration is None or registration.user_id != current_user.id:
        abort(404)
    now = utcnow()
    if registration.status == "offered" and registration.offer_expires_at <= now:
        booking.expire_offers(now)  # lazily, in case cron has not run yet
        db.session.refresh(registration)
    return registration


def _is_open(registration) -> bool:
    return (can_respond_to_offer(current_user, registration)
            and registration.event.status == "published"
            and registration.offer_expires_at > utcnow())


def _closed_message(registration) -> str:
    if registration.event.status == "cancelled":
        return _("Deze bijeenkomst is geannuleerd. U kunt de plaats niet meer aannemen.")
    messages = {
        "confirmed": _("U heeft deze plaats al aangenomen. U bent aangemeld voor de bijeenkomst."),
        "expired": _("Dit aanbod is verlopen: u heeft niet op tijd gereageerd. De plaats is naar de "
                     "volgende op de wachtlijst gegaan."),
        "declined": _("U heeft dit aanbod afgeslagen. De plaats is naar de volgende op de wachtlijst "
                      "gegaan."),
        "waitlisted": _("U staat op de wachtlijst. Er is op dit moment geen plaats voor u vrij; komt er "
                        "een plaats vrij, dan krijgt u een e-mail."),
    }
    return messages.get(registration.status, _("U bent afgemeld voor deze bijeenkomst. Dit aanbod geldt "
                                               "niet meer."))


def _render(registration, status: int = 200, message: str | None = None):
    is_open = _is_open(registration)
    return render_template(
        "events/offer.html", registration=registration, event=registration.event, is_open=is_open,
        message=message or (None if is_open else _closed_message(registration)),
        starts=local_text(registration.event.starts_at),
        expires=local_text(registration.offer_expires_at) if registration.offer_expires_at else None,
        form=OfferForm()), status


@bp.get("/aanbod/<int:registration_id>")
def offer(registration_id: int):
    """The offer: the event, until when the seat is held, and the two buttons."""
    return _render(_own_registration(registration_id))


@bp.post("/aanbod/<int:registration_id>/aannemen")
def offer_accept(registration_id: int):
    """Take the offered seat."""
    registration = _own_registration(registration_id)
    if not _is_open(registration):
        return _render(registration, 409)
    try:
        booking.accept_offer(registration, utcnow())
    except booking.BookingError:
        return _render(_own_registration(registration_id), 409)
    flash(_("U heeft de plaats aangenomen. U bent aangemeld; de bevestiging staat in uw e-mail."), "success")
    return redirect(url_for("events.detail", event_id=registration.event_id))


@bp.post("/aanbod/<int:registration_id>/afslaan")
def offer_decline(registration_id: int):
    """Let the offered seat go to the next in line."""
    registration = _own_registration(registration_id)
    if not _is_open(registration):
        return _render(registration, 409)
    try:
        booking.decline_offer(registration, utcnow())
    except booking.BookingError:
        return _render(_own_registration(registration_id), 409)
    flash(_("U heeft de plaats afgeslagen. Die gaat naar de volgende op de wachtlijst."), "success")
    return redirect(url_for("events.detail", event_id=registration.event_id))
