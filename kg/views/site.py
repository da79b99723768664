"""What ``kg serve`` answers, apart from HTTP: each method of ``Site``
returns (content type, body bytes) or raises ``Refused``.

A Site runs inside a worker process (``kg.views.workers``), so that a query
past its time can be stopped by ending the process; the HTTP front
(``kg.views.serve``) never touches the store.

Every text put into HTML goes through Jinja's autoescape (document text is
untrusted input).
"""
from __future__ import annotations

import re
from functools import cached_property, lru_cache
from http import HTTPStatus
from pathlib import Path
from typing import Mapping, Optional, Sequence
from urllib.parse import quote, unquote

import pyoxigraph as ox

from kg.datafiles import YASGUI_DIR, read_tsv
from kg.relations import glossary_rows, terms as relation_terms
from kg.lexicon.search import folding_spec, search_key
from kg.store.database import GraphStore
from kg.store.query import (QueryError, SavedQuery, failure_message, prefix_declarations, run_query, saved_queries,
                            short_name, with_resource)
from kg.store.sparql_guard import calls_service
from kg.rdf.vocab import ID, PREFIXES
from kg.views.viz import script_json

TEMPLATES = Path(__file__).resolve().parent / "templates"
DEFAULT_MAX_BYTES = 20 * 1024 * 1024   # largest answer sent

# Media types of SELECT/ASK results and of CONSTRUCT/DESCRIBE graphs.
RESULT_FORMATS = {
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "text/csv": ox.QueryResultsFormat.CSV,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
}
GRAPH_FORMATS = {
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
    "application/ld+json": ox.RdfFormat.JSON_LD,
}
# Text formats are sent with their charset.
CHARSET = {"text/csv", "text/tab-separated-values"}
# What a generic request means for each kind of answer (json for a graph is JSON-LD).
FOR_GRAPHS = {"application/sparql-results+json": "application/ld+json",
              "application/json": "application/ld+json",
              "application/sparql-results+xml": "application/rdf+xml",
              "application/xml": "application/rdf+xml", "text/xml": "application/rdf+xml",
              # N3 readers read Turtle
              "text/n3": "text/turtle", "text/rdf+n3": "text/turtle", "application/x-turtle": "text/turtle"}
FOR_RESULTS = {"application/json": "application/sparql-results+json",
               "application/xml": "application/sparql-results+xml", "text/xml": "application/sparql-results+xml"}
HTML = "text/html"

DESCRIBE = "CONSTRUCT { ?r ?p ?o . ?s ?q ?r } WHERE { { ?r ?p ?o } UNION { ?s ?q ?r } }"
DOCUMENTS = """SELECT ?doc ?number ?title ?level ?area ?stub ?proposal ?rank ?own ?published WHERE {
  ?doc a eli:LegalResource ; pol:isStub ?stub .
  BIND(EXISTS { ?reply cito:repliesTo ?doc } AS ?proposal)
  OPTIONAL { ?doc eli:id_local ?number } OPTIONAL { ?doc dcterms:title ?title }
  OPTIONAL { ?doc eli:date_document ?own } OPTIONAL { ?doc eli:date_publication ?published }
  OPTIONAL { ?doc pol:level ?l . ?l skos:notation ?rank ; skos:prefLabel ?level FILTER(lang(?level) = $lang) }
  OPTIONAL { ?doc eli:jurisdiction/skos:prefLabel ?area }
} ORDER BY ?stub (!BOUND(?rank)) ?rank (!BOUND(?number)) ?number ?title"""
LANGUAGES = ("zh", "en")
PAGE_ROWS = 1000        # rows the HTML answer shows; the rest by format=csv or json
EXAMPLE = """SELECT ?doc ?number ?title WHERE {
  ?doc a eli:LegalResource ; eli:id_local ?number .
  OPTIONAL { ?doc dcterms:title ?title }
} ORDER BY ?number LIMIT 50"""


def bound_text(query: SavedQuery, bindings: Mapping[str, str]) -> str:
    """A saved query for the editor: the parameters given a value bound (an
    empty field leaves its parameter free), with the PREFIX lines it relies on."""
    text = query.bound({name: value for name, value in bindings.items() if value})
    return prefix_declarations(text) + text


SD = "http://www.w3.org/ns/sparql-service-description#"
SERVICE_DESCRIPTION = """@prefix sd: <http://www.w3.org/ns/sparql-service-description#> .
<{endpoint}> a sd:Service ;
  sd:endpoint <{endpoint}> ;
  sd:supportedLanguage sd:SPARQL11Query ;
  sd:resultFormat {formats} ;
  sd:feature sd:UnionDefaultGraph ;
  sd:defaultEntailmentRegime <http://www.w3.org/ns/entailment/Simple> .
"""
# result media types and their W3C format IRIs, for the service description
FORMAT_IRIS = {"application/sparql-results+json": "http://www.w3.org/ns/formats/SPARQL_Results_JSON",
               "application/sparql-results+xml": "http://www.w3.org/ns/formats/SPARQL_Results_XML",
               "text/csv": "http://www.w3.org/ns/formats/SPARQL_Results_CSV",
               "text/tab-separated-values": "http://www.w3.org/ns/formats/SPARQL_Results_TSV"}


class Refused(Exception):
    """A request the endpoint answers with an error status."""

    def __init__(self, status: HTTPStatus, message: str):
        super().__init__(message)
        self.status, self.message = HTTPStatus(status), message


class AnswerTooLarge(OSError):
    """Raised by _LimitedBuffer: told apart from the engine's own OSError (a
    SERVICE endpoint that cannot be reached), which the answer's writing
    raises as well."""


class _LimitedBuffer:
    """A write target that stops a serialisation past ``limit`` bytes."""

    def __init__(self, limit: int):
        self.parts: list[bytes] = []
        self.size, self.limit = 0, limit

    def write(self, data: bytes) -> int:
        self.size += len(data)
        if self.size > self.limit:
            raise AnswerTooLarge("too large")
        self.parts.append(bytes(data))
        return len(data)

    def flush(self) -> None:
        pass


@lru_cache(maxsize=None)
def templates():
    from jinja2 import Environment, FileSystemLoader, select_autoescape
    from markupsafe import Markup, escape

    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(["html"]))
    env.filters["local"] = local_path
    env.filters["with_lang"] = with_lang
    env.filters["with_query"] = with_query

    def cell(term) -> Markup:
        text = short_name(term)
        if term is not None and str(term).startswith(("http://", "https://")):
            return Markup('<a href="{}">{}</a>').format(local_path(str(term)), text)
        return escape(text)
    env.filters["cell"] = cell
    env.filters["relation"] = relation_label
    return env


def relation_label(curie: str, lang: str) -> str:
    """A relation as a page heads it: its name in the page's language (贯彻落实,
    发文机关 …), else its CURIE."""
    return relation_names().get(curie.split(":")[-1], {}).get(lang, curie)


@lru_cache(maxsize=None)
def ui_strings(lang: str) -> dict[str, str]:
    """The interface's words in one language (kg/data/ui_strings.tsv)."""
    return {row["key"]: row[lang] for row in read_tsv("ui_strings.tsv")}


@lru_cache(maxsize=1)
def relation_names() -> dict[str, dict[str, str]]:
    """Each relation's name in Chinese and English, by its predicate's name:
    the relations' own (kg/data/relations.tsv: 贯彻落实 applies), the
    glossary's for the properties it explains, the interface's for the rest."""
    names = {t.local_name: {"zh": t.zh, "en": t.en} for t in relation_terms().values()}
    names.update({row["property"].split(":")[-1]: {"zh": row["zh"], "en": row["en"]}
                  for row in read_tsv("glossary.tsv") if row["property"].startswith(("eli:", "pol:", "cito:"))})
    for row in read_tsv("ui_strings.tsv"):
        if row["key"].startswith("rel_"):
            names.setdefault(row["key"][4:], {"zh": row["zh"], "en": row["en"]})
    return names


def language(requested: Optional[str]) -> str:
    """Chinese first; English when asked for (?lang=en)."""
    return requested if requested in LANGUAGES else LANGUAGES[0]


def html(template: str, lang: str = "zh", **context) -> tuple[str, bytes]:
    page = templates().get_template(template).render(t=ui_strings(lang), lang=lang,
                                                     other_lang="en" if lang == "zh" else "zh", **context)
    return "text/html; charset=utf-8", page.encode("utf-8")


def error_page(exc: Refused, lang: str = "zh") -> tuple[str, bytes]:
    """The page of a refusal: the status in the page's language (ui_strings.tsv), the reason as written."""
    phrase = ui_strings(language(lang)).get(f"http_{exc.status.value}", exc.status.phrase)
    return html("error.html", lang, status=f"{exc.status.value} {phrase}", message=exc.message)


def with_charset(media: str) -> str:
    return f"{media}; charset=utf-8" if media in CHARSET else media


def choose(accepted: Sequence[str], graph: bool) -> str:
    """The first of the client's media types (in its order of preference)
    that this kind of answer has; the kind's default when none fits."""
    table, generic, default = ((GRAPH_FORMATS, FOR_GRAPHS, "text/turtle") if graph
                               else (RESULT_FORMATS, FOR_RESULTS, "application/sparql-results+json"))
    for media in accepted:
        media = generic.get(media, media)
        if media in table:
            return media
    return default


class Site:
    """The endpoint's pages and answers over one store."""

    def __init__(self, store: GraphStore, max_bytes: int = DEFAULT_MAX_BYTES, corpus: Optional[Path] = None):
        self.store, self.max_bytes = store, max_bytes
        self.corpus = corpus          # where the documents' texts are, for their pages

    # --- SPARQL -----------------------------------------------------------
    def sparql(self, query: str, accepted: Sequence[str], default_graphs: Sequence[str] = (),
               named_graphs: Sequence[str] = ()) -> tuple[str, bytes]:
        try:
            result = self.store.select(query, PREFIXES, default_graphs=default_graphs, named_graphs=named_graphs)
        except SyntaxError as exc:
            raise Refused(HTTPStatus.BAD_REQUEST, f"SPARQL syntax error: {exc}") from exc
        except (OSError, RuntimeError, ValueError) as exc:
            raise Refused(HTTPStatus.BAD_REQUEST, failure_message(exc, query)) from exc
        graph = isinstance(result, ox.QueryTriples)
        media = choose(accepted, graph)
        buffer = _LimitedBuffer(self.max_bytes)
        try:
            result.serialize(buffer, format=(GRAPH_FORMATS if graph else RESULT_FORMATS)[media])
        except AnswerTooLarge as exc:
            raise Refused(HTTPStatus.UNPROCESSABLE_ENTITY,
                          f"the answer is larger than {self.max_bytes} bytes; add a LIMIT") from exc
        except (OSError, RuntimeError, ValueError) as exc:      # raised while the answer is evaluated
            if calls_service(query):
                raise Refused(HTTPStatus.BAD_GATEWAY, failure_message(exc, query)) from exc
            raise Refused(HTTPStatus.BAD_REQUEST, failure_message(exc, query)) from exc
        return with_charset(media), b"".join(buffer.parts)

    def service_description(self, accepted: Sequence[str], endpoint: str) -> tuple[str, bytes]:
        """The endpoint (its URL as the client reached it) described in the
        SPARQL 1.1 Service Description vocabulary: what a client learns by
        asking /sparql for RDF."""
        media = choose(accepted, graph=True)
        description = SERVICE_DESCRIPTION.format(endpoint=endpoint, formats=" , ".join(
            f"<{FORMAT_IRIS[m]}>" for m in RESULT_FORMATS if m in FORMAT_IRIS))
        triples = ox.parse(description, format=ox.RdfFormat.TURTLE)
        return media, ox.serialize(triples, format=GRAPH_FORMATS[media], prefixes={"sd": SD}) or b""

    def graph_store(self, graph: Optional[str], accepted: Sequence[str]) -> tuple[str, bytes]:
        """A named graph's triples (the Graph Store Protocol's GET ?graph=IRI;
        ?default is the union, as the query endpoint's default graph)."""
        where = f"GRAPH <{graph}> {{ ?s ?p ?o }}" if graph else "?s ?p ?o"
        if graph is not None and not self.store.select(f"ASK {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}", {}):
            raise Refused(HTTPStatus.NOT_FOUND, f"no graph {graph}")
        return self.sparql(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ {where} }}",
                           [m for m in accepted if m in GRAPH_FORMATS or m in FOR_GRAPHS] or ["text/turtle"])

    def sparql_page(self, query: str, lang: str = "zh",
                    bindings: Optional[Mapping[str, str]] = None) -> tuple[str, bytes]:
        """The query page: the editor (YASGUI where installed, else a form),
        the saved queries with a field per parameter, and the answer of
        ``query`` (a saved query's name with ``bindings``, or a text)."""
        result, error = None, None
        queries = saved_queries()
        chosen = queries.get(query)
        values = {name: value for name, value in (bindings or {}).items() if value}    # an empty field: unbound
        if query:
            try:
                result = run_query(self.store, query, values if chosen else None, files=False, max_rows=PAGE_ROWS)
            except QueryError as exc:
                error = str(exc)
        # each saved query with its parameters bound to their examples, to pick in the editor,
        # described in the page's language; a field per parameter rebinds it (/saved)
        saved = [{"name": q.name, "summary": q.described(lang)[0],
                  "text": bound_text(q, {p.name: p.example for p in q.parameters}),
                  "parameters": [{"name": p.name, "hint": hint, "example": p.example}
                                 for p, hint in zip(q.parameters, q.described(lang)[1])]}
                 for q in queries.values()]
        return html("sparql.html", lang, example=query or prefix_declarations() + EXAMPLE, result=result, error=error,
                    saved=saved, yasgui=(YASGUI_DIR / "yasgui.min.js").is_file(), query_given=bool(query),
                    chosen=next((q for q in saved if q["name"] == query), None), values=values, page_rows=PAGE_ROWS,
                    examples=script_json({q["name"]: q for q in saved}))

    def saved_text(self, name: str, bindings: Mapping[str, str]) -> tuple[str, bytes]:
        """A saved query's text with its parameters bound (the query page's
        parameter fields), as ``kg query NAME --bind`` binds them."""
        query = saved_queries().get(name)
        if query is None:
            raise Refused(HTTPStatus.NOT_FOUND, f"no saved query {name!r}")
        try:
            text = bound_text(query, bindings)
        except QueryError as exc:
            raise Refused(HTTPStatus.BAD_REQUEST, str(exc)) from exc
        return "text/plain; charset=utf-8", text.encode("utf-8")

    def glossary(self, lang: str = "zh") -> tuple[str, bytes]:
        return html("glossary.html", lang, terms=glossary_rows() + list(read_tsv("glossary.tsv")))

    # --- resources -----------------------------------------------------------
    def resource(self, iri: str, accepted: Sequence[str], lang: str = "zh") -> tuple[str, bytes]:
        from kg.views.pages import resource_page

        try:
            describe = with_resource(DESCRIBE, iri)
        except QueryError as exc:
            raise Refused(HTTPStatus.BAD_REQUEST, str(exc)) from exc
        wanted = next((m for m in accepted if m in GRAPH_FORMATS or m == HTML), HTML)
        if wanted in GRAPH_FORMATS:
            triples = list(self.store.select(describe, PREFIXES))
            if not triples:
                raise Refused(HTTPStatus.NOT_FOUND, f"nothing is known about {iri}")
            return wanted, ox.serialize(sorted(triples, key=str), format=GRAPH_FORMATS[wanted],
                                        prefixes=PREFIXES) or b""
        page = resource_page(self.store, iri, lang, self.corpus)
        if page is None:
            raise Refused(HTTPStatus.NOT_FOUND, f"nothing is known about {iri}")
        # a network view exists for the nodes the resource network holds
        # (documents, agencies, areas, measures, models, programmes), not for
        # every concept of a scheme
        return html("resource.html", lang, page=page, here=local_path(iri), in_network=iri in self._networks[0])

    def index(self, lang: str = "zh") -> tuple[str, bytes]:
        rows = run_query(self.store, DOCUMENTS.replace("$lang", f'"{lang}"')).rows
        entries = [({"iri": str(d), "number": _s(n), "title": _s(t), "level": _s(lv), "area": _s(a),
                     "date": _s(own or published), "published_only": own is None and published is not None,
                     "stub": str(stub) == "true", "key": search_key(f"{_s(n)}|{_s(t)}|{_s(a)}")},
                    str(proposal) == "true")
                   for d, n, t, lv, a, stub, proposal, _, own, published in rows]
        documents = [e for e, answered in entries if not answered]
        # the proposals replies answer are listed apart: the documents count is the build's
        return html("index.html", lang, source=self.store.source, triples=len(self.store), documents=documents,
                    proposals=[e for e, answered in entries if answered],
                    levels=sorted({d["level"] for d in documents if d["level"]}, key=[d["level"] for d in documents].index),
                    folding_json=script_json(folding_spec()))

    @cached_property
    def _documents(self):
        from kg.network.documents import to_networkx
        return to_networkx(self.store)

    @cached_property
    def _networks(self):
        """The resource network the views of one node are chosen from (their
        sentences are fetched for what each view draws)."""
        from kg.network.resources import to_resource_network
        return to_resource_network(self.store, self._documents, evidence=False), self._documents

    @cached_property
    def _overview_page(self) -> bytes:
        """The overview, rendered once: the graph does not change while served."""
        from kg.views import overview

        network = overview.store_overview_network(self.store, self._documents)
        return overview.render(network, self._documents).encode("utf-8")

    def coverage(self, ref: str, depth: int, lang: str = "zh") -> tuple[str, bytes]:
        """The coverage page of a document (kg coverage --html), served."""
        from kg.network.trace import UnknownReference, coverage, find_node
        from kg.views.coverage_page import coverage_page

        try:
            node = self._documents.nodes[find_node(self._documents, ref)]
            rows = coverage(self._documents, ref, depth)
        except UnknownReference as exc:
            raise Refused(HTTPStatus.NOT_FOUND, str(exc)) from exc
        except ValueError as exc:       # a document with no area has no areas below it
            raise Refused(HTTPStatus.BAD_REQUEST, str(exc)) from exc
        label = " ".join(x for x in (node.get("number"), f"《{node['title']}》" if node.get("title") else None) if x)
        return "text/html; charset=utf-8", coverage_page(label or ref, node.get("date"), rows, lang).encode("utf-8")

    def network_view(self, focus: Optional[str], depth: int, lang: str = "zh") -> tuple[str, bytes]:
        """A node's neighbourhood, or without ``focus`` the overview."""
        from kg.network.trace import UnknownReference
        from kg.views.viz import add_view_evidence, render, select_view

        if focus is None:
            return "text/html; charset=utf-8", self._overview_page
        net, documents = self._networks      # one request at a time per worker process
        try:
            view = select_view(net, documents, focus=focus, depth=depth)
        except UnknownReference as exc:
            raise Refused(HTTPStatus.NOT_FOUND, str(exc)) from exc
        add_view_evidence(self.store, view)
        return "text/html; charset=utf-8", render(view, lang).encode("utf-8")


def _s(term) -> str:
    return "" if term is None else str(term)


# Only percent-escapes of non-ASCII (UTF-8) bytes are decoded in a path: an
# IRI's own escapes (%3A in named%3A…) stay as they are.
_HIGH_ESCAPES = re.compile(r"(?:%[89A-Fa-f][0-9A-Fa-f])+")
_SPAN_FRAGMENT = re.compile(r"%23char=(?=\d+,\d+$)")


def local_path(iri: str) -> str:
    """The server path of an IRI: /id/... for ours, /resource?iri=... else."""
    if iri.startswith(str(ID)):
        return "/id/" + quote(iri[len(str(ID)):], safe="/%:@-._~!$&'()*+,;=")
    return "/resource?iri=" + quote(iri, safe="")


def with_query(path: str, name: str, value: str) -> str:
    """A site path with one more query parameter (/resource?iri=…&lang=en,
    /id/…?lang=en): never a second ?."""
    return f"{path}{'&' if '?' in path else '?'}{name}={quote(value, safe='')}"


def with_lang(path: str, lang: str) -> str:
    return with_query(path, "lang", lang)


def iri_of_path(path: str) -> str:
    """The IRI of a /id/ path: escaped letters and digits of any script are
    the IRI's own characters (kg.keys.segment keeps them raw); any other
    escaped character (“ in programme/%E2%80%9C黑名单…) stays escaped, as the
    IRI has it. Escapes of bytes that are not UTF-8 (%E4%B8 cut short,
    %C0%80, %FF) name no IRI: Refused, 400."""
    def decode(m: re.Match) -> str:
        try:
            text = unquote(m.group(), errors="strict")
        except UnicodeDecodeError:
            raise Refused(HTTPStatus.BAD_REQUEST, f"not an IRI: {path!r} escapes bytes that are not UTF-8") from None
        return "".join(c if c.isalnum() else quote(c, safe="") for c in text)
    # a span of a text: <text/FILE#char=s,e> travels as …%23char=s,e
    return str(ID) + _HIGH_ESCAPES.sub(decode, _SPAN_FRAGMENT.sub("#char=", path[len("/id/"):]))
