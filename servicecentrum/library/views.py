"""Library pages: the list with facets, a practice, proposing and editing, and the history."""

from dataclasses import replace

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from ..forms import form_status
from ..organisations.models import SIZE_CLASSES
from ..policies import (
    can_create_practice,
    can_edit_practice,
    can_follow_review,
    can_rate_practice,
    can_view_practice,
    require,
)
from . import bp, facets, queries, services, usage, versions
from .forms import AttachmentForm, FilterForm, PracticeForm, RateForm, ReviewForm
from .labels import (
    ACTION_LABELS,
    FIELD_LABELS,
    KIND_LABELS,
    SORT_LABELS,
    STATUS_LABELS,
    VIEW_LABELS,
    file_size,
)

LABELS = {"kinds": KIND_LABELS, "statuses": STATUS_LABELS, "actions": ACTION_LABELS, "fields": FIELD_LABELS,
          "sorts": SORT_LABELS, "views": VIEW_LABELS, "sizes": SIZE_CLASSES}

FACET_ORDER = ("theme", "spearhead", "kind", "region", "size", "year")  # as the filter panel shows them
EDIT_OUTCOMES = {
    "unchanged": (_l("Er was niets gewijzigd."), "info"),
    "saved": (_l("De wijzigingen zijn opgeslagen."), "success"),
    "new_version": (_l("De wijzigingen zijn gepubliceerd als nieuwe versie."), "success"),
    "back_to_review": (_l("Uw wijziging gaat eerst langs een adviseur. Tot die de praktijk opnieuw "
                         "publiceert, staat ze niet in de bibliotheek."), "warning"),
}


def visible_practice_or_404(practice_id: int):
    """Return the practice, or answer 404 when it does not exist or the member may not see it."""
    practice = queries.find_practice(practice_id)
    if practice is None or not can_view_practice(current_user, practice):
        abort(404)
    return practice


def flash_outcome(outcome: str) -> None:
    """Tell the member what saving did to the practice."""
    message, category = EDIT_OUTCOMES[outcome]
    flash(str(message), category)


@bp.route("")
def practice_list():
    """List the practices of a tab with facets, sorting and pages."""
    form = FilterForm(formdata=request.args)
    query = form.list_query(page=request.args.get("page", 1, type=int))
    query = replace(query, view=facets.allowed_view(current_user, query.view))
    options = facets.facet_counts(current_user, query)
    page = facets.list_practices(current_user, query, total=facets.total_of(options, query))
    links = {key: request.args.getlist(key) for key in request.args if key != "page"}
    return render_template("library/practice_list.html", form=form, query=query, page=page,
                           groups=facets.facet_groups(options, FACET_ORDER),
                           tabs=facets.tab_counts(current_user), links=links, labels=LABELS,
                           kind_labels={key: str(label) for key, label in KIND_LABELS.items()})


def render_detail(practice, status: int = 200, review_form=None, rate_form=None):
    """Render a practice's page with its review panel and rating, as this member may see them."""
    comments = queries.review_comments(practice) if can_follow_review(current_user, practice) else []
    rating = queries.rating_of(current_user, practice) if can_rate_practice(current_user, practice) else None
    if rate_form is None:
        answer = None if rating is None else ("yes" if rating.helpful else "no")
        rate_form = RateForm(formdata=None, helpful=answer)
    review_form = review_form or ReviewForm(formdata=None)
    return render_template("library/practice_detail.html", practice=practice, comments=comments,
                           rating=rating, rate_form=rate_form, review_form=review_form,
                           labels=LABELS, file_size=file_size), status


@bp.route("/<int:practice_id>")
def practice_detail(practice_id: int):
    """Show one practice (and count the view for the reports)."""
    practice = visible_practice_or_404(practice_id)
    usage.count_view(practice)  # buffered; written in a batch by the background work
    return render_detail(practice)


def _offer_choices(form: PracticeForm) -> None:
    form.offer_choices(*queries.form_choices())


@bp.route("/nieuw", methods=["GET", "POST"])
def practice_create():
    """Propose a practice; it is saved as the member's draft."""
    require(can_create_practice(current_user))
    organisation = current_user.organisation_id
    form = PracticeForm(data={"organisations": [str(organisation)] if organisation else []})
    _offer_choices(form)
    if form.validate_on_submit():
        practice = services.create_practice(current_user, form.to_data())
        flash(_("Uw concept is opgeslagen. Voeg eventueel bijlagen toe en dien het in ter beoordeling "
                "als het klaar is."), "success")
        return redirect(url_for("library.practice_detail", practice_id=practice.id))
    return render_template("library/practice_create.html", form=form, labels=LABELS), form_status(form)


def render_edit(practice, form=None, upload_form=None, status: int = 200):
    """Render the edit page: the practice's fields, its attachments and the upload form."""
    if form is None:
        form = PracticeForm.for_practice(practice)
        _offer_choices(form)
    return render_template("library/practice_edit.html", practice=practice, form=form,
                           upload_form=upload_form or AttachmentForm(formdata=None),
                           labels=LABELS, file_size=file_size), status


@bp.route("/<int:practice_id>/bewerken", methods=["GET", "POST"])
def practice_edit(practice_id: int):
    """Change a practice; a published one gets a new version or goes back to review."""
    practice = visible_practice_or_404(practice_id)
    require(can_edit_practice(current_user, practice))
    form = PracticeForm.for_practice(practice)
    _offer_choices(form)
    if form.validate_on_submit():
        flash_outcome(services.update_practice(current_user, practice, form.to_data()))
        return redirect(url_for("library.practice_detail", practice_id=practice.id))
    return render_edit(practice, form=form, status=form_status(form))


@bp.route("/<int:practice_id>/geschiedenis")
def practice_history(practice_id: int):
    """Show every published version and what changed between them."""
    practice = visible_practice_or_404(practice_id)
    entries = versions.history(queries.versions_of(practice))
    return render_template("library/practice_history.html", practice=practice, entries=entries,
                           labels=LABELS)
