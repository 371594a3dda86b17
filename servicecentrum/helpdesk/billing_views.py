"""Free and paid service on a ticket: log time, send a quote, accept or decline it."""

from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from ..forms import form_status
from ..policies import can_decide_quote, can_handle_ticket, can_view_ticket
from . import billing, billing_queries, bp, queries, sla
from .billing_forms import ActionForm, QuoteForm, TimeEntryForm
from .detail_context import provider
from .labels import QUOTE_STATUS_LABELS


@bp.app_template_filter("hours")
def hours_filter(minutes: int | None) -> str:
    """Minutes as Dutch hours: 210 -> 3,5."""
    return billing.format_hours(minutes)


@bp.app_template_filter("euros")
def euros_filter(cents: int | None) -> str:
    """Cents as a Dutch amount: 11875 -> € 118,75."""
    return billing.format_euros(cents)


def _handled_ticket_or_404(ticket_id: int):
    ticket = billing_queries.find_ticket(ticket_id)
    if ticket is None or not can_handle_ticket(current_user, ticket):
        abort(404)
    return ticket


def _detail_url(ticket, anchor: str = "betaling") -> str:
    return url_for("helpdesk.detail", ticket_id=ticket.id, _anchor=anchor)


def _time_form() -> TimeEntryForm:
    form = TimeEntryForm(formdata=None)
    form.work_date.data = sla.today()
    return form


@provider
def billing_context(ticket, user) -> dict:
    """Quotes for whoever reads the ticket; time entries and the allowance for its handlers.

    The page's facts tell whether there are quotes or time entries, so none costs no query.
    """
    year = sla.today().year
    facts = queries.page_facts(ticket, user, year)
    quotes = billing_queries.quotes_of(ticket.id) if facts.has_quotes else []
    context = {"quotes": quotes, "is_handler": False, "action_form": ActionForm(formdata=None),
               "status_labels": QUOTE_STATUS_LABELS,
               "open_quote": next((q for q in quotes if q.status == "sent"), None)}
    if can_handle_ticket(user, ticket):
        entries = billing_queries.entries_of(ticket.id) if facts.has_time_entries else []
        free = sum(e.minutes for e in entries if not e.billable)
        paid = sum(e.minutes for e in entries if e.billable)
        context.update(
            is_handler=True, entries=entries, free_minutes=free, billable_minutes=paid,
            total_minutes=free + paid,
            allowance=billing_queries.allowance_status(ticket.organisation, year, facts.allowance_used),
            time_form=_time_form(), quote_form=QuoteForm(formdata=None),
            rate_cents=billing.hourly_rate_cents())
    return {"billing": context}


def _render_time(ticket, form: TimeEntryForm):
    allowance = billing_queries.allowance_status(ticket.organisation, sla.today().year)
    return render_template("helpdesk/billing_time.html", ticket=ticket, form=form,
                           allowance=allowance), form_status(form)


@bp.route("/<int:ticket_id>/tijd", methods=["GET", "POST"])
def log_time(ticket_id: int):
    """Log time worked on the ticket (handlers only)."""
    ticket = _handled_ticket_or_404(ticket_id)
    form = TimeEntryForm()
    if not form.is_submitted():
        form.work_date.data = sla.today()
    if form.validate_on_submit():
        data = billing.TimeData(form.work_date.data, form.minutes, form.note.data or "")
        try:
            entry = billing.log_time(ticket, current_user, data)
        except billing.BillingError as error:
            form.form_errors.append(str(error))
        else:
            flash(_("%(hours)s uur geschreven (%(kind)s).", hours=billing.format_hours(entry.minutes),
                    kind=_("betaald") if entry.billable else _("gratis")), "success")
            return redirect(_detail_url(ticket))
    return _render_time(ticket, form)


@bp.route("/<int:ticket_id>/offerte", methods=["GET", "POST"])
def quote_create(ticket_id: int):
    """Send the requester a quote for additional guidance (handlers only)."""
    ticket = _handled_ticket_or_404(ticket_id)
    form = QuoteForm()
    if form.validate_on_submit():
        try:
            quote = billing.create_quote(ticket, current_user, form.minutes, form.description.data)
        except billing.BillingError as error:
            form.form_errors.append(str(error))
        else:
            flash(_("De offerte van %(amount)s is naar de vrager gestuurd.",
                    amount=billing.format_euros(quote.amount_cents)), "success")
            return redirect(_detail_url(ticket))
    return render_template("helpdesk/billing_quote.html", ticket=ticket, form=form,
                           rate_cents=billing.hourly_rate_cents()), form_status(form)


@bp.post("/<int:ticket_id>/aanvullend")
def mark_additional(ticket_id: int):
    """Make the ticket additional (paid) guidance; more time then needs an accepted quote."""
    ticket = _handled_ticket_or_404(ticket_id)
    try:
        billing.mark_additional(ticket, current_user)
    except billing.BillingError as error:
        flash(str(error), "error")
    else:
        flash(_("Deze vraag is nu aanvullende begeleiding. Stuur een offerte voordat u meer tijd schrijft."),
              "success")
    return redirect(_detail_url(ticket))


def _decide(quote_id: int, accept: bool):
    quote = billing_queries.find_quote(quote_id)
    if quote is None:
        abort(404)
    ticket = quote.ticket
    readable = can_view_ticket(current_user, ticket)
    if not can_decide_quote(current_user, quote):
        if readable and quote.status != "sent":
            flash(_("Over deze offerte is al beslist."), "info")
            return redirect(_detail_url(ticket))
        abort(404)
    try:
        billing.decide_quote(quote, current_user, accept=accept)
    except billing.BillingError as error:
        flash(str(error), "error")
    else:
        if accept:
            flash(_("U heeft de offerte geaccepteerd. De adviseur gaat verder met uw vraag."), "success")
        else:
            flash(_("U heeft de offerte afgewezen. De adviseur helpt u verder binnen de "
                    "basisdienstverlening."), "success")
    return redirect(_detail_url(ticket) if readable else url_for("helpdesk.index"))


@bp.post("/offertes/<int:quote_id>/accepteren")
def quote_accept(quote_id: int):
    """Accept a quote for the organisation."""
    return _decide(quote_id, accept=True)


@bp.post("/offertes/<int:quote_id>/afwijzen")
def quote_decline(quote_id: int):
    """Decline a quote for the organisation."""
    return _decide(quote_id, accept=False)
