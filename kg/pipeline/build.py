"""``kg build``: corpus folder in, graph files and a build report out.

Stages: read and extract every file (in ``jobs`` processes, each file's
extraction cached by content), resolve mentions to documents across the
corpus, infer title-echo links, then write the graph one named graph at a
time (each file's block cached by its extraction and the nodes it points
to, with the triples the network views read), then draw the overview from
those triples. The Oxigraph store is the first query's to load
(``database.ensure_store``), or ``store=True``'s, loaded in another process
from the blocks as they are written (``kg.store.stream_load``); a store a
query loaded is patched by the next build. Memory holds each file's summary
(``kg.pipeline.summaries``: its extraction without text, measures or
agencies), the resolution, the document network and one graph block at a
time: never the extractions, never the whole RDF graph.
"""
from __future__ import annotations

import gc
import json
import multiprocessing
import os
import resource
import select
import shutil
import signal
import threading
import time
from datetime import date
from collections import Counter, deque
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field, replace
from functools import partial
from itertools import islice
from pathlib import Path
from typing import BinaryIO, Callable, cast, ContextManager, Iterable, Iterator, NamedTuple, Optional, Sequence, Union

from kg.pipeline import cache as build_cache, outputs, summary_format
from kg.pipeline.cluster import DaskPool
from kg.relations import Relation
from kg.pipeline.quality import QualityReport, quality_report
from kg.pipeline.summaries import SPILL_PREFIX, ExtractionStore, FileSummary, StoreFolder, summarize
from kg.rdf import iri
from kg.read.cleaning import clean, plain_document
from kg.extract.document import extract_mentions
from kg.pipeline.inputs import ExtractInputs, GraphInputs, SharedInputs, StoredGraph, entry, view_inputs
from kg.rdf.named_graphs import Contributions, document_nodes, file_nodes, shared_graphs, source_part
from kg.models import SkippedFile
from kg.read.loading import BUILD_LOCK, MAX_BYTES, UnreadableFile, corpus_files, read_bytes, read_source, relative_name
from kg.models import DocRef, Document, Extraction, FileError, Resolution, SourceDocument
from kg.resolution.documents import resolve
from kg.datafiles import rules_version
from kg.rdf.trig import atomic_output, atomic_write, temporary_prefix, to_turtle, trig_block, trig_header
from kg.network.documents import document_network
from kg.network.index import INDEX_FILE, write_index
from kg.network.validity import conflicts as validity_conflicts, reference_day, status_graph
from kg.store.database import (TEMPORARY_STORE_PREFIX, GraphStore, ensure_store, install_store, store_lock,
                               store_matches, update_store)
from kg.store.fingerprints import STAMP, STORE_DIR, fingerprint, graph_stamp, write_graph_stamp
from kg.network.resources import NetworkFacts, Row, network_rows, row_order
from kg.store.stream_load import StoreLoader
from kg.process_lifetime import die_with_parent
from kg.views.overview import overview_network, page_version, render

# progress(label, total) -> a context manager whose value has update(n)
Progress = Callable[[str, int], ContextManager]

GRAPH_FILE = "graph.trig"
TURTLE_FILE = "graph.ttl"
REPORT_FILE = "report.json"
HTML_FILE = "graph.html"
# the outputs of one build, replaced together (kg.pipeline.outputs); the
# graph's stamp among them, for the index is checked by it
OUTPUT_NAMES = (GRAPH_FILE, REPORT_FILE, TURTLE_FILE, INDEX_FILE, HTML_FILE, graph_stamp(Path(GRAPH_FILE)).name)
# outputs of earlier versions, taken away by the next build (documents.json: the index before documents.sqlite)
RETIRED_OUTPUT_NAMES = ("documents.json",)
PATCH_LIMIT = 0.2         # patch the previous store when at most this share of files changed


@dataclass
class BuildReport:
    corpus: Path
    out_dir: Path
    files_read: int = 0
    skipped: list[SkippedFile] = field(default_factory=list)
    documents: int = 0
    stubs: int = 0
    links: dict[str, int] = field(default_factory=dict)
    triples: int = 0
    warnings: list[str] = field(default_factory=list)
    outputs: list[Path] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)    # per stage
    peak_mib: dict[str, float] = field(default_factory=dict)   # peak memory at the end of each stage
    cache: dict[str, dict[str, int]] = field(default_factory=dict)
    quality: QualityReport = field(default_factory=QualityReport)
    learned_codes: dict[str, str] = field(default_factory=dict)   # issuer code -> the agency the corpus taught
    graph_sha256: str = ""         # of the graph.trig written beside the report: the two are of one build
    as_of: str = ""                # the day validity is stated on (the validity graph, the conflicts)

    def summary(self) -> str:
        lines = [
            f"read {self.files_read} files from {self.corpus}"
            + (f", skipped {len(self.skipped)}" if self.skipped else ""),
            f"{self.documents} documents ({self.documents - self.stubs} in the corpus, {self.stubs} cited stubs)",
            "links: " + (", ".join(f"{k} {v}" for k, v in sorted(self.links.items())) or "none"),
            f"{self.triples} triples; {len(self.warnings)} warnings (see {self.out_dir / REPORT_FILE})",
        ]
        if self.cache and any(self.cache["hits"].values()):
            lines.append("cache: " + ", ".join(f"{kind} {self.cache['hits'][kind]} reused, "
                                                f"{self.cache['misses'][kind]} new" for kind in ("extract", "graph")))
        lines += [f"skipped {s}" for s in self.skipped]
        lines.append(self.quality.summary())
        lines += [f"wrote {p}" for p in self.outputs]
        return "\n".join(lines)

    def to_json(self) -> dict:
        return {
            "corpus": str(self.corpus),
            "rules_version": rules_version(),
            "files_read": self.files_read,
            "skipped": [{"file": s.relative_path, "reason": s.reason} for s in self.skipped],
            "documents": self.documents,
            "stubs": self.stubs,
            "links": self.links,
            "triples": self.triples,
            "warnings": self.warnings,
            "learned_codes": self.learned_codes,
            "graph_sha256": self.graph_sha256,
            "as_of": self.as_of,
            "quality": self.quality.to_json(),
        }


def graph_dataset(extractions: Iterable[Extraction], resolution: Resolution, as_of: Optional[date] = None):
    """The graphs ``kg build`` writes, as one rdflib Dataset in memory (the
    library's ``kg.build_graph``): every file's graph, the shared graphs
    and the validity graph on ``as_of`` (default ``reference_day()``)."""
    from kg.rdf.named_graphs import build_graph
    extractions = list(extractions)
    status = status_graph(document_network(extractions, resolution), as_of or reference_day())
    return build_graph(extractions, resolution, derived=[(iri.VALIDITY_GRAPH, status)])


def build(corpus_dir: Path, out_dir: Path, turtle: bool = False, jobs: Optional[int] = None, use_cache: bool = True,
          progress: Optional[Progress] = None, store: bool = False, as_of: Optional[date] = None,
          cluster: Optional[str] = None) -> BuildReport:
    """Build the graph of a corpus into ``out_dir``; returns the report.
    ``jobs``: processes for reading, extraction and graph blocks; None is
    one per core for corpora of AUTO_JOBS_FROM files and more (below that,
    starting processes costs more than it saves), else one. ``store``: load
    the query store now rather than on the first query (a store the previous
    build left is patched either way when few files changed). ``as_of``: the
    day the validity graph states each document's eli:in_force on (default
    ``reference_day()``: SOURCE_DATE_EPOCH's day, else today). ``cluster``:
    run the map stages on a Dask cluster at that address, or ``"local"`` on
    worker processes of this machine (``kg.pipeline.cluster``): the same
    outputs.

    Raises loading.CorpusError for a missing or empty corpus. Files that
    cannot be read are skipped and listed in the report.
    """
    with _output_lock(Path(out_dir)), _without_cycle_collector(), _cluster(cluster, jobs):
        return _build(corpus_dir, out_dir, turtle, jobs, use_cache, progress, store, as_of or reference_day())


AUTO_JOBS_FROM = 50
# Up to this many files the overview carries every agency, measure and theme
# one click away; above it, its documents only (each document's resources are
# on its page): some 250 network triples a document, gathered while writing,
# took 2.6 GB at 10,000 documents (benchmarks/README.md, run H).
OVERVIEW_RESOURCES_UP_TO = 10_000
# seconds one file's reading and extraction may take: a 19 MB text takes under
# two minutes; a small .docx holding a pathological text would take hours
FILE_SECONDS = 600


class OutputBusy(RuntimeError):
    """Another build is writing the same output folder."""


LOCK_FILE = BUILD_LOCK        # marks the folder as a build's: no corpus listing reads it


@contextmanager
def _output_lock(out_dir: Path) -> Iterator[None]:
    """One build at a time per output folder: a second one stops at once
    with a clear message instead of racing the first over the same files."""
    import fcntl
    out_dir.mkdir(parents=True, exist_ok=True)
    global _LOCK_FD
    with open(out_dir / LOCK_FILE, "a+") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise OutputBusy(f"{out_dir}: another kg build is writing this folder; "
                             "wait for it to finish or choose another -o") from None
        _LOCK_FD = handle.fileno()
        try:
            yield
        finally:
            _LOCK_FD = None
            fcntl.flock(handle, fcntl.LOCK_UN)


# The build lock's descriptor, which forked workers inherit: a worker closes
# its copy (a flock lives as long as any copy is open, so a worker orphaned by
# a killed build would hold the folder's lock for ever) and dies with its parent.
_LOCK_FD: Optional[int] = None
_PARENT_PID: Optional[int] = None


def _worker_init(build: Optional[int] = None) -> None:
    if _LOCK_FD is not None:
        try:
            os.close(_LOCK_FD)
        except OSError:
            pass
    die_with_parent()                      # not on Linux: orphans at least hold no lock
    if _PARENT_PID is not None and os.getppid() != _PARENT_PID:
        os._exit(1)                        # the parent died before the signal was armed
    if build is not None:                  # forked by a server process, whose death is not the build's
        threading.Thread(target=_end_with, args=(build,), daemon=True).start()
        gc.disable()                       # as in the build (_without_cycle_collector), which a fork inherits


def _end_with(build: int) -> None:
    """End this worker when the build ends (killed, it cannot close the pool)."""
    try:
        select.select([os.pidfd_open(build)], [], [])
    except (AttributeError, OSError):       # no pidfd (not Linux 5.3+): look once a second
        while True:
            try:
                os.kill(build, 0)
            except ProcessLookupError:
                break
            except OSError:
                pass
            time.sleep(1)
    os._exit(1)


@contextmanager
def _without_cycle_collector() -> Iterator[None]:
    """A build holds millions of small objects (extractions, RDF terms) and
    makes millions more; Python's cycle collector would rescan the live ones
    again and again (measured: over half of the graph-writing time). They
    hold no reference cycles, so reference counting frees them all the same;
    forked workers inherit the setting."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _build(corpus_dir: Path, out_dir: Path, turtle: bool, jobs: Optional[int], use_cache: bool,
           progress: Optional[Progress], with_store: bool, as_of: date) -> BuildReport:
    corpus_dir, out_dir = Path(corpus_dir).resolve(), Path(out_dir)
    progress = progress or (lambda label, total: nullcontext(_NoProgress()))
    cache = build_cache.BuildCache(out_dir, enabled=use_cache)
    clock = _Clock()

    links_passed_over: list[SkippedFile] = []
    files = corpus_files(corpus_dir, links_passed_over, output=out_dir)
    if _CLUSTER:
        jobs = _CLUSTER[0].workers
    elif jobs is None:
        jobs = (os.cpu_count() or 1) if len(files) >= AUTO_JOBS_FROM else 1
    version = build_cache.pipeline_version()      # read once: every block's key names it
    store = ExtractionStore(cache, out_dir)
    try:
        return _build_from(cache, store, files, corpus_dir, out_dir, turtle, jobs, progress, with_store, as_of,
                           version, links_passed_over, clock)
    finally:
        store.close()


def _build_from(cache: build_cache.BuildCache, store: ExtractionStore, files: list[Path], corpus_dir: Path,
                out_dir: Path, turtle: bool, jobs: int, progress: Progress, with_store: bool, as_of: date,
                version: str, links_passed_over: list[SkippedFile], clock: "_Clock") -> BuildReport:
    summaries, skipped = extract_corpus(files, corpus_dir, cache, store, jobs, progress, version)
    extractions = [s.extraction for s in summaries]      # without their texts: the full ones wait in the store
    skipped = sorted(skipped + links_passed_over, key=lambda s: s.relative_path)
    clock.lap("extract")
    resolution = resolve(extractions)
    clock.lap("resolve")

    report = BuildReport(corpus=corpus_dir, out_dir=out_dir, files_read=len(extractions), skipped=skipped)
    report.documents = len(resolution.documents)
    report.stubs = sum(1 for d in resolution.documents.values() if d.is_stub)
    links: Counter[str] = Counter(c.relation.value for x in extractions for c in x.citations)
    links.update(Relation.REPLIES_TO.value for x in extractions if x.proposal is not None)
    links.update(f"{link.relation.value} (inferred)" for link in resolution.inferred)
    report.links = dict(links)
    learned = tuple(f"issuer code {code} of " for code in resolution.learned_codes)
    report.warnings = ([f"{x.document.relative_path}: {note}" for x in extractions for note in x.document.source.notes]
                       + [w for x in extractions for w in x.warnings if not any(k in w for k in learned)]
                       + resolution.warnings)
    report.quality = quality_report(extractions, resolution, {s.relative_path: s.silver for s in summaries})
    report.learned_codes = {code: agency.name for code, agency in sorted(resolution.learned_codes.items())}

    # The document network is all later stages need of the extractions:
    # writing the graph then lets each file's extraction go once its block is
    # written (the store's loader fills that memory as it grows).
    documents = document_network(extractions, resolution, {s.relative_path: s.sentences for s in summaries})
    report.quality.validity_conflicts = validity_conflicts(documents, as_of)
    report.as_of = as_of.isoformat()
    derived = [(iri.VALIDITY_GRAPH, status_graph(documents, as_of))]
    graph_path = out_dir / GRAPH_FILE
    out_dir.mkdir(parents=True, exist_ok=True)
    remove_leftovers(out_dir, keep=store.spill)
    pending = graph_tasks(summaries, resolution)
    del extractions, summaries      # ``pending`` holds what the blocks need; each is let go once written
    # every output is written into a unit of its own, which replaces the
    # previous build's outputs all at once (kg.pipeline.outputs)
    unit = outputs.new_unit(out_dir)
    # a store that cannot be patched is loaded as the graph is written, in a
    # process of its own, which finishes while the index and the overview are made
    loader = StoreLoader(out_dir) if with_store and not store_patchable(graph_path, cache) else None
    try:
        written = _write_unit(unit, graph_path, turtle, pending, resolution, documents, derived, version, cache,
                              store, jobs, progress, report, clock, loader)
        outputs.commit(out_dir, unit, [name for name in OUTPUT_NAMES if (unit / name).exists()],
                       OUTPUT_NAMES + RETIRED_OUTPUT_NAMES)
    except BaseException:
        shutil.rmtree(unit, ignore_errors=True)
        if loader is not None:
            loader.abandon()
        raise
    report.outputs = [out_dir / name for name in (GRAPH_FILE, REPORT_FILE, TURTLE_FILE, INDEX_FILE, HTML_FILE)
                      if (unit / name).exists()]
    _bring_store_up(graph_path, written, loader, with_store, report)
    clock.lap("store")
    report.seconds, report.peak_mib = clock.laps, clock.peaks
    return report


def _bring_store_up(graph_path: Path, written: WrittenGraph, loader: Optional[StoreLoader], with_store: bool,
                    report: BuildReport) -> None:
    """The store is tied to graph.trig by its stamp: brought up to the new
    graph now (patched, or the one loaded as the graph was written put in
    place, or loaded from the file), or loaded by the first query where this
    fails."""
    try:
        if written.patch_store is not None:
            report.outputs.append(written.patch_store())
        loaded = loader.finish() if loader is not None and written.fed_loader else None
        if loader is not None and not written.fed_loader:
            loader.abandon()        # the previous store was patched instead
        if loaded is not None:
            report.outputs.append(install_store(loaded, graph_path, written.fingerprint))
        elif with_store:
            if loader is not None and loader.failure:
                report.warnings.append(f"{loader.failure}; loaded the store from the graph file instead")
            report.outputs.append(ensure_store(graph_path))
    except OSError as exc:
        report.warnings.append(f"the query store was not updated ({exc.strerror or exc}); the first query loads it")


def _write_unit(unit: Path, graph_path: Path, turtle: bool, pending: deque[GraphTask], resolution: Resolution,
                documents, derived: list[tuple], version: str, cache: build_cache.BuildCache,
                store: ExtractionStore, jobs: int, progress: Progress, report: BuildReport,
                clock: _Clock, loader: Optional[StoreLoader] = None) -> WrittenGraph:
    """Write every output of the build into ``unit``: the graph (fed to
    ``loader`` too, when the store is loaded as it is written), its stamp,
    graph.ttl (``turtle``), the document index, the overview and the report."""
    new_graph = unit / GRAPH_FILE
    resources = len(pending) <= OVERVIEW_RESOURCES_UP_TO
    written = write_graph(graph_path, new_graph, pending, resolution, version, cache, store, jobs, progress, derived,
                          gather_network=resources, loader=loader)
    report.triples = written.triples
    # read once for the index and the cache: the fingerprint of the graph the
    # cache describes (a store holding it, patched by this build or loaded by
    # a later query, can be patched next time)
    graph_fingerprint = written.fingerprint = fingerprint(new_graph)
    cache.put("synced", "graph", graph_fingerprint)
    write_graph_stamp(new_graph, graph_fingerprint)     # kg trace checks documents.sqlite by it, unread
    report.graph_sha256 = graph_fingerprint.split()[2]
    clock.lap("write graph")
    if turtle:
        atomic_write(unit / TURTLE_FILE, to_turtle(graph_triples(new_graph)))
    write_index(documents, new_graph, digest=report.graph_sha256)
    atomic_write(unit / HTML_FILE, overview_page(written.network, documents, new_graph, version, cache, resources))
    clock.lap("view")
    cache.prune()
    report.cache = {"hits": cache.hits, "misses": cache.misses}
    report.warnings += [f"cache entry {path.relative_to(cache.root.parent)} failed its check (corrupted, or not "
                        "written by this user's builds) and was ignored" for path in cache.rejected]
    atomic_write(unit / REPORT_FILE,
                 json.dumps(report.to_json(), ensure_ascii=False, indent=2, sort_keys=True).encode("utf-8"))
    return written


def graph_triples(graph_file: Path) -> Iterator[tuple]:
    """The triples of a graph file as rdflib terms, read as they come."""
    import pyoxigraph as ox
    from kg.store.database import FORMATS, to_rdflib
    for quad in ox.parse(path=str(graph_file), format=FORMATS[graph_file.suffix]):
        yield to_rdflib(quad.subject), to_rdflib(quad.predicate), to_rdflib(quad.object)


def overview_page(facts: NetworkFacts, documents, graph_path: Path, version: str,
                  cache: build_cache.BuildCache, resources: bool = True) -> bytes:
    """The overview page, drawn from the network's triples gathered while
    writing (``facts``, emptied; the sentences of its links, shown on small
    graphs, from the file); the page of the last build when what it shows is
    unchanged, as after most one-file edits (drawing it, not gathering what
    it shows, is what takes time)."""
    network = overview_network(facts, documents, evidence_store=lambda: GraphStore.from_file(graph_path),
                               resources=resources)
    facts.rows, facts.links = [], []      # ``network`` holds what the page shows
    key = entry(view_inputs(version, network, documents, page_version()))
    page = cast(Optional[bytes], cache.get("view", key))
    if page is None:
        page = render(network, documents).encode("utf-8")
        cache.put("view", key, page)
    return page


def remove_leftovers(out_dir: Path, keep: Optional[Path] = None) -> None:
    """What a killed build left behind: the units of builds that never
    switched, half-made links, half-written outputs of earlier versions
    (``.graph.trig.*`` …) and half-loaded stores (``.store-*``). Nothing of
    the build readers see is touched."""
    prefixes = tuple(temporary_prefix(name) for name in OUTPUT_NAMES) + (TEMPORARY_STORE_PREFIX, SPILL_PREFIX)
    outputs.remove_stale_units(out_dir)
    with store_lock(out_dir):     # not a store a query is loading right now
        for path in out_dir.iterdir():
            if path.name.startswith(prefixes) and path != keep:
                if path.is_dir():
                    shutil.rmtree(path, ignore_errors=True)
                else:
                    path.unlink(missing_ok=True)


@dataclass
class WrittenGraph:
    triples: int
    network: NetworkFacts                # the triples the network views read
    patch_store: Optional[Callable[[], Path]]   # brings the previous build's store up to the new file
    fed_loader: bool = False             # the whole file went to the store's loader too
    fingerprint: str = ""                # the written file's, once taken


def write_graph(graph_path: Path, target: Path, pending: deque[GraphTask], resolution: Resolution, version: str,
                cache: build_cache.BuildCache, store: ExtractionStore, jobs: int, progress: Progress,
                derived: Sequence[tuple] = (), gather_network: bool = True,
                loader: Optional[StoreLoader] = None) -> WrittenGraph:
    """Write the TriG file (``target``, which becomes ``graph_path`` when
    the build's outputs switch) one named graph at a time. Returns the number of
    triples written, each graph's network triples (for the overview), and,
    when the previous build's store holds the previous file (``graph_path``)
    and few files changed, the step that patches it (once ``graph_path`` is
    the new file). ``pending`` (``graph_tasks``) is a queue handed over: it
    is taken, and each extraction let go once its block is written.
    ``derived``: (IRI, triples) of graphs derived from the whole network
    (the validity graph), written last, never cached (cheap to make).
    ``gather_network`` False: the overview will show documents only, and
    the network's triples are not kept. ``loader``: a new store's loader,
    fed every block as it is written, where the previous store cannot be
    patched (``fed_loader`` says it was)."""
    files = len(pending)
    header = trig_header()
    patchable = store_patchable(graph_path, cache)
    # from the first block this build caches, the cache no longer describes the
    # store: a build stopped before the end (kill, Ctrl-C, a full disk) leaves
    # it unsynced, and the next one reloads the store instead of patching it
    # with only what changed since the blocks this one cached
    cache.forget("synced", "graph")
    feed = loader if not patchable else None
    with atomic_output(target) as fh, progress("writing graph", files) as bar:
        blocks = _BlockWriter(_Tee(fh, feed), cache, gather_network, patchable, files)
        blocks.write(header)
        for graph_iri, block, fresh in graph_blocks(pending, cache, store, jobs):
            blocks.add_file(graph_iri, block, fresh)
            bar.update(1)
        shared = SharedInputs(version, tuple(blocks.digests), tuple(sorted(blocks.state.title_sources.items())),
                              document_nodes(resolution), resolution.inferred)
        derived_blocks = [SharedBlock(str(graph_iri), trig_block(graph_iri, graph), len(graph),
                                      network_part(graph)) for graph_iri, graph in derived]
        for graph in shared_blocks(blocks.state, shared, cache) + derived_blocks:
            blocks.add_shared(graph)
    patch = None
    if blocks.patchable:
        changed = {iri: header + block for iri, block in blocks.changed.items()}
        patch = lambda: update_store(graph_path, changed, blocks.graph_iris)   # noqa: E731
    return WrittenGraph(blocks.triples, blocks.network.finish(), patch, fed_loader=feed is not None)


def store_patchable(graph_path: Path, cache: build_cache.BuildCache) -> bool:
    """Whether the previous build's store can be patched: only when it holds
    the graph this cache was kept for (a --no-cache build in between leaves
    entries the store lacks)."""
    stamp = graph_path.parent / STORE_DIR / STAMP
    return (cache.enabled and graph_path.is_file() and store_matches(graph_path)
            and cache.get("synced", "graph") == stamp.read_text(encoding="utf-8"))


class _Tee:
    """The graph file, and the store's loader when one reads along."""

    def __init__(self, fh: BinaryIO, loader: Optional[StoreLoader]):
        self.fh, self.loader = fh, loader

    def write(self, data: bytes) -> None:
        self.fh.write(data)
        if self.loader is not None:
            self.loader.write(data)


class _BlockWriter:
    """What ``write_graph`` gathers as it writes the blocks in order: the
    shared graphs' inputs, the network's triples, the count, and the graphs
    that changed (while few enough to patch the previous store with)."""

    def __init__(self, out: _Tee, cache: build_cache.BuildCache, gather_network: bool, patchable: bool,
                 files: int):
        self.write = out.write
        self.cache, self.gather_network, self.patchable, self.files = cache, gather_network, patchable, files
        self.state = Contributions()
        self.digests: list[str] = []
        self.changed: dict[str, bytes] = {}
        self.graph_iris: list[str] = []
        self.network = NetworkFacts()
        self.triples = 0

    def add_file(self, graph_iri: str, block: "FileBlock", fresh: bool) -> None:
        self.digests.append(block.digest)
        self.write(block.trig)
        if self.gather_network:
            self.network.add(block.network)
        self.state.merge(block.contributions)
        self.triples += block.triples
        self.graph_iris.append(graph_iri)
        if fresh and self.patchable:
            self.changed[graph_iri] = block.trig
            self.patchable = len(self.changed) <= PATCH_LIMIT * self.files + 1

    def add_shared(self, graph: "SharedBlock") -> None:
        self.write(graph.trig)
        if self.gather_network:
            self.network.add(graph.network)
        self.triples += graph.triples
        self.graph_iris.append(graph.iri)
        # the cache keeps only what the last build used: a shared graph
        # seen there is, byte for byte, in the store being patched
        seen = entry(StoredGraph(graph.iri, graph.trig))
        if not self.cache.has("shared", seen):
            self.changed[graph.iri] = graph.trig
        self.cache.put("shared", seen, True)


class SharedBlock(NamedTuple):
    """A shared graph as written: its IRI, TriG block, triple count and the
    triples the network views read."""
    iri: str
    trig: bytes
    triples: int
    network: list[Row]


def shared_blocks(state: Contributions, inputs: SharedInputs, cache: build_cache.BuildCache) -> list[SharedBlock]:
    """The shared graphs (stubs, inferred links, reference data, ontology):
    from the cache when what they are made of (``inputs``: ``state``'s
    digests stand for all of it but where titles were read) is unchanged, as
    after most one-file edits."""
    key = entry(inputs)
    blocks = cast(Optional[list[SharedBlock]], cache.get("shared-blocks", key))
    if blocks is None:
        blocks = [SharedBlock(str(graph_iri), trig_block(graph_iri, graph), len(graph), network_part(graph))
                  for graph_iri, graph in shared_graphs(state, inputs.documents, inputs.inferred)]
        cache.put("shared-blocks", key, blocks)
    return blocks


def network_part(graph) -> list[Row]:
    """A graph's triples that the network views read, in order."""
    return sorted(network_rows(graph), key=row_order)


class GraphTask(NamedTuple):
    """A file's graph block to write: what it is made from (its cache key
    names the extraction, which the block reads back from the store)."""
    inputs: GraphInputs
    relative_path: str


def graph_tasks(summaries: list[FileSummary], resolution: Resolution) -> deque[GraphTask]:
    """Every file's graph task, in path order."""
    ordered = sorted(summaries, key=lambda s: s.relative_path)
    return deque(GraphTask(GraphInputs(s.key, file_nodes(s.extraction, resolution)), s.relative_path)
                 for s in ordered)


class FileBlock(NamedTuple):
    """One file's graph block: its TriG text, what it adds to the shared
    graphs and their digest, its triple count and network triples."""
    trig: bytes
    contributions: Contributions
    digest: str
    triples: int
    network: list[Row]


def _write_block(task: GraphTask, store: Union[ExtractionStore, StoreFolder]) -> FileBlock:
    """One file's block, its extraction read back from the store (in this
    process, a forked worker or a cluster's)."""
    x = store.get(task.inputs.extraction)
    if x is None:
        raise RuntimeError(f"{task.relative_path}: its extraction left the build's store ({store}) "
                           "while the build ran; build again")
    part = source_part(x, task.inputs.nodes)
    return FileBlock(trig_block(part.graph_iri, part.graph), part.contributions, part.contributions.digest(),
                     len(part.graph), network_part(part.graph))


def graph_blocks(pending: deque[GraphTask], cache: build_cache.BuildCache, store: ExtractionStore,
                 jobs: int) -> Iterator[tuple[str, FileBlock, bool]]:
    """Each file's graph IRI, block and whether it was written afresh, in
    order: from the cache when its inputs are unchanged, else written (in
    ``jobs`` processes). Takes the tasks out of ``pending``."""
    work: list[Optional[GraphTask]] = [pending.popleft() for _ in range(len(pending))]
    keys = [entry(task.inputs) for task in work if task is not None]
    paths = [task.relative_path for task in work if task is not None]
    missing = [i for i, key in enumerate(keys) if not cache.has("graph", key)]
    # workers that hold none of this process's heap (the summaries, the resolution, the
    # network): forked from it, two workers took 1.3 GB at once at 100,000 files and grew
    # as they touched its pages; each gets the tasks it writes and a reader of the store
    with _pool(jobs, len(missing), from_server=len(missing) >= WORKERS_FROM_SERVER_FROM) as pool:
        write = partial(_write_block, store=store if pool is None else store.reader())
        tasks = (work[i] for i in missing)      # taken as chunks are sent: a written task is let go
        computed = _ordered_map(pool, write, tasks, len(missing),
                                pool.workers if isinstance(pool, DaskPool) else jobs)
        to_write = set(missing)
        for i, key in enumerate(keys):
            value = None if i in to_write else cast(Optional[FileBlock], cache.get("graph", key))
            fresh = value is None
            if value is None:    # new, or a cache entry that could not be read
                task = work[i]
                assert task is not None, "a block is written before its task is let go"
                value = next(computed) if i in to_write else _write_block(task, store)
                cache.put("graph", key, value)
            work[i] = None       # written: its task is no longer needed
            yield str(iri.source_graph(paths[i])), value, fresh


# The cluster the map stages run on, while a build with --cluster runs
_CLUSTER: list[DaskPool] = []


@contextmanager
def _cluster(address: Optional[str], jobs: Optional[int]) -> Iterator[None]:
    if address is None:
        yield
        return
    with DaskPool(address, jobs or os.cpu_count() or 1) as pool:
        _CLUSTER[:] = [pool]
        try:
            yield
        finally:
            _CLUSTER.clear()


def _pool(jobs: int, tasks: int, from_server: bool = False):
    """The cluster of a --cluster build; else a pool of forked workers, or
    None (run in this process) for one job or too little work to share.
    ``from_server``: workers forked from a server process that holds only the
    modules, not from this one (whose heap they would copy page by page)."""
    global _PARENT_PID
    if _CLUSTER:
        return nullcontext(_CLUSTER[0])
    if jobs > 1 and tasks > 1:
        _PARENT_PID = None if from_server else os.getpid()
        context = multiprocessing.get_context("forkserver" if from_server else "fork")
        if from_server:
            context.set_forkserver_preload(["kg.pipeline.build"])
        return ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=_worker_init,
                                   initargs=(os.getpid(),) if from_server else ())
    return nullcontext(None)


MAX_CHUNK = 32     # tasks sent to a worker at once
# files to write from which the writing workers are forked from a server: below, the
# build's heap is small, and starting the server costs more (0.6 s of 2.4 at 100 files)
WORKERS_FROM_SERVER_FROM = 1000


def _ordered_map(pool, fn: Callable, items: Iterable, count: int, jobs: int) -> Iterator:
    """``fn`` over the ``count`` ``items``, results in order: in this process
    without a pool, else in chunks with at most two per worker in flight,
    each taken from ``items`` as it is sent. (Executor.map submits
    everything at once, and the results of a fast pool pile up in memory
    while the consumer writes them: 1.3 GB at 10,000 documents.)"""
    if pool is None:
        yield from map(fn, items)
        return
    size = max(1, min(MAX_CHUNK, count // (jobs * 8)))
    items = iter(items)
    chunks = iter(lambda: list(islice(items, size)), [])
    in_flight = deque(pool.submit(_run_chunk, fn, chunk) for chunk in islice(chunks, 2 * jobs))
    while in_flight:
        done = in_flight.popleft().result()
        following = next(chunks, None)
        if following is not None:
            in_flight.append(pool.submit(_run_chunk, fn, following))
        yield from done


def _run_chunk(fn: Callable, chunk: list) -> list:
    return [fn(item) for item in chunk]


def read_and_extract(task: tuple[Path, Path]) -> Union[Extraction, SkippedFile]:
    """One file's extraction; a file that cannot be read is skipped with its
    reason, and a failure past reading keeps the document with what was read
    (kg.extract.document isolates each step; this isolates the rest)."""
    return _read_and_extract(*task, version="")[1]


def read_and_extract_keyed(task: tuple[Path, Path, str]) -> tuple[Optional[str], Union[Extraction, SkippedFile]]:
    """The extraction and the cache key (under pipeline version ``task[2]``)
    of the very bytes it was made from: a file edited while the build runs
    is cached under what was read, never under what an earlier look at it
    saw."""
    return _read_and_extract(*task)


def extract_to_store(task: tuple[Path, Path, str, StoreFolder]) -> tuple[Optional[str], Union[str, SkippedFile]]:
    """On a cluster's worker: one file's extraction, put in the build's
    store by path; what comes back is its summary in the public JSON form."""
    path, corpus_dir, version, folder = task
    key, result = _read_and_extract(path, corpus_dir, version)
    if key is None or isinstance(result, SkippedFile):
        return key, cast(SkippedFile, result)
    folder.put(key, result)
    return key, summary_format.dumps(summarize(result, key))


def _read_and_extract(path: Path, corpus_dir: Path, version: str
                      ) -> tuple[Optional[str], Union[Extraction, SkippedFile]]:
    relative = relative_name(path, corpus_dir)
    try:
        with _time_limit(FILE_SECONDS):
            data = read_bytes(path, corpus_dir)
            source = read_source(path, corpus_dir, data)
            return entry(ExtractInputs(version, relative, data)), _extract_read(source, relative)
    except UnreadableFile as exc:
        return None, SkippedFile(relative, str(exc))
    except FileTimeLimit:
        return None, SkippedFile(relative, f"reading it took over {FILE_SECONDS} s: skipped (a file within the size "
                                           "limits that holds a pathological text)")
    except Exception as exc:  # noqa: BLE001 - a reader's failure no reason names yet: this file is skipped, not the build
        return None, SkippedFile(relative, f"could not be read ({type(exc).__name__}: {exc})")


class FileTimeLimit(BaseException):
    """A file's reading ran out of time. A BaseException, as an interrupt is:
    the per-step isolation of the extraction (which catches Exception) must
    not swallow it and go on with the next step of the same file."""


@contextmanager
def _time_limit(seconds: float):
    """Raise FileTimeLimit in this process after ``seconds`` (where the
    platform has interval timers and this is the main thread; elsewhere no limit)."""
    if not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(signum, frame):
        raise FileTimeLimit()
    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _extract_read(source: SourceDocument, relative: str) -> Extraction:
    try:
        doc = clean(source)
    except Exception as exc:  # noqa: BLE001 - a bug in cleaning must not stop the build
        error = FileError(relative, "read", "read.clean", f"{type(exc).__name__}: {exc}")
        extraction = _extract_isolated(plain_document(source))
        return replace(extraction, errors=(error,) + extraction.errors)
    return _extract_isolated(doc)


def _extract_isolated(doc: Document) -> Extraction:
    try:
        return extract_mentions(doc)
    except Exception as exc:  # noqa: BLE001 - outside the isolated steps: keep the bare document
        error = FileError(doc.relative_path, "extract", "extract.document", f"{type(exc).__name__}: {exc}")
        return Extraction(document=doc, identity=DocRef(), area=None, date=None, facts=(), citations=(),
                          proposal=None, errors=(error,))


def extract_corpus(files: list[Path], corpus_dir: Path, cache: build_cache.BuildCache, store: ExtractionStore,
                   jobs: int, progress: Progress, version: str) -> tuple[list[FileSummary], list[SkippedFile]]:
    """Every file's summary, in path order (its extraction from the cache
    when its bytes and the rules are unchanged, else made; the full one put
    in ``store`` for its graph block), and the files skipped."""
    summaries: dict[str, FileSummary] = {}
    keys: dict[str, str] = {}
    todo: list[Path] = []
    skipped: list[SkippedFile] = []
    for path in files:
        relative = relative_name(path, corpus_dir)
        try:
            data = read_bytes(path, corpus_dir)       # a huge file is refused before it is read
        except UnreadableFile as exc:
            skipped.append(SkippedFile(relative, str(exc)))
            continue
        keys[relative] = entry(ExtractInputs(version, relative, data))
        hit = cast(Optional[Extraction], cache.get("extract", keys[relative]))
        if hit is not None:
            summaries[relative] = summarize(hit, keys[relative])
        else:
            todo.append(path)
    # a cluster's workers put each extraction in the store themselves and send back its summary
    # (kg.pipeline.summary_format): a few KB a file cross the network, not the whole extraction
    tasks: list = ([(path, corpus_dir, version, store.reader()) for path in todo] if _CLUSTER
                   else [(path, corpus_dir, version) for path in todo])
    with progress("extracting", len(files)) as bar, _pool(jobs, len(tasks)) as pool:
        bar.update(len(files) - len(todo))
        extract = extract_to_store if _CLUSTER else read_and_extract_keyed
        results = _ordered_map(pool, extract, tasks, len(tasks), jobs)
        _collect(results, summaries, skipped, store, bar)
    skipped.sort(key=lambda s: s.relative_path)
    return [summaries[k] for k in sorted(summaries)], skipped


def _collect(results, summaries, skipped, store: ExtractionStore, bar) -> None:
    for key, result in results:
        if isinstance(result, SkippedFile):
            skipped.append(result)
        elif isinstance(result, str):         # a summary that travelled; its extraction is in the store
            store.adopt(key)
            summary = summary_format.loads(result)
            summaries[summary.relative_path] = summary
        else:
            store.put(key, result)       # the bytes the extraction was made from name it
            summaries[result.document.relative_path] = summarize(result, key)
        bar.update(1)


class _NoProgress:
    def update(self, n: int) -> None:
        pass


class _Clock:
    """Seconds per stage, and the process's peak memory when each stage
    ended (peak resident set: a stage that raises it shows as a step)."""

    def __init__(self):
        self.start = self.last = time.perf_counter()
        self.laps: dict[str, float] = {}
        self.peaks: dict[str, float] = {}

    def lap(self, name: str) -> None:
        now = time.perf_counter()
        self.laps[name] = round(now - self.last, 3)
        self.peaks[name] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)   # MiB
        self.last = now
