"""Checks on a SPARQL text before any engine sees it.

A public endpoint must not let a query reach out to other machines
(``SERVICE <http://…>``: the server would fetch any address for the caller)
or crash the engine (Oxigraph's parser recurses: 3,000 nested braces end the
process). Both are read from the query's tokens with its strings, IRIs and
comments taken out, so that ``"SERVICE"`` in a literal or ``{`` in an IRI
does not count.
"""
from __future__ import annotations

import re

MAX_NESTING = 64          # group, bracket and parenthesis levels; real queries use under 10
MAX_QUERY_CHARS = 200_000

# Left to right: long strings before short ones; an IRI has no spaces, so
# the comparison `?a < ?b` is not read as one.
_OPAQUE = re.compile(r'"""(?:[^"\\]|\\.|"(?!""))*"""|' r"'''(?:[^'\\]|\\.|'(?!''))*'''|"
                     r'"(?:[^"\\\n\r]|\\.)*"|' r"'(?:[^'\\\n\r]|\\.)*'|"
                     r'<[^<>"{}|^`\\\x00-\x20]*>|#[^\n\r]*', re.S)
# (a comment ends at a line feed or a carriage return, as the engine reads
# it: a comment the guard ran on past a CR would hide a SERVICE the engine sees)
_SERVICE = re.compile(r"\bSERVICE\b", re.I)
_OPEN, _CLOSE = "{([", "})]"


class UnsafeQuery(ValueError):
    """A query the endpoint refuses before running it; the message says why."""


def code_of(query: str) -> str:
    """The query with its strings, IRIs and comments blanked out."""
    return _OPAQUE.sub(" ", query)


def calls_service(query: str) -> bool:
    """Whether the query calls another endpoint (a SERVICE clause)."""
    return bool(_SERVICE.search(code_of(query)))


def nesting_depth(code: str) -> int:
    depth = deepest = 0
    for char in code:
        if char in _OPEN:
            depth += 1
            deepest = max(deepest, depth)
        elif char in _CLOSE:
            depth -= 1
    return deepest


def check_query(query: str, allow_federation: bool = False) -> None:
    """Raise UnsafeQuery for a query too long, too deeply nested, or (unless
    ``allow_federation``) calling another endpoint through SERVICE."""
    if len(query) > MAX_QUERY_CHARS:
        raise UnsafeQuery(f"the query is {len(query)} characters long; the limit is {MAX_QUERY_CHARS}")
    code = code_of(query)
    depth = nesting_depth(code)
    if depth > MAX_NESTING:
        raise UnsafeQuery(f"the query nests {depth} levels deep; the limit is {MAX_NESTING}")
    if not allow_federation and calls_service(query):
        raise UnsafeQuery("SERVICE (a federated query to another endpoint) is refused here; "
                          "start kg serve with --allow-federation to permit it")
