"""Admin screens for organisations: list, create and edit, with their e-mail domains."""

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from ..auth.web import client_address
from ..forms import form_status
from . import bp, organisations
from .access import admin_only
from .forms import OrganisationForm

DEFAULT_ALLOWANCE_MINUTES = 480  # 8 hours a year


@bp.route("/organisaties")
@admin_only
def organisation_list():
    """List the organisations with their member counts, a page at a time."""
    page = organisations.list_organisations(page=request.args.get("page", 1, type=int))
    counts = organisations.member_counts([o.id for o in page.items])
    return render_template("admin/organisation_list.html", page=page, counts=counts)


def _data_from(form: OrganisationForm, organisation=None) -> organisations.OrganisationData:
    allowance = form.allowance_minutes
    if allowance is None:
        allowance = organisation.helpdesk_allowance_minutes if organisation else DEFAULT_ALLOWANCE_MINUTES
    return organisations.OrganisationData(
        name=form.name.data, kind=form.kind.data, cbs_code=form.cbs_code.data or None,
        region=form.region.data or None, size_class=form.size_class.data or None,
        is_g30=form.is_g30.data, email_domains=form.domains,
        helpdesk_allowance_minutes=allowance, shares_tickets=form.shares_tickets.data)


def _show_conflict(form: OrganisationForm, conflict: organisations.OrganisationConflict) -> None:
    messages = {
        "name": _("Er bestaat al een organisatie met deze naam: %(other)s.", other=conflict.other),
        "cbs_code": _("CBS-gemeentecode %(value)s hoort al bij %(other)s.", value=conflict.value,
                      other=conflict.other),
        "email_domains": _("Het domein %(value)s hoort al bij %(other)s. Een domein kan maar bij één "
                           "organisatie horen.", value=conflict.value, other=conflict.other),
    }
    getattr(form, conflict.field_name).errors.append(messages[conflict.field_name])


@bp.route("/organisaties/nieuw", methods=["GET", "POST"])
@admin_only
def organisation_create():
    """Add an organisation."""
    form = OrganisationForm()
    if form.validate_on_submit():
        try:
            organisation = organisations.create_organisation(current_user, _data_from(form), client_address())
        except organisations.OrganisationConflict as conflict:
            _show_conflict(form, conflict)
        else:
            flash(_("Organisatie %(name)s is toegevoegd.", name=organisation.name), "success")
            return redirect(url_for("admin.organisation_list"))
    return render_template("admin/organisation_form.html", form=form, organisation=None), form_status(form)


@bp.route("/organisaties/<int:organisation_id>", methods=["GET", "POST"])
@admin_only
def organisation_edit(organisation_id: int):
    """Change an organisation and its allowed e-mail domains."""
    organisation = organisations.find_organisation(organisation_id)
    if organisation is None:
        abort(404)
    form = OrganisationForm(obj=organisation)
    if request.method == "GET":
        form.email_domains.data = "\n".join(organisation.allowed_domains)
        form.show_allowance(organisation.helpdesk_allowance_minutes)
    if form.validate_on_submit():
        try:
            changed = organisations.update_organisation(current_user, organisation,
                                                        _data_from(form, organisation), client_address())
        except organisations.OrganisationConflict as conflict:
            _show_conflict(form, conflict)
        else:
            if changed:
                flash(_("Organisatie %(name)s is bijgewerkt.", name=organisation.name), "success")
            else:
                flash(_("Er was niets veranderd."), "info")
            return redirect(url_for("admin.organisation_list"))
    return render_template("admin/organisation_form.html", form=form,
                           organisation=organisation), form_status(form)
