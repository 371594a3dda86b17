"""Calendar files: one event as .ics, and the member's personal feed at a secret URL."""

from flask import abort, flash, make_response, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user
from flask_wtf import FlaskForm

from ..database import utcnow
from ..policies import can_view_event
from ..urls import absolute_url
from . import bp, feeds
from .calendar import build_calendar


class FeedForm(FlaskForm):
    """A button (make, renew or revoke the feed); only the CSRF token travels."""


def _calendar_response(body: bytes, filename: str):
    response = make_response(body)
    response.headers["Content-Type"] = "text/calendar; charset=utf-8"
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.headers["Cache-Control"] = "private, no-store"
    return response


@bp.get("/<int:event_id>.ics")
def event_ics(event_id: int):
    """The event as an iCalendar file for the member's own calendar."""
    event = feeds.viewable_event(event_id)
    if event is None or not can_view_event(current_user, event):
        abort(404)
    return _calendar_response(build_calendar([event]), f"bijeenkomst-{event.id}.ics")


@bp.get("/agenda/<token>.ics")
def feed_ics(token: str):
    """The personal feed (public: the secret token is the key; calendar apps cannot log in)."""
    body = feeds.feed_calendar(token, utcnow())
    if body is None:
        abort(404)
    response = _calendar_response(body, "mijn-bijeenkomsten.ics")
    response.headers["X-Robots-Tag"] = "noindex, nofollow"
    return response


def _render_feed(new_url: str | None = None):
    response = make_response(render_template(
        "events/feed.html", feed=feeds.feed_of(current_user), new_url=new_url, form=FeedForm()))
    response.headers["Cache-Control"] = "private, no-store"
    return response


@bp.get("/agenda")
def feed():
    """Make, renew or revoke the member's personal calendar feed."""
    return _render_feed()


@bp.post("/agenda/maken")
def feed_create():
    """Make a new feed URL (revoking the old one) and show it this once."""
    token = feeds.create_feed(current_user)
    return _render_feed(new_url=absolute_url("events.feed_ics", token=token))


@bp.post("/agenda/intrekken")
def feed_revoke():
    """Revoke the feed: its URL stops working at once."""
    if feeds.revoke_feed(current_user):
        flash(_("Uw agenda-link is ingetrokken. Uw agenda haalt de bijeenkomsten niet meer op."), "success")
    else:
        flash(_("U had geen agenda-link."), "info")
    return redirect(url_for("events.feed"))
