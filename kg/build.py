"""``kg build``: corpus folder in, graph files and a build report out.

Stages: read and extract every file (in ``jobs`` processes, each file's
extraction cached by content), resolve mentions to documents across the
corpus, infer title-echo links, then write the graph one named graph at a
time (each file's block cached by its extraction and the nodes it points
to), open it as an Oxigraph store and draw the network view. Memory holds
the extractions and one graph at a time, never the whole RDF graph.
"""
from __future__ import annotations

import json
import multiprocessing
import time
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from contextlib import nullcontext
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, ContextManager, Optional, Union

from . import cache as build_cache
from .cleaning import clean
from .extract import extract_mentions
from .graph import Contributions, resolution_inputs, shared_graphs, source_part
from .inference import check_implements, implements_edges, title_echoes
from .loading import CorpusError, SkippedFile, UnreadableFile, corpus_files, read_source
from .models import Extraction
from .resolve import resolve
from .resources import rules_version
from .serialize import atomic_output, atomic_write, to_turtle, trig_block, trig_header
from .store import load_graph, write_store
from .viz import write_view

# progress(label, total) -> a context manager whose value has update(n)
Progress = Callable[[str, int], ContextManager]

GRAPH_FILE = "graph.trig"
TURTLE_FILE = "graph.ttl"
REPORT_FILE = "report.json"
HTML_FILE = "graph.html"
VIEW_MAX_NODES = 800      # the overview a build draws; kg viz draws more on request


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
    cache: dict[str, dict[str, int]] = field(default_factory=dict)

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
                                                f"{self.cache['misses'][kind]} new" for kind in self.cache["hits"]))
        lines += [f"skipped {s}" for s in self.skipped]
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
        }


def build(corpus_dir: Path, out_dir: Path, turtle: bool = False, jobs: int = 1, use_cache: bool = True,
          progress: Optional[Progress] = None) -> BuildReport:
    """Build the graph of a corpus into ``out_dir``; returns the report.

    Raises loading.CorpusError for a missing or empty corpus. Files that
    cannot be read are skipped and listed in the report.
    """
    corpus_dir, out_dir = Path(corpus_dir).resolve(), Path(out_dir)
    progress = progress or (lambda label, total: nullcontext(_NoProgress()))
    cache = build_cache.BuildCache(out_dir, enabled=use_cache)
    clock = _Clock()

    files = corpus_files(corpus_dir)
    if not files:
        raise CorpusError(f"{corpus_dir}: no documents in the corpus directory")
    extractions, keys, skipped = extract_corpus(files, corpus_dir, cache, jobs, progress)
    clock.lap("extract")
    resolution = resolve(extractions)
    inferred = title_echoes(resolution.documents.values(), implements_edges(extractions, resolution, ()))
    clock.lap("resolve")

    report = BuildReport(corpus=corpus_dir, out_dir=out_dir, files_read=len(extractions), skipped=skipped)
    report.documents = len(resolution.documents)
    report.stubs = sum(1 for d in resolution.documents.values() if d.is_stub)
    links = Counter(c.relation for x in extractions for c in x.citations)
    links.update("replies_to" for x in extractions if x.proposal is not None)
    links.update(f"{link.relation} (inferred)" for link in inferred)
    report.links = dict(links)
    report.warnings = ([f"{x.document.relative_path}: {note}" for x in extractions for note in x.document.source.notes]
                       + [w for x in extractions for w in x.warnings] + resolution.warnings
                       + check_implements(implements_edges(extractions, resolution, inferred)))

    graph_path = out_dir / GRAPH_FILE
    with atomic_output(graph_path) as fh, progress("writing graph", len(extractions)) as bar:
        fh.write(trig_header())
        state = Contributions()
        for x in sorted(extractions, key=lambda x: x.document.relative_path):
            entry = build_cache.key(keys[x.document.relative_path], resolution_inputs(x, resolution))
            cached = cache.get("graph", entry)
            if cached is None:
                part = source_part(x, resolution)
                cached = (trig_block(part.graph_iri, part.graph), part.contributions, len(part.graph))
                cache.put("graph", entry, cached)
            block, contributions, count = cached
            fh.write(block)
            state.merge(contributions)
            report.triples += count
            bar.update(1)
        for graph_iri, graph in shared_graphs(state, resolution, inferred):
            fh.write(trig_block(graph_iri, graph))
            report.triples += len(graph)
    report.outputs.append(graph_path)
    clock.lap("write graph")
    report.outputs.append(write_store(graph_path))
    store = load_graph(graph_path)
    clock.lap("store")
    if turtle:
        atomic_write(out_dir / TURTLE_FILE, to_turtle((s, p, o) for s, p, o, _ in store.quads()))
        report.outputs.append(out_dir / TURTLE_FILE)
    write_view(store, out_dir / HTML_FILE, max_nodes=VIEW_MAX_NODES)
    report.outputs.append(out_dir / HTML_FILE)
    clock.lap("view")
    cache.prune()
    report.cache = {"hits": cache.hits, "misses": cache.misses}
    report.seconds = clock.laps
    atomic_write(out_dir / REPORT_FILE,
                 json.dumps(report.to_json(), ensure_ascii=False, indent=2, sort_keys=True).encode("utf-8"))
    report.outputs.insert(1, out_dir / REPORT_FILE)
    return report


def _read_and_extract(task: tuple[Path, Path]) -> Union[Extraction, SkippedFile]:
    path, corpus_dir = task
    try:
        return extract_mentions(clean(read_source(path, corpus_dir)))
    except UnreadableFile as exc:
        return SkippedFile(path.relative_to(corpus_dir).as_posix(), str(exc))


def extract_corpus(files: list[Path], corpus_dir: Path, cache: build_cache.BuildCache, jobs: int,
                   progress: Progress) -> tuple[list[Extraction], dict[str, str], list[SkippedFile]]:
    """Every file's extraction (from the cache when its bytes and the rules
    are unchanged), the cache key of each, and the files skipped."""
    extractions: dict[str, Extraction] = {}
    keys: dict[str, str] = {}
    todo: list[Path] = []
    skipped: list[SkippedFile] = []
    for path in files:
        relative = path.relative_to(corpus_dir).as_posix()
        try:
            data = path.read_bytes()
        except OSError as exc:
            skipped.append(SkippedFile(relative, f"cannot read: {exc.strerror or exc}"))
            continue
        keys[relative] = build_cache.key(relative, data)
        hit = cache.get("extract", keys[relative])
        if hit is not None:
            extractions[relative] = hit
        else:
            todo.append(path)
    tasks = [(path, corpus_dir) for path in todo]
    with progress("extracting", len(files)) as bar:
        bar.update(len(files) - len(todo))
        if jobs > 1 and len(tasks) > 1:
            context = multiprocessing.get_context("fork")
            with ProcessPoolExecutor(max_workers=jobs, mp_context=context) as pool:
                results = pool.map(_read_and_extract, tasks, chunksize=max(1, len(tasks) // (jobs * 8)))
                _collect(results, extractions, keys, skipped, cache, bar)
        else:
            _collect(map(_read_and_extract, tasks), extractions, keys, skipped, cache, bar)
    skipped.sort(key=lambda s: s.relative_path)
    return [extractions[k] for k in sorted(extractions)], keys, skipped


def _collect(results, extractions, keys, skipped, cache, bar) -> None:
    for result in results:
        if isinstance(result, SkippedFile):
            skipped.append(result)
            keys.pop(result.relative_path, None)
        else:
            relative = result.document.relative_path
            extractions[relative] = result
            cache.put("extract", keys[relative], result)
        bar.update(1)


class _NoProgress:
    def update(self, n: int) -> None:
        pass


class _Clock:
    def __init__(self):
        self.start = self.last = time.perf_counter()
        self.laps: dict[str, float] = {}

    def lap(self, name: str) -> None:
        now = time.perf_counter()
        self.laps[name] = round(now - self.last, 3)
        self.last = now
