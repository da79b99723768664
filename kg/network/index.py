"""The document network saved beside a built graph: ``documents.sqlite``.

``kg trace`` and ``kg coverage`` read it instead of querying the store. It
is an SQLite file (the standard library reads it; so do pandas, R and the
``sqlite3`` shell) with three tables:

- ``meta(key, value)``: ``format`` and ``graph_sha256``, the digest of the
  graph file it was made from (an index of another graph is not read);
- ``nodes(id, number, title, rank, level, area, area_code, date, stub,
  file, type, entry, expiry, validity)``: one row per document (IRI);
- ``edges(source, target, relation, basis, rule, trigger, sentence)``: the
  most specific link between two documents, with its evidence.

A trace reads only the documents it shows (``read_trace_network``): on a
national graph of 100,000 documents that is a few thousand rows, where the
whole network is hundreds of megabytes.
"""
from __future__ import annotations

import shutil
import sqlite3
import tempfile
from contextlib import closing
from pathlib import Path
from typing import Iterable, Optional

import networkx as nx

from kg.lexicon.docnumber import normalise
from kg.relations import Relation, of_kind
from kg.store.fingerprints import graph_digest

INDEX_FILE = "documents.sqlite"
# 5: an SQLite file (4 and before: documents.json); another format is not read
INDEX_FORMAT = 5
NODE_FIELDS = ("number", "title", "rank", "level", "area", "area_code", "date", "stub", "file", "type", "entry",
               "expiry", "validity")
EDGE_FIELDS = ("relation", "basis", "rule", "trigger", "sentence")
SCHEMA = f"""
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE nodes (id TEXT PRIMARY KEY, {", ".join(f + (" INTEGER" if f in ("rank", "stub") else " TEXT")
                                                    for f in NODE_FIELDS)});
CREATE TABLE edges (source TEXT NOT NULL, target TEXT NOT NULL, {", ".join(f + " TEXT" for f in EDGE_FIELDS)},
                    PRIMARY KEY (source, target));
"""
# made after the rows are in: one sort each instead of a tree kept balanced row by row
INDEXES = """
CREATE INDEX nodes_number ON nodes (number);
CREATE INDEX nodes_title ON nodes (title);
CREATE INDEX edges_target ON edges (target);
"""
# What a document's status on a day reads beyond itself (kg.network.validity.node_status):
# the notice that issued it, and what repeals either.
ISSUING = tuple(r.value for r in of_kind("issuing"))


def write_index(graph: nx.DiGraph, graph_file: Path, digest: Optional[str] = None) -> Path:
    """Save the document network beside the graph file, with the graph
    file's digest (``digest`` when the caller has it). The same network
    gives the same bytes: rows go in sorted, in one transaction."""
    from kg.rdf.trig import atomic_output, temporary_prefix
    path = Path(graph_file).parent / INDEX_FILE
    with tempfile.TemporaryDirectory(prefix=temporary_prefix(INDEX_FILE), dir=path.parent) as scratch:
        database = Path(scratch) / INDEX_FILE
        with closing(sqlite3.connect(database)) as db:
            db.executescript("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;" + SCHEMA)
            with db:
                db.executemany("INSERT INTO meta VALUES (?, ?)",
                               [("format", str(INDEX_FORMAT)), ("graph_sha256", digest or graph_digest(graph_file))])
                db.executemany(f"INSERT INTO nodes VALUES (?{', ?' * len(NODE_FIELDS)})",
                               ((n, *(_cell(graph.nodes[n].get(f)) for f in NODE_FIELDS)) for n in sorted(graph.nodes)))
                db.executemany(f"INSERT INTO edges VALUES (?, ?{', ?' * len(EDGE_FIELDS)})",
                               ((s, o, *(graph.edges[s, o].get(f) for f in EDGE_FIELDS))
                                for s, o in sorted(graph.edges)))
                db.executescript(INDEXES)
        with atomic_output(path) as fh, database.open("rb") as saved:
            shutil.copyfileobj(saved, fh, 1 << 20)
    return path


def _cell(value):
    return int(value) if isinstance(value, bool) else value


def _open(graph_file: Path) -> Optional[sqlite3.Connection]:
    """The index beside ``graph_file``, read-only, or None when there is
    none, it is not an index of this format or it was made from another
    version of the file."""
    path = Path(graph_file).parent / INDEX_FILE
    if not path.is_file():
        return None
    try:
        db = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        return None
    try:
        meta = dict(db.execute("SELECT key, value FROM meta"))
        if meta.get("format") == str(INDEX_FORMAT) and meta.get("graph_sha256") == graph_digest(Path(graph_file)):
            return db
    except (sqlite3.Error, OSError):
        pass
    db.close()
    return None


def read_index(graph_file: Path) -> Optional[nx.DiGraph]:
    """The saved document network of a graph file, whole, or None (see ``_open``)."""
    db = _open(graph_file)
    if db is None:
        return None
    with closing(db):
        return _network(db.execute(f"SELECT id, {', '.join(NODE_FIELDS)} FROM nodes"),
                        db.execute(f"SELECT source, target, {', '.join(EDGE_FIELDS)} FROM edges"))


def read_trace_network(graph_file: Path, ref: str, relations: Iterable[str], down: bool = True
                       ) -> Optional[nx.DiGraph]:
    """The part of the saved network that a trace of ``ref`` along
    ``relations`` reads (``kg.network.trace.trace``): the documents linked to
    it, down or up, from it and from the notice or act issued with it; for
    each, what its status reads (its issuing notice, what repeals either);
    and every link among them. The whole network where ``ref`` names no
    document, so that the trace's error can suggest names. None without a
    current index."""
    db = _open(graph_file)
    if db is None:
        return None
    with closing(db):
        root = _find(db, ref)
        if root is None:
            return _network(db.execute(f"SELECT id, {', '.join(NODE_FIELDS)} FROM nodes"),
                            db.execute(f"SELECT source, target, {', '.join(EDGE_FIELDS)} FROM edges"))
        followed = tuple(relations)
        marks = ", ".join("?" * len(followed))
        issuing = ", ".join("?" * len(ISSUING))
        near, far = ("target", "source") if down else ("source", "target")
        # CROSS JOIN keeps the few members the outer loop, each looked up by
        # an index: a plain JOIN lets SQLite scan every edge instead
        db.executescript("CREATE TEMP TABLE start (id TEXT PRIMARY KEY); CREATE TEMP TABLE members (id TEXT PRIMARY KEY);")
        db.execute("INSERT INTO start VALUES (?)", (root,))
        db.execute(f"INSERT OR IGNORE INTO start SELECT target FROM edges WHERE source = ? AND relation IN ({issuing}) "
                   f"UNION SELECT source FROM edges WHERE target = ? AND relation IN ({issuing})",
                   (root, *ISSUING, root, *ISSUING))
        db.execute(f"""INSERT INTO members WITH RECURSIVE reached(id) AS (
                         SELECT id FROM start
                         UNION SELECT e.{far} FROM reached r CROSS JOIN edges e ON e.{near} = r.id
                               WHERE e.relation IN ({marks}))
                       SELECT id FROM reached""", followed)
        for relations_read in (ISSUING, (Relation.REPEALS.value,)):
            db.execute("INSERT OR IGNORE INTO members SELECT e.source FROM members m CROSS JOIN edges e "
                       f"ON e.target = m.id WHERE e.relation IN ({', '.join('?' * len(relations_read))})", relations_read)
        return _network(db.execute(f"SELECT n.id, {', '.join('n.' + f for f in NODE_FIELDS)} "
                                   "FROM members m CROSS JOIN nodes n ON n.id = m.id"),
                        db.execute(f"SELECT e.source, e.target, {', '.join('e.' + f for f in EDGE_FIELDS)} "
                                   "FROM members a CROSS JOIN edges e ON e.source = a.id "
                                   "CROSS JOIN members b ON b.id = e.target"))


def _find(db: sqlite3.Connection, ref: str) -> Optional[str]:
    """The document ``ref`` names, as ``kg.network.trace.find_node`` reads
    it: its IRI, its number in any written form, its title."""
    try:
        number: Optional[str] = normalise(ref)
    except ValueError:
        number = None
    title = ref.strip().strip("《》")
    row = (db.execute("SELECT id FROM nodes WHERE id = ?", (ref,)).fetchone()
           or db.execute("SELECT id FROM nodes WHERE number = ? OR title = ? ORDER BY id LIMIT 1",
                         (number, title)).fetchone())
    return row[0] if row else None


def _network(nodes, edges) -> nx.DiGraph:
    graph = nx.DiGraph()
    graph.add_nodes_from((row[0], _node_data(row[1:])) for row in nodes)
    graph.add_edges_from((row[0], row[1], dict(zip(EDGE_FIELDS, row[2:]))) for row in edges)
    return graph


def _node_data(values) -> dict:
    data = dict(zip(NODE_FIELDS, values))
    data["stub"] = bool(data["stub"])
    return data

