"""Forgotten password: ask for a link by e-mail, then choose a new password with it."""

from flask import current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _

from ..extensions import limiter
from ..forms import form_status
from . import bp, reset, services, tokens
from .models import normalise_email
from .reset_forms import PasswordForgotForm, PasswordResetForm
from .web import client_address, end_cookie_session


def _signup_limit() -> str:
    return current_app.config["SIGNUP_LIMIT"]


def _address_key() -> str:
    # Also per address, so nobody floods one mailbox from many IP addresses.
    return "password-forgot:" + normalise_email(request.form.get("email", ""))


@bp.route("/wachtwoord-vergeten", methods=["GET", "POST"])
@limiter.limit(_signup_limit, methods=["POST"])
@limiter.limit(_signup_limit, methods=["POST"], key_func=_address_key)
def password_forgot():
    """Mail a reset link when the address has an account; answer the same either way."""
    if request.method == "GET" and request.args.get("verstuurd"):
        return render_template("auth/password_forgot_sent.html")
    form = PasswordForgotForm()
    if form.validate_on_submit():
        reset.request_password_reset(form.email.data, client_address())
        return redirect(url_for("auth.password_forgot", verstuurd=1))
    return render_template("auth/password_forgot.html", form=form), form_status(form)


def _link_unusable(error: tokens.TokenError):
    """Explain why the link does not work, with the way to a new one."""
    status = 400 if isinstance(error, tokens.TokenInvalid) else 410
    reason = {
        tokens.TokenExpired: _("Deze link is verlopen. Een link om uw wachtwoord te herstellen "
                               "werkt één uur."),
        tokens.TokenUsed: _("Deze link is al gebruikt, of vervangen door een nieuwere link. "
                            "Elke link werkt één keer."),
    }.get(type(error), _("Deze link klopt niet. Misschien is hij niet helemaal overgenomen, "
                         "of is er daarna een nieuwe link verstuurd."))
    return render_template("auth/password_reset_invalid.html", reason=reason), status


@bp.route("/wachtwoord-herstellen/<token>", methods=["GET", "POST"])
def password_reset(token: str):
    """Let the holder of a valid link choose a new password, then send them to log in."""
    try:
        user = reset.check_reset_token(token)
    except tokens.TokenError as error:
        return _no_store(_link_unusable(error))
    form = PasswordResetForm()
    if form.validate_on_submit():
        try:
            reset.reset_password(token, form.password.data, client_address())
        except services.PasswordRejected as error:
            form.password.errors.append(str(error))
        except tokens.TokenError as error:
            return _no_store(_link_unusable(error))
        else:
            # Every session of the member has ended, this browser's included.
            end_cookie_session()
            flash(_("Uw wachtwoord is gewijzigd. Log in met uw nieuwe wachtwoord."), "success")
            return redirect(url_for("auth.login"))
    page = render_template("auth/password_reset.html", form=form, token=token, email=user.email)
    return _no_store((page, form_status(form)))


def _no_store(result):
    """Keep pages that carry a reset link out of every cache."""
    response = current_app.make_response(result)
    response.headers["Cache-Control"] = "no-store"
    return response
