"""Write graphs deterministically and atomically.

Each named graph is written as one TriG block: its triples in a canonical
order (sorted by their written form, each subject's grouped), so the same
graph gives the same bytes whatever the order it was built in. The writer is
a few string operations per triple: far faster than rdflib's serialisers,
and than a round trip through Oxigraph's parser. A build streams the blocks one graph at a
time into a temporary file that is renamed over the old one when complete:
a reader, or a build killed half-way, never sees a half-written graph.
"""
from __future__ import annotations

import os
import re
import tempfile
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import BinaryIO, Iterable, Iterator

from rdflib import Literal, URIRef
from rdflib.namespace import RDF

from kg.rdf.vocab import ID, PREFIXES


def current_umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def temporary_prefix(name: str) -> str:
    """How the temporary file of an output named ``name`` begins (a build
    killed while writing leaves it: ``build.remove_leftovers``)."""
    return f".{name}."


@contextmanager
def atomic_output(path: Path, durable: bool = True) -> Iterator[BinaryIO]:
    """A binary file handle whose content replaces ``path`` only when the
    block ends without an exception. ``durable``: the folder is synced after
    the rename, so that a crash does not take back the new name (a cache
    entry, whose loss is a miss, need not be)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=temporary_prefix(path.name), dir=path.parent)
    os.chmod(tmp, 0o666 & ~current_umask())   # mkstemp creates 0600; outputs are ordinary files
    try:
        with os.fdopen(fd, "wb") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    if durable:
        fsync_dir(path.parent)


def fsync_dir(path: Path) -> None:
    """Make a folder's entries (a file renamed into it, a link) durable."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def atomic_write(path: Path, data: bytes, durable: bool = True) -> None:
    with atomic_output(path, durable) as fh:
        fh.write(data)


_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})

# A local name that Turtle/TriG's PN_LOCAL takes as it is: no character
# that would need a backslash, not opening with '-' or '.', not ending in '.'.
_PN_CHARS_BASE = ("A-Za-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u02FF\u0370-\u037D\u037F-\u1FFF"
                  "\u200C-\u200D\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD"
                  "\U00010000-\U000EFFFF")
_PN_CHARS = f"{_PN_CHARS_BASE}_0-9\\-\u00B7\u0300-\u036F\u203F-\u2040"
_PLAIN_LOCAL_NAME = re.compile(f"[{_PN_CHARS_BASE}_0-9](?:[{_PN_CHARS}.]*[{_PN_CHARS}])?")
# Our own IRIs are written relative to @base: a path with no scheme-like
# first segment, no dot segment, nothing that IRIREF forbids.
BASE = str(ID)
_SAFE_RELATIVE = re.compile(r"(?!/)(?![^/]*:)(?!\.\.?(?:/|$))(?!.*/\.\.?(?:/|$))[^\x00-\x20<>\"{}|^`\\]+")
_NAMESPACE = re.compile("|".join(re.escape(ns) for ns in sorted(PREFIXES.values(), key=len, reverse=True)))
_PREFIX_OF = {ns: prefix for prefix, ns in PREFIXES.items()}
_RDF_TYPE = str(RDF.type)


def _iri(value: str) -> str:
    """An IRI as a prefixed name where a prefix fits with no escape; one of
    ours as a reference relative to the file's @base; anything else in full.
    No local name is ever escaped (``id:doc\\/…``): some bulk loaders
    (Virtuoso's) keep the backslashes in the IRIs they store."""
    match = _NAMESPACE.match(value)
    if match:
        local = value[match.end():]
        if _PLAIN_LOCAL_NAME.fullmatch(local):
            return f"{_PREFIX_OF[match.group()]}:{local}"
    if value.startswith(BASE) and _SAFE_RELATIVE.fullmatch(value[len(BASE):]):
        return f"<{value[len(BASE):]}>"
    return f"<{value}>"


@lru_cache(maxsize=1 << 17)
def _term(term) -> str:
    """A term in TriG syntax (predicates, types and documents repeat: each
    is converted once)."""
    if isinstance(term, URIRef):
        return "a" if str.__eq__(term, _RDF_TYPE) else _iri(term)
    if isinstance(term, Literal):
        text = f'"{str(term).translate(_ESCAPES)}"'
        if term.language:
            return f"{text}@{term.language}"
        return f"{text}^^{_iri(term.datatype)}" if term.datatype else text
    return term.n3()     # blank node


def trig_header() -> bytes:
    """The base and prefix declarations that open a TriG file."""
    return (f"@base <{BASE}> .\n"
            + "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in sorted(PREFIXES.items()))).encode("utf-8")


def _statements(triples: Iterable[tuple], indent: str) -> str:
    """Triples, duplicates merged, sorted by their written form, each
    subject's triples grouped with ``;`` and ``,``."""
    rows = sorted({(_term(s), _term(p), _term(o)) for s, p, o in triples})
    out = []
    last_s = last_p = None
    for s, p, o in rows:
        if s != last_s:
            out.append(f"{' .' if last_s is not None else ''}\n{indent}{s} {p} {o}")
        elif p != last_p:
            out.append(f" ;\n{indent}\t{p} {o}")
        else:
            out.append(f" , {o}")
        last_s, last_p = s, p
    if rows:
        out.append(" .\n")
    return "".join(out)


def trig_block(graph_iri: URIRef, graph: Iterable[tuple]) -> bytes:
    """One named graph as a TriG block (no prefix declarations: the file's
    header has them); an empty graph writes nothing (``<g> {}`` is valid TriG,
    but Virtuoso's bulk loader stops on it)."""
    statements = _statements(graph, chr(9))
    if not statements.strip():
        return b""
    return f"{_iri(graph_iri)} {{{statements}}}\n".encode("utf-8")


def to_turtle(triples: Iterable[tuple]) -> bytes:
    """Triples (any graph, duplicates merged) as one Turtle document, for
    tools that read no named graphs."""
    return trig_header() + _statements(triples, "").lstrip("\n").encode("utf-8")
