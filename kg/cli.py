"""The ``kg`` command: a thin click shell over the library.

Each command parses its arguments, calls one library function and prints.
Heavy modules (rdflib, pyshacl) are imported inside the commands, so that
``kg --help`` answers at once.
"""
from __future__ import annotations

import functools
import gc
import sys
from pathlib import Path
from typing import Optional

import click

from kg.relations import between_documents, names as relation_names, traced

DEFAULT_CORPUS = Path("corpus")
DEFAULT_OUT = Path("build")


def _fail(message: str) -> None:
    raise click.ClickException(message)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="policy-kg")
def main() -> None:
    """policy-kg: a knowledge graph of Chinese public-policy documents."""


@main.command()
@click.argument("corpus", required=False, type=click.Path(path_type=Path), default=DEFAULT_CORPUS)
@click.option("-o", "--out", "out_dir", type=click.Path(path_type=Path), default=DEFAULT_OUT,
              show_default=True, help="Folder for graph.trig and report.json.")
@click.option("--turtle", is_flag=True, help="Also write graph.ttl (all graphs merged).")
@click.option("--strict", is_flag=True, help="Exit non-zero when any file was skipped.")
@click.option("-j", "--jobs", type=int, default=None,
              help="Processes for reading, extraction and writing (default: one per core from 50 files on).")
@click.option("--no-cache", is_flag=True, help="Ignore and do not write OUT/.cache (rebuild everything).")
@click.option("--timings", is_flag=True, help="Print the seconds and peak memory of each stage.")
@click.option("--store", "with_store", is_flag=True,
              help="Load OUT/store (the query store) now instead of on the first query.")
@click.option("--as-of", "as_of", type=click.DateTime(formats=["%Y-%m-%d"]), default=None,
              help="The day eli:in_force is stated on (default: SOURCE_DATE_EPOCH's day, else today).")
@click.option("--cluster", "cluster", default=None, is_flag=False, flag_value="local", metavar="[ADDRESS]",
              help="Run the map stages on a Dask cluster (a scheduler's address, or alone: --jobs local worker "
                   "processes); needs policy-kg[cluster].")
def build(corpus: Path, out_dir: Path, turtle: bool, strict: bool, jobs: int, no_cache: bool, timings: bool,
          with_store: bool, as_of, cluster: Optional[str]) -> None:
    """Build the graph of the documents in CORPUS (default: corpus/)."""
    from kg.pipeline.build import OutputBusy, build as run_build
    from kg.pipeline.cluster import ClusterError
    from kg.read.loading import CorpusError
    from kg.network.validity import reference_day

    def progress(label: str, total: int):
        # a bar on a terminal for corpora worth waiting for; nothing in pipes and logs
        return click.progressbar(length=total, label=label, file=sys.stderr,
                                 hidden=total < 200 or not sys.stderr.isatty())

    if jobs is not None and jobs < 1:
        _fail("--jobs must be at least 1")
    try:
        day = as_of.date() if as_of else reference_day()
    except ValueError as exc:       # a SOURCE_DATE_EPOCH that is no number
        _fail(str(exc))
    try:
        report = run_build(corpus, out_dir, turtle=turtle, jobs=jobs, use_cache=not no_cache, progress=progress,
                           store=with_store, as_of=day, cluster=cluster)
    except (CorpusError, OutputBusy, ClusterError) as exc:
        _fail(str(exc))
    except OSError as exc:       # a full disk, a folder that cannot be written, a file in the folder's place
        where = f" ({exc.filename})" if exc.filename else ""
        _fail(f"cannot write the build into {out_dir}: {exc.strerror or exc}{where}; "
              "the outputs of the previous build are unchanged")
    click.echo(report.summary())
    if timings:
        click.echo("seconds: " + ", ".join(f"{stage} {s:.2f}" for stage, s in report.seconds.items()))
        click.echo("peak MiB: " + ", ".join(f"{stage} {m:.0f}" for stage, m in report.peak_mib.items()))
    if strict and report.skipped:
        sys.exit(1)


@main.command()
@click.argument("out_dir", required=False, type=click.Path(path_type=Path), default=DEFAULT_OUT)
@click.option("-f", "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def report(out_dir: Path, fmt: str) -> None:
    """Print again what the build in OUT_DIR (default: build/) could not read,
    and its warnings."""
    import json

    from kg.pipeline.build import REPORT_FILE
    from kg.pipeline.quality import QualityReport

    path = out_dir / REPORT_FILE if out_dir.is_dir() else out_dir
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        quality = QualityReport.from_json(data["quality"])
    except FileNotFoundError:
        _fail(f"{path}: no build report; run kg build first")
    except (ValueError, KeyError, TypeError) as exc:
        _fail(f"{path}: not a build report of this version ({exc}); run kg build again")
    warnings = data.get("warnings", [])
    if fmt == "json":
        click.echo(json.dumps({**quality.to_json(), "warnings": warnings}, ensure_ascii=False, indent=2))
    else:
        click.echo(quality.summary())
        if warnings:
            click.echo(f"warnings: {len(warnings)}")
            click.echo("\n".join(f"  {w}" for w in warnings))


@main.command(name="eval")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.argument("corpus", required=False, type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("-f", "--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.option("--subset", type=click.Choice(["all", "clean", "damaged"]), default="all", show_default=True,
              help="Score only the entries marked so by the gold's 'damaged' flag.")
@click.option("--misses", is_flag=True, help="List every document where a field differs from the gold.")
@click.option("--validity", "validity_file", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Gold of validity facts by page (default: validity.json beside GOLD, where there is one).")
@click.option("--kind", "kinds", multiple=True, metavar="KIND",
              help="Score only the entries of this kind in the gold (notice, reply, news, other …); repeatable.")
def evaluate(gold: Path, corpus: Path, fmt: str, subset: str, misses: bool, validity_file, kinds) -> None:
    """Score the extraction against a GOLD file (format of corpus-pages/gold.json);
    files are looked up under CORPUS (default: the gold file's folder)."""
    import json

    from kg.pipeline.evaluation import evaluate as run_evaluation

    try:
        result = run_evaluation(gold, corpus, subset, validity_file, kinds)
    except (ValueError, KeyError) as exc:
        _fail(f"{gold}: not a gold file ({exc})")
    if fmt == "json":
        click.echo(json.dumps(result.to_json(), ensure_ascii=False, indent=2))
    else:
        click.echo(result.table(misses=misses))


def _headers(values: tuple[str, ...]) -> dict[str, str]:
    headers = {}
    for value in values:
        name, sep, content = value.partition(":")
        if not sep or not name.strip():
            _fail(f"--header {value!r}: expected 'Name: value'")
        headers[name.strip()] = content.strip()
    return headers


HEADER_OPTION = click.option("--header", "headers", multiple=True, metavar="'NAME: VALUE'",
                             help="HTTP header for the remote server (repeatable).")
USER_OPTION = click.option("--user", metavar="NAME:PASSWORD",
                           help="Credentials for the remote server (Basic or Digest, as it asks).")
TIMEOUT_OPTION = click.option("--timeout", default=300.0, show_default=True,
                              help="Seconds for each whole request to the remote server.")


def _list_saved_queries() -> None:
    from kg.store.query import saved_queries
    for query in saved_queries().values():
        click.echo(f"{query.name:<26}{query.summary}")
        for p in query.parameters:
            click.echo(f"    --bind {p.name}=…  ({p.kind}) {p.meaning}; e.g. {p.name}={p.example}")


@main.command()
@click.argument("arguments", nargs=-1, metavar="[GRAPH] QUERY")
@click.option("--bind", "binds", multiple=True, metavar="NAME=VALUE",
              help="Bind a saved query's parameter, or pre-bind a variable of another query (repeatable).")
@click.option("-f", "--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table",
              show_default=True)
@click.option("--endpoint", metavar="URL", help="Query a remote SPARQL endpoint instead of GRAPH.")
@click.option("--list", "list_saved", is_flag=True, help="List the saved queries and their parameters.")
@HEADER_OPTION
@USER_OPTION
@TIMEOUT_OPTION
@click.option("--max-answer-mb", default=256.0, show_default=True, type=click.FloatRange(min=0),
              help="With --endpoint: refuse an answer larger than this (0: no limit). CSV is written as it "
                   "arrives; table and JSON hold the answer.")
def query(arguments: tuple[str, ...], binds: tuple[str, ...], fmt: str, endpoint, list_saved: bool,
          headers, user, timeout: float, max_answer_mb: float) -> None:
    """Run a SPARQL QUERY (inline, a .rq file, or a saved query's name) on GRAPH,
    or with --endpoint URL (and no GRAPH) on a remote SPARQL endpoint."""
    from kg.store.query import QueryError, format_result, run_query
    from kg.store.database import GraphFileError, load_graph

    if list_saved:
        _list_saved_queries()
        return
    if not arguments or len(arguments) > 2 or (len(arguments) == 2) == bool(endpoint):
        _fail("usage: kg query GRAPH QUERY, or kg query --endpoint URL QUERY")
    graph, query = (Path(arguments[0]), arguments[1]) if len(arguments) == 2 else (None, arguments[0])

    bindings = {}
    for bind in binds:
        name, sep, value = bind.partition("=")
        if not sep or not name:
            _fail(f"--bind {bind!r}: expected NAME=VALUE")
        bindings[name.lstrip("?")] = value
    try:
        if endpoint:
            from kg.store.query import SAVED_NAME
            from kg.store.remote import remote_query
            if bindings and not SAVED_NAME.match(query):
                _fail("--bind with --endpoint binds a saved query's parameters only")
            max_answer = int(max_answer_mb * 1024 * 1024)
            if fmt == "csv":
                _stream_csv(endpoint, query, _headers(headers), timeout, bindings, user, max_answer)
                return
            result = remote_query(endpoint, query, _headers(headers), timeout, bindings, user, max_answer)
        else:
            assert graph is not None, "two arguments without --endpoint, as checked above"
            result = run_query(load_graph(graph), query, bindings)
    except (GraphFileError, QueryError) as exc:
        _fail(str(exc))
    click.echo(format_result(result, fmt))


class _Echo:
    """A text stream onto click's output (what csv.writer writes to)."""

    def write(self, text: str) -> None:
        click.echo(text, nl=False)


def _stream_csv(endpoint: str, query: str, headers, timeout: float, bindings, user, max_answer: int) -> None:
    """A remote answer as CSV, row by row as it arrives (the same text as
    ``format_result``); an error after some rows ends the output with it."""
    from kg.models import QueryResult
    from kg.store.query import format_result, write_csv
    from kg.store.remote import remote_rows
    with remote_rows(endpoint, query, headers, timeout, bindings, user, max_answer) as answer:
        if answer.boolean is not None:
            click.echo(format_result(QueryResult((), (), answer.boolean), "csv"))
            return
        write_csv(answer.variables, answer.rows, _Echo())
        click.echo("")


@main.command()
@click.argument("graph", required=False, type=click.Path(path_type=Path), default=DEFAULT_OUT)
@click.option("--endpoint", metavar="URL", required=True,
              help="SPARQL 1.1 Graph Store endpoint, e.g. http://localhost:7878/store (Oxigraph), "
                   "http://localhost:3030/ds/data (Fuseki).")
@click.option("--append", is_flag=True, help="Add to each graph (POST) instead of replacing it (PUT).")
@HEADER_OPTION
@USER_OPTION
@TIMEOUT_OPTION
def push(graph: Path, endpoint: str, append: bool, headers, user, timeout: float) -> None:
    """Load GRAPH into a remote triple store, one named graph per document."""
    from kg.store.remote import RemoteError, push as run_push
    from kg.store.database import GraphFileError

    try:
        report = run_push(graph, endpoint, "append" if append else "replace", _headers(headers), timeout, user)
    except (GraphFileError, RemoteError) as exc:
        _fail(str(exc))
    click.echo(report.summary())


@main.command()
@click.argument("graph", type=click.Path(path_type=Path), default=DEFAULT_OUT)
def validate(graph: Path) -> None:
    """Check GRAPH against the SHACL shapes in ontology/shapes.ttl."""
    from kg.store.database import GraphFileError, load_dataset
    from kg.rdf.shacl import validate as run_validate

    try:
        result = run_validate(load_dataset(graph))
    except GraphFileError as exc:
        _fail(str(exc))
    if result.conforms:
        click.echo("conforms")
    else:
        click.echo(result.report)
        sys.exit(1)


@main.command()
@click.argument("corpus", required=False, type=click.Path(path_type=Path), default=DEFAULT_CORPUS)
@click.option("-n", "--top", default=40, show_default=True, help="How many candidates.")
@click.option("--min-documents", default=1, show_default=True, help="Keep terms found in at least this many files.")
def terms(corpus: Path, top: int, min_documents: int) -> None:
    """Frequent words of CORPUS that no dictionary holds yet (candidates to add)."""
    from kg.read.loading import CorpusError
    from kg.terms.candidates import candidate_terms

    try:
        rows = candidate_terms(corpus, top, min_documents)
    except CorpusError as exc:
        _fail(str(exc))
    click.echo(f"{'term':<12}{'files':>6}{'count':>7}{'score':>8}  example")
    for r in rows:
        click.echo(f"{r.term:<12}{r.documents:>6}{r.count:>7}{r.score:>8.3f}  {r.example}")


def _implements_network(graph: Path, trace_of: Optional[tuple[str, tuple[str, ...], bool]] = None):
    """The document network for trace and coverage: the index kg build saved
    beside the graph — of a trace (``trace_of``: reference, relations, down)
    only the part it reads — else its vertical links read from the store."""
    from kg.network.documents import to_networkx
    from kg.network.index import INDEX_FILE, read_index, read_trace_network
    from kg.network.trace import VERTICAL_RELATIONS
    from kg.store.graph_files import GraphFileError, graph_path

    try:
        saved = (read_trace_network(graph_path(graph), *trace_of) if trace_of
                 else read_index(graph_path(graph)))
        if saved is not None:
            return saved
        if (graph_path(graph).parent / INDEX_FILE).exists():
            click.echo(f"note: {INDEX_FILE} is of another version or another graph file: reading the store instead, "
                       "which takes longer on a large graph; `kg build` writes it anew", err=True)
        from kg.store.database import load_graph     # only now: opening the store costs its imports
        return to_networkx(load_graph(graph), relations=VERTICAL_RELATIONS)
    except GraphFileError as exc:
        _fail(str(exc))


def _collection_paused(command):
    """``command`` run with automatic garbage collection off: a trace or a
    coverage makes tens of thousands of dicts, lists and tree nodes, next to
    none of them in a cycle, and the collector's passes over them cost 6-9 %
    of the command on a graph of 100,000 documents (#35)."""
    @functools.wraps(command)
    def run(*args, **kwargs):
        enabled = gc.isenabled()
        gc.disable()
        try:
            return command(*args, **kwargs)
        finally:
            if enabled:
                gc.enable()
    return run


GRAPH_OPTION = click.option("-g", "--graph", type=click.Path(path_type=Path), default=DEFAULT_OUT,
                            show_default=True, help="The built graph (a folder or a .trig/.ttl file).")


@main.command()
@click.argument("ref")
@GRAPH_OPTION
@click.option("--down/--up", default=True, help="Documents carrying REF out (default), or those REF carries out.")
@click.option("--relation", "relations", multiple=True,
              type=click.Choice(relation_names(between_documents())),
              help="Relations to follow (repeatable; default: " + ", ".join(relation_names(traced())) + ").")
@click.option("--no-sentences", is_flag=True, help="Leave out the sentence behind each link.")
@click.option("--width", type=click.IntRange(10), help="Cut each sentence to this many characters.")
@click.option("-f", "--format", "fmt", type=click.Choice(["tree", "json", "csv"]), default="tree", show_default=True)
@click.option("--on", "on", type=click.DateTime(formats=["%Y-%m-%d"]),
              help="Only documents in force on this day (YYYY-MM-DD); each shows its status that day.")
@_collection_paused
def trace(ref: str, graph: Path, down: bool, relations: tuple[str, ...], no_sentences: bool, width, fmt: str,
          on) -> None:
    """Implementation chain of REF (a document number, a title or an IRI)."""
    import csv
    import io
    import json

    from kg.network.trace import VERTICAL_RELATIONS, UnknownReference, flatten, format_tree, trace as run_trace

    relations = relations or VERTICAL_RELATIONS
    network = _implements_network(graph, (ref, relations, down))
    try:
        tree = run_trace(network, ref, "down" if down else "up", relations, on=on.date() if on else None)
    except UnknownReference as exc:
        _fail(str(exc))
    if fmt == "tree":
        click.echo(format_tree(tree, sentences=not no_sentences, width=width))
        click.echo(f"(followed: {', '.join(relations)})")
    elif fmt == "json":
        click.echo(json.dumps(tree.to_dict(), ensure_ascii=False, indent=2))
    else:
        from kg.store.query import spreadsheet_safe     # here only: the tree and JSON need no RDF library
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(["depth", "parent", "iri", "number", "title", "level", "area", "date", "stub",
                         "relation", "basis", "rule", "sentence", "also", "validity"])
        for depth, parent, n in flatten(tree):
            writer.writerow([spreadsheet_safe(v) for v in (
                depth, parent or "", n.iri, n.number or "", n.title or "", n.level or "", n.area or "", n.date or "",
                n.stub, n.relation or "", n.basis or "", n.rule or "", " ".join((n.sentence or "").split()),
                "; ".join(n.also), n.validity or "")])
        click.echo(buf.getvalue(), nl=False)


def _chain_text(r) -> str:
    """A coverage chain with the basis of each link: A →[stated] B →[inferred] C."""
    if not r.chain:
        return ""
    parts = [r.chain[0]]
    for basis, label in zip(r.chain_basis or [""] * (len(r.chain) - 1), r.chain[1:]):
        parts.append(f"→[{basis}] {label}" if basis else f"→ {label}")
    return " ".join(parts)


@main.command()
@click.argument("ref")
@GRAPH_OPTION
@click.option("--depth", type=click.IntRange(1, 3), default=1, show_default=True,
              help="How many levels below REF's area to list (1: a national document's provinces).")
@click.option("-f", "--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table", show_default=True)
@click.option("--html", "html_file", type=click.Path(path_type=Path),
              help="Also write an offline page: a tile map coloured by status and a timeline.")
@click.option("--lang", type=click.Choice(["zh", "en"]), default="zh", show_default=True,
              help="The language of the --html page.")
@click.option("--on", "on", type=click.DateTime(formats=["%Y-%m-%d"]),
              help="Only documents in force on this day (YYYY-MM-DD); each shows its status that day.")
@_collection_paused
def coverage(ref: str, graph: Path, depth: int, fmt: str, html_file, lang: str, on) -> None:
    """Which areas below REF's own carry it out (by which document, when, how
    long after it), which hold documents but none carrying it out, which hold
    nothing. Reply letters and documents older than REF do not count."""
    import csv
    import io
    import json
    from dataclasses import asdict

    from kg.network.trace import UnknownReference, coverage as run_coverage

    network = _implements_network(graph)
    try:
        rows = run_coverage(network, ref, depth, on=on.date() if on else None)
    except (UnknownReference, ValueError) as exc:
        _fail(str(exc))
    counts = {s: sum(1 for r in rows if r.status == s) for s in ("implemented", "not-implementing", "no-documents")}
    summary = (f"{counts['implemented']} of {len(rows)} areas carry it out; {counts['not-implementing']} hold "
               f"documents but none carrying it out; {counts['no-documents']} hold none")
    if html_file:
        from kg.network.trace import find_node
        from kg.rdf.trig import atomic_write
        from kg.views.coverage_page import coverage_page
        node = network.nodes[find_node(network, ref)]
        label = " ".join(x for x in (node.get("number"), f"《{node['title']}》" if node.get("title") else None) if x)
        atomic_write(html_file, coverage_page(label, node.get("date"), rows, lang).encode("utf-8"))
        click.echo(f"wrote {html_file}", err=True)
    if fmt == "json":
        click.echo(json.dumps([asdict(r) for r in rows], ensure_ascii=False, indent=2))
        return
    if fmt == "csv":
        from kg.store.query import spreadsheet_safe
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(["status", "level", "area", "code", "first_date", "lag_days", "implementing", "chain",
                         "corpus_documents", "in_force_from", "validity"])
        for r in rows:
            writer.writerow([spreadsheet_safe(v) for v in (
                r.status, r.level, r.area, r.area_code, r.first_date or "", "" if r.lag_days is None else r.lag_days,
                "; ".join(r.implementing), _chain_text(r), "; ".join(r.corpus_documents), r.in_force_from or "",
                r.validity or "")])
        click.echo(buf.getvalue(), nl=False)
        return
    for r in rows:
        where = f"{r.level or '?'} · {r.area} ({r.area_code})"
        if r.covered:
            when = f" on {r.first_date}" if r.first_date else ""
            lag = f", {r.lag_days} days after it" if r.lag_days is not None else ""
            notes = [f"in force from {r.in_force_from}"] if r.in_force_from not in (None, r.first_date) else []
            notes += [r.validity] if r.validity not in (None, "in-force", "unknown") else []
            force = f" ({'; '.join(notes)})" if notes else ""
            click.echo(f"implemented   {where}: {r.implementing[0]}{when}{lag}{force} — " + _chain_text(r))
        elif r.status == "not-implementing":
            click.echo(f"not carrying  {where}: corpus holds " + ", ".join(r.corpus_documents))
        else:
            click.echo(f"no documents  {where}")   # none that could carry it out
    click.echo(summary)


@main.command()
@click.argument("graph", required=False, type=click.Path(path_type=Path), default=DEFAULT_OUT)
@click.option("-o", "--out", "out_file", type=click.Path(path_type=Path), default=Path("graph.html"),
              show_default=True, help="The HTML file to write.")
@click.option("--focus", metavar="REF", help="Draw REF (document, agency, area ...) and its neighbourhood.")
@click.option("--depth", default=1, show_default=True, help="Neighbourhood radius for --focus.")
@click.option("--chain", metavar="REF", help="Draw the implementation chain through REF, by level.")
@click.option("--kinds", metavar="K,K", help="Kinds to draw (with --focus) or to expand (in the overview): "
              "document, proposal, agency, area, service_model, programme, measure (default: all).")
@click.option("--max-nodes", default=1500, show_default=True, help="Largest number of nodes to draw with --focus.")
@click.option("--lang", type=click.Choice(["zh", "en"]), default="zh", show_default=True,
              help="The language of a --focus / --chain page.")
def viz(graph: Path, out_file: Path, focus, depth: int, chain, kinds, max_nodes: int, lang: str) -> None:
    """Write an interactive view of GRAPH as one offline HTML file: the
    overview of its documents by level and area (expand a node for its
    agencies, measures and themes), or with --focus / --chain a part of it."""
    from kg.store.database import GraphFileError, load_graph
    from kg.network.trace import UnknownReference
    from kg.network.resources import checked_kinds
    from kg.views.overview import write_overview
    from kg.views.viz import write_view

    kind_list = kinds.split(",") if kinds else None
    try:
        if focus or chain:
            summary = write_view(load_graph(graph), out_file, lang=lang, focus=focus, depth=depth, chain=chain,
                                 kinds=kind_list, max_nodes=max_nodes).status_in("en")
        else:
            summary = write_overview(load_graph(graph), out_file, kinds=checked_kinds(kind_list))
    except (GraphFileError, UnknownReference, ValueError) as exc:
        _fail(str(exc))
    click.echo(f"{summary}\nwrote {out_file}")


@main.command()
@click.argument("graph", required=False, type=click.Path(path_type=Path), default=DEFAULT_OUT)
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Interface to bind (loopback by default; ::1 for IPv6).")
@click.option("--port", default=8000, show_default=True)
@click.option("--timeout", default=10.0, show_default=True,
              help="Seconds a request may take; past it the query is stopped (503).")
@click.option("--max-bytes", default=20 * 1024 * 1024, show_default=True, help="Largest answer sent (422 past it).")
@click.option("--workers", default=2, show_default=True, help="Processes answering queries and network views.")
@click.option("--page-workers", default=1, show_default=True,
              help="Processes answering the cheap pages (index, resource pages) apart from the queries.")
@click.option("--allow-host", "allow_hosts", multiple=True, metavar="NAME",
              help="Another name the server may be reached by (Host header; repeatable).")
@click.option("--allow-federation", is_flag=True, help="Let queries call other endpoints with SERVICE.")
@click.option("-v", "--verbose", is_flag=True, help="Log every request.")
def serve(graph: Path, host: str, port: int, timeout: float, max_bytes: int, workers: int, page_workers: int,
          allow_hosts: tuple[str, ...], allow_federation: bool, verbose: bool) -> None:
    """Serve GRAPH read-only: SPARQL at /sparql, a page per resource at /id/..."""
    from kg.store.database import GraphFileError, graph_path
    from kg.views.serve import make_server
    from kg.views.workers import WorkerStartError

    try:
        graph_file = graph_path(graph)
    except GraphFileError as exc:
        _fail(str(exc))
    if host not in ("127.0.0.1", "localhost", "::1"):
        click.echo(f"warning: serving on {host}, reachable from other machines", err=True)
    try:
        server = make_server(graph_file, host, port, verbose=verbose, timeout=timeout, max_bytes=max_bytes,
                             workers=workers, page_workers=page_workers, allow_hosts=allow_hosts,
                             allow_federation=allow_federation)
    except WorkerStartError as exc:
        _fail(str(exc))
    except OSError as exc:
        _fail(f"cannot listen on {host} port {port}: {exc.strerror or exc}")
    shown = f"[{host}]" if ":" in host else host
    click.echo(f"serving {graph_file} at http://{shown}:{server.server_address[1]}/ (Ctrl-C stops)")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


@main.command()
@click.argument("graph", required=False, type=click.Path(path_type=Path), default=DEFAULT_OUT)
@click.option("-f", "--format", "fmt", required=True,
              type=click.Choice(["graphml", "gexf", "csv", "jsonld", "nquads", "trig", "turtle", "ntriples", "rdfxml"]))
@click.option("-o", "--out", type=click.Path(path_type=Path), required=True,
              help="Output file (a folder for csv: nodes.csv and edges.csv).")
def export(graph: Path, fmt: str, out: Path) -> None:
    """Export GRAPH for Gephi and spreadsheets (graphml, gexf, csv), as JSON-LD, or in
    another RDF syntax for triple stores (nquads for bulk loaders; trig, turtle, ntriples, rdfxml)."""
    from kg.views.export import export as run_export
    from kg.store.database import GraphFileError

    try:
        written = run_export(graph, fmt, out)
    except GraphFileError as exc:
        _fail(str(exc))
    for path in written:
        click.echo(f"wrote {path}")


if __name__ == "__main__":
    main()
