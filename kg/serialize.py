"""Write datasets deterministically: the same graph gives the same bytes.

rdflib's Turtle writer sorts subjects, predicates and objects, but its TriG
writer emits named graphs in the order of a set. This writer sorts them, and
files are written to a temporary name and renamed, so a reader never sees a
half-written graph.
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

from rdflib import Dataset, Graph
from rdflib.plugin import register
from rdflib.plugins.serializers.trig import TrigSerializer
from rdflib.serializer import Serializer


class SortedTrigSerializer(TrigSerializer):
    def preprocess(self) -> None:
        self.contexts.sort(key=lambda g: str(g.identifier))
        super().preprocess()


register("trig-sorted", Serializer, "kg.serialize", "SortedTrigSerializer")


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


def to_trig(ds: Dataset) -> bytes:
    return ds.serialize(format="trig-sorted", encoding="utf-8")


def to_turtle(ds: Dataset) -> bytes:
    """All graphs merged into one, for tools that read no named graphs."""
    merged = Graph()
    for prefix, namespace in ds.namespaces():
        merged.bind(prefix, namespace, replace=True)
    for s, p, o, _ in ds.quads((None, None, None, None)):
        merged.add((s, p, o))
    return merged.serialize(format="turtle", encoding="utf-8")
