"""Read what a member typed into a query tree; never raise, report what was odd instead.

Syntax: words (all must occur), "a phrase", OR/OF, AND/EN, NOT/NIET or a leading minus,
parentheses, and a trailing * for a prefix. Operators count only in capitals, because
"en" and "of" are ordinary Dutch words.
"""

import re
from dataclasses import dataclass, field

from .dutch import words

MAX_QUERY_CHARS = 500
MAX_TERMS = 32
MAX_DEPTH = 8

OR_WORDS = frozenset({"OR", "OF"})
AND_WORDS = frozenset({"AND", "EN"})
NOT_WORDS = frozenset({"NOT", "NIET"})

# Problems the page explains in Dutch (service.PROBLEM_TEXTS).
UNCLOSED_QUOTE = "unclosed_quote"
UNBALANCED_PARENS = "unbalanced_parens"
DANGLING_OPERATOR = "dangling_operator"
ONLY_NEGATIVE = "only_negative"
TOO_LONG = "too_long"
NO_WORDS = "no_words"

TOKEN_RE = re.compile(r'"[^"]*"?|\(|\)|[^\s()"]+')


@dataclass(frozen=True)
class Word:
    """A word the documents must contain (ending in * for a prefix)."""

    text: str  # one folded word
    prefix: bool = False


@dataclass(frozen=True)
class Phrase:
    """Words that must stand together ("…")."""

    words: tuple[str, ...]


@dataclass(frozen=True)
class And:
    """Every item must match (EN, AND, or words side by side)."""

    items: tuple


@dataclass(frozen=True)
class Or:
    """At least one item must match (OF, OR)."""

    items: tuple


@dataclass(frozen=True)
class Not:
    """The item must not match (NIET, NOT, -)."""

    item: object


@dataclass
class ParsedQuery:
    """The query tree (None when nothing searchable is left) and what was odd about the input."""

    text: str
    tree: object | None
    problems: list[str] = field(default_factory=list)

    @property
    def searchable(self) -> bool:
        """Tell whether something is left to search for."""
        return self.tree is not None and ONLY_NEGATIVE not in self.problems


def parse(text: str) -> ParsedQuery:
    """Parse the query text; odd input is repaired and named in ``problems``."""
    text = (text or "").strip()
    problems: list[str] = []
    if len(text) > MAX_QUERY_CHARS:
        text = text[:MAX_QUERY_CHARS]
        problems.append(TOO_LONG)
    parser = _Parser(_tokens(text, problems), problems)
    tree = parser.parse()
    if tree is not None and _only_negative(tree):
        problems.append(ONLY_NEGATIVE)
    if tree is None and text and not problems:
        problems.append(NO_WORDS)
    return ParsedQuery(text=text, tree=tree, problems=list(dict.fromkeys(problems)))


def _tokens(text: str, problems: list[str]) -> list[tuple[str, object]]:
    tokens: list[tuple[str, object]] = []
    for raw in TOKEN_RE.findall(text):
        if raw.startswith('"'):
            if len(raw) == 1 or not raw.endswith('"'):
                problems.append(UNCLOSED_QUOTE)
            found = words(raw.strip('"'))
            if found:
                tokens.append(("term", Phrase(tuple(found)) if len(found) > 1 else Word(found[0])))
        elif raw in ("(", ")"):
            tokens.append((raw, None))
        elif raw in OR_WORDS:
            tokens.append(("or", None))
        elif raw in AND_WORDS:
            tokens.append(("and", None))
        elif raw in NOT_WORDS:
            tokens.append(("not", None))
        else:
            negated = raw.startswith("-") and len(raw) > 1
            if negated:
                tokens.append(("not", None))
            prefix = raw.endswith("*")
            found = words(raw)
            if not found:
                if negated:
                    tokens.pop()
                continue
            if len(found) == 1:
                tokens.append(("term", Word(found[0], prefix=prefix)))
            else:  # sociaal-economisch: the parts, next to each other
                tokens.append(("term", Phrase(tuple(found))))
    return _limit_nesting(tokens, problems)


def _limit_nesting(tokens, problems):
    """Drop parentheses nested deeper than MAX_DEPTH (and their partners)."""
    kept, depth, dropped = [], 0, 0
    for kind, value in tokens:
        if kind == "(":
            if depth >= MAX_DEPTH:
                dropped += 1
                problems.append(TOO_LONG)
                continue
            depth += 1
        elif kind == ")":
            if dropped:
                dropped -= 1
                continue
            depth = max(depth - 1, 0)
        kept.append((kind, value))
    return kept


class _Parser:
    """Recursive descent: or := and (OR and)*; and := not (AND? not)*; not := NOT* atom."""

    def __init__(self, tokens, problems):
        self.tokens = tokens
        self.pos = 0
        self.problems = problems
        self.terms = 0

    def parse(self):
        """Read every token; a stray ")" is skipped and reading goes on."""
        tree = self._or(depth=0)
        while self.pos < len(self.tokens):  # a stray ")" ended the expression early
            self.problems.append(UNBALANCED_PARENS)
            self.pos += 1
            more = self._or(depth=0)
            tree = _combine(And, [tree, more])
        return tree

    def _peek(self):
        return self.tokens[self.pos][0] if self.pos < len(self.tokens) else None

    def _or(self, depth):
        items = [self._and(depth)]
        while self._peek() == "or":
            self.pos += 1
            if self._peek() in (None, ")", "or"):
                self.problems.append(DANGLING_OPERATOR)
                continue
            items.append(self._and(depth))
        if any(item is None for item in items) and len(items) > 1:
            self.problems.append(DANGLING_OPERATOR)
        return _combine(Or, items)

    def _and(self, depth):
        items = []
        while self._peek() not in (None, ")", "or"):
            if self._peek() == "and":
                self.pos += 1
                if not items or self._peek() in (None, ")", "or", "and"):
                    self.problems.append(DANGLING_OPERATOR)
                continue
            items.append(self._not(depth))
        return _combine(And, items)

    def _not(self, depth):
        negate = False
        while self._peek() == "not":
            self.pos += 1
            negate = not negate
        if self._peek() in (None, ")", "or", "and"):
            self.problems.append(DANGLING_OPERATOR)
            return None
        item = self._atom(depth)
        return Not(item) if negate and item is not None else item

    def _atom(self, depth):
        kind, value = self.tokens[self.pos]
        self.pos += 1
        if kind == "(":
            inner = self._or(depth + 1)
            if self._peek() == ")":
                self.pos += 1
            else:
                self.problems.append(UNBALANCED_PARENS)
            return inner
        self.terms += 1
        if self.terms > MAX_TERMS:
            self.problems.append(TOO_LONG)
            return None
        return value


def _combine(kind, items):
    items = [item for item in items if item is not None]
    if not items:
        return None
    if len(items) == 1:
        return items[0]
    flat = []
    for item in items:
        flat.extend(item.items if isinstance(item, kind) else [item])
    return kind(tuple(flat))


def _only_negative(tree) -> bool:
    """A query that only excludes (NIET a) cannot rank anything."""
    if isinstance(tree, Not):
        return True
    if isinstance(tree, And):
        return all(isinstance(item, Not) for item in tree.items)
    if isinstance(tree, Or):
        return any(_only_negative(item) for item in tree.items)
    return False


def positive_words(tree) -> list[str]:
    """Return the words a match must or may contain (not the excluded ones), in order."""
    if tree is None or isinstance(tree, Not):
        return []
    if isinstance(tree, Word):
        return [tree.text]
    if isinstance(tree, Phrase):
        return list(tree.words)
    return [w for item in tree.items for w in positive_words(item)]
