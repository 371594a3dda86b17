"""Admin screens for accounts: list, detail, role, blocking, programmes and MFA reset."""

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from ..auth.web import client_address
from ..policies import can_assign_programmes, can_change_role, can_disable_account, can_reset_mfa, require
from . import bp, organisations, users
from .access import admin_only
from .forms import ROLE_LABELS, STATUS_LABELS, DisableForm, ProgrammesForm, RoleForm, UserFilterForm


def _filters_from(form: UserFilterForm) -> users.UserFilters:
    if not form.validate():
        return users.UserFilters()
    organisation = form.organisation.data
    return users.UserFilters(q=form.q.data or "", role=form.role.data, status=form.status.data,
                             organisation_id=int(organisation) if organisation else None)


@bp.route("/gebruikers")
@admin_only
def user_list():
    """List the accounts, filtered and a page at a time."""
    form = UserFilterForm(formdata=request.args)
    form.offer_organisations(organisations.list_all_organisations())
    filters = _filters_from(form)
    page = users.list_users(filters, page=request.args.get("page", 1, type=int))
    query = {k: v for k, v in request.args.items() if k != "page" and v}
    status = 422 if form.errors else 200
    return render_template("admin/user_list.html", form=form, page=page, query=query,
                           role_labels=ROLE_LABELS, status_labels=STATUS_LABELS), status


def _user_or_404(user_id: int):
    user = users.find_user(user_id)
    if user is None:
        abort(404)
    return user


def _render_detail(user, status=200, **forms):
    forms.setdefault("role_form", RoleForm(prefix="rol", role=user.role))
    forms.setdefault("disable_form", DisableForm(prefix="blokkeren"))
    if can_assign_programmes(current_user, user):
        programmes_form = forms.setdefault("programmes_form", ProgrammesForm(
            prefix="programmas", programmes=[p.id for p in user.programmes]))
        programmes_form.offer_programmes(users.all_programmes())
    return render_template("admin/user_detail.html", user=user, role_labels=ROLE_LABELS,
                           status_labels=STATUS_LABELS, **forms), status


@bp.route("/gebruikers/<int:user_id>")
@admin_only
def user_detail(user_id: int):
    """Show one account with the forms that change it."""
    return _render_detail(_user_or_404(user_id))


def _back(user):
    return redirect(url_for("admin.user_detail", user_id=user.id))


@bp.route("/gebruikers/<int:user_id>/rol", methods=["POST"])
@admin_only
def user_role(user_id: int):
    """Give the member another role."""
    user = _user_or_404(user_id)
    require(can_change_role(current_user, user))
    form = RoleForm(prefix="rol")
    if not form.validate_on_submit():
        return _render_detail(user, 422, role_form=form)
    try:
        changed = users.change_role(current_user, user, form.role.data, client_address())
    except users.LastAdmin:
        flash(_("Dit is de laatste actieve beheerder. Maak eerst iemand anders beheerder."), "error")
        return _back(user)
    except users.NotAllowed:
        abort(403)
    if changed:
        flash(_("De rol van %(name)s is nu: %(role)s.", name=user.name, role=ROLE_LABELS[user.role]),
              "success")
    return _back(user)


@bp.route("/gebruikers/<int:user_id>/blokkeren", methods=["POST"])
@admin_only
def user_disable(user_id: int):
    """Block the account and end all its sessions."""
    user = _user_or_404(user_id)
    require(can_disable_account(current_user, user))
    form = DisableForm(prefix="blokkeren")
    if not form.validate_on_submit():
        return _render_detail(user, 422, disable_form=form)
    try:
        users.disable_account(current_user, user, form.reason.data.strip(), client_address())
    except users.LastAdmin:
        flash(_("Dit is de laatste actieve beheerder. Die kan niet worden geblokkeerd."), "error")
        return _back(user)
    except users.WrongStatus:
        flash(_("Alleen een actief account kan worden geblokkeerd."), "error")
        return _back(user)
    except users.NotAllowed:
        abort(403)
    flash(_("Het account van %(name)s is geblokkeerd. Alle sessies van dit account zijn beëindigd.",
            name=user.name), "success")
    return _back(user)


@bp.route("/gebruikers/<int:user_id>/deblokkeren", methods=["POST"])
@admin_only
def user_enable(user_id: int):
    """Let a blocked member in again."""
    user = _user_or_404(user_id)
    require(can_disable_account(current_user, user))
    try:
        users.enable_account(current_user, user, client_address())
    except users.WrongStatus:
        flash(_("Dit account is niet geblokkeerd."), "error")
        return _back(user)
    flash(_("Het account van %(name)s is weer actief.", name=user.name), "success")
    return _back(user)


@bp.route("/gebruikers/<int:user_id>/programmas", methods=["POST"])
@admin_only
def user_programmes(user_id: int):
    """Make the adviser a contact of the ticked programmes."""
    user = _user_or_404(user_id)
    require(can_assign_programmes(current_user, user))
    form = ProgrammesForm(prefix="programmas")
    form.offer_programmes(users.all_programmes())
    if not form.validate_on_submit():
        return _render_detail(user, 422, programmes_form=form)
    if users.set_programmes(current_user, user, form.programmes.data, client_address()):
        flash(_("De programma's van %(name)s zijn bijgewerkt.", name=user.name), "success")
    return _back(user)


@bp.route("/gebruikers/<int:user_id>/mfa-resetten", methods=["POST"])
@admin_only
def user_mfa_reset(user_id: int):
    """Switch off the member's second factor after they lost their phone."""
    user = _user_or_404(user_id)
    require(can_reset_mfa(current_user, user))
    try:
        users.reset_mfa(current_user, user, client_address())
    except users.WrongStatus:
        flash(_("Tweestapsverificatie staat voor dit account al uit."), "error")
        return _back(user)
    flash(_("De tweestapsverificatie van %(name)s is uitgezet. Alle sessies van dit account zijn "
            "beëindigd.", name=user.name), "success")
    return _back(user)
