"""Login (password, then a second factor when set up) and logout."""

import time

from flask import current_app, flash, redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from flask_login import current_user

from ..extensions import db, limiter
from ..forms import form_status
from ..urls import safe_next_url
from . import bp, services
from .forms import CodeForm, LoginForm
from .models import User, normalise_email
from .web import (
    MFA_NEXT_KEY,
    PENDING_MFA_KEY,
    begin_session,
    client_address,
    current_session_token,
    end_cookie_session,
    reset_cookie_session,
    user_agent,
)

PENDING_MFA_SECONDS = 300


def _login_limit() -> str:
    return current_app.config["LOGIN_FAILURE_LIMIT"]


def _account_key() -> str:
    return "login-account:" + normalise_email(request.form.get("email", ""))


def _failed(response) -> bool:
    return response.status_code == 422


@bp.route("/inloggen", methods=["GET", "POST"])
@limiter.limit(_login_limit, methods=["POST"], deduct_when=_failed)
@limiter.limit(_login_limit, methods=["POST"], key_func=_account_key, deduct_when=_failed)
def login():
    if current_user.is_authenticated:
        return redirect(url_for("main.home"))
    form = LoginForm(next=request.args.get("next", ""))
    if form.validate_on_submit():
        try:
            user = services.authenticate(form.email.data, form.password.data, client_address())
        except services.InvalidCredentials:
            form.form_errors.append(_("Het e-mailadres of het wachtwoord klopt niet."))
        else:
            if user.mfa_enabled:
                reset_cookie_session()
                session[PENDING_MFA_KEY] = [user.id, int(time.time()), form.next.data or ""]
                return redirect(url_for("auth.login_code"))
            return _finish_login(user, "password", form.next.data)
    return render_template("auth/login.html", form=form), form_status(form)


def _pending_user() -> tuple[User | None, str]:
    pending = session.get(PENDING_MFA_KEY)
    if not pending or time.time() - pending[1] > PENDING_MFA_SECONDS:
        return None, ""
    user = db.session.get(User, pending[0])
    return (user if user is not None and user.is_active else None), pending[2]


def _pending_key() -> str:
    pending = session.get(PENDING_MFA_KEY) or [None]
    return f"login-code:{pending[0]}"


@bp.route("/inloggen/code", methods=["GET", "POST"])
@limiter.limit(_login_limit, methods=["POST"], deduct_when=_failed)
@limiter.limit(_login_limit, methods=["POST"], key_func=_pending_key, deduct_when=_failed)
def login_code():
    user, next_url = _pending_user()
    if user is None:
        session.pop(PENDING_MFA_KEY, None)
        flash(_("Log opnieuw in: de tijd voor de code is verstreken."), "warning")
        return redirect(url_for("auth.login"))
    form = CodeForm()
    if form.validate_on_submit():
        try:
            method = services.verify_second_factor(user, form.code.data, client_address())
        except services.InvalidCode:
            form.code.errors.append(_("Deze code klopt niet of is al gebruikt. Probeer de volgende code."))
        else:
            response = _finish_login(user, method, next_url)  # starts a new cookie session
            if method == "recovery_code":
                flash(_("U logde in met een herstelcode. Die code werkt niet nog een keer."), "warning")
            return response
    return render_template("auth/login_code.html", form=form), form_status(form)


def _finish_login(user: User, method: str, next_url: str | None):
    token = services.complete_login(user, client_address(), user_agent(), method)
    begin_session(user, token)
    if services.needs_mfa_setup(user):
        flash(_("Stel eerst tweestapsverificatie in. Dat is voor uw rol verplicht."), "warning")
        if safe_next_url(next_url):
            session[MFA_NEXT_KEY] = safe_next_url(next_url)
        return redirect(url_for("auth.mfa_setup"))
    flash(_("U bent ingelogd."), "success")
    return redirect(safe_next_url(next_url) or url_for("main.home"))


@bp.route("/uitloggen", methods=["POST"])
def logout():
    user = current_user if current_user.is_authenticated else None
    services.logout(user, current_session_token(), client_address())
    end_cookie_session()
    flash(_("U bent uitgelogd."), "success")
    return redirect(url_for("main.landing"))
