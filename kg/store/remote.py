"""A graph beyond one machine: push a built graph into any SPARQL 1.1 Graph
Store (Oxigraph server, Fuseki, Virtuoso, GraphDB ...) and query a remote
SPARQL endpoint, over HTTP with the standard protocols only.

- ``push``: each named graph (one per corpus file, plus stubs, inferred
  links, reference data, ontology) goes to ``ENDPOINT?graph=IRI`` as
  N-Triples: PUT replaces that graph, POST appends to it (SPARQL 1.1 Graph
  Store HTTP Protocol), so a document's graph is replaced as a unit.
- ``remote_query``: a SELECT or ASK sent as ``application/sparql-query``
  (SPARQL 1.1 Protocol); the answer comes back as ``query.QueryResult``.
"""
from __future__ import annotations

import json
import re
import urllib.error
import urllib.request
from dataclasses import dataclass
from typing import Mapping, Optional
from urllib.parse import quote

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef

from kg.models import QueryResult
from kg.store.query import QueryError, query_text
from kg.store.database import GraphStore
from kg.rdf.vocab import PREFIXES


class RemoteError(RuntimeError):
    """The remote server refused or could not be reached; names it."""


@dataclass
class PushReport:
    endpoint: str
    graphs: int = 0
    triples: int = 0

    def summary(self) -> str:
        return f"pushed {self.graphs} graphs, {self.triples} triples to {self.endpoint}"


def _send(url: str, method: str, body: Optional[bytes], headers: Mapping[str, str], timeout: float) -> bytes:
    request = urllib.request.Request(url, data=body, method=method, headers=dict(headers))
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.read()
    except urllib.error.HTTPError as err:
        detail = err.read().decode("utf-8", "replace").strip()
        raise RemoteError(f"{method} {url}: HTTP {err.code} {err.reason}: {detail[:500]}") from err
    except (urllib.error.URLError, OSError) as err:
        raise RemoteError(f"{method} {url}: {getattr(err, 'reason', err)}") from err


def push(store: GraphStore, endpoint: str, mode: str = "replace", headers: Mapping[str, str] = (),
         timeout: float = 300.0) -> PushReport:
    """Send every named graph of ``store`` to a Graph Store endpoint;
    ``mode`` is "replace" (HTTP PUT) or "append" (HTTP POST)."""
    if mode not in ("replace", "append"):
        raise ValueError("mode is 'replace' or 'append'")
    method = "PUT" if mode == "replace" else "POST"
    headers = {"Content-Type": "application/n-triples", **dict(headers)}
    report = PushReport(endpoint)
    separator = "&" if "?" in endpoint else "?"
    for graph in sorted(store.store.named_graphs(), key=lambda g: g.value):
        triples = [ox.Triple(q.subject, q.predicate, q.object)
                   for q in store.store.quads_for_pattern(None, None, None, graph)]
        body = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)
        _send(f"{endpoint}{separator}graph={quote(graph.value, safe='')}", method, body, headers, timeout)
        report.graphs += 1
        report.triples += len(triples)
    return report


def remote_query(endpoint: str, query: str, headers: Mapping[str, str] = (), timeout: float = 300.0,
                 bindings: Optional[Mapping[str, str]] = None) -> QueryResult:
    """Run a SELECT or ASK on a remote SPARQL endpoint. The project's
    prefixes are declared for the query, as for ``kg query``; a saved
    query's parameters are bound in its text (VALUES), as locally."""
    text = query_text(query, bindings)
    declared = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in sorted(PREFIXES.items())
                       if not re.search(rf"PREFIX\s+{p}:", text, re.IGNORECASE))
    headers = {"Content-Type": "application/sparql-query; charset=utf-8",
               "Accept": "application/sparql-results+json", **dict(headers)}
    try:
        body = _send(endpoint, "POST", (declared + text).encode("utf-8"), headers, timeout)
    except RemoteError as exc:
        raise QueryError(str(exc)) from exc
    answer = json.loads(body.decode("utf-8"))
    if "boolean" in answer:
        return QueryResult((), (), bool(answer["boolean"]))
    variables = tuple(answer["head"]["vars"])
    rows = tuple(tuple(_term(b.get(v)) for v in variables) for b in answer["results"]["bindings"])
    return QueryResult(variables, rows)


def _term(binding: Optional[dict]):
    if binding is None:
        return None
    kind, value = binding["type"], binding["value"]
    if kind == "uri":
        return URIRef(value)
    if kind == "bnode":
        return BNode(value)
    if "xml:lang" in binding:
        return Literal(value, lang=binding["xml:lang"])
    datatype = binding.get("datatype")
    return Literal(value, datatype=URIRef(datatype) if datatype and not datatype.endswith("#string") else None)
