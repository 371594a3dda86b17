"""Two-step verification pages: set up, recovery codes, switch off."""

from flask import (
    abort,
    current_app,
    flash,
    make_response,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_babel import format_date
from flask_babel import gettext as _
from flask_login import current_user

from ..admin.settings import get_setting
from ..extensions import limiter
from ..forms import form_status
from ..policies import can_disable_mfa, require
from ..urls import safe_next_url
from . import bp, mfa, services
from .forms import MfaConfirmForm, PasswordConfirmForm, RecoveryDownloadForm
from .web import MFA_NEXT_KEY, client_address, current_session_token


def _attempt_limit() -> str:
    return current_app.config["LOGIN_FAILURE_LIMIT"]


def _member_key() -> str:
    # Per member: a stolen session must not be able to guess codes or the password here.
    return f"mfa-change:{current_user.get_id()}"


def _overview(new_codes=None, next_url=None):
    # New recovery codes are shown in the response that made them, never kept in the cookie.
    return render_template(
        "auth/mfa_overview.html",
        remaining=mfa.remaining_recovery_codes(current_user),
        new_codes=new_codes,
        next_url=next_url,
        today=format_date(format="long"),
        download_form=RecoveryDownloadForm(),
        may_disable=can_disable_mfa(current_user, get_setting("mfa_required_for_all")),
        regenerate_form=MfaConfirmForm(prefix="nieuw"),
        disable_form=PasswordConfirmForm(prefix="uit"),
    )


@bp.route("/account/tweestapsverificatie", methods=["GET"])
def mfa_overview():
    if not current_user.mfa_enabled:
        return redirect(url_for("auth.mfa_setup"))
    return _overview()


@bp.route("/account/tweestapsverificatie/instellen", methods=["GET", "POST"])
def mfa_setup():
    if current_user.mfa_enabled:
        return redirect(url_for("auth.mfa_overview"))
    secret = services.pending_mfa_secret(current_user, current_session_token())
    form = MfaConfirmForm()
    if form.validate_on_submit():
        try:
            codes = services.confirm_mfa_setup(current_user, form.code.data,
                                               current_session_token(), client_address())
        except services.InvalidCode:
            form.code.errors.append(_("Deze code klopt niet. Controleer de tijd op uw telefoon en "
                                      "probeer de code die de app nu toont."))
        else:
            flash(_("Tweestapsverificatie staat aan."), "success")
            next_url = safe_next_url(session.pop(MFA_NEXT_KEY, None)) or url_for("main.home")
            return _overview(new_codes=codes, next_url=next_url)
    return render_template("auth/mfa_setup.html", form=form, secret=secret,
                           grouped_secret=mfa.grouped_secret(secret),
                           required=services.needs_mfa_setup(current_user)), form_status(form)


@bp.route("/account/tweestapsverificatie/qr.svg", methods=["GET"])
def mfa_qr():
    """Serve the QR code of the member's own pending key; nothing once set-up is done."""
    if current_user.mfa_enabled:
        abort(404)
    secret = services.pending_mfa_secret(current_user, current_session_token())
    uri = mfa.provisioning_uri(secret, current_user.email)
    response = make_response(mfa.qr_code_svg(uri))
    response.headers["Content-Type"] = "image/svg+xml"
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.route("/account/tweestapsverificatie/herstelcodes.txt", methods=["POST"])
@limiter.limit(_attempt_limit, key_func=_member_key)
def mfa_recovery_download():
    """Hand back the codes just shown as a text file, if they are the member's fresh codes."""
    form = RecoveryDownloadForm()
    codes = request.form.getlist("codes")
    if not form.validate_on_submit() or not mfa.are_fresh_recovery_codes(current_user, codes):
        abort(403)
    text = render_template("auth/recovery_codes.txt", codes=codes, email=current_user.email,
                           today=format_date(format="long"))
    response = make_response(text)
    response.headers["Content-Type"] = "text/plain; charset=utf-8"
    response.headers["Content-Disposition"] = "attachment; filename=herstelcodes-servicecentrum.txt"
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.route("/account/tweestapsverificatie/herstelcodes", methods=["POST"])
@limiter.limit(_attempt_limit, key_func=_member_key)
def mfa_recovery_codes():
    form = MfaConfirmForm(prefix="nieuw")
    if form.validate_on_submit():
        try:
            codes = services.regenerate_recovery_codes(current_user, form.code.data, client_address())
        except services.InvalidCode:
            flash(_("Deze code klopt niet of is al gebruikt. Er zijn geen nieuwe herstelcodes gemaakt."),
                  "error")
        else:
            flash(_("U heeft tien nieuwe herstelcodes. De oude werken niet meer."), "success")
            return _overview(new_codes=codes)
    else:
        flash(_("Vul de zescijferige code uit de app in."), "error")
    return redirect(url_for("auth.mfa_overview"))


@bp.route("/account/tweestapsverificatie/uitzetten", methods=["POST"])
@limiter.limit(_attempt_limit, key_func=_member_key)
def mfa_disable():
    require(can_disable_mfa(current_user, get_setting("mfa_required_for_all")))
    form = PasswordConfirmForm(prefix="uit")
    if form.validate_on_submit():
        try:
            services.disable_mfa(current_user, form.password.data, current_session_token(),
                                 client_address())
        except services.InvalidCredentials:
            flash(_("Het wachtwoord klopt niet. Tweestapsverificatie staat nog aan."), "error")
            return redirect(url_for("auth.mfa_overview"))
        flash(_("Tweestapsverificatie staat uit."), "success")
        return redirect(url_for("account.profile"))
    flash(_("Vul uw huidige wachtwoord in."), "error")
    return redirect(url_for("auth.mfa_overview"))
