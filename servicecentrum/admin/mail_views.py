"""The outbox for admins: which mails went out, which wait or failed, and what they said."""

from flask import abort, render_template, request
from flask_login import current_user

from ..notifications import console
from ..policies import can_view_outbox, require
from . import bp, mail
from .access import admin_only
from .forms import MailFilterForm

console.init_blueprint(bp)  # development: queued mail is printed right after the request


@bp.route("/e-mail")
@admin_only
def mail_list():
    """List the outbox, newest first, filtered on status."""
    require(can_view_outbox(current_user))
    form = MailFilterForm(formdata=request.args)
    status = form.status.data if form.validate() else None
    page = mail.list_mails(status or None, page=request.args.get("page", 1, type=int))
    query = {k: v for k, v in request.args.items() if k != "page" and v}
    return render_template("admin/mail_list.html", form=form, page=page, query=query,
                           status_labels=mail.STATUS_LABELS,
                           backend=console.mail_backend()), 422 if form.errors else 200


@bp.route("/e-mail/<int:mail_id>")
@admin_only
def mail_detail(mail_id: int):
    """Show one mail: its headers, status and text body with clickable links."""
    require(can_view_outbox(current_user))
    found = mail.get_mail(mail_id)
    if found is None:
        abort(404)
    return render_template("admin/mail_detail.html", mail=found, body=mail.linkify(found.body_text),
                           status_labels=mail.STATUS_LABELS)
