"""Search bookkeeping: the index outbox, PostgreSQL's documents, and searches that found nothing."""

from datetime import datetime

from sqlalchemy import Index, Integer, String, Text
from sqlalchemy.dialects.postgresql import TSVECTOR
from sqlalchemy.orm import Mapped, mapped_column

from ..database import UTCDateTime, utcnow
from ..extensions import db

# tsvector on PostgreSQL; plain text elsewhere, where the table simply stays empty.
SearchVector = TSVECTOR().with_variant(Text(), "sqlite")


class SearchOutboxEntry(db.Model):
    """A document whose index entry must be brought up to date (written with the change)."""

    __tablename__ = "search_outbox"

    id: Mapped[int] = mapped_column(primary_key=True)
    doc_type: Mapped[str] = mapped_column(String(30))
    doc_id: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class SearchDocument(db.Model):
    """One searchable document for the PostgreSQL backend (tsvector with the dutch configuration)."""

    __tablename__ = "search_documents"
    __table_args__ = (
        Index("ix_search_documents_vector", "vector", postgresql_using="gin"),
    )

    doc_type: Mapped[str] = mapped_column(String(30), primary_key=True)
    doc_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    title: Mapped[str] = mapped_column(Text, default="")
    body: Mapped[str] = mapped_column(Text, default="")
    facets: Mapped[str] = mapped_column(Text, default="")  # space-separated facet tokens
    fingerprint: Mapped[str] = mapped_column(String(64), default="")  # detects stale entries
    vector: Mapped[str] = mapped_column(SearchVector)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class SearchMiss(db.Model):
    """A search that found nothing: the library's content gaps, for the reports."""

    __tablename__ = "search_misses"

    id: Mapped[int] = mapped_column(primary_key=True)
    query: Mapped[str] = mapped_column(String(200), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
