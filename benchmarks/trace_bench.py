"""Figures for `kg trace` and `kg coverage` on a graph of thousands of documents.

Generates the scaling corpus (generated variants, see generate_corpus.py),
builds it once, then times: opening the built graph, building the network of
implements links, trace/coverage of 国办发〔2019〕5号 (median of 5 runs), and
the `kg trace` command end to end in a fresh process (median of 5 runs,
before any query has loaded the store), and the first query's load of it.

    python benchmarks/trace_bench.py [--documents 3000] [--work DIR]
"""
from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.generate_corpus import generate  # noqa: E402
from kg.pipeline.build import build  # noqa: E402
from kg.network.documents import to_networkx  # noqa: E402
from kg.store.database import load_graph  # noqa: E402
from kg.network.trace import coverage, flatten, trace  # noqa: E402

REF = "国办发〔2019〕5号"


def timed(fn, repeat=5):
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--documents", type=int, default=3000)
    parser.add_argument("--work", type=Path, default=None)
    args = parser.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="kg-trace-bench-"))
    corpus, out = work / "corpus", work / "build"
    n = generate(corpus, args.documents)
    start = time.perf_counter()
    report = build(corpus, out)
    build_s = time.perf_counter() - start
    kg = Path(sys.executable).parent / "kg"
    # kg trace reads documents.sqlite: timed before anything loads the store
    cli_s, _ = timed(lambda: subprocess.run([str(kg), "trace", REF, "-g", str(out)], check=True,
                                            stdout=subprocess.DEVNULL))
    first_s, _ = timed(lambda: load_graph(out), repeat=1)      # loads build/store
    load_s, store = timed(lambda: load_graph(out), repeat=3)
    net_s, graph = timed(lambda: to_networkx(store, relations=("applies",)), repeat=3)
    trace_s, tree = timed(lambda: trace(graph, REF))
    cov_s, rows = timed(lambda: coverage(graph, REF))
    nodes = sum(1 for _ in flatten(tree))
    print(f"documents generated: {n}; graph: {report.documents} documents, {report.triples} triples")
    print(f"build (once): {build_s:.1f} s")
    print(f"first query's load of the store: {first_s:.1f} s")
    print(f"open the built graph (median of 3): {load_s * 1000:.1f} ms")
    print(f"implements network (median of 3): {net_s:.2f} s  [{graph.number_of_nodes()} nodes, "
          f"{graph.number_of_edges()} edges]")
    print(f"trace {REF} (median of 5): {trace_s * 1000:.1f} ms  [{nodes} tree nodes]")
    print(f"coverage {REF} (median of 5): {coverage_ms(cov_s)} ms  [{len(rows)} areas]")
    print(f"`kg trace {REF}` end to end, new process (median of 5): {cli_s:.2f} s")
    return 0


def coverage_ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f}"


if __name__ == "__main__":
    sys.exit(main())
