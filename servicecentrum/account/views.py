"""The member's account: profile and password; the other pages live in sibling modules."""

from flask import flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from ..auth.web import client_address, current_session_token
from ..forms import form_status
from . import bp, services
from .forms import PasswordChangeForm, ProfileForm
from .limits import reauth_limited


@bp.route("", methods=["GET", "POST"])
def profile():
    themes = services.list_themes()
    form = ProfileForm(data={
        "name": current_user.name,
        "job_title": current_user.job_title,
        "expertise": [str(t.id) for t in current_user.expertise],
        "notify_frequency": current_user.notify_frequency,
    })
    form.set_themes(themes)
    if form.validate_on_submit():
        services.update_profile(current_user, form.name.data, form.job_title.data, form.theme_ids(),
                                form.notify_frequency.data, client_address())
        flash(_("Uw profiel is opgeslagen."), "success")
        return redirect(url_for("account.profile"))
    return render_template("account/profile.html", form=form, user=current_user), form_status(form)


@bp.route("/wachtwoord", methods=["GET", "POST"])
@reauth_limited
def password_change():
    form = PasswordChangeForm()
    if form.validate_on_submit():
        try:
            services.change_password(current_user, form.current_password.data, form.password.data,
                                     current_session_token(), client_address())
        except services.WrongPassword:
            form.current_password.errors.append(_("Uw huidige wachtwoord klopt niet."))
        except services.PasswordRejected as problem:
            form.password.errors.append(str(problem))
        else:
            flash(_("Uw wachtwoord is gewijzigd. U bent op andere apparaten uitgelogd."), "success")
            return redirect(url_for("account.profile"))
    return render_template("account/password_change.html", form=form), form_status(form)


from . import data_views, email_views, session_views  # noqa: E402,F401
