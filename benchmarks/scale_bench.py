"""Scaling figures for `kg build` and the query store, printed as Markdown.

For each corpus size (generated variants of the seed text, see
generate_corpus.py) it measures, on this machine, in one run:

- plain `jieba.cut` over the same texts (the segmentation baseline);
- a full build from scratch in a fresh process (`kg build --no-cache
  --timings`): seconds and peak memory per stage, wall time;
- with --jobs-check: the same build with `-j 2`;
- with --incremental-check: a rebuild after one file changed (cache warm,
  the store loaded by a query in between, so that the rebuild patches it);
- with --query-check: the saved tracing and aggregation queries on the
  built graph, Oxigraph (the store behind kg query) against rdflib's
  in-memory store, median of 3;
- the first query after each build (which loads the store the build left
  to it);
- `kg --help` start-up, median of 5;
- with --baseline COMMIT: the same build by the code of that commit (its
  tree exported from git, run with this environment), on the same corpus in
  the same run: wall time, graph.trig size and peak memory side by side;
- with --store-check SIZE: `kg build --store` (the store loaded as the
  graph is written) and the first query, with the peak memory of the whole
  process tree (the build and the store's loader), this code and, with
  --baseline, the baseline's, one after the other;
- the evidence's weight: triples per asserted fact (the fact, its
  assertion, and its share of the span it points to).

    python benchmarks/scale_bench.py --sizes 100 1000 [--jobs-check] [--incremental-check]
        [--query-check] [--store-check 10000] [--baseline 94c615a] [--work DIR]
"""
from __future__ import annotations

import argparse
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Optional

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.generate_corpus import generate  # noqa: E402

KG = Path(sys.executable).parent / "kg"
QUERIES = {
    "downstream of 国办发〔2019〕5号 in 河北 (tracing)": ("downstream", {"target": "国办发〔2019〕5号",
                                                                       "provinceCode": "130000"}),
    "implementation chains ≥ 2 (tracing)": ("chains", {}),
    "who cites 国办发〔2019〕5号, with sentences (tracing)": ("cited-by", {"target": "国办发〔2019〕5号"}),
    "evidence of every implements link (evidence join)": ("evidence", {"p": "eli:applies"}),
    "documents by area and level (aggregation)": ("documents-by-level", {}),
    "measures per responsible agency (aggregation)": ("agencies-by-measures", {}),
}


def median_seconds(fn, repeat: int, patience: float = 60.0) -> float:
    """Median of ``repeat`` runs; a run slower than ``patience`` seconds is
    not repeated (its one time is the figure)."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
        if times[-1] > patience:
            break
    return statistics.median(times)


def jieba_seconds(corpus: Path) -> tuple[float, int]:
    code = ("import jieba, sys, time, pathlib; jieba.setLogLevel(60); jieba.initialize(); "
            "texts=[p.read_text(encoding='utf-8') for p in sorted(pathlib.Path(sys.argv[1]).glob('gen-*.txt'))]; "
            "t=time.perf_counter(); n=sum(1 for x in texts for _ in jieba.cut(x)); "
            "print(time.perf_counter()-t, sum(map(len, texts)))")
    out = subprocess.run([sys.executable, "-c", code, str(corpus)], check=True, capture_output=True, text=True)
    seconds, chars = out.stdout.split()
    return float(seconds), int(chars)


def export_commit(commit: str, target: Path) -> Path:
    """The tree of ``commit`` in ``target`` (once), to run as the baseline."""
    if not (target / "kg").is_dir():
        target.mkdir(parents=True, exist_ok=True)
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", commit], check=True, capture_output=True)
        subprocess.run(["tar", "-x", "-C", str(target)], input=archive.stdout, check=True)
    return target


def kg_command(source: Optional[Path]) -> list[str]:
    """``kg`` of a source tree (this checkout's by default, whatever the
    environment's install points to) run with this environment."""
    return [sys.executable, "-c", f"import sys; sys.path.insert(0, {str(source or ROOT)!r}); "
                                  "from kg.cli import main; sys.exit(main())"]


def run_build(corpus: Path, out: Path, *extra: str, source: Optional[Path] = None) -> dict:
    """A build in a fresh process: wall seconds, stage seconds and peaks."""
    start = time.perf_counter()
    done = subprocess.run(["/usr/bin/time", "-f", "maxrss_kib %M cpu_s %U %S", *kg_command(source), "build",
                           str(corpus), "-o", str(out), "--timings", *extra], check=True, capture_output=True,
                          text=True)
    wall = time.perf_counter() - start
    stages = dict((k, float(v)) for k, v in re.findall(r"(\w[\w ]*?) ([\d.]+)(?:,|$)",
                                                      done.stdout.split("seconds: ")[1].splitlines()[0]))
    peaks = dict((k, float(v)) for k, v in re.findall(r"(\w[\w ]*?) ([\d.]+)(?:,|$)",
                                                     done.stdout.split("peak MiB: ")[1].splitlines()[0]))
    triples = int(re.search(r"(\d+) triples", done.stdout).group(1))
    rss = int(re.search(r"maxrss_kib (\d+)", done.stderr).group(1)) / 1024
    user, system = re.search(r"cpu_s ([\d.]+) ([\d.]+)", done.stderr).groups()
    return {"wall": wall, "stages": stages, "peaks": peaks, "triples": triples, "rss_mib": rss,
            "cpu": float(user) + float(system), "trig_bytes": (out / "graph.trig").stat().st_size}


def tree_peak_mib(command: list[str]) -> tuple[float, float, tuple[float, float, float]]:
    """Run ``command``; its wall seconds, the peak of the summed memory of
    it and all its descendants (sampled every 0.2 s: the build and the
    store's loader run side by side, and their peaks add), and at that peak
    the shares of the command's own process, its workers (every other
    descendant) and the store's loader. Each process counts its
    proportional share (Pss) of the pages it shares: forked workers share
    most of their parent's, which resident sizes would count once for each."""
    def tree(pid: int) -> list[int]:
        out = [pid]
        try:
            for task in os.listdir(f"/proc/{pid}/task"):
                with open(f"/proc/{pid}/task/{task}/children") as fh:
                    out += [p for child in fh.read().split() for p in tree(int(child))]
        except OSError:
            pass
        return out

    def pss_kib(pid: int) -> int:
        try:
            with open(f"/proc/{pid}/smaps_rollup") as fh:
                return next((int(line.split()[1]) for line in fh if line.startswith("Pss:")), 0)
        except OSError:
            return 0

    def is_loader(pid: int) -> bool:
        try:
            with open(f"/proc/{pid}/cmdline", "rb") as fh:
                return b"kg.store.stream_load" in fh.read()
        except OSError:
            return False

    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    peak, shares = 0, (0, 0, 0)
    while process.poll() is None:
        own, workers, loader = 0, 0, 0
        for pid in set(tree(process.pid)):
            kib = pss_kib(pid)
            if pid == process.pid:
                own += kib
            elif is_loader(pid):
                loader += kib
            else:
                workers += kib
        if own + workers + loader > peak:
            peak, shares = own + workers + loader, (own, workers, loader)
        time.sleep(0.2)
    if process.returncode:
        raise subprocess.CalledProcessError(process.returncode, command)
    return time.perf_counter() - start, peak / 1024, (shares[0] / 1024, shares[1] / 1024, shares[2] / 1024)


def store_check(corpus: Path, out: Path, source: Optional[Path] = None
                ) -> tuple[float, float, float, tuple[float, float, float]]:
    """``kg build --store`` from scratch, then the first query in a new
    process: build seconds, query seconds, peak memory of the build's
    process tree (MiB) and its shares (the build, its workers, the loader).
    The build is removed afterwards (a 100,000-file store takes some 24 GB)."""
    if out.exists():
        shutil.rmtree(out)
    wall, peak, shares = tree_peak_mib([*kg_command(source), "build", str(corpus), "-o", str(out), "--no-cache",
                                        "--store"])
    query = first_query_seconds(out, source)
    shutil.rmtree(out)
    return wall, query, peak, shares


def first_query_seconds(out: Path, source: Optional[Path] = None) -> float:
    """A saved query in a new process on a fresh build: the store's load
    when the build left it to the first query, else opening it."""
    start = time.perf_counter()
    subprocess.run([*kg_command(source), "query", str(out), "documents-by-level", "-f", "csv"], check=True,
                   capture_output=True)
    return time.perf_counter() - start


def evidence_weight(graph_file: Path) -> tuple[int, int, int]:
    """(asserted facts, triples of their assertions, triples of the spans
    they point to), counted in the graph file as written."""
    import pyoxigraph as ox
    assertion, derived = "https://w3id.org/policy-kg/ontology#Assertion", "http://www.w3.org/ns/prov#wasDerivedFrom"
    subjects: dict[str, int] = {}
    assertions, spans = set(), set()
    for q in ox.parse(path=str(graph_file), format=ox.RdfFormat.TRIG):
        subject = q.subject.value
        subjects[subject] = subjects.get(subject, 0) + 1
        if q.predicate.value == derived:
            spans.add(q.object.value)
        elif q.object.value == assertion:
            assertions.add(subject)
    return (len(assertions), sum(subjects[a] for a in assertions),
            sum(subjects.get(s, 0) for s in spans))


def store_floor_seconds(graph_file: Path) -> float:
    """Oxigraph's bulk load of the finished graph file into a new on-disk
    store, alone in a fresh process: the least any build that gives
    `kg query` an on-disk store can spend on it."""
    code = ("import pyoxigraph as ox, sys, time; s = ox.Store(sys.argv[2]); t = time.perf_counter(); "
            "s.bulk_load(path=sys.argv[1], format=ox.RdfFormat.TRIG, lenient=True); s.flush(); "
            "print(time.perf_counter() - t)")
    with tempfile.TemporaryDirectory(dir=graph_file.parent) as store:   # as large as the build's own store
        out = subprocess.run([sys.executable, "-c", code, str(graph_file), store], check=True, capture_output=True,
                             text=True)
    return float(out.stdout)


def query_figures(graph_dir: Path):
    """(label, Oxigraph seconds, rdflib seconds) for each query, as measured."""
    from rdflib import Dataset

    from kg.store.query import run_query
    from kg.store.database import load_graph
    from kg.rdf.vocab import PREFIXES

    oxigraph = load_graph(graph_dir)
    dataset = Dataset(default_union=True)
    dataset.parse(graph_dir / "graph.trig", format="trig")
    for label, (query, bindings) in QUERIES.items():
        from kg.store.query import _term, query_text
        text = query_text(query)
        ox_s = median_seconds(lambda: run_query(oxigraph, text, bindings), 3)
        init = {k: _term(v) for k, v in bindings.items()}
        rdflib_s = seconds_within(lambda: list(dataset.query(text, initNs=PREFIXES, initBindings=init)),
                                  RDFLIB_LIMIT)
        yield label, ox_s, rdflib_s


RDFLIB_LIMIT = 300.0     # seconds; rdflib's evaluation of a join can run for hours


def seconds_within(fn, limit: float) -> float:
    """Median of 3 runs of ``fn`` in a forked child (which inherits the loaded
    graph); a run past ``limit`` seconds is stopped and reported as ``inf``."""
    import multiprocessing

    context = multiprocessing.get_context("fork")
    result = context.Queue()
    child = context.Process(target=lambda: result.put(median_seconds(fn, 3)))
    child.start()
    child.join(limit)
    if child.is_alive():
        child.kill()
        child.join()
        return float("inf")
    return result.get()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000])
    parser.add_argument("--work", type=Path, default=None)
    parser.add_argument("--jobs-check", action="store_true")
    parser.add_argument("--incremental-check", action="store_true")
    parser.add_argument("--incremental-size", type=int, default=None,
                        help="Corpus size of the incremental check (default: the largest).")
    parser.add_argument("--store-floor", action="store_true",
                        help="Also time Oxigraph's bulk load of each finished graph file alone.")
    parser.add_argument("--query-check", type=int, default=0, metavar="SIZE",
                        help="Compare Oxigraph and rdflib on the graph of this corpus size.")
    parser.add_argument("--baseline", metavar="COMMIT", help="Also build each corpus with this commit's code.")
    parser.add_argument("--cluster-check", type=int, default=0, metavar="SIZE",
                        help="Build this corpus size on a local Dask cluster of 2 workers too; compare the bytes.")
    parser.add_argument("--store-check", type=int, default=0, metavar="SIZE",
                        help="Build this corpus size with --store, then query it (and with --baseline, the "
                             "baseline too, in turn): build + first query, and the peak of the process tree.")
    parser.add_argument("--no-evidence-weight", action="store_true",
                        help="Skip counting triples per asserted fact (a pass over each graph file).")
    args = parser.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="kg-scale-"))
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}; "
          f"work dir {work}\n")
    help_s = median_seconds(lambda: subprocess.run([*kg_command(None), "--help"], check=True, capture_output=True), 5)
    print(f"`kg --help`: {help_s:.3f} s (median of 5)\n")
    print("| documents | triples | jieba.cut s | build s (wall) | CPU s | extract | resolve | write graph | store "
          "| view | peak MiB (extract / write / store / view) | docs/s | build ÷ jieba throughput | extract ÷ jieba "
          "| store load alone s (÷ jieba) |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    results = {}
    for size in args.sizes:
        corpus = work / f"corpus-{size}"
        if not corpus.is_dir():
            generate(corpus, size)
        jieba_s, chars = jieba_seconds(corpus)
        r = run_build(corpus, work / f"build-{size}", "--no-cache")
        r["first_query"] = first_query_seconds(work / f"build-{size}")
        results[size] = r
        st, pk = r["stages"], r["peaks"]
        floor = store_floor_seconds(work / f"build-{size}" / "graph.trig") if args.store_floor else None
        floor_text = f"{floor:.1f} ({jieba_s / floor:.2f})" if floor else "–"
        print(f"| {size} | {r['triples']} | {jieba_s:.2f} | {r['wall']:.1f} | {r['cpu']:.1f} | {st['extract']:.1f} | "
              f"{st['resolve']:.2f} | {st['write graph']:.1f} | {st['store']:.1f} | {st['view']:.1f} | "
              f"{pk['extract']:.0f} / {pk['write graph']:.0f} / {pk['store']:.0f} / {pk['view']:.0f} | "
              f"{size / r['wall']:.1f} | {jieba_s / r['wall']:.2f} | {jieba_s / st['extract']:.2f} | {floor_text} |",
              flush=True)
    sizes = sorted(results)
    for small, large in zip(sizes, sizes[1:]):
        print(f"\ngrowth {small} → {large} documents ({large / small:.0f}×): build wall time "
              f"×{results[large]['wall'] / results[small]['wall']:.2f}")
    for size in ([] if args.no_evidence_weight else sizes):
        facts, assertion_triples, span_triples = evidence_weight(work / f"build-{size}" / "graph.trig")
        print(f"\nevidence on {size} documents: {facts} asserted facts; per fact {assertion_triples / facts:.2f} "
              f"assertion triples + {span_triples / facts:.2f} span triples + the fact itself = "
              f"{(assertion_triples + span_triples) / facts + 1:.2f} triples")
    if args.baseline:
        source = export_commit(args.baseline, work / f"baseline-{args.baseline}")
        print(f"\nbaseline: commit {args.baseline}, the same corpora, this run\n")
        print("| documents | baseline s | this s | speed-up | baseline graph.trig MB | this MB | size ratio "
              "| baseline peak RSS MiB | this MiB | first query s: baseline / this | build + first query: speed-up |")
        print("|---|---|---|---|---|---|---|---|---|---|---|")
        base = {}
        for size in sizes:
            base[size] = b = run_build(work / f"corpus-{size}", work / f"baseline-build-{size}", "--no-cache",
                                       source=source)
            r = results[size]
            b_query = first_query_seconds(work / f"baseline-build-{size}", source)
            print(f"| {size} | {b['wall']:.1f} | {r['wall']:.1f} | ×{b['wall'] / r['wall']:.2f} | "
                  f"{b['trig_bytes'] / 1e6:.1f} | {r['trig_bytes'] / 1e6:.1f} | "
                  f"{100 * r['trig_bytes'] / b['trig_bytes']:.0f} % | {b['rss_mib']:.0f} | {r['rss_mib']:.0f} | "
                  f"{b_query:.1f} / {r['first_query']:.1f} | "
                  f"×{(b['wall'] + b_query) / (r['wall'] + r['first_query']):.2f} |", flush=True)
        for small, large in zip(sizes, sizes[1:]):
            print(f"\ngrowth {small} → {large}: baseline ×{base[large]['wall'] / base[small]['wall']:.2f}, "
                  f"this ×{results[large]['wall'] / results[small]['wall']:.2f}")
    if args.cluster_check:
        size = args.cluster_check
        one = results[size] if size in results else run_build(work / f"corpus-{size}", work / f"build-{size}",
                                                                "--no-cache")
        on_cluster = run_build(work / f"corpus-{size}", work / f"build-{size}-cluster", "--no-cache",
                               "--cluster", "-j", "2")
        same = ((work / f"build-{size}" / "graph.trig").read_bytes()
                == (work / f"build-{size}-cluster" / "graph.trig").read_bytes())
        print(f"\n--cluster on {size} documents (local Dask cluster, 2 workers): {on_cluster['wall']:.1f} s "
              f"(one process {one['wall']:.1f} s), peak RSS of the kg process {on_cluster['rss_mib']:.0f} MiB; "
              f"graph.trig {'byte-identical' if same else 'DIFFERENT'} to the one-process build's")
    if args.store_check:
        size = args.store_check
        corpus = work / f"corpus-{size}"
        if not corpus.is_dir():
            generate(corpus, size)
        print(f"\n`kg build --store` on {size} documents, then the first query (new processes):\n")
        print("| code | build --store s | first query s | sum s | peak MiB (process tree) "
              "| at the peak: build / workers / loader MiB |")
        print("|---|---|---|---|---|---|")
        runs = [("this", None)]
        if args.baseline:
            runs.append((args.baseline, export_commit(args.baseline, work / f"baseline-{args.baseline}")))
        for name, source in runs:
            wall, query, peak, shares = store_check(corpus, work / f"store-build-{size}-{name}", source)
            print(f"| {name} | {wall:.1f} | {query:.1f} | {wall + query:.1f} | {peak:.0f} | "
                  f"{' / '.join(f'{share:.0f}' for share in shares)} |", flush=True)
    largest = sizes[-1]
    corpus = work / f"corpus-{largest}"
    if args.jobs_check:
        one = results[largest]["wall"]
        run = run_build(corpus, work / f"build-{largest}-j2", "--no-cache", "-j", "2")
        two = run["wall"]
        print(f"\n--jobs on {largest} documents: 1 process {one:.1f} s (CPU {results[largest]['cpu']:.1f} s), "
              f"2 processes {two:.1f} s (CPU {run['cpu']:.1f} s), speed-up ×{one / two:.2f}")
    if args.incremental_check:
        largest = args.incremental_size or largest
        corpus = work / f"corpus-{largest}"
        out = work / f"build-{largest}-incr"
        full = run_build(corpus, out)["wall"]           # fills the cache
        first_query_seconds(out)                        # loads the store: the rebuild patches it
        victim = sorted(corpus.glob("gen-*.txt"))[len(sorted(corpus.glob("gen-*.txt"))) // 2]
        original = victim.read_text(encoding="utf-8")
        victim.write_text(original.replace("现提出如下实施意见", "现结合实际提出如下实施意见", 1), encoding="utf-8")
        try:
            again = run_build(corpus, out)
        finally:
            victim.write_text(original, encoding="utf-8")
        print(f"\nincremental on {largest} documents: full build {full:.1f} s, after one file changed "
              f"{again['wall']:.1f} s ({100 * again['wall'] / full:.1f} %); stages {again['stages']}")
    if args.query_check:
        size = args.query_check
        graph_dir = work / f"build-{size}"
        if not graph_dir.is_dir():
            if not (work / f"corpus-{size}").is_dir():
                generate(work / f"corpus-{size}", size)
            results[size] = run_build(work / f"corpus-{size}", graph_dir, "--no-cache")
        print(f"\nqueries on the {size}-document graph ({results.get(size, {}).get('triples', '?')} triples), "
              "median of 3 (one run when it took over a minute):\n")
        print("| query | Oxigraph s | rdflib memory store s | ratio |")
        print("|---|---|---|---|")
        for label, ox_s, rdflib_s in query_figures(graph_dir):
            if rdflib_s == float("inf"):
                print(f"| {label} | {ox_s:.3f} | > {RDFLIB_LIMIT:.0f} (stopped) | > ×{RDFLIB_LIMIT / ox_s:.0f} |",
                      flush=True)
            else:
                print(f"| {label} | {ox_s:.3f} | {rdflib_s:.2f} | ×{rdflib_s / ox_s:.0f} |", flush=True)
        tree_s = median_seconds(lambda: subprocess.run([*kg_command(None), "trace", "国办发〔2019〕5号", "-g", str(graph_dir)],
                                                       check=True, capture_output=True), 5)
        print(f"\n`kg trace 国办发〔2019〕5号` end to end on it (new process, median of 5): {tree_s:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
