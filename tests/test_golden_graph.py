"""The whole seed graph against its reviewed golden file.

``tests/golden/seed-graph.trig`` is what ``kg build corpus`` wrote when it
was last reviewed; ``python tests/golden/regenerate.py graph`` rewrites it
and ``git diff`` shows the change for review. The comparison is by
rdflib.compare, named graph by named graph, so it names what differs.
"""
from __future__ import annotations

from pathlib import Path

from rdflib import Dataset
from rdflib.compare import graph_diff, to_isomorphic

GOLDEN = Path(__file__).parent / "golden" / "seed-graph.trig"


def _graphs(path: Path) -> dict[str, object]:
    ds = Dataset()
    ds.parse(path, format="trig")
    return {str(g.identifier): g for g in ds.graphs() if len(g)}


def test_seed_graph_is_isomorphic_to_the_golden_graph(seed_build):
    _, out = seed_build
    built, golden = _graphs(out / "graph.trig"), _graphs(GOLDEN)
    assert sorted(built) == sorted(golden), "named graphs differ"
    for name in sorted(golden):
        if to_isomorphic(built[name]) != to_isomorphic(golden[name]):
            _, only_built, only_golden = graph_diff(to_isomorphic(built[name]), to_isomorphic(golden[name]))
            lines = sorted(only_built.serialize(format="nt").splitlines())[:10]
            gone = sorted(only_golden.serialize(format="nt").splitlines())[:10]
            raise AssertionError(f"graph {name} differs from the golden file\n"
                                 f"new: {lines}\ngone: {gone}\n"
                                 "review, then: python tests/golden/regenerate.py graph")
