"""A graph beyond one machine: push a built graph into any SPARQL 1.1 Graph
Store (Oxigraph server, Fuseki, Virtuoso, GraphDB ...) and query a remote
SPARQL endpoint, over HTTP with the standard protocols only.

- ``push``: each named graph of ``graph.trig`` (one per corpus file, plus
  stubs, inferred links, reference data, ontology) goes to
  ``ENDPOINT?graph=IRI`` as N-Triples: PUT replaces that graph, POST
  appends to it (SPARQL 1.1 Graph Store HTTP Protocol), so a document's
  graph is replaced as a unit. The terms are those of the file, as written.
  The graphs are spooled to disk in one pass over the file and each body
  is streamed from there: no graph is held in memory, whatever its size.
- ``remote_query``: a SELECT or ASK sent by the SPARQL 1.1 Protocol (GET
  when short, else a form POST, which every server accepts); the answer
  comes back as a ``QueryResult``; ``remote_rows`` gives its rows one by
  one as they arrive, for answers too large to hold.

HTTP is spoken by ``requests`` (urllib3 underneath). Credentials (Basic or
Digest, as the server asks) are learnt before any body goes out: a HEAD
of the same URL draws the server's challenge, so a PUT or POST carries its
Authorization from the start and its body is sent once. (A body sent
before the challenge is refused half-way by servers that close the
connection on a 401, as Virtuoso does: "Broken pipe" above about 0.5 MB.)

Every request has one deadline for the whole exchange (a watchdog shuts
its socket, so neither a dripping server nor a stalled upload outlives
it) and a limit on the size of the answer; only http and https are
spoken; a redirect is followed only for a GET or HEAD to the same origin
(credentials never go elsewhere, and a PUT or POST that a server
redirects would be lost); every failure is one ``RemoteError`` line
naming the server.
"""
from __future__ import annotations

import http.client
import json
import os
import re
import socket
import tempfile
import threading
import time
from collections.abc import Generator, Iterator
from contextlib import contextmanager
from types import MappingProxyType
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Mapping, Optional, Union, cast
from urllib.parse import quote, urlencode, urljoin, urlsplit

import pyoxigraph as ox
import requests
import urllib3
from requests.adapters import HTTPAdapter
from requests.auth import AuthBase, HTTPBasicAuth, HTTPDigestAuth
from rdflib import BNode, Literal, URIRef
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool

from kg.models import QueryResult
from kg.store.database import FORMATS, graph_path
from kg.store.query import QueryError, prefix_declarations, query_text, saved_queries

DEFAULT_TIMEOUT = 300.0                     # seconds for one whole request
DEFAULT_MAX_ANSWER = 256 * 1024 * 1024      # bytes of one answer
GET_LIMIT = 2000                            # longest URL sent as a GET
MAX_REDIRECTS = 10
MAX_ROWS_HEADER = "X-SPARQL-MaxRows"        # Virtuoso's row cap
XSD_BOOLEAN = "http://www.w3.org/2001/XMLSchema#boolean"
XSD_INTEGER = "http://www.w3.org/2001/XMLSchema#integer"
SPOOL_BATCH = 10_000                        # triples serialized at a time while spooling
RETRY_PAUSES = (1.0, 4.0)                   # seconds before each new try of a write the store rolled back
# A store that rolled a write back and asks for it again: SQLSTATE 40001
# (serialization failure), which Virtuoso answers with HTTP 500 ("SR172:
# Transaction deadlocked") when a large graph meets its own background work.
ROLLED_BACK = re.compile(r"\b40001\b|deadlock", re.IGNORECASE)


class RemoteError(RuntimeError):
    """The remote server refused or could not be reached; names it. An
    answer's HTTP status and the start of its text, when there was one."""

    def __init__(self, message: str, status: Optional[int] = None, detail: str = ""):
        super().__init__(message)
        self.status = status
        self.detail = detail


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
    return parts.scheme.lower(), (parts.hostname or "").lower(), parts.port


class _Watched:
    """The sockets a client opens, to be shut when a request's deadline
    passes: a server that sends its status and headers a line at a time
    stays under any per-read timeout, and a server that stops reading an
    upload under any per-write timeout, so only a watchdog ends the
    exchange on time."""

    def __init__(self) -> None:
        self.sockets: list[socket.socket] = []
        self.expired = False

    def add(self, sock: Optional[socket.socket]) -> None:
        self.sockets = [s for s in self.sockets if s.fileno() != -1]
        if sock is not None:
            self.sockets.append(sock)

    def expire(self) -> None:
        self.expired = True
        for sock in list(self.sockets):
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass


def _watched_pools(watched: _Watched) -> dict:
    """urllib3's connection pools, with connections that report their sockets."""
    class Connection(HTTPConnection):
        def connect(self) -> None:
            super().connect()
            watched.add(self.sock)

    class SecureConnection(HTTPSConnection):
        def connect(self) -> None:
            super().connect()
            watched.add(self.sock)

    class Pool(HTTPConnectionPool):
        ConnectionCls = Connection

    class SecurePool(HTTPSConnectionPool):
        ConnectionCls = SecureConnection

    return {"http": Pool, "https": SecurePool}


class _WatchedAdapter(HTTPAdapter):
    def __init__(self, watched: _Watched):
        self._pools = _watched_pools(watched)
        super().__init__(max_retries=0)

    def init_poolmanager(self, *args, **kwargs) -> None:
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = self._pools

    def proxy_manager_for(self, proxy, **kwargs):
        manager = super().proxy_manager_for(proxy, **kwargs)
        if not proxy.lower().startswith("socks"):        # a SOCKS proxy has its own connections
            manager.pool_classes_by_scheme = self._pools
        return manager


class _NoCredentials(AuthBase):
    """Sends nothing: without --user no credentials go out (requests would
    otherwise take them from ~/.netrc, over a user's own Authorization header)."""

    def __call__(self, request):
        return request


NO_CREDENTIALS = _NoCredentials()
EMPTY_HEADERS: Mapping[str, str] = MappingProxyType({})
Body = Union[bytes, IO[bytes], None]


def _reason(err: BaseException) -> str:
    """The innermost cause of a requests/urllib3 error, as one phrase
    ("[Errno 111] Connection refused"), not its wrappers' pool reprs."""
    seen: set[int] = set()
    found: Optional[BaseException] = None
    pending: list[BaseException] = [err]
    while pending:
        current = pending.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        if isinstance(current, http.client.HTTPException) and not isinstance(current, ConnectionError):
            return f"not an HTTP answer ({type(current).__name__})"
        if isinstance(current, OSError) and not isinstance(current, requests.RequestException) \
                and type(current).__module__ in ("builtins", "socket", "ssl"):
            found = current
        pending += [a for a in current.args if isinstance(a, BaseException)]
        pending += [c for c in (current.__cause__, current.__context__) if c is not None]
    if found is not None:
        return str(found) or type(found).__name__
    if isinstance(err, requests.ConnectionError) and "RemoteDisconnected" in str(err):
        return "not an HTTP answer (RemoteDisconnected)"
    return str(err)


@dataclass
class Client:
    """HTTP for one endpoint: a deadline per request, an answer size limit
    (0 for none), and credentials (``user`` as NAME:PASSWORD, for Basic or
    Digest, as the server asks) bound to the endpoint's origin."""

    endpoint: str
    headers: Mapping[str, str] = field(default_factory=dict)
    timeout: float = DEFAULT_TIMEOUT
    max_answer: int = DEFAULT_MAX_ANSWER
    user: Optional[str] = None

    def __post_init__(self) -> None:
        scheme = urlsplit(self.endpoint).scheme.lower()
        if scheme not in ("http", "https") or not urlsplit(self.endpoint).hostname:
            raise RemoteError(f"{self.endpoint}: not an http or https URL")
        self._credentials: Optional[tuple[str, str]] = None
        if self.user:
            name, sep, password = self.user.partition(":")
            if not sep:
                raise RemoteError("--user: expected NAME:PASSWORD")
            self._credentials = (name, password)
        self._auth: AuthBase = NO_CREDENTIALS
        self._deadline = time.monotonic() + self.timeout
        self._watched = _Watched()
        self.session = requests.Session()
        adapter = _WatchedAdapter(self._watched)
        self.session.mount("http://", adapter)
        self.session.mount("https://", adapter)

    def close(self) -> None:
        self.session.close()

    def __enter__(self) -> "Client":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def send(self, url: str, method: str, body: Body = None,
             headers: Mapping[str, str] = EMPTY_HEADERS) -> tuple[bytes, Mapping[str, str]]:
        """The answer's bytes and headers; RemoteError for anything else."""
        with self.exchange(url, method, body, headers) as response:
            return self.read(response), response.headers

    @contextmanager
    def exchange(self, url: str, method: str, body: Body = None,
                 headers: Mapping[str, str] = EMPTY_HEADERS) -> Iterator[requests.Response]:
        """An answer with a 2xx status, open to be read within the with-block,
        which the request's deadline covers; RemoteError for anything else."""
        what = f"{method} {url}"
        self._watched.expired = False
        self._deadline = time.monotonic() + self.timeout
        watchdog = threading.Timer(self.timeout, self._watched.expire)
        watchdog.daemon = True
        watchdog.start()
        try:
            try:
                response = self._authorised(url, method, body, headers)
            except (requests.RequestException, OSError, http.client.HTTPException) as err:
                raise self._failure(what, err) from None
            try:
                if not 200 <= response.status_code < 300:
                    detail = next(response.iter_content(2000), b"").decode("utf-8", "replace").strip()
                    raise RemoteError(f"{what}: HTTP {response.status_code} {response.reason}: {detail[:500]}",
                                      response.status_code, detail)
                yield response
            except (requests.RequestException, urllib3.exceptions.HTTPError) as err:      # while reading the answer
                raise self._failure(what, err) from None
            finally:
                response.close()
        finally:
            watchdog.cancel()

    def _failure(self, what: str, err: BaseException) -> RemoteError:
        if self._watched.expired or isinstance(err, (requests.Timeout, socket.timeout, TimeoutError)):
            return RemoteError(f"{what}: no answer within {self.timeout:g} s (--timeout)")
        return RemoteError(f"{what}: {_reason(err)}")

    def _authorised(self, url: str, method: str, body: Body, headers: Mapping[str, str]) -> requests.Response:
        """The request sent with the credentials the server asks for. A body
        goes out once: a HEAD first draws a challenge (Virtuoso answers the
        first request of a Digest exchange with a 401 and closes the
        connection while the body is still on its way)."""
        if self._credentials and self._auth is NO_CREDENTIALS and body is not None:
            with self._follow(url, "HEAD", None, headers) as probe:
                self._choose(probe, url, headers)
        response = self._follow(url, method, body, headers)
        if response.status_code == 401 and self._credentials and self._auth is NO_CREDENTIALS:
            if self._choose(response, url, headers):
                response.close()
                if body is not None and not isinstance(body, bytes):
                    body.seek(0)
                response = self._follow(url, method, body, headers)
        return response

    def _choose(self, response: requests.Response, url: str, headers: Mapping[str, str]) -> bool:
        """Basic or Digest, as a 401 asks; for Digest the challenge is taken
        (by a HEAD) so that the next request carries its Authorization."""
        challenge = response.headers.get("WWW-Authenticate", "").lower() if response.status_code == 401 else ""
        assert self._credentials is not None
        if "digest" in challenge:
            self._auth = HTTPDigestAuth(*self._credentials)
            with self._follow(url, "HEAD", None, headers) as primed:
                if primed.status_code == 401:
                    raise RemoteError(f"HEAD {url}: HTTP 401 {primed.reason}: the server refuses these "
                                      "credentials (--user)")
        elif "basic" in challenge:
            self._auth = HTTPBasicAuth(*self._credentials)
        return self._auth is not NO_CREDENTIALS

    def _follow(self, url: str, method: str, body: Body, headers: Mapping[str, str]) -> requests.Response:
        """One request, following redirects only for a GET or HEAD to the
        same origin."""
        for _ in range(MAX_REDIRECTS + 1):
            request = requests.Request(method, url, data=body, headers={**dict(headers), **self.headers},
                                       auth=self._auth)
            remaining = max(self._deadline - time.monotonic(), 0.001)
            response = self.session.send(self.session.prepare_request(request), stream=True,
                                         timeout=remaining, allow_redirects=False)
            if not response.is_redirect:
                return response
            target = urljoin(url, response.headers["Location"])
            code = response.status_code
            response.close()
            if method not in ("GET", "HEAD"):
                raise RemoteError(f"{method} {url}: the server redirects it (HTTP {code}) to "
                                  f"{target}; a {method} is not re-sent on a redirect: use that URL")
            if _origin(target) != _origin(url) or urlsplit(target).scheme.lower() not in ("http", "https"):
                raise RemoteError(f"{method} {url}: redirected (HTTP {code}) to another origin, {target}; "
                                  "credentials are not sent there: use that URL")
            url = target
        raise RemoteError(f"{method} {url}: more than {MAX_REDIRECTS} redirects")

    def chunks(self, response: requests.Response) -> Iterator[bytes]:
        """The answer in pieces as they come, so that neither an endless nor a
        dripping answer outlives the deadline or the size limit."""
        what = f"{response.request.method} {response.url}"
        size = 0
        while time.monotonic() <= self._deadline:
            chunk = response.raw.read1(1 << 16, decode_content=True)    # what has come, not a full 64 kB
            if not chunk:
                break
            size += len(chunk)
            if 0 < self.max_answer < size:
                raise RemoteError(f"{what}: the answer is larger than {self.max_answer} bytes; "
                                  "add a LIMIT or raise the limit (--max-answer-mb)")
            yield chunk
        if self._watched.expired or time.monotonic() > self._deadline:
            # the watchdog shut the socket: an end by deadline, not an answer
            raise RemoteError(f"{what}: the answer did not end within {self.timeout:g} s (--timeout)")

    def read(self, response: requests.Response) -> bytes:
        return b"".join(self.chunks(response))


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


def spool_graphs(graph_file: Path, folder: Path) -> list[tuple[str, Path, int]]:
    """Each named graph of a graph file as an N-Triples file of its own in
    ``folder`` (the terms as the file writes them), in one streaming pass:
    (graph IRI, file, triples), by IRI. Only the triples of one batch are
    in memory at a time."""
    graph_file = graph_path(graph_file)
    spooled: dict[str, list] = {}                 # IRI -> [file, triples]
    current: Optional[str] = None
    batch: list[ox.Triple] = []

    def flush() -> None:
        if batch:
            assert current is not None
            with open(spooled[current][0], "ab") as out:
                ox.serialize(batch, output=out, format=ox.RdfFormat.N_TRIPLES)
            spooled[current][1] += len(batch)
            batch.clear()

    try:
        for q in ox.parse(path=str(graph_file), format=FORMATS[graph_file.suffix]):
            if isinstance(q.graph_name, ox.DefaultGraph):
                continue
            name = q.graph_name.value
            if name != current or len(batch) >= SPOOL_BATCH:
                flush()
                current = name
                spooled.setdefault(name, [folder / f"{len(spooled)}.nt", 0])
            batch.append(ox.Triple(q.subject, q.predicate, q.object))
        flush()
    except (SyntaxError, ValueError) as exc:
        raise RemoteError(f"{graph_file}: cannot parse: {exc}") from exc
    except OSError as exc:
        raise RemoteError(f"{graph_file}: cannot read or spool it: {exc}") from exc
    return [(iri, path, count) for iri, (path, count) in sorted(spooled.items())]


def push(graph_file: Path, endpoint: str, mode: str = "replace", headers: Mapping[str, str] = EMPTY_HEADERS,
         timeout: float = DEFAULT_TIMEOUT, user: Optional[str] = None) -> PushReport:
    """Send every named graph of a built graph to a Graph Store endpoint;
    ``mode`` is "replace" (HTTP PUT) or "append" (HTTP POST). Each body is
    streamed from a spooled file; ``timeout`` bounds each graph's whole
    exchange. A failure names the graphs already sent."""
    if mode not in ("replace", "append"):
        raise ValueError("mode is 'replace' or 'append'")
    method = "PUT" if mode == "replace" else "POST"
    report = PushReport(endpoint)
    separator = "&" if "?" in endpoint else "?"
    with Client(endpoint, dict(headers), timeout, user=user) as client, \
            tempfile.TemporaryDirectory(prefix="kg-push-") as spool:
        for iri, path, count in spool_graphs(graph_file, Path(spool)):
            try:
                _send_graph(client, f"{endpoint}{separator}graph={quote(iri, safe='')}", method, path)
            except RemoteError as exc:
                raise RemoteError(f"{exc}\n{_partial(report, mode)}") from None
            finally:
                os.unlink(path)
            report.graphs += 1
            report.triples += count
            report.done.append(iri)
    return report


def _send_graph(client: Client, url: str, method: str, path: Path) -> None:
    """One graph's body, sent again (after a pause) when the store says it
    rolled the write back (a deadlock): nothing of it was kept, so neither
    a PUT nor a POST is done twice."""
    for pause in (*RETRY_PAUSES, None):
        try:
            with open(path, "rb") as body:
                client.send(url, method, body, {"Content-Type": "application/n-triples"})
            return
        except RemoteError as exc:
            if pause is None or exc.status not in (500, 503) or not ROLLED_BACK.search(exc.detail):
                raise
        time.sleep(pause)


def _partial(report: PushReport, mode: str) -> str:
    verb = "replaced" if mode == "replace" else "appended to"
    if not report.done:
        return f"nothing was {verb} on {report.endpoint}"
    shown = ", ".join(report.done[:5]) + (f" and {len(report.done) - 5} more" if len(report.done) > 5 else "")
    return f"already {verb} before the failure ({len(report.done)} graphs): {shown}"


def _query_exchange(client: Client, endpoint: str, query: str):
    """The SPARQL 1.1 Protocol request for a query: GET when short, else a
    form POST; JSON results asked for."""
    form = urlencode({"query": query})
    accept = {"Accept": "application/sparql-results+json"}
    if len(endpoint) + len(form) + 1 <= GET_LIMIT:
        return client.exchange(f"{endpoint}{'&' if '?' in endpoint else '?'}{form}", "GET", headers=accept)
    return client.exchange(endpoint, "POST", form.encode("ascii"),
                           {**accept, "Content-Type": "application/x-www-form-urlencoded"})


def _check_cap(endpoint: str, headers: Mapping[str, str], rows: int) -> None:
    cap = headers.get(MAX_ROWS_HEADER)
    if cap and cap.isdigit() and rows >= int(cap):
        raise TruncatedAnswer(f"{endpoint}: the server returns at most {cap} rows ({MAX_ROWS_HEADER}) and this "
                              f"answer has {rows}: it may be cut short; page with LIMIT and OFFSET")


def remote_query(endpoint: str, query: str, headers: Mapping[str, str] = EMPTY_HEADERS, timeout: float = DEFAULT_TIMEOUT,
                 bindings: Optional[Mapping[str, str]] = None, user: Optional[str] = None,
                 max_answer: int = DEFAULT_MAX_ANSWER) -> QueryResult:
    """Run a SELECT or ASK on a remote SPARQL endpoint. The project's
    prefixes are declared for the query, as for ``kg query``; a saved
    query's parameters are bound in its text (VALUES), as locally. An
    answer the server says it cut short raises TruncatedAnswer."""
    text = query_text(query, bindings)
    try:
        with Client(endpoint, dict(headers), timeout, max_answer, user) as client, \
                _query_exchange(client, endpoint, prefix_declarations(text) + text) as response:
            body, answer_headers = client.read(response), response.headers
    except RemoteError as exc:
        raise QueryError(str(exc)) from None
    result = json_results(body, answer_headers, endpoint, _boolean_columns(query))
    _check_cap(endpoint, answer_headers, len(result.rows))
    return result


@dataclass
class StreamedAnswer:
    """A remote answer read as it arrives: ``rows`` is consumed once,
    inside the ``remote_rows`` block; a boolean for ASK."""
    variables: tuple[str, ...]
    rows: Iterator[tuple]
    boolean: Optional[bool] = None


class _AnswerReader:
    """A file-like view of an answer's chunks, for a streaming parser; it
    keeps what it gave until ``kept`` is set to None (the head of an answer
    the parser refuses is read again by ``json_results``)."""

    def __init__(self, chunks: Iterator[bytes]):
        self._chunks = chunks
        self._pending = b""
        self.kept: Optional[list[bytes]] = []

    def read(self, size: int = -1) -> bytes:
        while not self._pending:
            chunk = next(self._chunks, None)
            if chunk is None:
                return b""
            self._pending = chunk
        if size is None or size < 0:
            size = len(self._pending)
        piece, self._pending = self._pending[:size], self._pending[size:]
        if self.kept is not None:
            self.kept.append(piece)
        return piece


@contextmanager
def remote_rows(endpoint: str, query: str, headers: Mapping[str, str] = EMPTY_HEADERS,
                timeout: float = DEFAULT_TIMEOUT, bindings: Optional[Mapping[str, str]] = None,
                user: Optional[str] = None, max_answer: int = DEFAULT_MAX_ANSWER) -> Iterator[StreamedAnswer]:
    """``remote_query`` for answers too large to hold: the rows are parsed
    as they arrive (the same terms ``remote_query`` gives) and never held
    together. Errors, a row cap included, are raised as QueryError when
    met, which may be after some rows were given."""
    text = query_text(query, bindings)
    columns = _boolean_columns(query)
    try:
        with Client(endpoint, dict(headers), timeout, max_answer, user) as client, \
                _query_exchange(client, endpoint, prefix_declarations(text) + text) as response:
            reader = _AnswerReader(client.chunks(response))
            try:
                parsed = ox.parse_query_results(cast(IO[bytes], reader), format=ox.QueryResultsFormat.JSON)
            except SyntaxError:         # not SPARQL JSON as Oxigraph reads it: a server's variant, or an error
                while reader.read(1 << 16):
                    pass
                held = b"".join(reader.kept or ())
                result = json_results(held, response.headers, endpoint, columns)
                _check_cap(endpoint, response.headers, len(result.rows))
                yield StreamedAnswer(result.variables, iter(result.rows), result.boolean)
                return
            reader.kept = None
            if isinstance(parsed, ox.QueryBoolean):
                yield StreamedAnswer((), iter(()), bool(parsed))
                return
            if not isinstance(parsed, ox.QuerySolutions):
                raise QueryError(f"{endpoint}: the answer is not SPARQL results of a SELECT or ASK")
            variables = tuple(v.value for v in parsed.variables)
            rows = _solutions(parsed, variables, columns, endpoint, response.headers)
            del parsed          # the generator holds it; closing it frees it here, in this thread (pyoxigraph's
            try:                # results may not be dropped by the garbage collector of another thread)
                yield StreamedAnswer(variables, rows)
            finally:
                rows.close()
    except RemoteError as exc:
        raise QueryError(str(exc)) from None


def _solutions(parsed, variables: tuple[str, ...], columns: tuple[str, ...], endpoint: str,
               headers: Mapping[str, str]) -> Generator[tuple, None, None]:
    """The rows of Oxigraph's results parser. Its objects are dropped here
    whatever ends the rows: a traceback keeping them would have another
    thread's garbage collector drop them, which pyoxigraph refuses."""
    count = 0
    solution = None
    try:
        for solution in parsed:
            yield tuple(_ox_term(solution[v], v in columns) for v in variables)
            count += 1
    except SyntaxError as exc:
        raise QueryError(f"{endpoint}: the answer breaks off after {count} rows: {exc}") from None
    finally:
        parsed = solution = None
    _check_cap(endpoint, headers, count)


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
    return _rdflib_term(binding["type"], binding["value"], binding.get("datatype") or "", binding.get("xml:lang"),
                        boolean)


def _ox_term(term, boolean: bool = False):
    """A term of Oxigraph's results parser as ``_term`` makes it."""
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return _rdflib_term("uri", term.value, "", None, boolean)
    if isinstance(term, ox.BlankNode):
        return _rdflib_term("bnode", term.value, "", None, boolean)
    if isinstance(term, ox.Literal):
        return _rdflib_term("literal", term.value, term.datatype.value, term.language, boolean)
    raise QueryError(f"a term that is not an IRI, a blank node or a literal: {term}")


def _rdflib_term(kind: str, value: str, datatype: str, lang: Optional[str], boolean: bool):
    if datatype == XSD_BOOLEAN or (boolean and datatype == XSD_INTEGER and value in ("0", "1")):
        return Literal(value in ("1", "true"))
    if kind == "uri":
        return URIRef(value)
    if kind == "bnode":
        return BNode(value)
    if lang:
        return Literal(value, lang=lang)
    return Literal(value, datatype=URIRef(datatype) if datatype and not datatype.endswith("#string")
                   and not datatype.endswith("#langString") else None)
