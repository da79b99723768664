"""``kg serve``: a local, read-only view of a built graph over HTTP/1.1.

- ``/sparql``: SPARQL 1.1 Protocol query endpoint (GET, POST form, POST
  ``application/sparql-query``); results as SPARQL JSON, XML, CSV or TSV,
  graphs as Turtle, N-Triples, RDF/XML or JSON-LD, by ``Accept`` (q-values
  honoured) or ``format=`` (a short name or a media type); the dataset from
  ``default-graph-uri`` / ``named-graph-uri``, else the query's FROM, else
  the union of the named graphs; a service description for a client that
  asks the endpoint for RDF; gzip where the client takes it. Updates are
  refused, and so are SERVICE clauses unless federation is allowed.
- ``/id/...``: one HTML page per resource, at its IRI's path; RDF for
  clients that ask for it (``Accept: text/turtle`` or ``?format=ttl``).
- ``/resource?iri=...``: the same page for IRIs outside ``id:`` (concepts).
- ``/graph-store?graph=IRI`` (or ``?default``): a named graph's triples, the
  Graph Store Protocol's read.
- ``/saved?name=NAME&bind.PARAM=VALUE``: a saved query's text with its
  parameters bound, for the query page's parameter fields
  (``/sparql?format=html&query=NAME&bind.PARAM=VALUE`` runs it).
- ``/viz?focus=IRI``: the network view of a node's neighbourhood;
  ``/graph.html`` the whole graph; ``/glossary`` the relations and bases;
  ``/coverage?ref=REF[&depth=N][&lang=en]`` which areas carry a document out.

Pages are in Chinese; ``?lang=en`` gives them in English.

This module is the HTTP front: it checks what a request may ask (body size,
Host, query depth) and hands it to a worker process (``kg.views.workers``)
that answers within the time limit or is ended.
"""
from __future__ import annotations

import gzip
import ipaddress
import re
import socket
import threading
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Iterable, Optional
from urllib.parse import parse_qs, urlsplit

from kg.datafiles import YASGUI_DIR
from kg.store.sparql_guard import UnsafeQuery, check_query
from kg.views.site import (FOR_GRAPHS, FOR_RESULTS, GRAPH_FORMATS, HTML, RESULT_FORMATS, Refused, error_page,
                           iri_of_path, language, local_path)
from kg.views.workers import DEFAULT_TIMEOUT, DEFAULT_WORKERS, WorkerPool

DEFAULT_MAX_BODY = 1024 * 1024          # largest request body read
DEFAULT_SOCKET_TIMEOUT = 15.0           # seconds a client may stall a connection
DEFAULT_MAX_CONNECTIONS = 256           # connections served at once (threads, most of them waiting on a socket); more wait in the backlog
DEFAULT_REQUEST_DEADLINE = 10.0         # seconds a client has to send one whole request
DEFAULT_PAGE_WORKERS = 1                # processes for the cheap requests, beside --workers for queries

# format= values: short names and the media types themselves
BIND = "bind."           # a saved query's parameter in a query string
FORMAT_NAMES = {"json": "application/sparql-results+json", "xml": "application/sparql-results+xml",
                "csv": "text/csv", "tsv": "text/tab-separated-values", "ttl": "text/turtle",
                "turtle": "text/turtle", "nt": "application/n-triples", "ntriples": "application/n-triples",
                "n-triples": "application/n-triples", "rdfxml": "application/rdf+xml",
                "rdf": "application/rdf+xml", "jsonld": "application/ld+json",
                "json-ld": "application/ld+json", "n3": "text/n3", "rdf+xml": "application/rdf+xml",
                "html": HTML}
KNOWN_MEDIA = (set(RESULT_FORMATS) | set(GRAPH_FORMATS) | set(FOR_GRAPHS) | set(FOR_RESULTS)
               | {HTML, "application/xhtml+xml"})
# the SPARQL 1.1 Protocol's dataset: each may be given many times
DATASET_PARAMETERS = ("default-graph-uri", "named-graph-uri")
SERVICE_DESCRIPTION_MEDIA = ("text/turtle", "application/n-triples", "application/rdf+xml", "application/ld+json")
GZIP_ABOVE = 1024          # bytes: smaller answers go as they are
READ_ONLY = "this endpoint is read-only: SPARQL Update is refused"


def accepted_media(accept: str, explicit: Optional[str]) -> list[str]:
    """The media types a request asks for, most wanted first: ``format=``
    (a short name or a media type) before ``Accept``, whose entries are
    ordered by q-value (q=0 dropped; ties keep their order)."""
    out = []
    if explicit:
        # a name or media type; some clients (SPARQLWrapper) send a comma-separated list
        named = [FORMAT_NAMES.get(part.strip().lower(), part.strip().lower()) for part in explicit.split(",")]
        out += [media for media in named if media in KNOWN_MEDIA]
        if not out:
            raise Refused(HTTPStatus.NOT_ACCEPTABLE,
                          f"format={explicit}: expected one of {', '.join(sorted(FORMAT_NAMES))} or a media type")
    weighted = []
    for position, part in enumerate(accept.split(",")):
        media, *params = [p.strip() for p in part.split(";")]
        quality = 1.0
        for param in params:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        if media and quality > 0:
            weighted.append((-quality, position, "text/html" if media == "application/xhtml+xml" else media.lower()))
    out += [media for _, _, media in sorted(weighted)]
    return out


# Files served as they are: the SPARQL editor's, and nothing else.
STATIC_FILES = {"/static/yasgui/yasgui.min.js": ("yasgui.min.js", "text/javascript; charset=utf-8"),
                "/static/yasgui/yasgui.min.css": ("yasgui.min.css", "text/css; charset=utf-8")}


def static_file(path: str) -> tuple[str, bytes]:
    if path not in STATIC_FILES or not (YASGUI_DIR / STATIC_FILES[path][0]).is_file():
        raise Refused(HTTPStatus.NOT_FOUND, f"no such file: {path}")
    name, media = STATIC_FILES[path]
    return media, (YASGUI_DIR / name).read_bytes()


def _collapse(parsed: dict[str, list[str]]) -> dict[str, str]:
    """One value a parameter, the last; the dataset's graphs all of them, a
    line each (an IRI holds no line break)."""
    return {k: "\n".join(v) if k in DATASET_PARAMETERS else v[-1] for k, v in parsed.items()}


def _graph_list(params: dict[str, str], name: str) -> tuple[str, ...]:
    graphs = tuple(g for g in params.get(name, "").split("\n") if g)
    for g in graphs:
        if not g.startswith(("http://", "https://", "urn:")):
            raise Refused(HTTPStatus.BAD_REQUEST, f"{name}: {g!r} is not an absolute IRI")
    return graphs


def _bindings(params: dict[str, str]) -> dict[str, str]:
    """A saved query's parameters given as bind.NAME=VALUE (as kg query --bind NAME=VALUE)."""
    return {key[len(BIND):]: value for key, value in params.items() if key.startswith(BIND)}


def _accepts_gzip(header: str) -> bool:
    """Accept-Encoding names gzip with a weight above zero."""
    for item in header.split(","):
        name, _, params = item.strip().partition(";")
        if name.strip().lower() in ("gzip", "*"):
            return not re.search(r"q\s*=\s*0(?:\.0*)?\s*$", params.strip())
    return False


def _wants_html(accepted: list[str]) -> bool:
    """A browser: HTML before any machine format."""
    for media in accepted:
        if media == HTML:
            return True
        if media in KNOWN_MEDIA:
            return False
    return False


class Handler(BaseHTTPRequestHandler):
    pool: WorkerPool               # queries and network views; set on the subclass made by make_server
    pages: WorkerPool              # the cheap requests' own lane: the index, resource pages, the glossary
    allowed_hosts: Optional[frozenset[str]]
    allow_federation: bool
    max_body: int
    server_version = "policy-kg"
    protocol_version = "HTTP/1.1"
    timeout = DEFAULT_SOCKET_TIMEOUT   # socket timeout: a stalled client is dropped
    request_deadline = DEFAULT_REQUEST_DEADLINE   # the whole request, however it drips

    def handle_one_request(self) -> None:
        """One request, which must arrive whole (line, headers, body) within
        the request deadline: a client that drips a header line now and then
        beats the socket timeout, and would hold its connection slot — and,
        with a hundred like it, every slot — for as long as it likes."""
        self._request_timer = threading.Timer(self.request_deadline, self._drop_stalled)
        self._request_timer.daemon = True
        self._request_timer.start()
        try:
            super().handle_one_request()
        finally:
            self._request_timer.cancel()

    def _drop_stalled(self) -> None:
        self.close_connection = True
        try:
            self.connection.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass

    # --- methods ----------------------------------------------------------
    def do_GET(self) -> None:
        self._handle(head=False)

    def do_HEAD(self) -> None:
        self._handle(head=True)

    def do_POST(self) -> None:
        self._handle(head=False, post=True)

    def do_OPTIONS(self) -> None:
        self._send(HTTPStatus.NO_CONTENT, "text/plain; charset=utf-8", b"",
                   extra={"Allow": "GET, HEAD, POST, OPTIONS",
                          "Access-Control-Allow-Methods": "GET, HEAD, POST, OPTIONS",
                          "Access-Control-Allow-Headers": "Accept, Content-Type",
                          "Access-Control-Max-Age": "86400"})

    def do_PUT(self) -> None:
        self._refuse(Refused(HTTPStatus.METHOD_NOT_ALLOWED, "this endpoint is read-only"))

    do_DELETE = do_PATCH = do_PUT

    # --- one request ----------------------------------------------------------
    def _handle(self, head: bool, post: bool = False) -> None:
        self._head, self._body_read = head, not post
        try:
            self._check_host()
            url = urlsplit(self.path)
            params = _collapse(parse_qs(url.query))
            if post:
                params.update(self._body_params())
            self._request_timer.cancel()        # the request is in: answering it has its own time limit
            media, body = self._route(url.path, params)
        except Refused as exc:
            return self._refuse(exc)
        self._send(HTTPStatus.OK, media, body)

    def _check_host(self) -> None:
        if self.allowed_hosts is None:
            return
        host = (self.headers.get("Host") or "").strip().lower()
        name = host[1:host.index("]")] if host.startswith("[") and "]" in host else host.rsplit(":", 1)[0]
        if name not in self.allowed_hosts:
            raise Refused(HTTPStatus.MISDIRECTED_REQUEST,
                          f"Host {host!r} is not this server's; start kg serve with --allow-host {name} to accept it")

    def _body_params(self) -> dict[str, str]:
        try:
            length = int(self.headers.get("Content-Length") or 0)
        except ValueError:
            self.close_connection = True
            raise Refused(HTTPStatus.BAD_REQUEST, "Content-Length is not a number") from None
        if length < 0:
            self.close_connection = True
            raise Refused(HTTPStatus.BAD_REQUEST, "Content-Length is negative")
        if length > self.max_body:
            self.close_connection = True     # the body is not read
            raise Refused(HTTPStatus.REQUEST_ENTITY_TOO_LARGE,
                          f"the request body is {length} bytes; the limit is {self.max_body}")
        body = self.rfile.read(length).decode("utf-8", "replace") if length else ""
        self._body_read = True
        media = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if media == "application/sparql-update":
            raise Refused(HTTPStatus.FORBIDDEN, READ_ONLY)
        if media == "application/sparql-query":
            return {"query": body}
        if media == "application/x-www-form-urlencoded":
            return _collapse(parse_qs(body))
        if urlsplit(self.path).path == "/sparql":
            raise Refused(HTTPStatus.UNSUPPORTED_MEDIA_TYPE,
                          f"a query is POSTed as application/sparql-query or application/x-www-form-urlencoded, "
                          f"not {media or 'without a Content-Type'}")
        return {}

    def _route(self, path: str, params: dict[str, str]) -> tuple[str, bytes]:
        if "update" in params:
            raise Refused(HTTPStatus.FORBIDDEN, READ_ONLY)
        accepted = accepted_media(self.headers.get("Accept") or "", params.get("format"))
        lang = self._lang = language(params.get("lang"))
        if path == "/":
            return self.pages.call("index", lang)
        if path == "/glossary":
            return self.pages.call("glossary", lang)
        if path == "/sparql":
            return self._sparql(params, accepted, lang)
        if path == "/saved":
            return self.pages.call("saved_text", params.get("name") or "", _bindings(params))
        if path == "/graph-store":
            if ("graph" in params) == ("default" in params):
                raise Refused(HTTPStatus.BAD_REQUEST, "graph-store: give graph=IRI or default")
            graph = _graph_list(params, "graph")[0] if "graph" in params else None
            return self.pool.call("graph_store", graph, accepted)
        if path.startswith("/id/"):
            return self.pages.call("resource", iri_of_path(path), accepted, lang)
        if path == "/resource" and "iri" in params:
            return self.pages.call("resource", params["iri"], accepted, lang)
        if path.startswith("/static/"):
            return static_file(path)
        if path in ("/viz", "/graph.html", "/coverage"):
            try:
                depth = min(int(params.get("depth") or 1), 3)
            except ValueError:
                raise Refused(HTTPStatus.BAD_REQUEST, "depth: expected a number") from None
            if path == "/coverage":
                if not params.get("ref"):
                    raise Refused(HTTPStatus.BAD_REQUEST, "coverage: give ref=a document number, title or IRI")
                return self.pool.call("coverage", params["ref"], depth, lang)
            return self.pool.call("network_view", params.get("focus") if path == "/viz" else None, depth, lang)
        raise Refused(HTTPStatus.NOT_FOUND, f"no such page: {path}")

    def _sparql(self, params: dict[str, str], accepted: list[str], lang: str) -> tuple[str, bytes]:
        default_graphs, named_graphs = (_graph_list(params, name) for name in DATASET_PARAMETERS)
        query = params.get("query")
        if query is None:
            if any(m in SERVICE_DESCRIPTION_MEDIA for m in accepted[:1]):      # a client asks the endpoint itself
                return self.pages.call("service_description", accepted, f"http://{self.headers.get('Host')}/sparql")
            return self.pages.call("sparql_page", "", lang)
        try:
            check_query(query, self.allow_federation)
        except UnsafeQuery as exc:
            raise Refused(HTTPStatus.BAD_REQUEST, str(exc)) from None
        if params.get("format") == "html" or (_wants_html(accepted) and "format" not in params):
            return self.pool.call("sparql_page", query, lang, _bindings(params))
        return self.pool.call("sparql", query, accepted, default_graphs, named_graphs)

    # --- answers --------------------------------------------------------------
    def _refuse(self, exc: Refused) -> None:
        if not getattr(self, "_body_read", True):
            self.close_connection = True      # an unread body must not be taken for the next request
        if "text/html" in (self.headers.get("Accept") or ""):
            media, body = error_page(exc, getattr(self, "_lang", "zh"))
        else:
            media, body = "text/plain; charset=utf-8", (exc.message + "\n").encode("utf-8")
        self._send(exc.status, media, body)

    def _send(self, status: HTTPStatus, media: str, body: bytes, extra: Optional[dict] = None) -> None:
        gzipped = len(body) > GZIP_ABOVE and _accepts_gzip(self.headers.get("Accept-Encoding") or "")
        if gzipped:
            body = gzip.compress(body, compresslevel=5, mtime=0)
        self.send_response(status)
        self.send_header("Content-Type", media)
        self.send_header("Content-Length", str(len(body)))
        if gzipped:
            self.send_header("Content-Encoding", "gzip")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Vary", "Accept, Accept-Encoding")
        if urlsplit(self.path).path == "/sparql":
            self.send_header("Access-Control-Allow-Origin", "*")   # a read-only public endpoint
        for name, value in (extra or {}).items():
            self.send_header(name, value)
        if self.close_connection:
            self.send_header("Connection", "close")
        self.end_headers()
        if not getattr(self, "_head", False):
            self.wfile.write(body)

    def log_message(self, format: str, *args) -> None:   # quiet unless asked
        if getattr(self.server, "verbose", False):
            super().log_message(format, *args)


class Server(ThreadingHTTPServer):
    """A threading server with a bound on connections served at once and
    IPv6 where the address is one."""

    daemon_threads = True
    verbose = False         # log each request (kg serve --verbose)

    def __init__(self, address, handler, max_connections: int, pool: WorkerPool, pages: WorkerPool):
        self.pool, self.pages = pool, pages
        if ":" in address[0]:
            self.address_family = socket.AF_INET6
        self.slots = threading.BoundedSemaphore(max_connections)
        self.request_queue_size = max_connections     # the listen backlog holds as many as are served
        super().__init__(address, handler)

    def process_request(self, request, client_address) -> None:
        self.slots.acquire()      # the accept loop waits here; the OS backlog holds the rest
        try:
            super().process_request(request, client_address)
        except BaseException:
            self.slots.release()
            raise

    def process_request_thread(self, request, client_address) -> None:
        try:
            super().process_request_thread(request, client_address)
        finally:
            self.slots.release()

    def server_close(self) -> None:
        super().server_close()
        self.pool.close()
        self.pages.close()


def _allowed_hosts(host: str, extra: Iterable[str]) -> Optional[frozenset[str]]:
    """The Host names a request may carry (DNS rebinding): the bound address
    and, for loopback, its usual names. None (no check) for a wildcard bind
    with no names given."""
    names = {h.strip().lower().strip("[]") for h in extra}
    try:
        address = ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return frozenset(names | {host.lower()})
    if address.is_unspecified:
        return frozenset(names) if names else None
    names.add(str(address))
    if address.is_loopback:
        names |= {"localhost", "127.0.0.1", "::1"}
    return frozenset(names)


def make_server(graph: Path, host: str = "127.0.0.1", port: int = 8000, verbose: bool = False, *,
                timeout: float = DEFAULT_TIMEOUT, max_bytes: int = 20 * 1024 * 1024,
                workers: int = DEFAULT_WORKERS, page_workers: int = DEFAULT_PAGE_WORKERS, max_body: int = DEFAULT_MAX_BODY,
                socket_timeout: float = DEFAULT_SOCKET_TIMEOUT, max_connections: int = DEFAULT_MAX_CONNECTIONS,
                request_deadline: float = DEFAULT_REQUEST_DEADLINE,
                allow_hosts: Iterable[str] = (), allow_federation: bool = False) -> Server:
    """A server for the built graph at ``graph`` (a build folder or graph
    file), not yet serving: call ``serve_forever``. Port 0 picks a free port
    (``server.server_address``). Raises OSError when the address cannot be
    bound and WorkerStartError when the graph cannot be opened.

    Two lanes of workers: ``workers`` for SPARQL queries and network views,
    ``page_workers`` for the cheap requests (the index, resource pages, the
    glossary, the query page without a query), so that queries running to
    their time limit do not keep every page waiting (static files are served
    by the front itself)."""
    pool = WorkerPool(Path(graph), size=workers, timeout=timeout, max_bytes=max_bytes, wait=False)
    pages = WorkerPool(Path(graph), size=page_workers, timeout=timeout, max_bytes=max_bytes, wait=False)
    try:
        pool.wait_ready()           # both lanes open the graph at once
        pages.wait_ready()
    except BaseException:
        pool.close()
        pages.close()
        raise
    handler = type("BoundHandler", (Handler,), {
        "pool": pool, "pages": pages, "allowed_hosts": _allowed_hosts(host, allow_hosts), "allow_federation": allow_federation,
        "max_body": max_body, "timeout": socket_timeout, "request_deadline": request_deadline})
    server = Server((host, port), handler, max_connections, pool, pages)    # closes the pools if it cannot bind
    server.verbose = verbose
    return server


__all__ = ["make_server", "local_path", "iri_of_path", "accepted_media", "Server"]
