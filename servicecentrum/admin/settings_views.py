"""The admin page with the site-wide settings: security, the helpdesk's service levels and rate,
and the privacy threshold of the signals report."""

from flask import flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from flask_wtf import FlaskForm
from wtforms import StringField
from wtforms.validators import ValidationError

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
SIGNALS_KEY = "signals_min_organisations"
MIN_ORGANISATIONS, MAX_ORGANISATIONS = 2, 20
MIN_ORGANISATIONS_MESSAGE = _l("Kies een heel aantal organisaties van 2 tot en met 20.")


def _organisations(_form, field):
    """Accept a whole number from 2 to 20; store it as an int."""
    text = (field.data or "").strip() if isinstance(field.data, str) else field.data
    if text in (None, ""):
        raise ValidationError(_l("Vul een aantal organisaties in."))
    try:
        number = int(text)
    except (TypeError, ValueError):
        raise ValidationError(MIN_ORGANISATIONS_MESSAGE) from None
    if not MIN_ORGANISATIONS <= number <= MAX_ORGANISATIONS:
        raise ValidationError(MIN_ORGANISATIONS_MESSAGE)
    field.data = number


_organisations.field_flags = {"required": True}


class SignalsSettingsForm(FlaskForm):
    """The privacy threshold of the signals report (here, not in reports/: that package imports admin)."""

    signals_min_organisations = StringField(_l("Minimum aantal organisaties per groep"),
                                            validators=[_organisations])


def euros(cents: int) -> str:
    """9500 -> "95,00" (how the form shows and accepts a rate)."""
    return f"{cents // 100},{cents % 100:02d}"


def _helpdesk_form() -> HelpdeskSettingsForm:
    values = {key: str(get_setting(key)) for key in SLA_KEYS}
    # formdata=None: on a POST of the other form, show the stored values, not that form's fields.
    rate = euros(int(get_setting(RATE_KEY)))
    return HelpdeskSettingsForm(formdata=None, helpdesk_hourly_rate=rate, **values)


def _signals_form() -> SignalsSettingsForm:
    return SignalsSettingsForm(formdata=None, signals_min_organisations=str(get_setting(SIGNALS_KEY)))


def _render(form=None, helpdesk_form=None, signals_form=None):
    form = form or SettingsForm(formdata=None, mfa_required_for_all=bool(get_setting("mfa_required_for_all")))
    helpdesk_form = helpdesk_form or _helpdesk_form()
    signals_form = signals_form or _signals_form()
    status = max(form_status(form), form_status(helpdesk_form), form_status(signals_form))
    return render_template("admin/settings.html", form=form, helpdesk_form=helpdesk_form,
                           signals_form=signals_form), status


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


@bp.route("/instellingen/signalen", methods=["POST"])
@admin_only
def signals_settings():
    """Change the smallest number of organisations a group of the signals report must have."""
    form = SignalsSettingsForm()
    if not form.validate_on_submit():
        return _render(signals_form=form)
    wanted = form.signals_min_organisations.data
    if int(get_setting(SIGNALS_KEY)) != wanted:
        set_setting(SIGNALS_KEY, wanted, current_user, client_address())
        flash(_("De drempel van de signalenrapportage is opgeslagen."), "success")
    else:
        flash(_("Er was niets veranderd."), "info")
    return redirect(url_for("admin.settings") + "#signals-title")
