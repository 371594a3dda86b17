"""Pages of a list in one query: one row more than a page shows tells whether a next page exists.

A list that shows no total is never counted. A list that shows one counts at most
``COUNT_LIMIT + 1`` matching rows (a COUNT over a LIMIT subquery), so a large table costs the
same as a small one; beyond that the page says "meer dan 1.000". Every list page renders its
pager with the ``pager`` macro of ``templates/_pager.html``.
"""

import math
from collections.abc import Callable
from dataclasses import dataclass

from flask_babel import format_decimal
from sqlalchemy import func, literal_column, select
from werkzeug.exceptions import NotFound

from .extensions import db

COUNT_LIMIT = 1000
# Past this page a list answers 404 without asking the database (an OFFSET of 10**20 overflows).
MAX_PAGE = 100_000


class PageNotFound(NotFound):
    """A page number past the end of a list whose length is not counted (the Dutch 404 page)."""


@dataclass
class Page:
    """One page of a list, as the templates use it (the same names as Flask-SQLAlchemy's)."""

    items: list
    page: int
    per_page: int
    has_next: bool
    total: int | None = None  # counted rows; None when the list shows no total
    capped: bool = False  # more than COUNT_LIMIT rows match: total is a lower bound

    @property
    def has_prev(self) -> bool:
        return self.page > 1

    @property
    def prev_num(self) -> int | None:
        return self.page - 1 if self.has_prev else None

    @property
    def next_num(self) -> int | None:
        return self.page + 1 if self.has_next else None

    @property
    def first(self) -> int:
        """The position of the page's first row in the whole list (1 for the first page)."""
        return (self.page - 1) * self.per_page + 1 if self.items else 0

    @property
    def last(self) -> int:
        return self.first + len(self.items) - 1 if self.items else 0

    @property
    def known_total(self) -> int | None:
        """The exact number of rows when known: counted, or this page is the last one."""
        if self.total is not None and not self.capped:
            return self.total
        if not self.has_next:
            return self.last
        return None

    @property
    def pages(self) -> int | None:
        """The number of pages when the exact total is known, else None."""
        total = self.known_total
        return None if total is None else math.ceil(total / self.per_page)

    @property
    def count_limit(self) -> str:
        """COUNT_LIMIT written the Dutch way ("1.000"), for "meer dan 1.000"."""
        return format_decimal(COUNT_LIMIT)

    def iter_pages(self, left_edge: int = 1, left_current: int = 2, right_current: int = 3,
                   right_edge: int = 1):
        """Yield the page numbers to link, with None for a gap (as Flask-SQLAlchemy does)."""
        pages = self.pages or self.page
        left_end = min(1 + left_edge, pages + 1)
        yield from range(1, left_end)
        if left_end > pages:
            return
        mid_start = max(left_end, self.page - left_current)
        mid_end = min(self.page + right_current + 1, pages + 1)
        if mid_start - left_end > 0:
            yield None
        yield from range(mid_start, mid_end)
        if mid_end > pages:
            return
        right_start = max(mid_end, pages - right_edge + 1)
        if right_start - mid_end > 0:
            yield None
        yield from range(right_start, pages + 1)

    def __iter__(self):
        return iter(self.items)


def _rows(statement) -> list:
    return list(db.session.execute(statement).unique().scalars())


def count_upto(statement, limit: int) -> int:
    """Count the rows of ``statement``, but stop at ``limit``."""
    matching = (statement.with_only_columns(literal_column("1"), maintain_column_froms=True)
                .order_by(None).limit(limit).subquery())
    return db.session.scalar(select(func.count()).select_from(matching)) or 0


def page_number(value) -> int:
    """The page asked for as a whole number of at least 1 (0, negative or rubbish mean 1)."""
    try:
        return max(1, int(value))
    except (TypeError, ValueError):
        return 1


def paginate(statement, page, per_page: int, *, count: bool = False, total: int | None = None,
             fetch: Callable[[object], list] = _rows) -> Page:
    """Return one page of ``statement`` (ordered, with its loader options) in one query.

    ``count=True`` also counts the matching rows up to COUNT_LIMIT; ``total`` is a count the
    caller already knows. With a known total, a page past the end shows the last page; without
    one it answers 404 (:class:`PageNotFound`). ``fetch`` runs the limited statement.
    """
    page = page_number(page)
    capped = False
    if total is None and count:
        total = count_upto(statement, COUNT_LIMIT + 1)
        capped = total > COUNT_LIMIT
        total = min(total, COUNT_LIMIT)
    if total is not None and not capped:
        page = min(page, max(1, math.ceil(total / per_page)))
    if page > MAX_PAGE:
        raise PageNotFound()
    rows = fetch(statement.limit(per_page + 1).offset((page - 1) * per_page))
    if not rows and page > 1:
        raise PageNotFound()
    return Page(items=rows[:per_page], page=page, per_page=per_page, has_next=len(rows) > per_page,
                total=total, capped=capped)
