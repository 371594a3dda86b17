"""The member's open sessions: list them, end one, end all others."""

from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from ..auth.web import client_address, current_session_token, end_cookie_session
from ..policies import can_end_session
from . import bp, services


@bp.route("/sessies", methods=["GET"])
def session_list():
    rows = services.session_overview(current_user, current_session_token())
    return render_template("account/session_list.html", rows=rows)


@bp.route("/sessies/<int:session_id>/beeindigen", methods=["POST"])
def session_end(session_id: int):
    user_session = services.find_session(session_id)
    # 404 rather than 403 for someone else's session: ids reveal nothing when probed.
    if user_session is None or not can_end_session(current_user, user_session):
        abort(404)
    was_current = services.end_own_session(current_user, user_session, current_session_token(),
                                           client_address())
    if was_current:
        end_cookie_session()
        flash(_("U heeft deze sessie beëindigd en bent uitgelogd."), "success")
        return redirect(url_for("auth.login"))
    flash(_("De sessie is beëindigd. Dat apparaat moet opnieuw inloggen."), "success")
    return redirect(url_for("account.session_list"))


@bp.route("/sessies/andere-beeindigen", methods=["POST"])
def session_end_others():
    ended = services.end_other_sessions(current_user, current_session_token(), client_address())
    if ended:
        flash(_("U bent op alle andere apparaten uitgelogd."), "success")
    else:
        flash(_("Er waren geen andere sessies."), "info")
    return redirect(url_for("account.session_list"))
