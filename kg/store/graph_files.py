"""Which file a command's graph argument names (a build folder or a graph
file), and the error that names a missing or unreadable one. Free of
rdflib and pyoxigraph: ``kg trace`` reads the saved index without them."""
from __future__ import annotations

from pathlib import Path

GRAPH_SUFFIXES = (".nq", ".nquads", ".nt", ".trig", ".ttl")     # the formats database.FORMATS reads


class GraphFileError(ValueError):
    """A graph file is missing or cannot be parsed; names the file."""


def graph_path(path: Path) -> Path:
    path = Path(path)
    if path.is_dir():
        path = path / "graph.trig"
    if not path.is_file():
        raise GraphFileError(f"{path}: no such graph file (run `kg build` first)")
    if path.suffix not in GRAPH_SUFFIXES:
        raise GraphFileError(f"{path}: unknown graph format (expected {', '.join(GRAPH_SUFFIXES)})")
    return path
