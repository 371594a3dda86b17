"""Review steps and ratings: submit, comment, ask for changes, publish, archive, "was dit nuttig?"."""

from flask import flash, redirect, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from ..auth.web import client_address
from ..policies import (
    can_follow_review,
    can_rate_practice,
    can_review_practices,
    can_submit_practice,
    require,
)
from . import bp, services, workflow
from .forms import RateForm, ReviewForm
from .labels import STATUS_LABELS
from .views import render_detail, visible_practice_or_404

DONE = {
    "submit": _l("Uw praktijk is ingediend. Een adviseur van FORUM beoordeelt haar en laat u weten of "
                 "er iets moet veranderen."),
    "comment": _l("Uw opmerking is geplaatst."),
    "request_changes": _l("De praktijk is als concept teruggegeven aan de auteur, met uw opmerking."),
    "publish": _l("De praktijk is gepubliceerd."),
    "archive": _l("De praktijk is gearchiveerd en staat niet meer in de bibliotheek."),
}
REMARK_NEEDED = {
    "comment": _l("Schrijf eerst uw opmerking."),
    "request_changes": _l("Schrijf wat de auteur moet aanpassen."),
}


def _back(practice):
    return redirect(url_for("library.practice_detail", practice_id=practice.id))


def _take_step(practice_id: int, step: str, allowed):
    practice = visible_practice_or_404(practice_id)
    require(allowed(current_user, practice))
    form = ReviewForm()
    valid = form.validate_on_submit()
    if step in REMARK_NEEDED and valid:
        valid = form.require_body(str(REMARK_NEEDED[step]))
    if not valid:
        return render_detail(practice, 422, review_form=form)
    note = (form.body.data or "").strip()
    try:
        if step in ("publish", "archive"):
            getattr(workflow, step)(current_user, practice, note, ip_address=client_address())
        else:
            getattr(workflow, step)(current_user, practice, note)
    except services.WrongStatus as refused:
        flash(_("Dat kan nu niet: de praktijk heeft de status '%(status)s'. Misschien was iemand u voor.",
                status=STATUS_LABELS.get(refused.status, refused.status)), "error")
        return _back(practice)
    flash(str(DONE[step]), "success")
    return _back(practice)


@bp.route("/<int:practice_id>/indienen", methods=["POST"])
def practice_submit(practice_id: int):
    """Offer the author's draft for review."""
    return _take_step(practice_id, "submit", can_submit_practice)


@bp.route("/<int:practice_id>/opmerking", methods=["POST"])
def practice_comment(practice_id: int):
    """Add a remark to the review conversation."""
    return _take_step(practice_id, "comment", can_follow_review)


@bp.route("/<int:practice_id>/wijzigingen-vragen", methods=["POST"])
def practice_request_changes(practice_id: int):
    """Send the practice back to its author with a remark."""
    return _take_step(practice_id, "request_changes", lambda user, _p: can_review_practices(user))


@bp.route("/<int:practice_id>/publiceren", methods=["POST"])
def practice_publish(practice_id: int):
    """Publish the practice as a new version."""
    return _take_step(practice_id, "publish", lambda user, _p: can_review_practices(user))


@bp.route("/<int:practice_id>/archiveren", methods=["POST"])
def practice_archive(practice_id: int):
    """Take the practice out of the library."""
    return _take_step(practice_id, "archive", lambda user, _p: can_review_practices(user))


@bp.route("/<int:practice_id>/nuttig", methods=["POST"])
def practice_rate(practice_id: int):
    """Record whether the member found the practice useful."""
    practice = visible_practice_or_404(practice_id)
    require(can_rate_practice(current_user, practice))
    form = RateForm()
    if not form.validate_on_submit():
        return render_detail(practice, 422, rate_form=form)
    try:
        services.rate_practice(current_user, practice, form.helpful.data == "yes")
    except services.WrongStatus:
        flash(_("Deze praktijk is niet meer gepubliceerd."), "error")
        return _back(practice)
    flash(_("Dank u wel. Uw antwoord helpt collega's de nuttigste praktijken te vinden."), "success")
    return redirect(url_for("library.practice_detail", practice_id=practice.id, _anchor="nuttig"))
