"""Reports for FORUM staff: the declarations of free and billable helpdesk hours."""

from flask import make_response, render_template, request
from flask_login import current_user

from ..helpdesk.sla import today
from ..policies import can_view_declarations, require
from . import bp, declarations
from .forms import YearForm


@bp.route("")
def index():
    """List the reports for FORUM staff."""
    require(can_view_declarations(current_user))
    return render_template("reports/index.html")


def _year_form() -> tuple[YearForm, int, bool]:
    """The filter, the year to show and whether the filter was valid."""
    form = YearForm(formdata=request.args)
    current = today().year
    form.offer_years(declarations.years_with_entries(), current)
    valid = form.validate()
    return form, form.year if valid else current, valid


@bp.route("/declaraties", endpoint="declarations")
def declarations_page():
    """Show per organisation and quarter the hours spent, free and billable, with the amounts."""
    require(can_view_declarations(current_user))
    form, year, valid = _year_form()
    report = declarations.declarations(year)
    return render_template("reports/declarations.html", form=form, report=report), 200 if valid else 422


@bp.route("/declaraties.csv")
def declarations_csv():
    """Download the declarations of a year as a CSV for Excel."""
    require(can_view_declarations(current_user))
    form, year, valid = _year_form()
    if not valid:
        report = declarations.declarations(year)
        return render_template("reports/declarations.html", form=form, report=report), 422
    response = make_response(declarations.declarations_csv(declarations.declarations(year)))
    response.headers["Content-Type"] = "text/csv; charset=utf-8"
    response.headers["Content-Disposition"] = f'attachment; filename="declaraties-{year}.csv"'
    response.headers["Cache-Control"] = "private, no-store"
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response
