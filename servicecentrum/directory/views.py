"""Directory pages: find peers, see a member's questions and answers, hide oneself."""

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from ..auth.web import client_address
from ..policies import can_view_directory, can_view_member, require
from . import bp, services
from .forms import DirectoryFilterForm, VisibilityForm


@bp.route("")
def member_list():
    """List members with filters on organisation, province, expertise and name."""
    require(can_view_directory(current_user))
    form = DirectoryFilterForm(formdata=request.args)
    form.offer_choices(services.organisations(), services.themes())
    form.validate()
    filters = form.filters()
    page = services.list_members(current_user, filters, request.args.get("page", 1, type=int))
    visibility = VisibilityForm(formdata=None, hide_from_directory=current_user.hide_from_directory)
    links = {k: v for k, v in {"q": filters["q"], "organisation": filters["organisation_id"],
                               "region": filters["region"], "theme": filters["theme_id"]}.items() if v}
    return render_template("directory/member_list.html", form=form, page=page, links=links,
                           visibility=visibility)


@bp.route("/<int:user_id>")
def member_detail(user_id: int):
    """Show a member's profile with their visible questions and answers."""
    member = services.find_member(user_id)
    if member is None or not can_view_member(current_user, member):
        abort(404)
    questions, answers = services.member_posts(member)
    return render_template("directory/member_detail.html", member=member, questions=questions,
                           answers=answers)


@bp.route("/zichtbaarheid", methods=["POST"])
def visibility():
    """Hide oneself from the directory, or show oneself again."""
    require(can_view_directory(current_user))
    form = VisibilityForm()
    if form.validate_on_submit():
        hide = bool(form.hide_from_directory.data)
        services.set_visibility(current_user, hide, ip_address=client_address())
        flash(_("U staat niet meer in de ledengids.") if hide
              else _("U staat weer in de ledengids."), "success")
    return redirect(url_for("directory.member_list"))
