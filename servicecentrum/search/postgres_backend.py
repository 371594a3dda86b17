"""The PostgreSQL backend: rows in search_documents with a weighted `dutch` tsvector (GIN index).

Text goes in already folded and split by the shared Python analysis, with compound parts and
synonym tokens in weight C, so both backends match the same documents. Writes share the
caller's transaction; an advisory lock keeps one index writer at a time.
"""

import logging
import time
from collections.abc import Callable, Iterable
from contextlib import contextmanager

from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from ..extensions import db
from . import highlight
from .backend import Candidate, IndexUnavailable, SearchBackend
from .dutch import stem, words
from .plan import All, Any, Exclude, Key, Plan, Seq, Term
from .prepare import MARK_CLOSE, MARK_OPEN, DocKey, facet_token, prepare
from .registry import IndexedDoc
from .suggest import StemVocabulary, Vocabulary
from .synonyms import KEY_PREFIX

log = logging.getLogger(__name__)

LOCK_KEY = 0x5EA2C1  # pg_advisory_xact_lock key of the search index writer
WEIGHTS = [0.1, 0.3, 0.5, 1.0]  # D, C (expansions), B (body), A (title)
VOCABULARY_MIN_AGE = 60.0  # seconds before a changed index re-reads its words for suggestions
BATCH = 500

INSERT_SQL = text(
    "INSERT INTO search_documents (doc_type, doc_id, title, body, facets, fingerprint, vector, updated_at) "
    "VALUES (:doc_type, :doc_id, :title, :body, :facets, :fingerprint, "
    "setweight(to_tsvector('dutch', :title_words), 'A') || "
    "setweight(to_tsvector('dutch', :body_words), 'B') || "
    "setweight(to_tsvector('dutch', :extra_words), 'C'), timezone('utc', now())) "
    "ON CONFLICT (doc_type, doc_id) DO UPDATE SET title = EXCLUDED.title, body = EXCLUDED.body, "
    "facets = EXCLUDED.facets, fingerprint = EXCLUDED.fingerprint, vector = EXCLUDED.vector, "
    "updated_at = EXCLUDED.updated_at"
)
DELETE_SQL = text(
    "DELETE FROM search_documents d USING unnest(CAST(:types AS text[]), CAST(:ids AS int[])) "
    "AS k(doc_type, doc_id) WHERE d.doc_type = k.doc_type AND d.doc_id = k.doc_id"
)
MATCH_SQL = (
    "SELECT d.doc_type, d.doc_id, d.facets, ts_rank(CAST(:weights AS real[]), d.vector, q) "
    "+ ts_rank(CAST(:weights AS real[]), d.vector, p) AS score, count(*) OVER () AS total "
    "FROM search_documents d, to_tsquery('dutch', :q) AS q, to_tsquery('dutch', :p) AS p "
    "WHERE d.vector @@ q {conditions} ORDER BY score DESC, d.doc_type, d.doc_id LIMIT :limit"
)
HEADLINE_SQL = text(
    "SELECT d.doc_type, d.doc_id, ts_headline('dutch', d.title, h, :title_options) AS title, "
    "ts_headline('dutch', d.body, h, :body_options) AS snippet FROM search_documents d "
    "JOIN unnest(CAST(:types AS text[]), CAST(:ids AS int[])) AS k(doc_type, doc_id) "
    "ON d.doc_type = k.doc_type AND d.doc_id = k.doc_id, to_tsquery('simple', :h) AS h"
)
TITLE_OPTIONS = f"HighlightAll=true, StartSel={MARK_OPEN}, StopSel={MARK_CLOSE}"
BODY_OPTIONS = (f"MaxWords=32, MinWords=14, MaxFragments=2, FragmentDelimiter=\" … \", "
                f"StartSel={MARK_OPEN}, StopSel={MARK_CLOSE}")


def _row(doc: IndexedDoc) -> dict:
    prepared = prepare(doc)
    return {
        "doc_type": prepared.key[0], "doc_id": prepared.key[1],
        "title": prepared.title, "body": prepared.body,
        "facets": " ".join(prepared.facet_tokens), "fingerprint": prepared.fingerprint,
        "title_words": prepared.title_words, "body_words": prepared.body_words,
        "extra_words": prepared.extra_words,
    }


def _lexeme(word: str, prefix: bool = False) -> str:
    return "'" + word.replace("'", "''").replace("\\", "") + "'" + (":*" if prefix else "")


def tsquery(node, primary: bool = False) -> str | None:
    """Compile a plan into to_tsquery('dutch', ...) syntax; the database stems every word.

    With primary, only the words as typed (and synonyms) are kept: ranking adds that match
    to the full one, so other forms of a word count less, as the plan's boosts say.
    """
    if isinstance(node, Term):
        return None if primary and node.boost < 1 else _lexeme(node.word, node.prefix)
    if isinstance(node, Key):
        return _lexeme(node.token)
    if isinstance(node, Seq):
        return "(" + " <-> ".join(_lexeme(w) for w in node.words) + ")"
    if isinstance(node, Exclude):
        inner = tsquery(node.item, primary)
        return "!" + inner if inner else None
    parts = [tsquery(i, primary) for i in node.items]
    if isinstance(node, All):
        if primary and None in parts:
            return None
        return "(" + " & ".join(parts) + ")"
    if isinstance(node, Any):
        kept = [p for p in parts if p]
        return "(" + " | ".join(kept) + ")" if kept else None
    raise TypeError(f"unknown plan node {node!r}")


class PostgresBackend(SearchBackend):
    """Full-text search in PostgreSQL with the dutch configuration."""

    name = "postgres"
    stores_in_database = True

    def __init__(self):
        self._vocabulary: tuple | None = None  # (generation, read at, Vocabulary)

    @contextmanager
    def write_lock(self, blocking: bool = True, timeout: float = 30):
        """Take the transaction-scoped advisory lock; it ends with the caller's commit."""
        if not blocking:
            yield bool(db.session.scalar(text("SELECT pg_try_advisory_xact_lock(:k)"), {"k": LOCK_KEY}))
            return
        db.session.execute(text("SELECT set_config('lock_timeout', :t, true)"),
                           {"t": f"{max(int(timeout * 1000), 1)}ms"})
        try:
            db.session.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": LOCK_KEY})
        except DBAPIError:
            db.session.rollback()
            yield False
            return
        db.session.execute(text("SELECT set_config('lock_timeout', '0', true)"))
        yield True

    def apply(self, docs: list[IndexedDoc], delete_keys: list[DocKey]) -> None:
        """Upsert and delete rows in the caller's transaction."""
        if delete_keys:
            db.session.execute(DELETE_SQL, {"types": [k[0] for k in delete_keys],
                                            "ids": [int(k[1]) for k in delete_keys]})
        for start in range(0, len(docs), BATCH):
            db.session.execute(INSERT_SQL, [_row(d) for d in docs[start:start + BATCH]])

    def _commit(self) -> None:
        db.session.commit()

    def rebuild(self, docs: Iterable[IndexedDoc], progress: Callable[[int], None] | None = None) -> int:
        """Replace every row in the caller's transaction (readers see the old rows until commit)."""
        db.session.execute(text("DELETE FROM search_documents"))
        count, batch = 0, []
        for doc in docs:
            batch.append(_row(doc))
            if len(batch) >= BATCH:
                db.session.execute(INSERT_SQL, batch)
                count += len(batch)
                if progress:
                    progress(len(batch))
                batch = []
        if batch:
            db.session.execute(INSERT_SQL, batch)
            count += len(batch)
            if progress:
                progress(len(batch))
        return count

    def keys_with_fingerprints(self) -> dict[DocKey, str]:
        """Read every row's key and fingerprint."""
        rows = db.session.execute(text("SELECT doc_type, doc_id, fingerprint FROM search_documents"))
        return {(r.doc_type, r.doc_id): r.fingerprint for r in rows}

    def check(self) -> None:
        """The rows live in the database: there is nothing that can be missing on its own."""

    def match(self, plan: Plan, doc_types, facets, limit: int):
        """Rank with ts_rank over the weighted vector; filters on type and facets."""
        conditions = []
        params: dict = {"q": tsquery(plan.root), "limit": limit, "weights": WEIGHTS}
        params["p"] = tsquery(plan.root, primary=True) or params["q"]
        if doc_types:
            conditions.append("AND d.doc_type = ANY(CAST(:types AS text[]))")
            params["types"] = list(doc_types)
        for n, (name, values) in enumerate(sorted((facets or {}).items())):
            conditions.append(f"AND string_to_array(d.facets, ' ') && CAST(:facet{n} AS text[])")
            params[f"facet{n}"] = [facet_token(name, v) for v in values]
        # Only fixed condition strings are inserted; every value is a bound parameter.
        sql = text(MATCH_SQL.format(conditions=" ".join(conditions)))
        try:
            rows = db.session.execute(sql, params).all()
        except DBAPIError as exc:
            db.session.rollback()
            log.exception("search query failed")
            raise IndexUnavailable(str(exc)) from exc
        candidates = [Candidate(key=(r.doc_type, r.doc_id), score=float(r.score),
                                facet_tokens=tuple(r.facets.split())) for r in rows]
        return candidates, (rows[0].total if rows else 0), None

    def render(self, plan: Plan, candidates: list[Candidate], context):
        """Highlight with ts_headline; the marker characters become <mark> after escaping."""
        words = plan.highlight.words()
        prefixes = plan.highlight.prefixes
        headline = " | ".join(_lexeme(w, w in prefixes) for w in words) or "''"
        rows = db.session.execute(HEADLINE_SQL, {
            "types": [c.key[0] for c in candidates], "ids": [c.key[1] for c in candidates],
            "h": headline, "title_options": TITLE_OPTIONS, "body_options": BODY_OPTIONS,
        })
        return {(r.doc_type, r.doc_id): (highlight.from_headline(r.title), highlight.from_headline(r.snippet))
                for r in rows}

    def vocabulary(self) -> Vocabulary:
        """List the stems of all rows (ts_stat); re-read at most once a minute after changes."""
        generation = tuple(db.session.execute(
            text("SELECT count(*), max(updated_at) FROM search_documents")).one())
        cached = self._vocabulary
        if cached and (cached[0] == generation or time.monotonic() - cached[1] < VOCABULARY_MIN_AGE):
            return cached[2]
        rows = db.session.execute(text(
            "SELECT word, ndoc FROM ts_stat('SELECT vector FROM search_documents')"))
        frequencies = {word: ndoc for word, ndoc in rows
                       if word.isalpha() and not word.startswith(KEY_PREFIX)}
        vocabulary = StemVocabulary(frequencies, _surface_word)
        self._vocabulary = (generation, time.monotonic(), vocabulary)
        return vocabulary


def _surface_word(root: str) -> str | None:
    """Return a word from an indexed text whose stem is `root` (for "bedoelde u …?")."""
    row = db.session.execute(text(
        "SELECT title, left(body, 20000) AS body FROM search_documents "
        "WHERE vector @@ to_tsquery('simple', :q) LIMIT 1"), {"q": _lexeme(root)}).first()
    if row is None:
        return None
    for word in words(f"{row.title} {row.body}"):
        if stem(word) == root:
            return word
    return None
