"""Write datasets deterministically and atomically.

Quads are sorted (graph, subject, predicate, object) and written by
Oxigraph's serialiser, which groups consecutive quads of one graph and
subject: the same graph gives the same bytes, whatever the order it was built
in, and much faster than rdflib's Turtle writer (which computes a prefixed
name for every IRI). Files are written to a temporary name and renamed, so a
reader never sees a half-written graph.
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pyoxigraph as ox
from rdflib import Dataset

from .store import to_oxigraph
from .vocab import PREFIXES


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def atomic_write(path: Path, data: bytes) -> None:
    """Write to a temporary file beside ``path`` and rename it over: readers
    see the old file or the new one, never a part."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    os.chmod(tmp, 0o666 & ~_umask())   # mkstemp creates 0600; outputs are ordinary files
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _sorted_quads(ds: Dataset, merge_graphs: bool):
    keyed = []
    for s, p, o, g in ds.quads((None, None, None, None)):
        graph = None if merge_graphs or g is None or g == ds.default_graph.identifier else g
        keyed.append(((str(graph or ""), s.n3(), p.n3(), o.n3()), (s, p, o, graph)))
    keyed.sort(key=lambda item: item[0])
    last = None
    for key, (s, p, o, graph) in keyed:
        if key == last:            # the same triple in several graphs, when merged
            continue
        last = key
        if graph is None:
            yield ox.Quad(to_oxigraph(s), to_oxigraph(p), to_oxigraph(o))
        else:
            yield ox.Quad(to_oxigraph(s), to_oxigraph(p), to_oxigraph(o), to_oxigraph(graph))


def to_trig(ds: Dataset) -> bytes:
    return ox.serialize(_sorted_quads(ds, False), format=ox.RdfFormat.TRIG, prefixes=PREFIXES)


def to_turtle(ds: Dataset) -> bytes:
    """All graphs merged into one, for tools that read no named graphs."""
    triples = (ox.Triple(q.subject, q.predicate, q.object) for q in _sorted_quads(ds, True))
    return ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=PREFIXES)
