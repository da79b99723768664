"""The store loaded while the graph file is written: it holds exactly the file,
and a failed or abandoned load leaves nothing behind and never blocks the
build."""
from __future__ import annotations

import pytest

from kg.rdf.trig import trig_block, trig_header
from kg.store.database import StoreWriter, load_graph, store_matches
from kg.rdf.vocab import ID, POL
from rdflib import Literal

HEADER = trig_header()


def blocks(n: int) -> list[bytes]:
    return [trig_block(ID[f"graph/f{i}.txt"], [(ID[f"doc/t/{i}"], POL.rule, Literal(f"rule {i}"))])
            for i in range(n)]


def test_store_holds_what_was_written(tmp_path):
    graph_file = tmp_path / "graph.trig"
    written = blocks(2000)        # far more than an OS pipe buffers
    writer = StoreWriter(tmp_path, HEADER)
    for block in written:
        writer.add(block)
    graph_file.write_bytes(HEADER + b"".join(written))
    writer.finish(graph_file)
    assert store_matches(graph_file)
    assert len(list(load_graph(graph_file).quads())) == 2000
    assert sorted(p.name for p in tmp_path.iterdir()) == ["graph.trig", "store"]


def test_abort_leaves_nothing(tmp_path):
    writer = StoreWriter(tmp_path, HEADER)
    for block in blocks(50):
        writer.add(block)
    writer.add(b"id:graph\\/half {\n\tid:x pol:rule ")     # a build stopped mid-block
    writer.abort()
    assert list(tmp_path.iterdir()) == []


def test_a_failed_load_is_reported_and_does_not_block_the_writer(tmp_path):
    writer = StoreWriter(tmp_path, HEADER)
    writer.add(b"this is not TriG {\n")
    for block in blocks(3000):    # the loader has stopped: the pipe must still drain
        writer.add(block)
    with pytest.raises(SyntaxError):
        writer.finish(tmp_path / "graph.trig")
    assert list(tmp_path.iterdir()) == []
