"""Write graphs deterministically and atomically.

Each named graph is written as one TriG block: its triples put in a
canonical order (sorted N-Triples lines), parsed and serialised by Oxigraph
(which groups consecutive triples of one subject), so the same graph gives
the same bytes whatever the order it was built in, and much faster than
rdflib's writer. A build streams the blocks one graph at a
time into a temporary file that is renamed over the old one when complete:
a reader, or a build killed half-way, never sees a half-written graph.
"""
from __future__ import annotations

import os
import tempfile
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import BinaryIO, Iterable, Iterator

import pyoxigraph as ox
from rdflib import Literal, URIRef

from .vocab import PREFIXES


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


@contextmanager
def atomic_output(path: Path) -> Iterator[BinaryIO]:
    """A binary file handle whose content replaces ``path`` only when the
    block ends without an exception."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    os.chmod(tmp, 0o666 & ~_umask())   # mkstemp creates 0600; outputs are ordinary files
    try:
        with os.fdopen(fd, "wb") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def atomic_write(path: Path, data: bytes) -> None:
    with atomic_output(path) as fh:
        fh.write(data)


_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})


@lru_cache(maxsize=1 << 16)
def _n3(term) -> str:
    """A term in N-Triples syntax (predicates, types and documents repeat:
    each is converted once)."""
    if isinstance(term, URIRef):
        return f"<{term}>"
    if isinstance(term, Literal):
        text = f'"{str(term).translate(_ESCAPES)}"'
        if term.language:
            return f"{text}@{term.language}"
        return f"{text}^^<{term.datatype}>" if term.datatype else text
    return term.n3()     # blank node


def _sorted_statements(triples: Iterable[tuple], graph: str = "") -> bytes:
    """Triples as sorted, duplicate-free N-Triples (N-Quads with ``graph``):
    a canonical order that Oxigraph parses much faster than Python can
    build its terms."""
    tail = f" {graph} .\n" if graph else " .\n"
    lines = sorted({f"{_n3(s)} {_n3(p)} {_n3(o)}{tail}" for s, p, o in triples})
    return "".join(lines).encode("utf-8")


def trig_header() -> bytes:
    """The prefix declarations that open a TriG file."""
    return "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in sorted(PREFIXES.items())).encode("utf-8")


def trig_block(graph_iri: URIRef, graph: Iterable[tuple]) -> bytes:
    """One named graph as a TriG block (no prefix declarations: the file's
    header has them)."""
    quads = ox.parse(_sorted_statements(graph, f"<{graph_iri}>"), format=ox.RdfFormat.N_QUADS)
    text = ox.serialize(quads, format=ox.RdfFormat.TRIG, prefixes=PREFIXES)
    return b"".join(line for line in text.splitlines(keepends=True) if not line.startswith(b"@prefix "))


def to_turtle(triples: Iterable[tuple]) -> bytes:
    """Triples (any graph, duplicates merged) as one Turtle document, for
    tools that read no named graphs."""
    parsed = ox.parse(_sorted_statements(triples), format=ox.RdfFormat.N_TRIPLES)
    return ox.serialize(parsed, format=ox.RdfFormat.TURTLE, prefixes=PREFIXES)
