"""Admin screens for the helpdesk routing rules: list and try, create, edit, reorder, delete."""

from functools import wraps

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from ..auth.web import client_address
from ..forms import form_status
from ..policies import require
from ..policies.helpdesk import can_manage_routing
from . import bp, routing_rules
from .routing_forms import G30_VALUES, MoveForm, RoutingRuleForm, RoutingTrialForm


def routing_admin_only(view):
    """Answer 403 unless the visitor may keep the routing rules (admins)."""

    @wraps(view)
    def guarded(*args, **kwargs):
        require(can_manage_routing(current_user))
        return view(*args, **kwargs)

    return guarded


def _rule_or_404(rule_id: int):
    rule = routing_rules.find_rule(rule_id)
    if rule is None:
        abort(404)
    return rule


@bp.route("/routering", endpoint="routing_rules")
@routing_admin_only
def routing_rules_page():
    """The rules in the order they are tried, and a trial: where would this question go?"""
    trial = RoutingTrialForm(request.args)
    trial.offer(routing_rules.all_themes(), routing_rules.all_organisations())
    decision, status = None, 200
    if "subject" in request.args or "body" in request.args:
        if trial.validate():
            decision = routing_rules.dry_run(trial.subject.data, trial.body.data, trial.theme.data,
                                             trial.organisation.data)
            if decision is None:
                flash(_("Er is nog geen enkel programma; de helpdesk kan niets routeren."), "error")
        else:
            status = 422
    rules = routing_rules.list_rules()
    return render_template("admin/routing_rules.html", rules=rules, trial=trial, decision=decision,
                           describe=routing_rules.describe_conditions), status


def _rule_form() -> RoutingRuleForm:
    form = RoutingRuleForm()
    form.offer(routing_rules.all_themes(), routing_rules.all_programmes(), routing_rules.all_advisers())
    return form


def _data_from(form: RoutingRuleForm) -> routing_rules.RuleData:
    return routing_rules.RuleData(
        name=form.name.data, programme_id=form.programme.data, theme_id=form.theme.data,
        keywords=form.keywords.data or "", region=form.region.data or None, g30=G30_VALUES[form.g30.data],
        adviser_id=form.adviser.data, is_active=bool(form.is_active.data))


@bp.route("/routering/nieuw", methods=["GET", "POST"])
@routing_admin_only
def routing_rule_create():
    """Add a rule at the end of the list."""
    form = _rule_form()
    if form.validate_on_submit():
        try:
            rule = routing_rules.create_rule(current_user, _data_from(form), client_address())
        except routing_rules.RoutingRuleError as error:
            form.adviser.errors.append(str(error))
        else:
            flash(_("Regel %(name)s is toegevoegd, als laatste in de lijst.", name=rule.name), "success")
            return redirect(url_for("admin.routing_rules"))
    return render_template("admin/routing_rule_form.html", form=form, rule=None), form_status(form)


@bp.route("/routering/<int:rule_id>/bewerken", methods=["GET", "POST"])
@routing_admin_only
def routing_rule_edit(rule_id: int):
    """Change a rule's conditions, destination or whether it is active."""
    rule = _rule_or_404(rule_id)
    form = _rule_form()
    if request.method == "GET":
        form.fill_from(rule)
    if form.validate_on_submit():
        try:
            changed = routing_rules.update_rule(current_user, rule, _data_from(form), client_address())
        except routing_rules.RoutingRuleError as error:
            form.adviser.errors.append(str(error))
        else:
            if changed:
                flash(_("Regel %(name)s is bijgewerkt.", name=rule.name), "success")
            else:
                flash(_("Er was niets veranderd."), "info")
            return redirect(url_for("admin.routing_rules"))
    return render_template("admin/routing_rule_form.html", form=form, rule=rule), form_status(form)


@bp.route("/routering/<int:rule_id>/verwijderen", methods=["POST"])
@routing_admin_only
def routing_rule_delete(rule_id: int):
    """Remove a rule; tickets it routed keep their routing note."""
    rule = _rule_or_404(rule_id)
    name = rule.name
    routing_rules.delete_rule(current_user, rule, client_address())
    flash(_("Regel %(name)s is verwijderd.", name=name), "success")
    return redirect(url_for("admin.routing_rules"))


@bp.route("/routering/<int:rule_id>/verplaatsen", methods=["POST"])
@routing_admin_only
def routing_rule_move(rule_id: int):
    """Move a rule one place up or down in the order the router tries them."""
    rule = _rule_or_404(rule_id)
    form = MoveForm()
    if not form.validate_on_submit():
        flash(_("Kies of de regel omhoog of omlaag moet."), "error")
    elif routing_rules.move_rule(current_user, rule, form.direction.data, client_address()):
        flash(_("Regel %(name)s is verplaatst.", name=rule.name), "success")
    else:
        flash(_("Regel %(name)s staat al bovenaan of onderaan.", name=rule.name), "info")
    return redirect(url_for("admin.routing_rules") + f"#regel-{rule.id}")
