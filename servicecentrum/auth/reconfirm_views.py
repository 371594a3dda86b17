"""The yearly question: does the member still hold the role they joined with?"""

from flask import flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user
from flask_wtf import FlaskForm

from . import bp, reconfirm
from .web import client_address


@bp.route("/account/bevestigen", methods=["GET", "POST"], endpoint="reconfirm")
def reconfirm_role():
    """Ask whether job and organisation still hold; record the member's "yes"."""
    form = FlaskForm()
    if form.validate_on_submit():
        reconfirm.confirm_role(current_user, client_address())
        flash(_("Dank u. Uw functie en organisatie zijn bevestigd."), "success")
        return redirect(url_for("main.home"))
    return render_template("auth/reconfirm.html", form=form, user=current_user,
                           pending=reconfirm.reconfirmation_pending(current_user),
                           last_confirmed=reconfirm.last_confirmed(current_user))
