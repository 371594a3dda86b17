"""Review requests for access: list, look at one, approve or reject."""

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from ..auth import registration
from ..auth.registration_forms import ApproveForm, RejectForm
from ..auth.web import client_address
from ..forms import form_status
from ..policies import can_review_registrations, require
from . import bp


@bp.route("/aanvragen")
def registration_list():
    require(can_review_registrations(current_user))
    page = max(request.args.get("pagina", 1, type=int), 1)
    stale_total, stale = registration.stale_unverified_requests()
    return render_template("admin/registration_list.html", pagination=registration.pending_requests(page),
                           stale_total=stale_total, stale=stale, hours=registration.VERIFY_HOURS)


@bp.route("/aanvragen/<int:user_id>")
def registration_detail(user_id):
    require(can_review_registrations(current_user))
    applicant = _pending_or_404(user_id)
    organisations = registration.list_organisations()
    approve_form = ApproveForm(organisations, organisation=_preselected(applicant))
    return _render_detail(applicant, approve_form, RejectForm())


@bp.route("/aanvragen/<int:user_id>/goedkeuren", methods=["POST"])
def registration_approve(user_id):
    require(can_review_registrations(current_user))
    applicant = _pending_or_404(user_id)
    organisations = registration.list_organisations()
    form = ApproveForm(organisations)
    if form.validate_on_submit():
        name = applicant.name
        try:
            registration.approve_registration(
                current_user, user_id, organisation_id=form.organisation_id,
                create_organisation=form.create_organisation.data, kind=form.kind.data,
                ip_address=client_address())
        except registration.NotPending:
            abort(404)
        except registration.NotVerified:
            form.form_errors.append(_("Dit e-mailadres is nog niet bevestigd. U kunt de aanvraag alleen "
                                      "afwijzen."))
        except registration.OrganisationRequired:
            form.organisation.errors.append(_("Kies een organisatie, of maak de gevraagde organisatie aan."))
        except registration.OrganisationExists:
            form.create_organisation.errors.append(_("Er bestaat al een organisatie met deze naam. Kies "
                                                     "die in de lijst."))
        except registration.UnknownOrganisation:
            form.organisation.errors.append(_("Kies een organisatie uit de lijst."))
        else:
            flash(_("De aanvraag van %(name)s is goedgekeurd. De aanvrager krijgt een e-mail.", name=name),
                  "success")
            return redirect(url_for("admin.registration_list"))
    reject_form = RejectForm(formdata=None)
    return _render_detail(applicant, form, reject_form), form_status(form)


@bp.route("/aanvragen/<int:user_id>/afwijzen", methods=["POST"])
def registration_reject(user_id):
    require(can_review_registrations(current_user))
    applicant = _pending_or_404(user_id)
    form = RejectForm()
    if form.validate_on_submit():
        name = applicant.name
        try:
            registration.reject_registration(current_user, user_id, form.reason.data, client_address())
        except registration.NotPending:
            abort(404)
        flash(_("De aanvraag van %(name)s is afgewezen en verwijderd. De aanvrager krijgt een e-mail "
                "met de reden.", name=name), "success")
        return redirect(url_for("admin.registration_list"))
    organisations = registration.list_organisations()
    approve_form = ApproveForm(organisations, formdata=None, organisation=_preselected(applicant))
    return _render_detail(applicant, approve_form, form), form_status(form)


def _pending_or_404(user_id: int):
    try:
        return registration.get_pending_request(user_id)
    except registration.NotPending:
        abort(404)


def _preselected(applicant) -> str:
    return str(applicant.organisation_id) if applicant.organisation_id else ""


def _render_detail(applicant, approve_form, reject_form):
    return render_template("admin/registration_detail.html", applicant=applicant,
                           approve_form=approve_form, reject_form=reject_form,
                           domain_organisation=registration.organisation_for_domain(applicant),
                           email_domain=registration.email_domain(applicant.email))
