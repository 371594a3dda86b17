"""The signals report for the ministry: a printable page and its CSV, both audited."""

from flask import make_response, render_template, request
from flask_login import current_user

from ..auth.web import client_address
from ..helpdesk.sla import today
from ..policies import can_view_reports, require
from . import bp, signals_report
from .signals_forms import SignalsFilterForm


def _form() -> tuple[SignalsFilterForm, bool]:
    form = SignalsFilterForm(formdata=request.args)
    form.offer_themes(signals_report.themes())
    return form, form.validate()


def _page(form, report, status: int = 200):
    return render_template("reports/signals.html", form=form, report=report,
                           withheld=signals_report.withheld_message(report.threshold) if report else "",
                           csv_args=form.query_args() if report else {}), status


@bp.route("/signalen", endpoint="signals")
def signals_page():
    """Signals of a period by theme and region, with every small group left out."""
    require(can_view_reports(current_user))
    form, valid = _form()
    if not valid:
        return _page(form, None, 422)
    report = signals_report.build(form.filters(today()))
    signals_report.record_generation(report, current_user, client_address(), "page")
    return _page(form, report)


@bp.route("/signalen.csv", endpoint="signals_csv")
def signals_csv():
    """The same rows and descriptions as the page, as a CSV for Excel."""
    require(can_view_reports(current_user))
    form, valid = _form()
    if not valid:
        return _page(form, None, 422)
    report = signals_report.build(form.filters(today()))
    signals_report.record_generation(report, current_user, client_address(), "csv")
    response = make_response(signals_report.report_csv(report))
    response.headers["Content-Type"] = "text/csv; charset=utf-8"
    response.headers["Content-Disposition"] = f'attachment; filename="{signals_report.csv_filename(report)}"'
    response.headers["Cache-Control"] = "private, no-store"
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response
