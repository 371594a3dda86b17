"""The Whoosh backend (default): a file index in SEARCH_INDEX_DIR with the Dutch analysis."""

import itertools
import logging
import threading
from collections.abc import Callable, Iterable
from contextlib import contextmanager

from whoosh import columns, fields
from whoosh.analysis import SpaceSeparatedTokenizer, StemFilter, StopFilter
from whoosh.index import create_in, open_dir

from . import highlight
from .backend import Candidate, IndexUnavailable, SearchBackend
from .dutch import STOPWORDS, stem
from .plan import Plan
from .prepare import DocKey, PreparedDoc, prepare
from .registry import IndexedDoc
from .suggest import Vocabulary
from .whoosh_scoring import GenerationCache, Scorer, word_pairs
from .whoosh_store import IndexStore

log = logging.getLogger(__name__)

# The prepared text is folded words separated by spaces; stop words go, the rest is stemmed.
ANALYZER = SpaceSeparatedTokenizer() | StopFilter(stoplist=STOPWORDS, minsize=1) | StemFilter(stemfn=stem)


def _text(stored: bool = False):
    """A text field without positions or lengths: the scorer reads term frequencies only."""
    field = fields.TEXT(analyzer=ANALYZER, phrase=False, stored=stored)
    field.scorable = False
    return field


SCHEMA = fields.Schema(
    key=fields.ID(unique=True),
    doc_type=fields.ID(),
    title=_text(stored=True),
    body=_text(stored=True),
    extra=_text(),
    words=fields.KEYWORD(),  # distinct unstemmed words: the vocabulary for suggestions
    pairs=fields.KEYWORD(),  # neighbouring stems: what phrases match on
    facets=fields.KEYWORD(),
    key_col=fields.COLUMN(columns.VarBytesColumn()),
    facets_col=fields.COLUMN(columns.VarBytesColumn()),
    fingerprint_col=fields.COLUMN(columns.VarBytesColumn()),
)


def _key_text(key: DocKey) -> str:
    return f"{key[0]}:{key[1]}"


def _parse_key(raw: bytes) -> DocKey:
    doc_type, _sep, doc_id = raw.decode("utf-8").rpartition(":")
    return doc_type, int(doc_id)


def _document(doc: PreparedDoc) -> dict:
    key = _key_text(doc.key)
    return {
        "key": key, "doc_type": doc.key[0],
        "title": doc.title_words, "_stored_title": doc.title,
        "body": doc.body_words, "_stored_body": doc.body,
        "extra": doc.extra_words,
        "words": " ".join(dict.fromkeys(f"{doc.title_words} {doc.body_words}".split())),
        "pairs": " ".join(word_pairs(doc.title_words.split()) + word_pairs(doc.body_words.split())),
        "facets": " ".join(doc.facet_tokens),
        "key_col": key.encode("utf-8"),
        "facets_col": " ".join(doc.facet_tokens).encode("utf-8"),
        "fingerprint_col": doc.fingerprint.encode("ascii"),
    }


class WhooshBackend(SearchBackend):
    """Search with Whoosh; one writer at a time under a cross-process lock."""

    name = "whoosh"

    def __init__(self, index_dir: str):
        self.store = IndexStore(index_dir)
        self._local = threading.local()
        self._cache_lock = threading.Lock()
        self._cache: GenerationCache | None = None
        self._vocabulary: tuple | None = None

    # --- the index -------------------------------------------------------------------

    def _searcher(self):
        path = self.store.current()
        if path is None:
            raise IndexUnavailable("no index")
        cached = getattr(self._local, "cached", None)
        try:
            if cached and cached[0] == path and cached[1].up_to_date():
                searcher = cached[1]
            else:
                if cached:
                    cached[1].close()
                # Not searcher.refresh(): it reuses segment readers and so misses deletions
                # that a later commit recorded in a segment it already had.
                searcher = open_dir(str(path), schema=SCHEMA).searcher()
        except Exception as exc:  # any damage to the files: missing segment, bad TOC, ...
            self._local.cached = None
            raise IndexUnavailable(str(exc)) from exc
        if not cached or cached[1] is not searcher:
            self._local.columns = {}
        self._local.cached = (path, searcher)
        return searcher

    def _column(self, searcher, name: str):
        """Return this thread's column reader (reading a column's offsets costs milliseconds)."""
        columns_ = self._local.columns
        if name not in columns_:
            columns_[name] = searcher.reader().column_reader(name)
        return columns_[name]

    def check(self) -> None:
        """Raise IndexUnavailable unless the index opens and reads."""
        searcher = self._searcher()
        try:
            searcher.doc_count()
            list(itertools.islice(searcher.reader().all_doc_ids(), 1))
        except Exception as exc:
            raise IndexUnavailable(str(exc)) from exc

    @contextmanager
    def write_lock(self, blocking: bool = True, timeout: float = 30):
        """Hold the cross-process writer lock (fcntl) while the body runs."""
        with self.store.lock.hold(blocking=blocking, timeout=timeout) as held:
            yield held

    def apply(self, docs: list[IndexedDoc], delete_keys: list[DocKey]) -> None:
        """Write the changes in one Whoosh commit (caller holds write_lock)."""
        if not docs and not delete_keys:
            return
        path = self.store.current()
        if path is None:
            path = self.store.new_generation()
            create_in(str(path), SCHEMA)
            self.store.swap(path)
        try:
            index = open_dir(str(path), schema=SCHEMA)
        except Exception as exc:
            raise IndexUnavailable(str(exc)) from exc
        writer = index.writer(timeout=10)
        try:
            for key in delete_keys:
                writer.delete_by_term("key", _key_text(key))
            for doc in docs:
                writer.update_document(**_document(prepare(doc)))
        except BaseException:
            writer.cancel()
            raise
        writer.commit()

    def _commit(self) -> None:
        """Nothing to do: every Whoosh write commits its own segment."""

    def rebuild(self, docs: Iterable[IndexedDoc], progress: Callable[[int], None] | None = None) -> int:
        """Build a fresh index in a new directory and swap it in (caller holds write_lock)."""
        directory = self.store.new_generation()
        count = 0
        try:
            writer = create_in(str(directory), SCHEMA).writer(limitmb=128)
            try:
                for doc in docs:
                    writer.add_document(**_document(prepare(doc)))
                    count += 1
                    if progress:
                        progress(1)
            except BaseException:
                writer.cancel()
                raise
            writer.commit(optimize=True)
            self.store.swap(directory)
        except BaseException:
            self.store.discard(directory)
            raise
        return count

    def keys_with_fingerprints(self) -> dict[DocKey, str]:
        """Read every live document's key and fingerprint from the columns."""
        reader = self._searcher().reader()
        if reader.doc_count_all() == 0:
            return {}
        keys = reader.column_reader("key_col")
        prints = reader.column_reader("fingerprint_col")
        return {_parse_key(keys[n]): prints[n].decode("ascii") for n in reader.all_doc_ids()}

    # --- searching -------------------------------------------------------------------

    def match(self, plan: Plan, doc_types, facets, limit: int):
        """Rank the matching documents; the searcher is the render context."""
        searcher = self._searcher()
        try:
            cache = self._cache_for(searcher)
            scorer = Scorer(searcher, cache)
            result = scorer.evaluate(plan.root)
            allowed = scorer.filter_docs(doc_types, facets)
            if allowed is not None:
                result.docs &= allowed
            best = scorer.top(result, limit)
            candidates = []
            for docnum, score in best:
                known = cache.documents.get(docnum)
                if known is None:
                    keys, facet_col = self._column(searcher, "key_col"), self._column(searcher, "facets_col")
                    known = cache.documents[docnum] = (
                        _parse_key(keys[docnum]), tuple(facet_col[docnum].decode("utf-8").split()))
                candidates.append(Candidate(key=known[0], score=score, facet_tokens=known[1], ref=docnum))
        except Exception as exc:
            log.exception("search index unreadable")
            raise IndexUnavailable(str(exc)) from exc
        return candidates, len(result.docs), searcher

    def _cache_for(self, searcher) -> GenerationCache:
        """Return the decoded postings cache of this index generation."""
        generation = (self.store.current(), searcher.reader().generation())
        with self._cache_lock:
            if self._cache is None or self._cache.generation != generation:
                self._cache = GenerationCache(generation)
            return self._cache

    def render(self, plan: Plan, candidates: list[Candidate], context):
        """Highlight the stored title and body of each candidate in Python."""
        rendered = {}
        for candidate in candidates:
            stored = context.stored_fields(candidate.ref)
            rendered[candidate.key] = (
                highlight.mark_all(stored.get("title", ""), plan.highlight),
                highlight.snippet(stored.get("body", ""), plan.highlight),
            )
        return rendered

    def vocabulary(self) -> Vocabulary:
        """Read the unstemmed words (cached per index generation; counts are read on demand)."""
        searcher = self._searcher()
        reader = searcher.reader()
        generation = (self.store.current(), reader.generation())
        cached = self._vocabulary
        if cached and cached[0] == generation:
            return cached[1]
        words = frozenset(t.decode("utf-8") for t in reader.lexicon("words")) \
            if reader.doc_count_all() else frozenset()
        # The frequency is read with the asking thread's own searcher: readers are not shared.
        vocabulary = Vocabulary(words, lambda word: self._searcher().reader().doc_frequency("words", word))
        self._vocabulary = (generation, vocabulary)
        return vocabulary
