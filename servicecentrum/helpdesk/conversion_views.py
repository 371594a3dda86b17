"""From ticket to thread and to practice; the requester's consent; publishing the answer.

Whoever may not see the ticket gets 404; the handlers' actions answer 404 to everyone else
too, and the consent form is the requester's alone. A published answer has its own page
for every member, because the ticket page itself stays private.
"""

from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user
from markupsafe import Markup

from ..auth.web import client_address
from ..policies import (
    can_handle_ticket,
    can_set_publish_consent,
    can_view_published_answer,
    can_view_ticket,
)
from . import bp, conversion, services
from .conversion_forms import ConsentForm, ConversionActionForm
from .detail_context import provider
from .services import HelpdeskError


@provider
def conversion_context(ticket, user) -> dict:
    """The consent form (for the requester) and the buttons' CSRF form; no queries."""
    context = {"conversion_form": ConversionActionForm(formdata=None)}
    if can_set_publish_consent(user, ticket):
        context["consent_form"] = ConsentForm.for_ticket(ticket)
    return context


def _ticket_or_404(ticket_id: int):
    ticket = services.get_ticket(ticket_id)
    if ticket is None or not can_view_ticket(current_user, ticket):
        abort(404)
    return ticket


def _handled_ticket_or_404(ticket_id: int):
    ticket = _ticket_or_404(ticket_id)
    if not can_handle_ticket(current_user, ticket):
        abort(404)
    return ticket


def _detail(ticket_id: int, anchor: str = "publicatie"):
    return redirect(url_for("helpdesk.detail", ticket_id=ticket_id, _anchor=anchor))


def _link(text: str, url: str, label: str) -> Markup:
    """A flash message with a link (the text and label are escaped)."""
    return Markup('{} <a href="{}">{}</a>').format(text, url, label)


@bp.post("/<int:ticket_id>/berichten/<int:message_id>/naar-draad")
def post_to_thread(ticket_id: int, message_id: int):
    """Post a staff reply back into the ticket's thread as an expert answer."""
    ticket = _handled_ticket_or_404(ticket_id)
    message = conversion.find_message(ticket, message_id)
    if message is None or message.is_internal:
        abort(404)
    if ConversionActionForm().validate_on_submit():
        try:
            answer = conversion.post_to_thread(current_user, message, ip_address=client_address())
        except HelpdeskError as refused:
            flash(str(refused), "error")
        else:
            url = url_for("forum.question_detail", question_id=answer.question_id,
                          _anchor=f"antwoord-{answer.id}")
            flash(_link(_("Het antwoord staat nu als expertantwoord in de draad."), url,
                        _("Bekijk het antwoord in de draad")), "success")
    return _detail(ticket_id, anchor=f"bericht-{message_id}")


@bp.post("/<int:ticket_id>/naar-praktijk")
def convert_to_practice(ticket_id: int):
    """Turn a resolved ticket into an anonymised practice, offered for the library's review."""
    ticket = _handled_ticket_or_404(ticket_id)
    if ConversionActionForm().validate_on_submit():
        try:
            practice = conversion.convert_to_practice(current_user, ticket, ip_address=client_address())
        except HelpdeskError as refused:
            flash(str(refused), "error")
        else:
            flash(_("Er is een geanonimiseerde praktijk gemaakt en ter beoordeling aangeboden. Controleer de "
                    "tekst, kies een thema en vul aan waar nodig."), "success")
            return redirect(url_for("library.practice_edit", practice_id=practice.id))
    return _detail(ticket_id)


@bp.post("/<int:ticket_id>/toestemming")
def consent(ticket_id: int):
    """The requester says whether the answer may be published, and whether with their name."""
    ticket = _ticket_or_404(ticket_id)
    if not can_set_publish_consent(current_user, ticket):
        abort(404)
    form = ConsentForm()
    if not form.validate_on_submit():
        from .ticket_views import render_detail  # the detail page, with this form's errors

        return render_detail(ticket, 422, consent_form=form)
    changed = conversion.set_consent(current_user, ticket, form.publish_consent.data, form.publish_named.data)
    if not changed:
        flash(_("Uw keuze was al zo opgeslagen."), "info")
    elif not ticket.publish_consent:
        flash(_("Het antwoord op uw vraag wordt niet gepubliceerd."), "success")
    elif ticket.publish_named:
        flash(_("Dank u. Het antwoord mag met uw naam en organisatie gepubliceerd worden."), "success")
    else:
        flash(_("Dank u. Het antwoord mag zonder uw naam en organisatie gepubliceerd worden."), "success")
    return _detail(ticket_id)


@bp.post("/<int:ticket_id>/publiceren")
def publish(ticket_id: int):
    """A handler publishes the answer (the requester consented): it becomes findable for members."""
    ticket = _handled_ticket_or_404(ticket_id)
    if ConversionActionForm().validate_on_submit():
        try:
            conversion.publish(current_user, ticket, ip_address=client_address())
        except HelpdeskError as refused:
            flash(str(refused), "error")
        else:
            flash(_link(_("Het antwoord is gepubliceerd en vindbaar voor alle leden."),
                        url_for("helpdesk.published_answer", ticket_id=ticket_id),
                        _("Bekijk het gepubliceerde antwoord")), "success")
    return _detail(ticket_id)


@bp.post("/<int:ticket_id>/depubliceren")
def unpublish(ticket_id: int):
    """A handler takes the published answer offline."""
    ticket = _handled_ticket_or_404(ticket_id)
    if ConversionActionForm().validate_on_submit():
        try:
            conversion.unpublish(current_user, ticket, ip_address=client_address())
        except HelpdeskError as refused:
            flash(str(refused), "error")
        else:
            flash(_("Het antwoord is niet meer gepubliceerd."), "success")
    return _detail(ticket_id)


@bp.get("/antwoorden/<int:ticket_id>")
def published_answer(ticket_id: int):
    """A published answer, anonymised unless the requester consented to be named (every member)."""
    ticket = conversion.find_published(ticket_id)
    if ticket is None or not can_view_published_answer(current_user, ticket):
        abort(404)
    return render_template("helpdesk/published_answer.html", ticket=ticket,
                           content=conversion.published_answer(ticket))
