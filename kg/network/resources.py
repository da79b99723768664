"""Every resource of a built graph and the links between them, as networkx:
the network that ``kg viz`` draws and ``kg export`` writes.

Nodes carry ``kind`` (document, proposal, agency, area, service_model,
programme, measure), a short ``label``, a ``name`` (full title or name) and,
where known, ``level`` and ``area``. Edges of a ``MultiDiGraph`` are keyed by
``relation`` (the local name of the graph's property: cites, applies,
passed_by, responsibleAgency ...) and carry the evidence sentences of the
assertions behind them.
"""
from __future__ import annotations

from typing import Iterable, Iterator, Optional

import networkx as nx

from kg.network.documents import to_networkx
from kg.store.query import iter_values, select_values
from kg.store.database import GraphStore
from kg.rdf.vocab import PREFIXES
from rdflib import RDF, URIRef

KINDS = ("document", "proposal", "agency", "area", "service_model", "programme", "measure")

# One query per kind beyond documents: node, label (full name), level, area.
# (LATERAL: see network.ASSERTIONS.)
KIND_QUERIES = {
    "agency": """SELECT ?n ?name ?level ?area WHERE {
        ?n a org:Organization ; skos:prefLabel ?name .
        LATERAL { OPTIONAL { ?n pol:level/skos:prefLabel ?level FILTER(lang(?level) = "en") } }
        LATERAL { OPTIONAL { ?n pol:jurisdiction/skos:prefLabel ?area } } }""",
    "area": """SELECT ?n ?name ?level ?area WHERE {
        ?n skos:inScheme pol:AdminDivisionScheme ; skos:prefLabel ?name .
        LATERAL { OPTIONAL { ?n pol:level/skos:prefLabel ?level FILTER(lang(?level) = "en") } }
        BIND(?name AS ?area) }""",
    "service_model": """SELECT ?n ?name ?level ?area WHERE {
        ?n skos:inScheme pol:ServiceModelScheme ; skos:prefLabel ?name FILTER(lang(?name) = "zh") }""",
    "programme": """SELECT ?n ?name ?level ?area WHERE { ?n a pol:Programme ; skos:prefLabel ?name }""",
    "measure": """SELECT ?n ?name ?level ?area WHERE {
        ?n a pol:Measure ; skos:prefLabel ?name .
        LATERAL { OPTIONAL { ?d pol:hasMeasure ?n . ?d pol:level/skos:prefLabel ?level
                             FILTER(lang(?level) = "en") } }
        LATERAL { OPTIONAL { ?d2 pol:hasMeasure ?n . ?d2 eli:jurisdiction/skos:prefLabel ?area } } }""",
}
PROPOSALS = "SELECT ?n WHERE { ?n a pol:Proposal }"
# The short names an agency is written with (区民政局), for search.
AGENCY_SHORT_NAMES = "SELECT ?n ?alt WHERE { ?n a org:Organization ; skos:altLabel ?alt }"

# Links between resources other than document -> document (those come from
# network.to_networkx with the most specific relation per pair).
LINKS = """
SELECT DISTINCT ?s ?p ?o WHERE {
  VALUES ?p { $predicates }
  ?s ?p ?o .
}"""
# Which kinds of node (besides documents) each link can reach: a view that
# draws none of them does not fetch the link.
LINK_KINDS = {
    "cito:repliesTo": ("proposal",), "eli:passed_by": ("agency",), "pol:addressee": ("agency",),
    "pol:copyTo": ("agency",), "pol:mentionsAgency": ("agency",), "eli:jurisdiction": ("area",),
    "pol:jurisdiction": ("agency",), "org:subOrganizationOf": ("agency",), "pol:hasMeasure": ("measure",),
    "pol:responsibleAgency": ("measure",), "pol:mentionsServiceModel": ("service_model",),
    "pol:mentionsProgramme": ("programme",), "skos:broader": ("area", "service_model"),
}


def _iri(name: str) -> URIRef:
    prefix, local = name.split(":")
    return URIRef(PREFIXES[prefix] + local)


# Everything the queries above read (evidence aside): a store of only these
# triples answers them as the whole graph does, in a fraction of its size.
NETWORK_PREDICATES = frozenset(map(_iri, ("skos:prefLabel", "skos:altLabel", "skos:inScheme", "pol:level",
                                          *LINK_KINDS)))
NETWORK_TYPES = frozenset(map(_iri, ("org:Organization", "pol:Programme", "pol:Measure", "pol:Proposal")))


def network_triples(triples: Iterable[tuple]) -> list[tuple]:
    """The triples of a graph (rdflib terms) that the network queries read."""
    return [t for t in triples if t[1] in NETWORK_PREDICATES or (t[1] == RDF.type and t[2] in NETWORK_TYPES)]


# LATERAL: see network.ASSERTIONS.
EVIDENCE = """
SELECT ?s ?p ?o ?rule ?sentence WHERE {
  $values
  ?a rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; pol:rule ?rule .
  LATERAL { OPTIONAL { ?a prov:wasDerivedFrom ?x . ?x oa:exact ?sentence } }
}"""
# Links other than document -> document whose assertions carry evidence,
# and the predicate they are asserted under (a service model is asserted as
# the contract's dcterms:subject, not again as pol:mentionsServiceModel).
ASSERTED = {"repliesTo": "cito:repliesTo", "passed_by": "eli:passed_by", "addressee": "pol:addressee",
            "copyTo": "pol:copyTo", "mentionsAgency": "pol:mentionsAgency",
            "responsibleAgency": "pol:responsibleAgency", "mentionsServiceModel": "dcterms:subject",
            "mentionsProgramme": "pol:mentionsProgramme"}
_EDGE_KEY = {str(_iri(name)): key for key, name in ASSERTED.items()}
MAX_SENTENCES = 3


def checked_kinds(kinds: Optional[Iterable[str]]) -> tuple[str, ...]:
    """The kinds asked for (all when none), or ValueError naming the unknown ones."""
    kinds = tuple(kinds or KINDS)
    unknown = sorted(set(kinds) - set(KINDS))
    if unknown:
        raise ValueError(f"unknown kinds {', '.join(unknown)} (choose from {', '.join(KINDS)})")
    return kinds


def local_name(iri: str) -> str:
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def short_label(text: str, width: int = 14) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def to_resource_network(store: GraphStore, documents: Optional[nx.DiGraph] = None,
                        evidence: bool = True, kinds: Iterable[str] = KINDS) -> nx.MultiDiGraph:
    """The resources of ``store`` of the given kinds (documents always) and
    the links between them. ``documents`` is the document network when the
    caller already has it. ``evidence=False`` leaves the sentences of links
    other than document -> document to ``add_evidence`` (on a large graph,
    fetch them only for the links a view draws)."""
    net = resource_nodes(store, documents, kinds)
    for s, o, relation in resource_links(store, net, kinds):
        net.add_edge(s, o, key=relation, relation=relation, basis=None, rule=None, sentences=[], evidence=0)
    if evidence:
        add_evidence(store, net)
    return net


def resource_nodes(store: GraphStore, documents: Optional[nx.DiGraph] = None,
                   kinds: Iterable[str] = KINDS) -> nx.MultiDiGraph:
    """The resources of the given kinds (documents always) and the links
    between documents (with their evidence), without the other links."""
    kinds = set(kinds) | {"document", "proposal"}
    documents = documents if documents is not None else to_networkx(store)
    net = nx.MultiDiGraph()
    proposals = {row[0] for row in select_values(store, PROPOSALS)}
    for iri, data in documents.nodes(data=True):
        name = data.get("title") or data.get("number") or data.get("file") or local_name(iri)
        net.add_node(iri, kind="proposal" if iri in proposals else "document",
                     label=short_label(data.get("number") or name), name=name,
                     level=data.get("level"), area=data.get("area"),
                     **{k: data[k] for k in ("number", "date", "stub", "file", "rank") if data.get(k) is not None})
    for s, o, data in documents.edges(data=True):
        sentences = [data["sentence"]] if data.get("sentence") else []
        net.add_edge(s, o, key=data["relation"], relation=data["relation"], basis=data.get("basis"),
                     rule=data.get("rule"), sentences=sentences, evidence=len(sentences))
    for kind, query in KIND_QUERIES.items():
        if kind not in kinds:
            continue
        for iri, name, level, area in select_values(store, query):
            iri = str(iri)
            if iri not in net:
                net.add_node(iri, kind=kind, label=short_label(str(name)), name=str(name),
                             level=_s(level), area=_s(area))
    if "agency" in kinds:
        for iri, alt in sorted(select_values(store, AGENCY_SHORT_NAMES)):
            if iri in net:
                net.nodes[iri].setdefault("short_names", []).append(alt)
    return net


def resource_links(store: GraphStore, nodes: nx.Graph, kinds: Iterable[str] = KINDS) -> Iterator[tuple[str, str, str]]:
    """The links other than document -> document between ``nodes``, as
    (subject, object, relation). Rows come one at a time, and each end as
    the node's own string: millions of links hold no second copy of the
    IRIs (measured: 2 GB at 10,000 documents)."""
    kinds = set(kinds) | {"document", "proposal"}
    predicates = " ".join(p for p, reach in LINK_KINDS.items() if kinds & set(reach))
    node = {n: n for n in nodes}
    relations: dict[str, str] = {}
    for s, p, o in iter_values(store, LINKS.replace("$predicates", predicates)):
        s, o = node.get(s), node.get(o)
        if s is not None and o is not None:
            yield s, o, relations.get(p) or relations.setdefault(p, local_name(p))


def link_evidence(store: GraphStore, links: Iterable[tuple[str, str, str]]) -> dict[tuple[str, str, str], dict]:
    """Rule, basis and sentences of the asserted links among ``links``
    ((subject, object, relation), not document -> document: those come
    with the document network), by link."""
    drawn = {(s, k) for s, _, k in links if k in ASSERTED}
    if not drawn:
        return {}
    values = ("VALUES ?s { " + " ".join(sorted({f"<{s}>" for s, _ in drawn})) + " } "
              "VALUES ?p { " + " ".join(sorted({ASSERTED[k] for _, k in drawn})) + " }")
    found: dict[tuple[str, str, str], tuple[set[str], set[str]]] = {}
    for s, p, o, rule, sentence in select_values(store, EVIDENCE.replace("$values", values)):
        rules, sentences = found.setdefault((str(s), str(o), _EDGE_KEY[str(p)]), (set(), set()))
        rules.add(str(rule))
        if sentence is not None:
            sentences.add(str(sentence))
    evidence = {}
    for link, (rules, sentences) in found.items():
        sentences = sorted(sentences)
        # a link asserted by several rules names the first in order: the same in every store
        evidence[link] = dict(rule=min(rules), basis="stated" if sentences else None,
                              sentences=sentences[:MAX_SENTENCES], evidence=len(sentences))
    return evidence


def add_evidence(store: GraphStore, net: nx.MultiDiGraph) -> None:
    """Fill in rule, basis and sentences of the links of ``net`` that are not
    document -> document links (those come with the document network)."""
    evidence = link_evidence(store, net.edges(keys=True))
    for s, o, k, data in net.edges(keys=True, data=True):
        if k in ASSERTED and (s, o, k) in evidence:
            data.update(evidence[(s, o, k)])


def _s(term):
    return None if term is None else str(term)


def restrict(net: nx.MultiDiGraph, kinds: Iterable[str]) -> nx.MultiDiGraph:
    """The subnetwork of the given kinds."""
    wanted = set(kinds)
    return net.subgraph(n for n, k in net.nodes(data="kind") if k in wanted).copy()
