"""The admin page with the site-wide settings: security, and the helpdesk's service levels and rate."""

from flask import flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from ..auth.web import client_address
from ..forms import form_status
from . import bp
from .access import admin_only
from .forms import SettingsForm
from .routing_forms import HelpdeskSettingsForm
from .settings import get_setting, set_setting

SLA_KEYS = ("sla_basic_first_response_days", "sla_basic_resolution_days",
            "sla_additional_first_response_days", "sla_additional_resolution_days")
RATE_KEY = "helpdesk_hourly_rate_cents"


def euros(cents: int) -> str:
    """9500 -> "95,00" (how the form shows and accepts a rate)."""
    return f"{cents // 100},{cents % 100:02d}"


def _helpdesk_form() -> HelpdeskSettingsForm:
    values = {key: str(get_setting(key)) for key in SLA_KEYS}
    # formdata=None: on a POST of the other form, show the stored values, not that form's fields.
    rate = euros(int(get_setting(RATE_KEY)))
    return HelpdeskSettingsForm(formdata=None, helpdesk_hourly_rate=rate, **values)


def _render(form=None, helpdesk_form=None):
    form = form or SettingsForm(formdata=None, mfa_required_for_all=bool(get_setting("mfa_required_for_all")))
    helpdesk_form = helpdesk_form or _helpdesk_form()
    status = max(form_status(form), form_status(helpdesk_form))
    return render_template("admin/settings.html", form=form, helpdesk_form=helpdesk_form), status


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
    return _render(form=form)


@bp.route("/instellingen/helpdesk", methods=["POST"])
@admin_only
def helpdesk_settings():
    """Change the helpdesk's working-day targets and hourly rate; each changed value is audited."""
    form = HelpdeskSettingsForm()
    if not form.validate_on_submit():
        return _render(helpdesk_form=form)
    wanted = {key: getattr(form, key).data for key in SLA_KEYS}
    wanted[RATE_KEY] = form.rate_cents
    changed = [key for key, value in wanted.items() if int(get_setting(key)) != value]
    for key in changed:
        set_setting(key, wanted[key], current_user, client_address())
    if changed:
        flash(_("De instellingen van de helpdesk zijn opgeslagen. Nieuwe vragen krijgen de nieuwe "
                "termijnen."), "success")
    else:
        flash(_("Er was niets veranderd."), "info")
    return redirect(url_for("admin.settings") + "#helpdesk-title")
