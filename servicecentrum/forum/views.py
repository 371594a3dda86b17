"""Question pages: the list with filters, asking (with similar content first) and a thread."""

from flask import abort, flash, jsonify, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from ..auth.web import client_address
from ..database import utcnow
from ..forms import form_status
from ..policies import can_ask_question, can_view_question, require
from . import attachments, bp, notify, queries, services, unanswered
from .detail_context import answer_rows
from .forms import SORTS, AnswerForm, FilterForm, QuestionCreateForm, QuestionForm, parse_tags
from .similar import similar_items


def visible_question_or_404(question_id: int):
    """Return the question, or answer 404 when it does not exist or the member may not see it."""
    question = queries.find_question(question_id)
    if question is None or not can_view_question(current_user, question):
        abort(404)
    return question


def question_data(form: QuestionForm) -> services.QuestionData:
    """Return what the member typed as plain data."""
    return services.QuestionData(title=form.title.data or "", body=form.body.data or "",
                                 theme_ids=[int(value) for value in form.themes.data or []],
                                 tags=parse_tags(form.tags.data))


@bp.route("")
def question_list():
    """List the questions with filters, sorting and pages."""
    form = FilterForm(formdata=request.args)
    form.offer(queries.themes(), queries.organisations_with_questions())
    filters = form.filters()
    page = queries.list_questions(current_user, filters, page=request.args.get("page", 1, type=int))
    links = {key: value for key, value in request.args.items() if key != "page"}
    return render_template("forum/question_list.html", form=form, filters=filters, page=page,
                           links=links, sorts=SORTS)


@bp.route("/nieuw", methods=["GET", "POST"])
def question_create():
    """Ask a question, with attachments; without JavaScript, show similar content once before saving."""
    require(can_ask_question(current_user))
    form = QuestionCreateForm()
    form.offer_themes(queries.themes())
    if form.validate_on_submit():
        try:
            uploads = attachments.read_uploads(form.attachments.data)
        except attachments.AttachmentRefused as refused:
            form.attachments.errors = [str(refused)]
            return render_template("forum/question_create.html", form=form), 422
        if form.confirmed.data != "1":
            items = similar_items(current_user, form.title.data)
            if items:
                form.confirmed.data = "1"
                return render_template("forum/question_similar.html", form=form, items=items,
                                       files_dropped=bool(uploads))
        question = services.ask_question(current_user, question_data(form), ip_address=client_address())
        for name, data in uploads:
            attachments.add_post_attachment(current_user, "question", question, name, data, client_address())
        flash(_("Uw vraag is geplaatst."), "success")
        return redirect(url_for("forum.question_detail", question_id=question.id))
    return render_template("forum/question_create.html", form=form), form_status(form)


@bp.route("/vergelijkbaar")
def similar():
    """Return similar questions and practices for a title typed so far (JSON, for similar.js)."""
    items = similar_items(current_user, request.args.get("q", ""))
    return jsonify(items=[{"title": item.title_html.striptags(), "url": item.url,
                           "type": str(item.type_label)} for item in items])


def render_detail(question, answer_form=None, status: int = 200):
    """Render a thread as this member may see it."""
    member = current_user._get_current_object()  # the rules run per answer: skip the proxy
    thread = queries.thread(member, question)
    return render_template("forum/question_detail.html", question=question,
                           answers=answer_rows(member, question, thread), files=thread.files,
                           answer_form=answer_form or AnswerForm(formdata=None),
                           following=notify.is_following(current_user, "question", question.id),
                           offer_expert=unanswered.offer_expert(question, current_user, utcnow())), status


@bp.route("/<int:question_id>")
def question_detail(question_id: int):
    """Show a question with its answers and the answer form."""
    return render_detail(visible_question_or_404(question_id))


from . import answer_views, attachment_views, edit_views  # noqa: E402,F401
