"""Reports for FORUM staff: the service dashboard, and the declarations of helpdesk hours."""

from flask import abort, make_response, render_template, request
from flask_login import current_user

from ..helpdesk.sla import today
from ..policies import can_view_declarations, can_view_reports, require
from . import bp, dashboard, declarations
from .charts import bar_chart, chart_caption
from .dashboard_forms import DashboardFilterForm
from .formatting import cell_text
from .forms import YearForm


def _filter_form() -> tuple[DashboardFilterForm, bool]:
    form = DashboardFilterForm(formdata=request.args)
    form.offer(*dashboard.filter_choices())
    valid = form.validate() if request.args else True
    return form, valid


def _csv_response(content: bytes, filename: str):
    response = make_response(content)
    response.headers["Content-Type"] = "text/csv; charset=utf-8"
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.headers["Cache-Control"] = "private, no-store"
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response


@bp.route("", endpoint="index")
def dashboard_page():
    """The service dashboard: every table of the chosen period with its chart and a CSV link."""
    require(can_view_reports(current_user))
    form, valid = _filter_form()
    filters = dashboard.with_coverage(form.filters(today()))  # which days come from the roll-ups
    return render_template("reports/dashboard.html", form=form, filters=filters,
                           tables=dashboard.all_tables(filters), bar_chart=bar_chart,
                           chart_caption=chart_caption, cell_text=cell_text), 200 if valid else 422


@bp.route("/tabellen/<key>.csv")
def table_csv(key: str):
    """One dashboard table as a CSV for Excel, for the same filters."""
    require(can_view_reports(current_user))
    form, valid = _filter_form()
    if not valid:
        abort(422)
    result = dashboard.table_csv(key, form.filters(today()))
    if result is None:
        abort(404)
    return _csv_response(*result)


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
    return _csv_response(declarations.declarations_csv(declarations.declarations(year)),
                         f"declaraties-{year}.csv")
