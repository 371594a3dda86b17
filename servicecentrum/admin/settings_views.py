"""The admin page with the site-wide security settings."""

from flask import flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from ..auth.web import client_address
from ..forms import form_status
from . import bp
from .access import admin_only
from .forms import SettingsForm
from .settings import get_setting, set_setting


@bp.route("/instellingen", methods=["GET", "POST"])
@admin_only
def settings():
    """Show and change the site-wide settings; every change is audited."""
    current = bool(get_setting("mfa_required_for_all"))
    form = SettingsForm(mfa_required_for_all=current)
    if form.validate_on_submit():
        wanted = bool(form.mfa_required_for_all.data)
        if wanted != current:
            set_setting("mfa_required_for_all", wanted, current_user, client_address())
            flash(_("Tweestapsverificatie is nu verplicht voor iedereen.") if wanted else
                  _("Tweestapsverificatie is nu alleen verplicht voor adviseurs en beheerders."), "success")
        else:
            flash(_("Er was niets veranderd."), "info")
        return redirect(url_for("admin.settings"))
    return render_template("admin/settings.html", form=form), form_status(form)
