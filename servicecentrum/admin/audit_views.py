"""The audit log for admins: filter, read a page at a time, export as CSV."""

from flask import render_template, request, send_file
from flask_login import current_user

from ..auth.web import client_address
from ..policies import can_view_audit_log, require
from . import audit, bp
from .access import admin_only
from .forms import AuditFilterForm


def _filter_form() -> tuple[AuditFilterForm, audit.AuditFilters]:
    form = AuditFilterForm(formdata=request.args)
    form.offer_actions({a: audit.action_label(a) for a in audit.known_actions()})
    if not form.validate():
        return form, audit.AuditFilters()
    return form, audit.AuditFilters(action=form.action.data, actor_email=(form.actor.data or "").strip(),
                                        since=form.van.data, until=form.tot.data)


@bp.route("/audit")
@admin_only
def audit_log():
    """Show the audit log, newest first, filtered."""
    require(can_view_audit_log(current_user))
    form, filters = _filter_form()
    page = audit.search(filters, page=request.args.get("page", 1, type=int))
    query = {k: v for k, v in request.args.items() if k != "page" and v}
    return render_template("admin/audit_log.html", form=form, page=page, query=query,
                           rows=audit.describe(page.items, current_user)), 422 if form.errors else 200


@bp.route("/audit.csv")
@admin_only
def audit_export():
    """Download the filtered events as CSV; the export itself is recorded."""
    require(can_view_audit_log(current_user))
    form, filters = _filter_form()
    if form.errors:
        page = audit.search(filters)
        return render_template("admin/audit_log.html", form=form, page=page, query={},
                               rows=audit.describe(page.items, current_user)), 422
    csv_file = audit.export_csv(current_user, filters, client_address())
    response = send_file(csv_file, mimetype="text/csv", as_attachment=True,
                         download_name=f"auditlog-{audit.today().isoformat()}.csv")
    response.headers["Cache-Control"] = "no-store"
    return response
