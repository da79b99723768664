"""kg push / kg query --endpoint against a live Oxigraph server (the
`oxigraph` package from PyPI) on a loopback port."""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.store.query import run_query
from kg.store.remote import RemoteError, push, remote_query
from kg.store.database import load_graph

pytestmark = pytest.mark.server
NATIONAL = "https://w3id.org/policy-kg/id/doc/国办发/2019/5"
SOURCE_GRAPH = "https://w3id.org/policy-kg/id/graph/003_6668840891539c5f.txt"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    binary = shutil.which("oxigraph") or str(Path(sys.executable).parent / "oxigraph")
    if not Path(binary).exists():
        message = "the oxigraph server is missing: `make test` installs it (pip package oxigraph)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    port = free_port()
    process = subprocess.Popen([binary, "serve", "--location", str(tmp_path_factory.mktemp("oxigraph")),
                                "--bind", f"127.0.0.1:{port}", "--union-default-graph"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            urllib.request.urlopen(base + "/query?query=ASK%7B%7D", timeout=1).read()
            break
        except OSError:
            time.sleep(0.1)
    else:
        process.kill()
        pytest.fail("the oxigraph server did not start")
    yield base
    process.terminate()
    process.wait(timeout=10)


def rows(result):
    return sorted(tuple("" if v is None else str(v) for v in row) for row in result.rows)


def test_push_then_query_round_trip(server, seed_build, seed_graph):
    _, out = seed_build
    result = CliRunner().invoke(main, ["push", str(out), "--endpoint", server + "/store"])
    assert result.exit_code == 0, result.output
    assert f"triples to {server}/store" in result.output
    for saved in ("documents", "chains", "replies", "replies-citing-national"):
        assert rows(remote_query(server + "/query", saved)) == rows(run_query(seed_graph, saved)), saved
    bound = {"citingNumber": "威环政办发[2022]2号"}
    assert rows(remote_query(server + "/query", "cites", bindings=bound)) == rows(run_query(seed_graph, "cites", bound))
    result = CliRunner().invoke(main, ["query", "cites", "--endpoint", server + "/query", "--bind",
                                       "citingNumber=威环政办发〔2022〕2号", "-f", "csv"])
    lines = [line for line in result.stdout.splitlines() if line.strip()]
    assert result.exit_code == 0 and len(lines) == 1 + len(run_query(seed_graph, "cites", bound).rows)
    result = CliRunner().invoke(main, ["query", "documents", "--endpoint", server + "/query", "-f", "csv"])
    assert result.exit_code == 0 and "威环政办发〔2022〕2号" in result.output


def test_named_graphs_are_kept_and_replaced_per_document(server, seed_build, seed_graph):
    _, out = seed_build
    store = load_graph(out)
    push(out, server + "/store")
    count = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{SOURCE_GRAPH}> {{ ?s ?p ?o }} }}"
    before = rows(remote_query(server + "/query", count))
    # a stray triple in one document's graph: replace drops it, append keeps it
    stray = f"<{NATIONAL}> <http://purl.org/dc/terms/description> \"stray\" .\n".encode()
    request = urllib.request.Request(f"{server}/store?graph={SOURCE_GRAPH}", data=stray, method="POST",
                                     headers={"Content-Type": "application/n-triples"})
    urllib.request.urlopen(request).read()
    push(out, server + "/store", mode="append")
    assert rows(remote_query(server + "/query", count)) != before
    push(out, server + "/store", mode="replace")
    assert rows(remote_query(server + "/query", count)) == before
    graphs = remote_query(server + "/query", "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
    assert len(graphs.rows) == len(list(store.store.named_graphs()))


def test_errors_name_the_server(server, seed_build):
    from kg.store.query import QueryError
    with pytest.raises(QueryError) as err:
        remote_query(server + "/query", "SELECT ?x WHERE { ?x }")
    assert "HTTP 400" in str(err.value) and server in str(err.value)
    unreachable = f"http://127.0.0.1:{free_port()}/store"
    with pytest.raises(RemoteError) as err:
        push(seed_build[1], unreachable, timeout=5)
    assert unreachable in str(err.value)
