"""Download all my data; delete my account."""

from flask import Response, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_babel import to_user_timezone
from flask_login import current_user

from ..auth.web import client_address, end_cookie_session
from ..database import utcnow
from ..forms import form_status
from . import bp, export, services
from .forms import ConfirmForm, DeleteAccountForm
from .limits import reauth_limited


@bp.route("/export", methods=["GET", "POST"])
def data_export():
    form = ConfirmForm()
    if not form.validate_on_submit():
        return render_template("account/data_export.html", form=form)
    document = export.export_data(current_user, client_address())
    filename = f"mijn-gegevens-{to_user_timezone(utcnow()).date().isoformat()}.json"
    return Response(document, mimetype="application/json", headers={
        "Content-Disposition": f'attachment; filename="{filename}"',
        "Cache-Control": "no-store",
    })


@bp.route("/verwijderen", methods=["GET", "POST"])
@reauth_limited
def delete():
    form = DeleteAccountForm()
    if form.validate_on_submit():
        try:
            services.delete_account(current_user._get_current_object(), form.password.data,
                                    client_address())
        except services.WrongPassword:
            form.password.errors.append(_("Uw huidige wachtwoord klopt niet."))
        except services.LastAdmin:
            form.form_errors.append(_(
                "U bent de enige actieve beheerder. Maak eerst iemand anders beheerder; daarna "
                "kunt u uw account verwijderen."))
        else:
            end_cookie_session()
            flash(_("Uw account en uw persoonsgegevens zijn verwijderd. Bedankt voor uw bijdrage."),
                  "success")
            return redirect(url_for("main.landing"))
    return render_template("account/delete.html", form=form), form_status(form)
