"""The members' event pages: the lists, one event, and registering or cancelling for it.

Drafts answer 404 to whoever may not see them, so event ids cannot be probed.
"""

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from ..database import utcnow
from ..forms import form_status
from ..organisations.models import ORGANISATION_KINDS
from ..policies import can_cancel_registration, can_register_event, can_view_event, in_event_audience, require
from . import booking, bp, detail_context, queries
from .booking import BookingError
from .forms import ActionForm, EventFilterForm, registration_form_for
from .labels import AUDIENCE_LABELS, KIND_LABELS, REGISTRATION_LABELS, STATUS_LABELS

MAX_PAGE = 100_000
ACTIVE = ("confirmed", "waitlisted", "offered")


def visible_event_or_404(event_id: int):
    """The event with its details, or 404 when it does not exist or the member may not see it."""
    event = queries.get_event(event_id)
    if event is None or not can_view_event(current_user, event):
        abort(404)
    return event


def labels() -> dict:
    """The Dutch labels, translated once per page."""
    return {"kinds": {k: str(v) for k, v in KIND_LABELS.items()},
            "statuses": {k: str(v) for k, v in STATUS_LABELS.items()},
            "audiences": {k: str(v) for k, v in AUDIENCE_LABELS.items()},
            "registrations": {k: str(v) for k, v in REGISTRATION_LABELS.items()}}


def audience_text(event) -> str:
    """Who the event is for, in words."""
    if event.audience == "kinds":
        return _("Alleen voor: %(kinds)s", kinds=", ".join(
            ORGANISATION_KINDS.get(kind, kind) for kind in event.audience_kind_list))
    return str(AUDIENCE_LABELS.get(event.audience, event.audience))


def refusal(event, user, now) -> str | None:
    """Why this member cannot register now, or None when they can."""
    if event.status == "cancelled":
        return _("Deze bijeenkomst is geannuleerd.")
    if event.status != "published":
        return _("Deze bijeenkomst is nog niet gepubliceerd.")
    if not in_event_audience(user, event):
        if event.audience == "g30":
            return _("Deze bijeenkomst is alleen voor medewerkers van G30-gemeenten.")
        return _("Deze bijeenkomst is alleen voor medewerkers van deze soorten organisaties: %(kinds)s.",
                 kinds=", ".join(ORGANISATION_KINDS.get(k, k) for k in event.audience_kind_list))
    if not can_register_event(user, event):
        return _("U kunt zich niet aanmelden voor deze bijeenkomst.")
    try:
        booking.check_window(event, now)
    except BookingError as error:
        return str(error)
    return None


@detail_context.provider
def registration_context(event, user) -> dict:
    """What the registration block of the event page shows."""
    now = utcnow()
    mine = queries.member_part(event.id, user)
    registration = mine.registration
    return {
        "my_registration": registration,
        "registration_active": registration is not None and registration.status in ACTIVE,
        "waitlist_place": mine.waitlist_place,
        "registration_form": registration_form_for(event, formdata=None),
        "cancel_form": ActionForm(formdata=None),
        "may_cancel": registration is not None and can_cancel_registration(user, registration, now),
        "registration_refusal": refusal(event, user, now),
    }


def render_detail(event, status: int = 200, **forms):
    """Render the event as this member may see it; ``forms`` replaces forms that failed."""
    context = {**detail_context.collect(event, current_user), **forms}
    return render_template("events/detail.html", event=event, labels=labels(),
                           audience=audience_text(event), now=utcnow(), **context), status


@bp.get("")
def index():
    """Upcoming events (or past ones with ?periode=afgelopen), with filters by kind and theme."""
    period = "afgelopen" if request.args.get("periode") == "afgelopen" else "komend"
    form = EventFilterForm(formdata=request.args)
    form.offer(queries.themes())
    page = queries.event_page(current_user, form.filters(period), utcnow(),
                              page=min(max(request.args.get("page", 1, type=int), 1), MAX_PAGE))
    mine = queries.own_registrations(current_user, [event.id for event in page.items])
    links = form.links()
    if period == "afgelopen":
        links["periode"] = period
    return render_template("events/index.html", form=form, page=page, period=period, links=links,
                           mine=mine, labels=labels(), audience_text=audience_text)


@bp.get("/<int:event_id>")
def detail(event_id: int):
    """Everything about one event, with the blocks for registration, calendar, organisers, evaluation."""
    return render_detail(visible_event_or_404(event_id))


def _registered_message(registration) -> str:
    if registration.status == "waitlisted":
        return _("De bijeenkomst is vol; u staat op de wachtlijst (plaats %(place)s).",
                 place=queries.waitlist_place(registration))
    if registration.status == "offered":
        return _("Er is een plaats voor u vrijgekomen; neem het aanbod aan via de link in uw e-mail.")
    return _("U bent aangemeld. U krijgt een bevestiging per e-mail, met de bijeenkomst voor uw agenda.")


@bp.post("/<int:event_id>/aanmelden")
def register(event_id: int):
    """Register with the answers to the event's questions; when full, join the waitlist."""
    event = visible_event_or_404(event_id)
    require(can_register_event(current_user, event))
    form = registration_form_for(event)
    if form.validate_on_submit():
        try:
            registration = booking.register(event, current_user, form.answers())
        except BookingError as error:
            form.form_errors.append(str(error))
        else:
            flash(_registered_message(registration), "success")
            return redirect(url_for("events.detail", event_id=event_id, _anchor="aanmelden"))
        event = visible_event_or_404(event_id)
    return render_detail(event, 422 if form.errors or form.form_errors else form_status(form),
                         registration_form=form)


@bp.post("/<int:event_id>/afmelden")
def cancel_registration(event_id: int):
    """Cancel one's own registration or waitlist place, until the event starts."""
    event = visible_event_or_404(event_id)
    ActionForm().validate_on_submit()  # CSRF is checked for every POST before this runs
    registration = booking.registration_of(event.id, current_user.id)
    back = redirect(url_for("events.detail", event_id=event_id, _anchor="aanmelden"))
    if registration is None or registration.status not in ACTIVE:
        flash(_("U bent niet (meer) aangemeld voor deze bijeenkomst."), "info")
        return back
    if not can_cancel_registration(current_user, registration, utcnow()):
        flash(_("De bijeenkomst is al begonnen; afmelden kan niet meer."), "error")
        return back
    try:
        booking.cancel(registration)
    except BookingError as error:
        flash(str(error), "error")
    else:
        flash(_("U bent afgemeld voor deze bijeenkomst."), "success")
    return back
