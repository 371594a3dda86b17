"""Topic wishes: the ranked list, proposing, supporting, and (staff) closing and planning."""

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from ..forms import form_status
from ..policies import can_manage_topics, can_propose_topic, can_support_topic, is_member, require
from . import bp, topics
from .topic_forms import CloseForm, PlanForm, ProposalForm, SupportForm


def proposal_or_404(proposal_id: int):
    proposal = topics.find_proposal(proposal_id)
    if proposal is None or not is_member(current_user):
        abort(404)
    return proposal


@bp.get("/onderwerpen", endpoint="topics")
def topics_index():
    """Open proposals ranked by support, with the member's own support shown."""
    require(is_member(current_user))
    return render_template("events/topics.html", rows=topics.open_proposals(current_user),
                           planned=topics.planned_proposals(), support_form=SupportForm(),
                           close_form=CloseForm(), manage=can_manage_topics(current_user),
                           may_propose=can_propose_topic(current_user))


@bp.route("/onderwerpen/nieuw", methods=["GET", "POST"])
def topic_new():
    """Propose a topic for a future kennisatelier or masterclass."""
    require(can_propose_topic(current_user))
    form = ProposalForm()
    form.offer(topics.list_themes())
    if form.validate_on_submit():
        try:
            topics.propose(current_user, form.data_typed())
        except topics.TopicError as error:
            form.form_errors.append(str(error))
        else:
            flash(_("Uw voorstel staat in de lijst. Andere leden kunnen het nu steunen."), "success")
            return redirect(url_for("events.topics"))
    return render_template("events/topic_form.html", form=form), form_status(form)


@bp.post("/onderwerpen/<int:proposal_id>/steunen")
def topic_support(proposal_id: int):
    """Support a proposal, or take the support back (the button says which)."""
    proposal = proposal_or_404(proposal_id)
    require(can_support_topic(current_user, proposal))
    form = SupportForm()
    if not form.validate_on_submit():
        flash(_("Dat lukte niet. Probeer het opnieuw."), "error")
        return redirect(url_for("events.topics"), 303)
    wanted = form.wanted.data == "ja"
    try:
        topics.set_support(proposal, current_user, wanted)
    except topics.TopicError as error:
        flash(str(error), "error")
    else:
        flash(_("U steunt dit voorstel.") if wanted else _("U steunt dit voorstel niet meer."), "success")
    return redirect(url_for("events.topics", _anchor=f"voorstel-{proposal.id}"), 303)


@bp.post("/onderwerpen/<int:proposal_id>/sluiten")
def topic_close(proposal_id: int):
    """Staff close a proposal no event will come of."""
    proposal = proposal_or_404(proposal_id)
    require(can_manage_topics(current_user))
    if CloseForm().validate_on_submit():
        try:
            topics.close_proposal(proposal, current_user, request.remote_addr)
        except topics.TopicError as error:
            flash(str(error), "error")
        else:
            flash(_("Het voorstel is gesloten."), "success")
    return redirect(url_for("events.topics"), 303)


@bp.route("/onderwerpen/<int:proposal_id>/plannen", methods=["GET", "POST"])
def topic_plan(proposal_id: int):
    """Staff link a proposal to an upcoming event; proposer and supporters get an e-mail."""
    proposal = proposal_or_404(proposal_id)
    require(can_manage_topics(current_user))
    events = topics.upcoming_events()
    form = PlanForm()
    form.offer(events)
    if proposal.status != "planned" and form.validate_on_submit():
        event = next(e for e in events if str(e.id) == form.event_id.data)
        try:
            told = topics.plan_proposal(proposal, event, current_user, request.remote_addr)
        except topics.TopicError as error:
            form.form_errors.append(str(error))
        else:
            flash(_("Het voorstel is ingepland; %(count)s leden krijgen bericht.", count=told), "success")
            return redirect(url_for("events.topics"))
    return render_template("events/topic_plan.html", form=form, proposal=proposal,
                           events=events), form_status(form)
