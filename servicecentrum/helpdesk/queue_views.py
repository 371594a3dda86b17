"""The advisers' queue: their programmes' tickets with filters, and assigning several at once."""

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user

from ..dates import format_date
from ..notifications.centre import unread_subject_ids
from ..policies import can_view_queue, require
from . import bp, queue, sla
from .labels import PRIORITY_LABELS, STATUS_LABELS
from .queue_forms import FILTER_KEYS, SORT_KEYS, AssignForm, QueueFilterForm
from .services import HelpdeskError

MAX_PAGE = 100_000


def filter_args(args, keys=FILTER_KEYS + SORT_KEYS) -> dict:
    """The filters (and sort) in a query string, to keep them when paging and after assigning."""
    return {key: args.get(key) for key in keys if args.get(key)}


def sort_links(args, sort: queue.QueueSort) -> dict:
    """Per sortable column: the URL that sorts by it (again: the other way round)."""
    kept = filter_args(args, FILTER_KEYS)
    links = {}
    for key in queue.SORTS:
        direction = "desc" if sort.key == key and not sort.descending else "asc"
        links[key] = url_for("helpdesk.queue", **kept, sort=key, order=direction)
    return links


def due_date_labels(tickets) -> dict:
    """Each due date on the page, formatted once."""
    days = {day for t in tickets for day in (t.first_response_due, t.resolution_due) if day is not None}
    return {day: format_date(day) for day in days}


def render_queue(assign_form: AssignForm | None = None, status: int = 200):
    """Render the queue as the current member of staff sees it."""
    programmes = queue.visible_programmes(current_user)
    programme_ids = [p.id for p in programmes]
    form = QueueFilterForm(formdata=request.args)
    form.offer(programmes, queue.themes(), queue.organisations_in(programme_ids))
    filters = form.filters()
    today = sla.today()
    sort = queue.QueueSort.parse(request.args.get("sort"), request.args.get("order"))
    page = queue.queue_page(current_user, filters, programme_ids,
                            page=min(request.args.get("page", 1, type=int), MAX_PAGE), today=today, sort=sort)
    if assign_form is None:
        assign_form = AssignForm(formdata=None)
    assign_form.offer(queue.advisers_of(programme_ids))
    links = filter_args(request.args)
    return render_template(
        "helpdesk/queue.html", form=form, page=page, links=links, assign_form=assign_form,
        sort=sort, sort_links=sort_links(request.args, sort),
        has_filters=bool(filter_args(request.args, FILTER_KEYS)),
        # [0] on an empty page: the same one query with or without rows.
        unread=unread_subject_ids(current_user, "ticket", [t.id for t in page.items] or [0]),
        programmes=programmes, today=today, first_response_overdue=sla.first_response_overdue,
        resolution_overdue=sla.resolution_overdue, selected=set(assign_form.ticket_ids.data or []),
        # Translated and formatted once per page, not once per row.
        status_labels={key: str(label) for key, label in STATUS_LABELS.items()},
        priority_labels={key: str(label) for key, label in PRIORITY_LABELS.items()},
        due_dates=due_date_labels(page.items)), status


@bp.get("/wachtrij", endpoint="queue")
def queue_page():
    """The tickets of the programmes the member of staff handles, overdue first."""
    require(can_view_queue(current_user))
    return render_queue()


@bp.post("/wachtrij/toewijzen")
def queue_assign():
    """Assign the ticked tickets to one adviser, then go back to the same filtered queue."""
    require(can_view_queue(current_user))
    form = AssignForm()
    form.offer(queue.advisers_of([p.id for p in queue.visible_programmes(current_user)]))
    if not form.validate_on_submit():
        return render_queue(form, 422)
    assignee = queue.find_user(int(form.assignee.data))
    if assignee is None:
        form.assignee.errors.append(_("Kies een adviseur."))
        return render_queue(form, 422)
    try:
        result = queue.bulk_assign(current_user, form.ticket_ids.data, assignee)
    except HelpdeskError as error:
        form.form_errors.append(str(error))
        return render_queue(form, 422)
    flash(ngettext("%(num)s vraag toegewezen aan %(name)s.", "%(num)s vragen toegewezen aan %(name)s.",
                   result.assigned, name=assignee.name), "success")
    if result.skipped:
        flash(ngettext("%(num)s vraag overgeslagen: die behandelt u niet.",
                       "%(num)s vragen overgeslagen: die behandelt u niet.", result.skipped), "warning")
    return redirect(url_for("helpdesk.queue", **filter_args(request.args)))

