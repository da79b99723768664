"""The ``kg`` command: a thin click shell over the library.

Each command parses its arguments, calls one library function and prints.
Heavy modules (rdflib, pyshacl) are imported inside the commands, so that
``kg --help`` answers at once.
"""
from __future__ import annotations

import sys
from pathlib import Path

import click

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
def build(corpus: Path, out_dir: Path, turtle: bool, strict: bool) -> None:
    """Build the graph of the documents in CORPUS (default: corpus/)."""
    from .build import build as run_build
    from .loading import CorpusError

    try:
        report = run_build(corpus, out_dir, turtle=turtle)
    except CorpusError as exc:
        _fail(str(exc))
    click.echo(report.summary())
    if strict and report.skipped:
        sys.exit(1)


@main.command()
@click.argument("graph", type=click.Path(path_type=Path))
@click.argument("query")
@click.option("--bind", "binds", multiple=True, metavar="NAME=VALUE",
              help="Pre-bind a query variable (repeatable).")
@click.option("-f", "--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table",
              show_default=True)
def query(graph: Path, query: str, binds: tuple[str, ...], fmt: str) -> None:
    """Run a SPARQL QUERY (inline, a .rq file, or a saved query's name) on GRAPH."""
    from .query import QueryError, format_result, run_query
    from .store import GraphFileError, load_graph

    bindings = {}
    for bind in binds:
        name, sep, value = bind.partition("=")
        if not sep or not name:
            _fail(f"--bind {bind!r}: expected NAME=VALUE")
        bindings[name.lstrip("?")] = value
    try:
        ds = load_graph(graph)
        result = run_query(ds, query, bindings)
    except (GraphFileError, QueryError) as exc:
        _fail(str(exc))
    click.echo(format_result(result, fmt))


@main.command()
@click.argument("graph", type=click.Path(path_type=Path), default=DEFAULT_OUT)
def validate(graph: Path) -> None:
    """Check GRAPH against the SHACL shapes in ontology/shapes.ttl."""
    from .store import GraphFileError, load_dataset
    from .validate import validate as run_validate

    try:
        result = run_validate(load_dataset(graph))
    except GraphFileError as exc:
        _fail(str(exc))
    if result.conforms:
        click.echo("conforms")
    else:
        click.echo(result.report)
        sys.exit(1)


if __name__ == "__main__":
    main()
