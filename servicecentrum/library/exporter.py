"""Export practices as JSON Lines, in the format the importer reads."""

import json
from collections.abc import Iterator

from sqlalchemy import select
from sqlalchemy.orm import joinedload, selectinload

from ..extensions import db
from .models import Practice


def practice_record(practice: Practice) -> dict:
    """Return one practice as an import line's fields; empty optional fields are left out."""
    organisations = [o.name for o in practice.organisations]
    record = {
        "title": practice.title,
        "summary": practice.summary,
        "body": practice.body,
        "kind": practice.kind,
        "status": practice.status,
        "themes": [t.slug for t in practice.themes],
        "spearhead": practice.spearhead.slug if practice.spearhead else None,
        "organisation": organisations[0] if len(organisations) == 1 else organisations,
        "year": practice.year,
        "target_groups": list(practice.target_groups or []),
        "contact_name": practice.contact_name,
        "contact_email": practice.contact_email,
    }
    return {key: value for key, value in record.items() if value not in (None, "", [])}


def export_records(batch_size: int = 200) -> Iterator[dict]:
    """Yield every practice, oldest first, with its themes, spearhead and organisations."""
    statement = (select(Practice).order_by(Practice.id)
                 .options(joinedload(Practice.spearhead), selectinload(Practice.themes),
                          selectinload(Practice.organisations))
                 .execution_options(yield_per=batch_size))
    for practice in db.session.scalars(statement):
        yield practice_record(practice)


def write_jsonl(stream) -> int:
    """Write every practice to the stream, one JSON object a line; return how many."""
    count = 0
    for record in export_records():
        stream.write(json.dumps(record, ensure_ascii=False) + "\n")
        count += 1
    return count
