"""Login and logout."""

from flask import flash, redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_user, logout_user

from ..extensions import db, login_manager
from ..forms import form_status
from ..urls import safe_next_url
from . import bp, services
from .forms import LoginForm
from .models import User


@login_manager.user_loader
def load_user(user_id: str) -> User | None:
    if not user_id.isdigit():
        return None
    return db.session.get(User, int(user_id))


@bp.route("/inloggen", methods=["GET", "POST"])
def login():
    if current_user.is_authenticated:
        return redirect(url_for("main.home"))
    form = LoginForm(next=request.args.get("next", ""))
    if form.validate_on_submit():
        try:
            user = services.authenticate(form.email.data, form.password.data)
        except services.InvalidCredentials:
            form.form_errors.append(_("Het e-mailadres of het wachtwoord klopt niet."))
        else:
            _start_session(user)
            flash(_("U bent ingelogd."), "success")
            return redirect(safe_next_url(form.next.data) or url_for("main.home"))
    return render_template("auth/login.html", form=form), form_status(form)


@bp.route("/uitloggen", methods=["POST"])
def logout():
    logout_user()
    _reset_session()
    flash(_("U bent uitgelogd."), "success")
    return redirect(url_for("main.landing"))


def _start_session(user: User) -> None:
    """Begin a fresh session for the user, keeping only the language choice."""
    _reset_session()
    login_user(user)


def _reset_session() -> None:
    """Drop everything from the session except the visitor's language."""
    lang = session.get("lang")
    session.clear()
    if lang:
        session["lang"] = lang
