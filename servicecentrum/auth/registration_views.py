"""Request access, confirm the e-mail address, and see what happens next."""

from flask import current_app, redirect, render_template, request, session, url_for
from flask_babel import gettext as _

from ..extensions import limiter
from ..forms import form_status
from . import bp, registration
from .models import normalise_email
from .registration_forms import ConfirmForm, RegisterForm
from .services import PasswordRejected
from .tokens import TokenError, TokenExpired, TokenUsed
from .web import client_address

# The page after a step is shown once the step happened in this browser (PRG without a
# separate public endpoint): /registreren?stap=<step>.
STEP_KEY = "registration_step"
EMAIL_KEY = "registration_email"
STEP_TEMPLATES = {
    "verstuurd": "auth/register_sent.html",
    "actief": "auth/register_result.html",
    "beoordeling": "auth/register_result.html",
}
OUTCOME_STEPS = {"active": "actief", "review": "beoordeling"}


@bp.route("/registreren", methods=["GET", "POST"])
@limiter.limit(lambda: current_app.config["SIGNUP_LIMIT"], methods=["POST"])
def register():
    step = request.args.get("stap")
    if request.method == "GET" and step in STEP_TEMPLATES and session.get(STEP_KEY) == step:
        return render_template(STEP_TEMPLATES[step], step=step, email=session.get(EMAIL_KEY),
                               hours=registration.VERIFY_HOURS)
    form = RegisterForm(organisations=registration.list_organisations())
    if form.validate_on_submit():
        try:
            registration.request_registration(
                name=form.name.data, email=form.email.data, password=form.password.data,
                job_title=form.job_title.data, organisation_id=form.organisation_id,
                requested_organisation=form.organisation_other.data, ip_address=client_address())
        except PasswordRejected as error:
            form.password.errors.append(str(error))
        except registration.UnknownOrganisation:
            form.organisation.errors.append(_("Kies een organisatie uit de lijst."))
        else:
            return _to_step("verstuurd", email=normalise_email(form.email.data))
    return render_template("auth/register.html", form=form), form_status(form)


@bp.route("/registreren/bevestigen/<token>", methods=["GET", "POST"])
def register_verify(token):
    form = ConfirmForm()
    try:
        if form.validate_on_submit():
            outcome = registration.verify_registration(token, client_address())
            return _to_step(OUTCOME_STEPS[outcome])
        registration.check_verification_link(token)
    except TokenError as error:
        return _link_error(error)
    return render_template("auth/register_verify.html", form=form, token=token)


def _to_step(step: str, email: str | None = None):
    session[STEP_KEY] = step
    if email:
        session[EMAIL_KEY] = email
    return redirect(url_for("auth.register", stap=step))


def _link_error(error: TokenError):
    if isinstance(error, TokenExpired):
        kind, status = "expired", 410
    elif isinstance(error, TokenUsed):
        kind, status = "used", 400
    else:
        kind, status = "unknown", 400
    return render_template("auth/register_link_error.html", kind=kind,
                           hours=registration.VERIFY_HOURS), status
