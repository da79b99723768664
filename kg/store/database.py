"""Open a built graph: an Oxigraph store for SPARQL, an rdflib Dataset for
SHACL and conversions.

Queries run on Oxigraph (pyoxigraph) with the default graph as the union of
the named graphs, so a plain SPARQL query over contract terms sees every
document and link. rdflib's own SPARQL engine takes minutes on the joins of
an evidence query that Oxigraph answers in milliseconds.
"""
from __future__ import annotations

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


def write_store(graph_file: Path) -> Path:
    """An on-disk Oxigraph store beside a graph file (``build/store``), so that
    queries open the graph at once instead of parsing it. Built aside and
    swapped in, so a reader never sees a half-built store."""
    graph_file = Path(graph_file)
    fresh = new_store_dir(graph_file.parent)
    try:
        store = ox.Store(str(fresh))
        try:
            store.bulk_load(path=str(graph_file), format=FORMATS[graph_file.suffix])
        except (SyntaxError, ValueError) as exc:
            raise GraphFileError(f"{graph_file}: cannot parse: {exc}") from exc
        store.flush()
        del store
        return _swap_in(fresh, graph_file)
    except BaseException:
        shutil.rmtree(fresh, ignore_errors=True)
        raise


def new_store_dir(directory: Path) -> Path:
    """A directory beside the graph file to build a store in, swapped in when
    complete (a build killed before leaves it: ``build.remove_leftovers``)."""
    return Path(tempfile.mkdtemp(prefix=TEMPORARY_STORE_PREFIX, dir=directory))


def install_store(fresh: Path, graph_file: Path, recorded: str) -> Path:
    """Put a store loaded aside with ``graph_file``'s content (``kg build
    --store``'s loader) in place, stamped with ``recorded``, the file's
    fingerprint as the build took it."""
    with store_lock(graph_file.parent):
        return _swap_in(fresh, graph_file, recorded)


def _swap_in(fresh: Path, graph_file: Path, recorded: Optional[str] = None) -> Path:
    """Stamp a store built aside with the graph file it holds and put it in
    place of the old one."""
    target = graph_file.parent / STORE_DIR
    (fresh / STAMP).write_text(recorded or fingerprint(graph_file), encoding="utf-8")
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
