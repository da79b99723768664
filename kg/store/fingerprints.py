"""What files derived from a graph file (the store, the network index)
record of it: its size, modification time and SHA-256 — a "fingerprint".

A derived file is current when the graph file still has the recorded size
and time (no read), or else the recorded digest (one full read). The build
leaves the fingerprint of the graph it wrote in a stamp beside it, so that
``kg trace`` can check ``documents.sqlite`` against a graph of hundreds of
megabytes without reading it. Kept free of rdflib and pyoxigraph: the
commands that only read the index start without them.
"""
from __future__ import annotations

import hashlib
from pathlib import Path

STORE_DIR = "store"
STAMP = "graph.stamp"               # in the store: the graph file it holds
GRAPH_STAMP_PREFIX = ".kg-stamp-"   # beside a graph file: the fingerprint the build took of it


def file_digest(path: Path) -> str:
    """The SHA-256 of a file, read in blocks."""
    digest = hashlib.sha256()
    with Path(path).open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def fingerprint(path: Path) -> str:
    """Size, modification time and digest of a graph file, as recorded."""
    stat = Path(path).stat()
    return f"{stat.st_size} {stat.st_mtime_ns} {file_digest(path)}"


def fingerprint_matches(recorded: str, graph_file: Path) -> bool:
    """Whether a recorded fingerprint is that of ``graph_file``. Size and
    time are compared first; the digest (a full read) only when the time
    differs, so that opening a large graph stays instant."""
    size, mtime, digest = (recorded.split() + ["", "", ""])[:3]
    stat = graph_file.stat()
    if size != str(stat.st_size):
        return False
    return mtime == str(stat.st_mtime_ns) or digest == file_digest(graph_file)


def graph_stamp(graph_file: Path) -> Path:
    """Where the build leaves the fingerprint of the graph file it wrote."""
    return graph_file.parent / f"{GRAPH_STAMP_PREFIX}{graph_file.name}"


def write_graph_stamp(graph_file: Path, recorded: str) -> Path:
    """Leave ``recorded`` (``fingerprint(graph_file)``) beside the graph file."""
    from kg.rdf.trig import atomic_write
    path = graph_stamp(graph_file)
    atomic_write(path, recorded.encode("utf-8"))
    return path


def graph_digest(graph_file: Path) -> str:
    """The SHA-256 of a graph file: from a fingerprint taken of the file as
    it is (same size and time: the build's stamp, or the store's), else read."""
    graph_file = Path(graph_file)
    for stamp in (graph_stamp(graph_file), graph_file.parent / STORE_DIR / STAMP):
        try:
            size, mtime, digest = stamp.read_text(encoding="utf-8").split()
            stat = graph_file.stat()
        except (OSError, ValueError):
            continue
        if size == str(stat.st_size) and mtime == str(stat.st_mtime_ns):
            return digest
    return file_digest(graph_file)
