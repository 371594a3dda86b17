"""Change the e-mail address: ask with the password, confirm from the new mailbox."""

from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from ..auth.tokens import TokenExpired, TokenInvalid, TokenUsed
from ..auth.web import client_address, current_session_token
from ..forms import form_status
from . import bp, services
from .forms import ConfirmForm, EmailChangeForm
from .limits import reauth_limited

TAKEN = _l("Er is al een account met dit e-mailadres. Kies een ander adres.")


@bp.route("/e-mail", methods=["GET", "POST"])
@reauth_limited
def email_change():
    form = EmailChangeForm()
    if form.validate_on_submit():
        try:
            address = services.request_email_change(current_user, form.email.data, form.password.data,
                                                    client_address())
        except services.WrongPassword:
            form.password.errors.append(_("Uw huidige wachtwoord klopt niet."))
        except services.EmailUnchanged:
            form.email.errors.append(_("Dit is al uw e-mailadres. Vul het nieuwe adres in."))
        except services.EmailTaken:
            form.email.errors.append(str(TAKEN))
        else:
            flash(_("We hebben een e-mail gestuurd naar %(email)s. Klik binnen 24 uur op de link in "
                    "dat bericht om uw nieuwe adres te bevestigen. Tot dan blijft uw huidige adres in "
                    "gebruik.", email=address), "success")
            return redirect(url_for("account.profile"))
    return render_template("account/email_change.html", form=form), form_status(form)


def _unusable_link(error: Exception):
    if isinstance(error, TokenInvalid):
        abort(404)
    message = (_("Deze link is al gebruikt.") if isinstance(error, TokenUsed)
               else _("Deze link is verlopen: een link om uw e-mailadres te bevestigen werkt 24 uur."))
    return render_template("account/email_confirm_failed.html", message=message), 410


@bp.route("/e-mail/bevestigen/<token>", methods=["GET", "POST"])
def email_confirm(token: str):
    form = ConfirmForm()
    try:
        pending = services.pending_email_change(current_user, token)
        if form.validate_on_submit():
            new_email = services.confirm_email_change(current_user, token, current_session_token(),
                                                      client_address())
            flash(_("Uw e-mailadres is gewijzigd in %(email)s.", email=new_email), "success")
            return redirect(url_for("account.profile"))
    except (TokenInvalid, TokenExpired, TokenUsed) as error:
        return _unusable_link(error)
    except services.EmailTaken:
        flash(str(TAKEN), "error")
        return redirect(url_for("account.email_change"))
    return render_template("account/email_confirm.html", form=form, new_email=pending.new_email,
                           token=token)
