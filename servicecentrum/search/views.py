"""The unified search page (/zoeken): one result list over every kind of document."""

from flask import after_this_request, render_template, request
from flask_login import current_user

from . import bp, service, sync
from .forms import SearchForm, facets_from


@bp.route("/zoeken")
def search_page():
    """Search everything the member may see; filters by type and facets, paginated."""
    form = SearchForm(formdata=request.args)
    form.offer_types(service.document_types())
    facets = facets_from(request.args.getlist("f"))
    result = service.search(current_user, form.q.data or "", doc_type=form.type.data or None,
                            facets=facets, page=request.args.get("page", 1, type=int))
    if result.degraded:
        @after_this_request
        def rebuild_index(response):
            sync.repair_in_request()
            return response
    return render_template("search/search_page.html", form=form, result=result)
