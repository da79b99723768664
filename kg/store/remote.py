"""A graph beyond one machine: push a built graph into any SPARQL 1.1 Graph
Store (Oxigraph server, Fuseki, Virtuoso, GraphDB ...) and query a remote
SPARQL endpoint, over HTTP with the standard protocols only.

- ``push``: each named graph of ``graph.trig`` (one per corpus file, plus
  stubs, inferred links, reference data, ontology) goes to
  ``ENDPOINT?graph=IRI`` as N-Triples: PUT replaces that graph, POST
  appends to it (SPARQL 1.1 Graph Store HTTP Protocol), so a document's
  graph is replaced as a unit. The terms are those of the file, as written.
- ``remote_query``: a SELECT or ASK sent by the SPARQL 1.1 Protocol (GET
  when short, else a form POST, which every server accepts); the answer
  comes back as a ``QueryResult``.

Every request has one deadline for the whole exchange and a limit on the
size of the answer; only http and https are spoken; a redirect is followed
only for a GET to the same origin (credentials never go elsewhere, and a
PUT or POST that a server redirects would be lost); every failure is one
``RemoteError`` line naming the server.
"""
from __future__ import annotations

import http.client
import json
import socket
import threading
from types import MappingProxyType
import time
import urllib.error
import urllib.request
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Mapping, Optional
from urllib.parse import quote, urlencode, urlsplit

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef

from kg.models import QueryResult
from kg.store.database import FORMATS, graph_path
from kg.store.query import QueryError, prefix_declarations, query_text, saved_queries

DEFAULT_TIMEOUT = 300.0                     # seconds for one whole request
DEFAULT_MAX_ANSWER = 256 * 1024 * 1024      # bytes of one answer
GET_LIMIT = 2000                            # longest URL sent as a GET
MAX_ROWS_HEADER = "X-SPARQL-MaxRows"        # Virtuoso's row cap
XSD_BOOLEAN = "http://www.w3.org/2001/XMLSchema#boolean"
XSD_INTEGER = "http://www.w3.org/2001/XMLSchema#integer"


class RemoteError(RuntimeError):
    """The remote server refused or could not be reached; names it."""


class TruncatedAnswer(QueryError):
    """The server cut the answer short (a row cap) and said so."""


@dataclass
class PushReport:
    endpoint: str
    graphs: int = 0
    triples: int = 0
    done: list[str] = field(default_factory=list)     # graph IRIs sent, in order

    def summary(self) -> str:
        return f"pushed {self.graphs} graphs, {self.triples} triples to {self.endpoint}"


def _origin(url: str) -> tuple[str, str, Optional[int]]:
    parts = urlsplit(url)
    return parts.scheme, (parts.hostname or "").lower(), parts.port


class _SameOriginRedirects(urllib.request.HTTPRedirectHandler):
    """Follow a redirect only for a GET to the same origin."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        if req.get_method() not in ("GET", "HEAD"):
            raise RemoteError(f"{req.get_method()} {req.full_url}: the server redirects it (HTTP {code}) to "
                              f"{newurl}; a {req.get_method()} is not re-sent on a redirect: use that URL")
        if _origin(newurl) != _origin(req.full_url):
            raise RemoteError(f"GET {req.full_url}: redirected (HTTP {code}) to another origin, {newurl}; "
                              "credentials are not sent there: use that URL")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


class _Watched:
    """The sockets one request opens, to be shut when its deadline passes:
    a server that sends its status and headers a line at a time stays under
    any per-read timeout, so only a watchdog ends the exchange on time."""

    def __init__(self) -> None:
        self.sockets: list[socket.socket] = []
        self.expired = False

    def expire(self) -> None:
        self.expired = True
        for sock in list(self.sockets):
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass


def _watched_connection(base, watched: _Watched):
    class Connection(base):
        def connect(self):
            super().connect()
            watched.sockets.append(self.sock)
    return Connection


class _WatchedHTTP(urllib.request.HTTPHandler):
    def __init__(self, watched: _Watched):
        super().__init__()
        self.watched = watched

    def http_open(self, req):
        return self.do_open(_watched_connection(http.client.HTTPConnection, self.watched), req)


class _WatchedHTTPS(urllib.request.HTTPSHandler):
    def __init__(self, watched: _Watched):
        super().__init__()
        self.watched = watched

    def https_open(self, req):
        return self.do_open(_watched_connection(http.client.HTTPSConnection, self.watched), req,
                            context=getattr(self, "_context", None))     # the handler's own TLS context


EMPTY_HEADERS: Mapping[str, str] = MappingProxyType({})


@dataclass
class Client:
    """HTTP for one endpoint: a deadline per request, an answer size limit,
    and credentials (``user`` as NAME:PASSWORD, for Basic or Digest, as the
    server asks) bound to the endpoint's origin."""

    endpoint: str
    headers: Mapping[str, str] = field(default_factory=dict)
    timeout: float = DEFAULT_TIMEOUT
    max_answer: int = DEFAULT_MAX_ANSWER
    user: Optional[str] = None

    def __post_init__(self) -> None:
        scheme = urlsplit(self.endpoint).scheme.lower()
        if scheme not in ("http", "https") or not urlsplit(self.endpoint).hostname:
            raise RemoteError(f"{self.endpoint}: not an http or https URL")
        self._watched = _Watched()
        handlers: list = [_SameOriginRedirects(), _WatchedHTTP(self._watched), _WatchedHTTPS(self._watched)]
        if self.user:
            name, sep, password = self.user.partition(":")
            if not sep:
                raise RemoteError("--user: expected NAME:PASSWORD")
            passwords = urllib.request.HTTPPasswordMgrWithDefaultRealm()
            scheme, host, port = _origin(self.endpoint)
            passwords.add_password(None, f"{scheme}://{host}{':' + str(port) if port else ''}/", name, password)
            handlers += [urllib.request.HTTPBasicAuthHandler(passwords),
                         urllib.request.HTTPDigestAuthHandler(passwords)]
        self.opener = urllib.request.build_opener(*handlers)

    def send(self, url: str, method: str, body: Optional[bytes] = None,
             headers: Mapping[str, str] = EMPTY_HEADERS) -> tuple[bytes, Mapping[str, str]]:
        """The answer's bytes and headers; RemoteError for anything else."""
        request = urllib.request.Request(url, data=body, method=method, headers={**dict(headers), **self.headers})
        deadline = time.monotonic() + self.timeout
        self._watched.sockets.clear()
        self._watched.expired = False
        watchdog = threading.Timer(self.timeout, self._watched.expire)
        watchdog.daemon = True
        watchdog.start()
        try:
            with self.opener.open(request, timeout=self.timeout) as response:
                return self._read(response, deadline, f"{method} {url}"), response.headers
        except urllib.error.HTTPError as err:
            detail = err.read(2000).decode("utf-8", "replace").strip()
            raise RemoteError(f"{method} {url}: HTTP {err.code} {err.reason}: {detail[:500]}") from None
        except RemoteError:
            raise
        except (urllib.error.URLError, OSError, ValueError, http.client.HTTPException) as err:
            reason = getattr(err, "reason", err)
            if isinstance(reason, (socket.timeout, TimeoutError)) or self._watched.expired:
                reason = f"no answer within {self.timeout:g} s (--timeout)"
            elif isinstance(err, http.client.HTTPException):
                reason = f"not an HTTP answer ({type(err).__name__})"
            raise RemoteError(f"{method} {url}: {reason}") from None
        finally:
            watchdog.cancel()

    def _read(self, response, deadline: float, what: str) -> bytes:
        """Read in pieces as they come, so that neither an endless nor a
        dripping answer outlives the deadline or the size limit."""
        parts: list[bytes] = []
        size = 0
        while True:
            if time.monotonic() > deadline:
                raise RemoteError(f"{what}: the answer did not end within {self.timeout:g} s (--timeout)")
            chunk = response.read1(1 << 16)
            if not chunk:
                if self._watched.expired:       # the watchdog shut the socket: an end by deadline, not an answer
                    raise RemoteError(f"{what}: the answer did not end within {self.timeout:g} s (--timeout)")
                return b"".join(parts)
            size += len(chunk)
            if size > self.max_answer:
                raise RemoteError(f"{what}: the answer is larger than {self.max_answer} bytes; "
                                  "add a LIMIT or raise the limit")
            parts.append(chunk)


def named_graphs(graph_file: Path) -> dict[str, list]:
    """The triples of each named graph of a graph file, as the file writes
    them (the store would give back its own canonical forms)."""
    graph_file = graph_path(graph_file)
    graphs: dict[str, list] = defaultdict(list)
    try:
        for q in ox.parse(path=str(graph_file), format=FORMATS[graph_file.suffix]):
            if not isinstance(q.graph_name, ox.DefaultGraph):
                graphs[q.graph_name.value].append(ox.Triple(q.subject, q.predicate, q.object))
    except (SyntaxError, ValueError, OSError) as exc:
        raise RemoteError(f"{graph_file}: cannot parse: {exc}") from exc
    return graphs


def push(graph_file: Path, endpoint: str, mode: str = "replace", headers: Mapping[str, str] = EMPTY_HEADERS,
         timeout: float = DEFAULT_TIMEOUT, user: Optional[str] = None) -> PushReport:
    """Send every named graph of a built graph to a Graph Store endpoint;
    ``mode`` is "replace" (HTTP PUT) or "append" (HTTP POST). A failure
    names the graphs already sent."""
    if mode not in ("replace", "append"):
        raise ValueError("mode is 'replace' or 'append'")
    client = Client(endpoint, dict(headers), timeout, user=user)
    method = "PUT" if mode == "replace" else "POST"
    report = PushReport(endpoint)
    separator = "&" if "?" in endpoint else "?"
    for iri, triples in sorted(named_graphs(graph_file).items()):
        body = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)
        try:
            client.send(f"{endpoint}{separator}graph={quote(iri, safe='')}", method, body,
                        {"Content-Type": "application/n-triples"})
        except RemoteError as exc:
            raise RemoteError(f"{exc}\n{_partial(report, mode)}") from None
        report.graphs += 1
        report.triples += len(triples)
        report.done.append(iri)
    return report


def _partial(report: PushReport, mode: str) -> str:
    verb = "replaced" if mode == "replace" else "appended to"
    if not report.done:
        return f"nothing was {verb} on {report.endpoint}"
    shown = ", ".join(report.done[:5]) + (f" and {len(report.done) - 5} more" if len(report.done) > 5 else "")
    return f"already {verb} before the failure ({len(report.done)} graphs): {shown}"


def remote_query(endpoint: str, query: str, headers: Mapping[str, str] = EMPTY_HEADERS, timeout: float = DEFAULT_TIMEOUT,
                 bindings: Optional[Mapping[str, str]] = None, user: Optional[str] = None,
                 max_answer: int = DEFAULT_MAX_ANSWER) -> QueryResult:
    """Run a SELECT or ASK on a remote SPARQL endpoint. The project's
    prefixes are declared for the query, as for ``kg query``; a saved
    query's parameters are bound in its text (VALUES), as locally. An
    answer the server says it cut short raises TruncatedAnswer."""
    text = query_text(query, bindings)
    text = prefix_declarations(text) + text
    try:
        client = Client(endpoint, dict(headers), timeout, max_answer, user)
        form = urlencode({"query": text})
        accept = {"Accept": "application/sparql-results+json"}
        if len(endpoint) + len(form) + 1 <= GET_LIMIT:
            body, answer_headers = client.send(f"{endpoint}{'&' if '?' in endpoint else '?'}{form}", "GET",
                                               headers=accept)
        else:
            body, answer_headers = client.send(endpoint, "POST", form.encode("ascii"), {
                **accept, "Content-Type": "application/x-www-form-urlencoded"})
    except RemoteError as exc:
        raise QueryError(str(exc)) from None
    result = json_results(body, answer_headers, endpoint, _boolean_columns(query))
    cap = answer_headers.get(MAX_ROWS_HEADER)
    if cap and cap.isdigit() and len(result.rows) >= int(cap):
        raise TruncatedAnswer(f"{endpoint}: the server returns at most {cap} rows ({MAX_ROWS_HEADER}) and this "
                              f"answer has {len(result.rows)}: it may be cut short; page with LIMIT and OFFSET")
    return result


def _boolean_columns(query: str) -> tuple[str, ...]:
    saved = saved_queries().get(query)
    return saved.boolean_columns if saved else ()


def json_results(body: bytes, headers: Mapping[str, str], endpoint: str,
                 boolean_columns: tuple[str, ...] = ()) -> QueryResult:
    """A SPARQL JSON results document as a QueryResult. Booleans come back
    in canonical form ("1" is true), also in the columns a saved query
    declares boolean where a store answers 0/1 integers (Virtuoso 7)."""
    try:
        answer = json.loads(body.decode("utf-8"))
        if "boolean" in answer:
            return QueryResult((), (), _boolean(answer["boolean"]))
        variables = tuple(answer["head"]["vars"])
        rows = tuple(tuple(_term(b.get(v), v in boolean_columns) for v in variables)
                     for b in answer["results"]["bindings"])
    except (ValueError, KeyError, TypeError, AttributeError):
        media = headers.get("Content-Type", "no Content-Type")
        start = body[:120].decode("utf-8", "replace").strip()
        raise QueryError(f"{endpoint}: the answer is not SPARQL JSON results ({media}): {start!r}") from None
    return QueryResult(variables, rows)


def _boolean(value) -> bool:
    """SPARQL JSON says true/false; some servers send 1/0 or strings."""
    if isinstance(value, str):
        return value.strip().lower() in ("true", "1")
    return bool(value)


def _term(binding: Optional[dict], boolean: bool = False):
    if binding is None:
        return None
    kind, value = binding["type"], binding["value"]
    datatype = binding.get("datatype") or ""
    if datatype == XSD_BOOLEAN or (boolean and datatype == XSD_INTEGER and value in ("0", "1")):
        return Literal(value in ("1", "true"))
    if kind == "uri":
        return URIRef(value)
    if kind == "bnode":
        return BNode(value)
    if "xml:lang" in binding:
        return Literal(value, lang=binding["xml:lang"])
    return Literal(value, datatype=URIRef(datatype) if datatype and not datatype.endswith("#string") else None)
