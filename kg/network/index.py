"""The document network saved beside a built graph: ``documents.sqlite``.

``kg trace`` and ``kg coverage`` read it instead of querying the store. It
is an SQLite file (the standard library reads it; so do pandas, R and the
``sqlite3`` shell) with three tables:

- ``meta(key, value)``: ``format`` and ``graph_sha256``, the digest of the
  graph file it was made from (an index of another graph is not read);
- ``nodes(n, id, number, title, rank, level, area, area_code, date, stub,
  file, type, entry, expiry, validity)``: one row per document, ``id`` its
  IRI and ``n`` its number in the file (1, 2, … in the order of the IRIs);
- ``edges(source, target, relation, basis, rule, trigger, sentence)``: the
  most specific link between two documents, by their numbers ``n``, with
  its evidence.

The links with their documents' IRIs::

    SELECT s.id AS source, t.id AS target, e.relation, e.sentence
    FROM edges e JOIN nodes s ON s.n = e.source JOIN nodes t ON t.n = e.target

A trace reads only the documents it shows (``read_trace_network``): on a
national graph of 100,000 documents that is a few thousand rows, where the
whole network is a hundred megabytes.
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
# 6: documents numbered, links by number (5: keyed by IRI; 4 and before: documents.json); another format is not read
INDEX_FORMAT = 6
NODE_FIELDS = ("number", "title", "rank", "level", "area", "area_code", "date", "stub", "file", "type", "entry",
               "expiry", "validity")
EDGE_FIELDS = ("relation", "basis", "rule", "trigger", "sentence")
# Links by number, stored in order of (source, target) without a rowid: a
# trace joins thousands of them, and an integer key found in the table
# itself costs less than an IRI looked up through an index and then the table.
SCHEMA = f"""
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE nodes (n INTEGER PRIMARY KEY, id TEXT NOT NULL,
                    {", ".join(f + (" INTEGER" if f in ("rank", "stub") else " TEXT") for f in NODE_FIELDS)});
CREATE TABLE edges (source INTEGER NOT NULL, target INTEGER NOT NULL, {", ".join(f + " TEXT" for f in EDGE_FIELDS)},
                    PRIMARY KEY (source, target)) WITHOUT ROWID;
"""
# made after the rows are in: one sort each instead of a tree kept balanced row by row.
# edges_target holds (target, relation, source): a walk down reads it alone.
INDEXES = """
CREATE UNIQUE INDEX nodes_id ON nodes (id);
CREATE INDEX nodes_number ON nodes (number);
CREATE INDEX nodes_title ON nodes (title);
CREATE INDEX edges_target ON edges (target, relation);
"""
# What a document's status on a day reads beyond itself (kg.network.validity.node_status):
# the notice that issued it, and what repeals either.
ISSUING = tuple(r.value for r in of_kind("issuing"))


def write_index(graph: nx.DiGraph, graph_file: Path, digest: Optional[str] = None) -> Path:
    """Save the document network beside the graph file, with the graph
    file's digest (``digest`` when the caller has it). The same network
    gives the same bytes: rows go in sorted, in one transaction; documents
    are numbered in the order of their IRIs."""
    from kg.rdf.trig import atomic_output, temporary_prefix
    path = Path(graph_file).parent / INDEX_FILE
    numbered = {node: n for n, node in enumerate(sorted(graph.nodes), 1)}
    with tempfile.TemporaryDirectory(prefix=temporary_prefix(INDEX_FILE), dir=path.parent) as scratch:
        database = Path(scratch) / INDEX_FILE
        with closing(sqlite3.connect(database)) as db:
            db.executescript("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;" + SCHEMA)
            with db:
                db.executemany("INSERT INTO meta VALUES (?, ?)",
                               [("format", str(INDEX_FORMAT)), ("graph_sha256", digest or graph_digest(graph_file))])
                db.executemany(f"INSERT INTO nodes VALUES (?, ?{', ?' * len(NODE_FIELDS)})",
                               ((n, node, *(_cell(graph.nodes[node].get(f)) for f in NODE_FIELDS))
                                for node, n in numbered.items()))
                db.executemany(f"INSERT INTO edges VALUES (?, ?{', ?' * len(EDGE_FIELDS)})",
                               ((numbered[s], numbered[o], *(graph.edges[s, o].get(f) for f in EDGE_FIELDS))
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


# the rows _network reads
NODE_COLUMNS = ("n", "id") + NODE_FIELDS
EDGE_COLUMNS = ("source", "target") + EDGE_FIELDS


def _columns(table: str, columns: tuple[str, ...]) -> str:
    return ", ".join(f"{table}.{c}" for c in columns)


def read_index(graph_file: Path) -> Optional[nx.DiGraph]:
    """The saved document network of a graph file, whole, or None (see ``_open``)."""
    db = _open(graph_file)
    if db is None:
        return None
    with closing(db):
        return _whole_network(db)


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
            return _whole_network(db)
        followed = tuple(relations)
        marks = ", ".join("?" * len(followed))
        issuing = ", ".join("?" * len(ISSUING))
        near, far = ("target", "source") if down else ("source", "target")
        # CROSS JOIN keeps the few members the outer loop, each looked up by
        # an index: a plain JOIN lets SQLite scan every edge instead. +relation:
        # a member's links are found with one seek and their relation read
        # from the index, where a plain relation would cost a seek each
        db.executescript("CREATE TEMP TABLE start (n INTEGER PRIMARY KEY); "
                         "CREATE TEMP TABLE members (n INTEGER PRIMARY KEY);")
        db.execute("INSERT INTO start VALUES (?)", (root,))
        db.execute(f"INSERT OR IGNORE INTO start SELECT target FROM edges WHERE source = ? AND relation IN ({issuing}) "
                   f"UNION SELECT source FROM edges WHERE target = ? AND relation IN ({issuing})",
                   (root, *ISSUING, root, *ISSUING))
        db.execute(f"""INSERT INTO members WITH RECURSIVE reached(n) AS (
                         SELECT n FROM start
                         UNION SELECT e.{far} FROM reached r CROSS JOIN edges e ON e.{near} = r.n
                               WHERE +e.relation IN ({marks}))
                       SELECT n FROM reached""", followed)
        for relations_read in (ISSUING, (Relation.REPEALS.value,)):
            db.execute("INSERT OR IGNORE INTO members SELECT e.source FROM members m CROSS JOIN edges e "
                       f"ON e.target = m.n WHERE +e.relation IN ({', '.join('?' * len(relations_read))})", relations_read)
        return _network(db.execute(f"SELECT {_columns('d', NODE_COLUMNS)} "
                                   "FROM members m CROSS JOIN nodes d ON d.n = m.n"),
                        db.execute(f"SELECT {_columns('e', EDGE_COLUMNS)} FROM members a "
                                   "CROSS JOIN edges e ON e.source = a.n CROSS JOIN members b ON b.n = e.target"))


def _whole_network(db: sqlite3.Connection) -> nx.DiGraph:
    return _network(db.execute(f"SELECT {_columns('d', NODE_COLUMNS)} FROM nodes d"),
                    db.execute(f"SELECT {_columns('e', EDGE_COLUMNS)} FROM edges e"))


def _find(db: sqlite3.Connection, ref: str) -> Optional[int]:
    """The document ``ref`` names, as ``kg.network.trace.find_node`` reads
    it (its IRI, its number in any written form, its title): its row number."""
    try:
        number: Optional[str] = normalise(ref)
    except ValueError:
        number = None
    title = ref.strip().strip("《》")
    row = (db.execute("SELECT n FROM nodes WHERE id = ?", (ref,)).fetchone()
           or db.execute("SELECT n FROM nodes WHERE number = ? OR title = ? ORDER BY id LIMIT 1",
                         (number, title)).fetchone())
    return row[0] if row else None


def _network(nodes, edges) -> nx.DiGraph:
    """The network of rows of nodes (``NODE_COLUMNS``) and of the links among
    them (``EDGE_COLUMNS``), in the rows' order."""
    rows = nodes.fetchall()
    iri = {row[0]: row[1] for row in rows}
    graph = nx.DiGraph()
    graph.add_nodes_from(iri.values())
    # filled in place: add_nodes_from would copy each document's fields twice
    for row, (_, data) in zip(rows, graph.nodes(data=True)):
        data.update(zip(NODE_FIELDS, row[2:]))
        data["stub"] = bool(data["stub"])
    graph.add_edges_from((iri[row[0]], iri[row[1]], dict(zip(EDGE_FIELDS, row[2:]))) for row in edges)
    return graph
