"""``kg serve``: a local, read-only view of a built graph over HTTP.

- ``/sparql``: SPARQL 1.1 Protocol query endpoint (GET, POST form, POST
  ``application/sparql-query``); results as SPARQL JSON, CSV or TSV
  (``Accept`` or ``format=``), graphs as Turtle or N-Triples. Updates are
  refused; each query has a time limit and a size limit on its answer.
- ``/id/...``: one HTML page per resource, at its IRI's path; Turtle for
  clients that ask for it (``Accept: text/turtle`` or ``?format=ttl``).
- ``/resource?iri=...``: the same page for IRIs outside ``id:`` (concepts).
- ``/viz?focus=IRI``: the network view of a node's neighbourhood;
  ``/graph.html`` the whole graph.

Every text put into HTML goes through Jinja's autoescape (document text is
untrusted input); the network view sets text through ``textContent``.
"""
from __future__ import annotations

import re
import threading
from functools import cached_property
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Optional
from urllib.parse import parse_qs, quote, unquote, urlsplit

import pyoxigraph as ox

from kg.store.query import QueryError, run_query, short_name, with_resource
from kg.store.database import GraphStore
from kg.rdf.vocab import ID, PREFIXES

TEMPLATES = Path(__file__).resolve().parent / "templates"
DEFAULT_TIMEOUT = 10.0                 # seconds per query
DEFAULT_MAX_BYTES = 20 * 1024 * 1024   # largest answer sent
RESULT_FORMATS = {
    "json": ("application/sparql-results+json", ox.QueryResultsFormat.JSON),
    "csv": ("text/csv", ox.QueryResultsFormat.CSV),
    "tsv": ("text/tab-separated-values", ox.QueryResultsFormat.TSV),
    "xml": ("application/sparql-results+xml", ox.QueryResultsFormat.XML),
}
GRAPH_FORMATS = {
    "ttl": ("text/turtle", ox.RdfFormat.TURTLE),
    "nt": ("application/n-triples", ox.RdfFormat.N_TRIPLES),
}
MEDIA_TYPES = {media: name for name, (media, _) in {**RESULT_FORMATS, **GRAPH_FORMATS}.items()}
DESCRIBE = "CONSTRUCT { ?r ?p ?o . ?s ?q ?r } WHERE { { ?r ?p ?o } UNION { ?s ?q ?r } }"
DOCUMENTS = """SELECT ?doc ?number ?title ?level ?area ?stub ?proposal WHERE {
  ?doc a eli:LegalResource ; pol:isStub ?stub .
  BIND(EXISTS { ?reply cito:repliesTo ?doc } AS ?proposal)
  OPTIONAL { ?doc eli:id_local ?number } OPTIONAL { ?doc dcterms:title ?title }
  OPTIONAL { ?doc pol:level/skos:prefLabel ?level FILTER(lang(?level) = "en") }
  OPTIONAL { ?doc eli:jurisdiction/skos:prefLabel ?area }
} ORDER BY ?stub ?level ?number ?title"""
EXAMPLE = """SELECT ?doc ?number ?title WHERE {
  ?doc a eli:LegalResource ; eli:id_local ?number .
  OPTIONAL { ?doc dcterms:title ?title }
} ORDER BY ?number LIMIT 50"""


class Refused(Exception):
    """A request the endpoint answers with an error status."""

    def __init__(self, status: HTTPStatus, message: str):
        super().__init__(message)
        self.status, self.message = status, message


class _LimitedBuffer:
    """A write target that stops a serialisation past ``limit`` bytes or
    once the request's time is up."""

    def __init__(self, limit: int, cancelled: threading.Event):
        self.parts: list[bytes] = []
        self.size, self.limit, self.cancelled = 0, limit, cancelled

    def write(self, data: bytes) -> int:
        if self.cancelled.is_set():
            raise OSError("cancelled")
        self.size += len(data)
        if self.size > self.limit:
            raise OSError("too large")
        self.parts.append(bytes(data))
        return len(data)

    def flush(self) -> None:
        pass


def _prefix_block() -> str:
    return "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in sorted(PREFIXES.items()))


class Site:
    """The endpoint's logic, apart from HTTP: each method returns
    (content type, body bytes) or raises Refused."""

    def __init__(self, store: GraphStore, timeout: float = DEFAULT_TIMEOUT, max_bytes: int = DEFAULT_MAX_BYTES):
        self.store, self.timeout, self.max_bytes = store, timeout, max_bytes
        self._lock = threading.Lock()

    @cached_property
    def templates(self):
        from jinja2 import Environment, FileSystemLoader, select_autoescape
        from markupsafe import Markup, escape

        env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(["html"]))
        env.filters["local"] = local_path

        def cell(term) -> Markup:
            text = short_name(term)
            if term is not None and str(term).startswith(("http://", "https://")):
                return Markup('<a href="{}">{}</a>').format(local_path(str(term)), text)
            return escape(text)
        env.filters["cell"] = cell
        return env

    def html(self, template: str, **context) -> tuple[str, bytes]:
        return "text/html; charset=utf-8", self.templates.get_template(template).render(**context).encode("utf-8")

    # --- SPARQL -----------------------------------------------------------
    def sparql(self, query: str, fmt: Optional[str]) -> tuple[str, bytes]:
        if fmt == "html":
            return self.sparql_page(query)
        cancelled = threading.Event()
        outcome: dict = {}

        def run() -> None:
            try:
                result = self.store.select(query, PREFIXES)
                buffer = _LimitedBuffer(self.max_bytes, cancelled)
                if isinstance(result, ox.QueryTriples):
                    media, form = GRAPH_FORMATS.get(fmt or "ttl", GRAPH_FORMATS["ttl"])
                else:
                    media, form = RESULT_FORMATS.get(fmt or "json", RESULT_FORMATS["json"])
                result.serialize(buffer, format=form)
                outcome["ok"] = (media, b"".join(buffer.parts))
            except SyntaxError as exc:
                outcome["error"] = Refused(HTTPStatus.BAD_REQUEST, f"SPARQL syntax error: {exc}")
            except OSError:
                # past the time limit nobody is waiting; otherwise the answer is too big
                outcome["error"] = Refused(HTTPStatus.UNPROCESSABLE_ENTITY,
                                           f"the answer is larger than {self.max_bytes} bytes; add a LIMIT")
            except Exception as exc:     # the worker must not die with an unsendable result in its frame
                outcome["error"] = Refused(HTTPStatus.BAD_REQUEST, f"query failed: {exc}")

        worker = threading.Thread(target=run, daemon=True)
        worker.start()
        worker.join(self.timeout)
        if worker.is_alive():
            cancelled.set()      # stops the serialisation at its next write
            raise Refused(HTTPStatus.SERVICE_UNAVAILABLE, f"query exceeded the time limit of {self.timeout:g} s")
        if outcome.get("error"):
            raise outcome["error"]
        return outcome["ok"]

    def sparql_page(self, query: str) -> tuple[str, bytes]:
        result, error = None, None
        if query:
            try:
                result = run_query(self.store, query)
            except QueryError as exc:
                error = str(exc)
        return self.html("sparql.html", example=query or _prefix_block() + EXAMPLE, result=result, error=error)

    # --- resources -----------------------------------------------------------
    def resource(self, iri: str, fmt: Optional[str]) -> tuple[str, bytes]:
        from kg.views.pages import resource_page

        try:
            describe = with_resource(DESCRIBE, iri)
        except QueryError as exc:
            raise Refused(HTTPStatus.BAD_REQUEST, str(exc)) from exc
        if fmt in GRAPH_FORMATS:
            triples = list(self.store.select(describe, PREFIXES))
            if not triples:
                raise Refused(HTTPStatus.NOT_FOUND, f"nothing is known about {iri}")
            media, form = GRAPH_FORMATS[fmt]
            return media, ox.serialize(sorted(triples, key=str), format=form, prefixes=PREFIXES)
        page = resource_page(self.store, iri)
        if page is None:
            raise Refused(HTTPStatus.NOT_FOUND, f"nothing is known about {iri}")
        return self.html("resource.html", page=page)

    def index(self) -> tuple[str, bytes]:
        rows = run_query(self.store, DOCUMENTS).rows
        entries = [({"iri": str(d), "number": str(n) if n is not None else "《…》", "title": _s(t), "level": _s(lv),
                     "area": _s(a), "stub": str(stub) == "true"}, str(proposal) == "true")
                   for d, n, t, lv, a, stub, proposal in rows]
        # the proposals replies answer are listed apart: the documents count is the build's
        return self.html("index.html", source=self.store.source, triples=len(self.store),
                         documents=[e for e, answered in entries if not answered],
                         proposals=[e for e, answered in entries if answered])

    @cached_property
    def _networks(self):
        from kg.network.documents import to_networkx
        from kg.network.resources import to_resource_network

        documents = to_networkx(self.store)
        return to_resource_network(self.store, documents, evidence=False), documents

    def network_view(self, focus: Optional[str], depth: int) -> tuple[str, bytes]:
        from kg.network.trace import UnknownReference
        from kg.views.viz import add_view_evidence, render, select_view

        with self._lock:         # cached_property is not thread-safe
            net, documents = self._networks
        try:
            view = select_view(net, documents, focus=focus, depth=depth)
        except UnknownReference as exc:
            raise Refused(HTTPStatus.NOT_FOUND, str(exc)) from exc
        add_view_evidence(self.store, view)
        return "text/html; charset=utf-8", render(view).encode("utf-8")


def _s(term) -> str:
    return "" if term is None else str(term)


# Only percent-escapes of non-ASCII (UTF-8) bytes are decoded in a path: an
# IRI's own escapes (%3A in named%3A…) stay as they are.
_HIGH_ESCAPES = re.compile(r"(?:%[89A-Fa-f][0-9A-Fa-f])+")


def local_path(iri: str) -> str:
    """The server path of an IRI: /id/... for ours, /resource?iri=... else."""
    if iri.startswith(str(ID)):
        return "/id/" + quote(iri[len(str(ID)):], safe="/%:@-._~!$&'()*+,;=")
    return "/resource?iri=" + quote(iri, safe="")


def iri_of_path(path: str) -> str:
    return str(ID) + _HIGH_ESCAPES.sub(lambda m: unquote(m.group()), path[len("/id/"):])


def _negotiate(accept: str, explicit: Optional[str], default: str) -> str:
    if explicit:
        return explicit
    for part in accept.split(","):
        media = part.split(";")[0].strip().lower()
        if media in MEDIA_TYPES:
            return MEDIA_TYPES[media]
        if media in ("text/html", "application/xhtml+xml"):
            return "html"
    return default


class Handler(BaseHTTPRequestHandler):
    site: Site                     # set on the subclass made by make_server
    server_version = "policy-kg"

    def do_GET(self) -> None:
        url = urlsplit(self.path)
        self._answer(url.path, {k: v[-1] for k, v in parse_qs(url.query).items()})

    def do_POST(self) -> None:
        url = urlsplit(self.path)
        params = {k: v[-1] for k, v in parse_qs(url.query).items()}
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length).decode("utf-8", "replace") if length else ""
        media = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if media == "application/sparql-update":
            return self._refuse(Refused(HTTPStatus.FORBIDDEN, "this endpoint is read-only: SPARQL Update is refused"))
        if media == "application/sparql-query":
            params["query"] = body
        elif media == "application/x-www-form-urlencoded":
            params.update({k: v[-1] for k, v in parse_qs(body).items()})
        self._answer(url.path, params)

    def do_PUT(self) -> None:
        self._refuse(Refused(HTTPStatus.METHOD_NOT_ALLOWED, "this endpoint is read-only"))

    do_DELETE = do_PATCH = do_PUT

    def _answer(self, path: str, params: dict[str, str]) -> None:
        accept = self.headers.get("Accept") or ""
        try:
            if "update" in params:
                raise Refused(HTTPStatus.FORBIDDEN, "this endpoint is read-only: SPARQL Update is refused")
            if path == "/":
                media, body = self.site.index()
            elif path == "/sparql":
                fmt = _negotiate(accept, params.get("format"), "json")
                if "query" not in params:
                    fmt = "html"
                media, body = self.site.sparql(params.get("query", ""), fmt)
            elif path.startswith("/id/"):
                media, body = self.site.resource(iri_of_path(path), _negotiate(accept, params.get("format"), "html"))
            elif path == "/resource" and "iri" in params:
                media, body = self.site.resource(params["iri"], _negotiate(accept, params.get("format"), "html"))
            elif path == "/viz":
                media, body = self.site.network_view(params.get("focus"), int(params.get("depth") or 1))
            elif path == "/graph.html":
                media, body = self.site.network_view(None, 1)
            else:
                raise Refused(HTTPStatus.NOT_FOUND, f"no such page: {path}")
        except Refused as exc:
            return self._refuse(exc)
        except ValueError as exc:
            return self._refuse(Refused(HTTPStatus.BAD_REQUEST, str(exc)))
        self._send(HTTPStatus.OK, media, body)

    def _refuse(self, exc: Refused) -> None:
        if "text/html" in (self.headers.get("Accept") or ""):
            media, body = self.site.html("error.html", status=f"{exc.status.value} {exc.status.phrase}",
                                         message=exc.message)
        else:
            media, body = "text/plain; charset=utf-8", (exc.message + "\n").encode("utf-8")
        self._send(exc.status, media, body)

    def _send(self, status: HTTPStatus, media: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", media)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Vary", "Accept")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args) -> None:   # quiet unless asked
        if getattr(self.server, "verbose", False):
            super().log_message(format, *args)


def make_server(store: GraphStore, host: str = "127.0.0.1", port: int = 8000, verbose: bool = False,
                **limits) -> ThreadingHTTPServer:
    """A server for ``store`` (not yet serving: call ``serve_forever``).
    Port 0 picks a free port (``server.server_address``)."""
    handler = type("BoundHandler", (Handler,), {"site": Site(store, **limits)})
    server = ThreadingHTTPServer((host, port), handler)
    server.daemon_threads = True
    server.verbose = verbose
    return server

