"""Open a built graph: an Oxigraph store for SPARQL, an rdflib Dataset for
SHACL and conversions.

Queries run on Oxigraph (pyoxigraph) with the default graph as the union of
the named graphs, so a plain SPARQL query over contract terms sees every
document and link. rdflib's own SPARQL engine takes minutes on the joins of
an evidence query that Oxigraph answers in milliseconds.
"""
from __future__ import annotations

import io
import re
import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterable, Iterator, Mapping, Optional, Sequence

import pyoxigraph as ox
from rdflib import BNode, Dataset, Literal, URIRef
from rdflib.namespace import XSD

from kg.store.fingerprints import STAMP, STORE_DIR, fingerprint, fingerprint_matches
from kg.store.graph_files import GRAPH_SUFFIXES, GraphFileError, graph_path
from kg.store.sparql_guard import code_of

# a query that names its dataset (FROM <g>, FROM NAMED <g>): the union default graph would override it
DATASET_CLAUSE = re.compile(r"(?<![?$\w])FROM\b", re.I)       # not a variable ?from

FORMATS = {".trig": ox.RdfFormat.TRIG, ".ttl": ox.RdfFormat.TURTLE, ".nq": ox.RdfFormat.N_QUADS,
           ".nquads": ox.RdfFormat.N_QUADS, ".nt": ox.RdfFormat.N_TRIPLES}
RDFLIB_FORMATS = {".trig": "trig", ".ttl": "turtle", ".nq": "nquads", ".nquads": "nquads", ".nt": "nt"}
assert set(FORMATS) == set(RDFLIB_FORMATS) == set(GRAPH_SUFFIXES)


def to_rdflib(term):
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        datatype = term.datatype.value
        return Literal(term.value, datatype=None if datatype == str(XSD.string) else URIRef(datatype))
    raise TypeError(f"unsupported term {term!r}")


def to_oxigraph(term):
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise TypeError(f"unsupported term {term!r}")


class GraphStore:
    """A built graph, loaded for querying."""

    def __init__(self, store: ox.Store, source: str):
        self.store = store
        self.source = source

    @classmethod
    def from_file(cls, path: Path) -> "GraphStore":
        path = graph_path(path)
        store = ox.Store()
        try:
            store.bulk_load(path=str(path), format=FORMATS[path.suffix])
        except (SyntaxError, ValueError, OSError) as exc:
            raise GraphFileError(f"{path}: cannot parse: {exc}") from exc
        return cls(store, str(path))

    def select(self, query: str, prefixes: Mapping[str, str],
               bindings: Optional[Mapping[str, object]] = None,
               default_graphs: Sequence[str] = (), named_graphs: Sequence[str] = ()):
        """Raw pyoxigraph results; raises SyntaxError with the parser's message.

        The dataset, as the SPARQL 1.1 Protocol orders it: the graphs a
        request names (default-graph-uri, named-graph-uri) over the query's
        FROM / FROM NAMED; without either, every named graph is the default
        graph (their union)."""
        substitutions = {ox.Variable(k): to_oxigraph(v) for k, v in (bindings or {}).items()}
        dataset: dict = {}
        if default_graphs or named_graphs:
            dataset = {"default_graph": [ox.NamedNode(g) for g in default_graphs],
                       "named_graphs": [ox.NamedNode(g) for g in named_graphs]}
        elif not DATASET_CLAUSE.search(code_of(query)):
            dataset = {"use_default_graph_as_union": True}
        return self.store.query(query, prefixes=dict(prefixes), substitutions=substitutions or None, **dataset)

    def quads(self) -> Iterator[tuple]:
        for q in self.store:
            graph = None if isinstance(q.graph_name, ox.DefaultGraph) else to_rdflib(q.graph_name)
            yield to_rdflib(q.subject), to_rdflib(q.predicate), to_rdflib(q.object), graph

    def __len__(self) -> int:
        return len(self.store)


TEMPORARY_STORE_PREFIX = ".store-"


def store_matches(graph_file: Path) -> bool:
    """Whether ``store/`` beside a graph file holds exactly that file."""
    stamp = graph_file.parent / STORE_DIR / STAMP
    return stamp.is_file() and fingerprint_matches(stamp.read_text(encoding="utf-8"), graph_file)


# A large graph file is bulk-loaded in pieces of whole named graphs: one
# bulk load of a 3.7 GB file (100,000 documents) took 703 s, eight of its
# pieces one after another 515 s (benchmarks/README.md, run N2): each
# load sorts and ingests less at once.
STORE_PIECE_BYTES = 512 << 20


def write_store(graph_file: Path) -> Path:
    """An on-disk Oxigraph store beside a graph file (``build/store``), so that
    queries open the graph at once instead of parsing it. Built aside and
    swapped in, so a reader never sees a half-built store."""
    graph_file = Path(graph_file)
    fresh = _new_store_dir(graph_file.parent)
    try:
        try:
            _bulk_load(fresh, graph_file, graph_pieces(graph_file) if graph_file.suffix == ".trig" else None)
        except SyntaxError:
            # a file not cut where a named graph ends: loaded whole, which gives the parser's own message
            shutil.rmtree(fresh)
            fresh.mkdir()
            _bulk_load(fresh, graph_file, None)
        return _swap_in(fresh, graph_file)
    except (SyntaxError, ValueError) as exc:
        shutil.rmtree(fresh, ignore_errors=True)
        raise GraphFileError(f"{graph_file}: cannot parse: {exc}") from exc
    except BaseException:
        shutil.rmtree(fresh, ignore_errors=True)
        raise


def _bulk_load(folder: Path, graph_file: Path, pieces: Optional[list[tuple[int, int]]]) -> None:
    """Load ``graph_file`` into a new store in ``folder``: whole, or piece
    by piece (byte ranges of whole named graphs, each read after the file's
    prefix declarations)."""
    store = ox.Store(str(folder))
    if pieces is None or len(pieces) < 2:
        store.bulk_load(path=str(graph_file), format=FORMATS[graph_file.suffix])
    else:
        with graph_file.open("rb") as fh:
            header = _header(fh)
            for start, end in pieces:
                store.bulk_load(io.BufferedReader(_Piece(fh, header, start, end), 1 << 20), format=ox.RdfFormat.TRIG)
    store.flush()
    del store


def _header(fh) -> bytes:
    """The declarations (@base, @prefix) that open a TriG file."""
    fh.seek(0)
    lines = []
    for line in fh:
        if not line.startswith(b"@"):
            break
        lines.append(line)
    return b"".join(lines)


def graph_pieces(graph_file: Path, size: int = STORE_PIECE_BYTES) -> list[tuple[int, int]]:
    """Byte ranges of ``graph_file`` (TriG as ``kg build`` writes it: each
    named graph a block from ``<g> {`` to a line ``}``) of about ``size``
    bytes each, cut only between two blocks; the first starts after the
    declarations."""
    total = graph_file.stat().st_size
    with graph_file.open("rb") as fh:
        start = len(_header(fh))
        pieces = []
        while total - start > size:
            fh.seek(start + size)
            fh.readline()                     # the rest of a line cut by the seek
            cut = None
            for line in fh:
                if line == b"}\n":
                    after = fh.tell()
                    following = fh.readline()
                    if not following or (following.endswith(b" {\n") and not following.startswith((b"\t", b" "))):
                        cut = after
                        break
                    fh.seek(after)
            if cut is None or cut >= total:
                break
            pieces.append((start, cut))
            start = cut
        pieces.append((start, total))
    return pieces


class _Piece(io.RawIOBase):
    """The declarations, then bytes ``start``..``end`` of an open file: one
    piece of a TriG file, read as a TriG document of its own."""

    def __init__(self, fh, header: bytes, start: int, end: int):
        self.fh, self.header, self.pos, self.end = fh, header, start, end

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        if self.header:
            n = min(len(buffer), len(self.header))
            buffer[:n], self.header = self.header[:n], self.header[n:]
            return n
        n = min(len(buffer), self.end - self.pos)
        if n <= 0:
            return 0
        self.fh.seek(self.pos)
        data = self.fh.read(n)
        buffer[:len(data)] = data
        self.pos += len(data)
        return len(data)


def _new_store_dir(directory: Path) -> Path:
    """A directory beside the graph file to build a store in, swapped in when
    complete (a build killed before leaves it: ``build.remove_leftovers``)."""
    return Path(tempfile.mkdtemp(prefix=TEMPORARY_STORE_PREFIX, dir=directory))


def _swap_in(fresh: Path, graph_file: Path) -> Path:
    """Stamp a store built aside with the graph file it holds and put it in
    place of the old one."""
    target = graph_file.parent / STORE_DIR
    (fresh / STAMP).write_text(fingerprint(graph_file), encoding="utf-8")
    old = graph_file.parent / f".{STORE_DIR}-old"
    if old.exists():
        shutil.rmtree(old)
    if target.exists():
        target.rename(old)
    fresh.rename(target)
    shutil.rmtree(old, ignore_errors=True)
    return target


def update_store(graph_file: Path, replaced: Mapping[str, bytes], keep: Iterable[str]) -> Path:
    """Bring the store of the previous build up to ``graph_file`` by
    replacing only the named graphs that changed (``replaced``: graph IRI ->
    its TriG, prefixes declared) and dropping those not in ``keep`` (the
    graphs of files no longer in the corpus).

    The stamp is taken away first and written back last: a build killed in
    between leaves a store that no reader trusts (they parse the file) and
    that the next build rebuilds in full."""
    graph_file = Path(graph_file)
    target = graph_file.parent / STORE_DIR
    with store_lock(graph_file.parent):
        (target / STAMP).unlink()
        store = ox.Store(str(target))
        keep = set(keep)
        for graph in list(store.named_graphs()):
            if graph.value in replaced or graph.value not in keep:
                store.remove_graph(graph)
        for block in replaced.values():
            store.extend(ox.parse(block, format=ox.RdfFormat.TRIG))
        store.flush()
        del store
        (target / STAMP).write_text(fingerprint(graph_file), encoding="utf-8")
    return target


def load_graph(path: Path) -> GraphStore:
    """A built graph for querying: its on-disk store (made on first use, see
    ``ensure_store``), else, where none can be made, the file parsed into
    memory."""
    graph_file = graph_path(path)
    if graph_file.name == "graph.trig":
        try:
            store_dir = ensure_store(graph_file)
            return GraphStore(ox.Store.read_only(str(store_dir)), str(store_dir))
        except OSError:
            pass   # a read-only folder, a full disk, an unreadable store: read the file
    return GraphStore.from_file(graph_file)


STORE_LOCK = ".kg-store.lock"


@contextmanager
def store_lock(directory: Path) -> Iterator[None]:
    """One writer of ``store/`` at a time: two queries opening a new build at
    once, or a query and the build patching the store, wait for each other
    instead of loading it twice. Raises OSError where the folder is read-only."""
    import fcntl
    with open(Path(directory) / STORE_LOCK, "a+") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def ensure_store(graph_file: Path) -> Path:
    """The on-disk store of ``graph_file`` (``build/store``), loaded from the
    file when it is missing or holds an older graph. ``kg build`` leaves this
    to the first query (or to ``kg build --store``): a build is then as
    fast as writing the file, and the load is paid once, by whoever needs it.
    Raises OSError where it cannot be written."""
    graph_file = Path(graph_file)
    with store_lock(graph_file.parent):
        if not store_matches(graph_file):
            write_store(graph_file)
    return graph_file.parent / STORE_DIR


def load_dataset(path: Path) -> Dataset:
    """The graph file as an rdflib Dataset (for SHACL and format conversion)."""
    path = graph_path(path)
    ds = Dataset(default_union=True)
    try:
        ds.parse(path, format=RDFLIB_FORMATS[path.suffix])
    except Exception as exc:  # rdflib raises several parser exception types
        raise GraphFileError(f"{path}: cannot parse: {exc}") from exc
    return ds
