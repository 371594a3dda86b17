"""Shared plumbing for ``demo generate``: the run's context and batched bulk inserts."""

import random
import unicodedata
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from sqlalchemy import Table, insert

from ...extensions import db
from ...helpdesk.sla import AMSTERDAM

BATCH_SIZE = 2000


@dataclass
class Context:
    """What every part needs: the random source, the reference moment and the ids made so far."""

    rng: random.Random
    now: datetime
    batch: int
    progress: object
    themes: list[int] = field(default_factory=list)
    programmes: list[int] = field(default_factory=list)
    spearheads: list[int] = field(default_factory=list)
    advisers: list[int] = field(default_factory=list)
    organisations: dict[int, tuple[str, str | None]] = field(default_factory=dict)  # id -> kind, region
    org_weights: list[int] = field(default_factory=list)
    members: list[tuple[int, int]] = field(default_factory=list)  # (user id, organisation id)
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def today(self) -> date:
        return self.now.astimezone(AMSTERDAM).date()

    def moment_in_last(self, days: float, *, working_hours: bool = True) -> datetime:
        """A UTC moment in the last ``days`` days; on a weekday between 8 and 18 Amsterdam time."""
        day = self.today - timedelta(days=int(self.rng.random() * days))
        if working_hours:
            while day.weekday() >= 5:
                day -= timedelta(days=1)
            hour = self.rng.randint(8, 17)
        else:
            hour = self.rng.randint(0, 23)
        local = datetime.combine(day, time(hour, self.rng.randint(0, 59)), AMSTERDAM)
        return min(local.astimezone(self.now.tzinfo), self.now - timedelta(minutes=1))


def slug(text: str) -> str:
    """ASCII, lower case, dots for spaces: 'El Amrani' -> 'el.amrani'."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return ".".join(plain.lower().replace("-", " ").split())


@contextmanager
def no_progress(_label: str, length: int):
    class _Bar:
        def update(self, _n: int) -> None:
            pass
    yield _Bar()


def insert_rows(target, rows: list[dict], bar=None, *, returning: bool = False) -> list[int]:
    """Insert rows in batches of BATCH_SIZE; return the new ids in row order when asked."""
    ids: list[int] = []
    for first in range(0, len(rows), BATCH_SIZE):
        chunk = rows[first:first + BATCH_SIZE]
        if isinstance(target, Table):
            db.session.execute(target.insert(), chunk)
        elif returning:
            statement = insert(target).returning(target.id, sort_by_parameter_order=True)
            ids.extend(db.session.scalars(statement, chunk).all())
        else:
            db.session.execute(insert(target), chunk)
        if bar is not None:
            bar.update(len(chunk))
    return ids


def weighted_rating(rng: random.Random, mean_shift: int = 0) -> int:
    """A satisfaction score 1-5, mostly 4 and 5 as real surveys show."""
    weights = [3, 5, 14, 42, 36] if mean_shift >= 0 else [8, 12, 25, 35, 20]
    return rng.choices(range(1, 6), weights=weights)[0]
