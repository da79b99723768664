"""Every resource of a built graph and the links between them, as networkx:
the network that ``kg viz`` draws and ``kg export`` writes.

Nodes carry ``kind`` (document, proposal, agency, area, service_model,
programme, measure), a short ``label``, a ``name`` (full title or name) and,
where known, ``level`` and ``area``. Edges of a ``MultiDiGraph`` are keyed by
``relation`` (the local name of the graph's property: cites, applies,
passed_by, responsibleAgency ...) and carry the evidence sentences of the
assertions behind them.

The network is made from its triples (``NetworkFacts``): a store's, or
those the build gathers graph by graph while writing, so that the build's
overview needs no store at all.
"""
from __future__ import annotations

from typing import Iterable, Iterator, Optional

import networkx as nx

from kg.network.documents import document_name, to_networkx
from kg.relations import Relation, terms as relation_terms
from kg.store.query import iter_values, select_values
from kg.store.database import GraphStore
from kg.rdf.vocab import PREFIXES
from rdflib import RDF

KINDS = ("document", "proposal", "agency", "area", "service_model", "programme", "measure")

# The links between resources other than document -> document (those come
# from the document network, with the most specific relation per pair).
LINK_PREDICATES = ("cito:repliesTo", "eli:passed_by", "pol:addressee", "pol:copyTo", "pol:mentionsAgency",
                   "eli:jurisdiction", "pol:jurisdiction", "org:subOrganizationOf", "pol:hasMeasure",
                   "pol:responsibleAgency", "pol:mentionsServiceModel", "pol:mentionsProgramme", "skos:broader")


def _iri(name: str) -> str:
    prefix, local = name.split(":")
    return PREFIXES[prefix] + local


# The network is made of these triples alone (evidence aside): labels,
# schemes, levels, the links above and the types below, a fraction of a
# graph. Plain strings: an rdflib term hashes and compares in Python code.
_LINKS = frozenset(map(_iri, LINK_PREDICATES))
_TYPE, _PREF, _ALT, _SCHEME, _LEVEL = (str(RDF.type), *map(_iri, (
    "skos:prefLabel", "skos:altLabel", "skos:inScheme", "pol:level")))
NETWORK_PREDICATES = _LINKS | {_PREF, _ALT, _SCHEME, _LEVEL}
_ORGANIZATION, _PROGRAMME, _MEASURE, _PROPOSAL, _AREAS, _SERVICE_MODELS = map(_iri, (
    "org:Organization", "pol:Programme", "pol:Measure", "pol:Proposal", "pol:AdminDivisionScheme",
    "pol:ServiceModelScheme"))
NETWORK_TYPES = frozenset((_ORGANIZATION, _PROGRAMME, _MEASURE, _PROPOSAL))

# (subject, predicate, object as IRI or lexical form, language tag or None)
Row = tuple[str, str, str, Optional[str]]

NETWORK_ROWS = """
SELECT DISTINCT ?s ?p ?o ?lang WHERE {
  { VALUES ?p { $predicates } ?s ?p ?o } UNION { VALUES ?o { $types } ?s a ?o BIND(rdf:type AS ?p) }
  BIND(lang(?o) AS ?lang)
}"""


def network_rows(triples: Iterable[tuple]) -> list[Row]:
    """The triples of a graph (rdflib terms) that the network is made of, as plain rows."""
    plain = str.__str__        # the term's text: compared in C, not by rdflib's Python __eq__
    rows = []
    for s, p, o in triples:
        predicate = plain(p)
        if predicate in NETWORK_PREDICATES or (predicate == _TYPE and plain(o) in NETWORK_TYPES):
            rows.append((plain(s), predicate, plain(o), getattr(o, "language", None) or None))
    return rows


def row_order(row: Row) -> tuple[str, str, str, str]:
    """Rows sorted by their terms (no language first): the same order from any source."""
    return row[0], row[1], row[2], row[3] or ""


class NetworkFacts:
    """The network's triples, gathered a graph at a time as the build writes
    them (``add``) or read from a store at once (``from_store``), each string
    kept once: a build of 10,000 documents has 2.5 million of them (an
    in-memory Oxigraph store of them took 620 MB and 9 s to load, and SPARQL
    over it most of the overview's time).

    ``links`` are (subject, object, relation), sorted and unique once
    ``finish`` ran; ``rows`` the labels, types, schemes and levels."""

    def __init__(self) -> None:
        self._strings: dict[str, str] = {}
        self._relations: dict[str, str] = {}
        self.rows: list[Row] = []
        self.links: list[tuple[str, str, str]] = []
        self._finished = False

    @classmethod
    def from_store(cls, store: GraphStore) -> "NetworkFacts":
        predicates = " ".join(f"<{p}>" for p in sorted(NETWORK_PREDICATES))
        types = " ".join(f"<{t}>" for t in sorted(NETWORK_TYPES))
        facts = cls()
        facts.add(iter_values(store, NETWORK_ROWS.replace("$predicates", predicates).replace("$types", types)))  # type: ignore[arg-type]  # rows of a query whose first three columns are always bound
        return facts.finish()

    def add(self, rows: Iterable[Row]) -> None:
        keep = self._strings.setdefault
        for s, p, o, lang in rows:
            if p in _LINKS:
                relation = self._relations.get(p) or self._relations.setdefault(p, local_name(p))
                self.links.append((keep(s, s), keep(o, o), relation))
            else:
                self.rows.append((keep(s, s), keep(p, p), keep(o, o), lang or None))
        self._finished = False

    def finish(self) -> "NetworkFacts":
        """Sort the links and drop the repeated ones (a link stated in several graphs)."""
        if not self._finished:
            self.links = _unique_sorted(self.links)
            self.rows = _unique_sorted(self.rows, key=row_order)
            self._strings.clear()
            self._finished = True
        return self


def _unique_sorted(items: list, key=None) -> list:
    items.sort(key=key)
    out = items[:1]
    for item in items:
        if item != out[-1]:
            out.append(item)
    return out


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
ASSERTED = {relation_terms()[Relation.REPLIES_TO].local_name: relation_terms()[Relation.REPLIES_TO].predicate,
            "passed_by": "eli:passed_by", "addressee": "pol:addressee",
            "copyTo": "pol:copyTo", "mentionsAgency": "pol:mentionsAgency",
            "responsibleAgency": "pol:responsibleAgency", "mentionsServiceModel": "dcterms:subject",
            "mentionsProgramme": "pol:mentionsProgramme"}
_EDGE_KEY = {_iri(name): key for key, name in ASSERTED.items()}
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
    facts = NetworkFacts.from_store(store)
    documents = documents if documents is not None else to_networkx(store)
    net = resource_nodes(facts, documents, kinds)
    for s, o, relation in resource_links(facts, net):
        net.add_edge(s, o, key=relation, relation=relation, basis=None, rule=None, sentences=[], evidence=0)
    if evidence:
        add_evidence(store, net)
    return net


class _Named:
    """The network's triples indexed for naming its resources: labels (the
    least of each, and per language), the members of each class or scheme
    (in order, once), levels, short names, and the holders of areas and
    measures. Rows are sorted and unique: a node's first label is its least."""

    def __init__(self, facts: NetworkFacts):
        self.label: dict[str, str] = {}
        self.label_in: dict[tuple[str, str], str] = {}
        self.members_of: dict[str, list[str]] = {}          # class or scheme -> nodes
        self.levels: dict[str, list[str]] = {}
        self.short_names: dict[str, list[str]] = {}
        for s, p, o, lang in facts.rows:
            if p == _PREF:
                self.label.setdefault(s, o)
                if lang:
                    self.label_in.setdefault((s, lang), o)
            elif p == _TYPE or p == _SCHEME:
                self.members_of.setdefault(o, []).append(s)
            elif p == _LEVEL:
                self.levels.setdefault(s, []).append(o)
            elif p == _ALT:
                self.short_names.setdefault(s, []).append(o)
        # a document's area (eli:jurisdiction) and an agency's (pol:jurisdiction)
        # are both "jurisdiction": which is meant follows from the subject
        self.jurisdiction: dict[str, list[str]] = {}
        self.documents_of_measure: dict[str, list[str]] = {}
        for s, o, relation in facts.links:
            if relation == "jurisdiction":
                self.jurisdiction.setdefault(s, []).append(o)
            elif relation == "hasMeasure":
                self.documents_of_measure.setdefault(o, []).append(s)

    def level_of(self, holders: Iterable[str]) -> Optional[str]:
        return min((x for h in holders for lv in self.levels.get(h, ()) if (x := self.label_in.get((lv, "en")))),
                   default=None)

    def area_of(self, holders: Iterable[str]) -> Optional[str]:
        return min((x for h in holders for a in self.jurisdiction.get(h, ()) if (x := self.label.get(a))),
                   default=None)

    def members(self, kind: str) -> Iterator[tuple[str, str, Optional[str], Optional[str]]]:
        """(node, name, level, area) of one kind, as the node list of the
        views has them: a service model by its Chinese label, the others by
        their least; a node without that label is left out."""
        for n in self.members_of.get(_KIND_CLASSES[kind], ()):
            name = self.label_in.get((n, "zh")) if kind == "service_model" else self.label.get(n)
            if name is not None:
                yield (n, name, *self._place(kind, n))

    def _place(self, kind: str, n: str) -> tuple[Optional[str], Optional[str]]:
        """A node's level and area: an agency's own, an area's (its name), a
        measure's those of its document; none for the others."""
        if kind == "agency":
            return self.level_of((n,)), self.area_of((n,))
        if kind == "area":
            return self.level_of((n,)), self.label[n]
        if kind == "measure":
            holders = self.documents_of_measure.get(n, ())
            return self.level_of(holders), self.area_of(holders)
        return None, None


# The class or scheme whose members are the resources of each kind, in the
# order the nodes are added (the first kind of a node wins).
_KIND_CLASSES = {"agency": _ORGANIZATION, "area": _AREAS, "service_model": _SERVICE_MODELS,
                 "programme": _PROGRAMME, "measure": _MEASURE}


def resource_nodes(facts: NetworkFacts, documents: nx.DiGraph, kinds: Iterable[str] = KINDS) -> nx.MultiDiGraph:
    """The resources of the given kinds (documents always) and the links
    between documents (with their evidence), without the other links. Each
    node: kind, name (its label), short label, level and area (English
    label of its level; its area's name, a measure's those of its document)."""
    kinds = set(kinds) | {"document", "proposal"}
    facts.finish()
    named = _Named(facts)
    net = nx.MultiDiGraph()
    _add_documents(net, documents, set(named.members_of.get(_PROPOSAL, ())))
    for kind in _KIND_CLASSES:
        if kind in kinds:
            for iri, written, level, area in named.members(kind):
                if iri not in net:
                    net.add_node(iri, kind=kind, label=short_label(written or ""), name=written, level=level, area=area)
    if "agency" in kinds:
        organizations = set(named.members_of.get(_ORGANIZATION, ()))
        for iri, alt in named.short_names.items():
            if iri in net and iri in organizations:
                net.nodes[iri]["short_names"] = alt
    return net


def _add_documents(net: nx.MultiDiGraph, documents: nx.DiGraph, proposals: set[str]) -> None:
    """The documents and proposals, and the links between them."""
    for iri, data in documents.nodes(data=True):
        name = document_name(data)
        net.add_node(iri, kind="proposal" if iri in proposals else "document",
                     label=short_label(data.get("number") or name), name=name,
                     level=data.get("level"), area=data.get("area"),
                     **{k: data[k] for k in ("number", "date", "stub", "file", "rank") if data.get(k) is not None})
    for s, o, data in documents.edges(data=True):
        sentences = [data["sentence"]] if data.get("sentence") else []
        net.add_edge(s, o, key=data["relation"], relation=data["relation"], basis=data.get("basis"),
                     rule=data.get("rule"), sentences=sentences, evidence=len(sentences))


def resource_links(facts: NetworkFacts, nodes: nx.Graph) -> Iterator[tuple[str, str, str]]:
    """The links other than document -> document between ``nodes``, as
    (subject, object, relation), in that order."""
    facts.finish()
    return ((s, o, relation) for s, o, relation in facts.links if s in nodes and o in nodes)


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
    for link, (rules, said) in found.items():
        listed = sorted(said)
        # a link asserted by several rules names the first in order: the same in every store
        evidence[link] = dict(rule=min(rules), basis="stated" if listed else None,
                              sentences=listed[:MAX_SENTENCES], evidence=len(listed))
    return evidence


def add_evidence(store: GraphStore, net: nx.MultiDiGraph) -> None:
    """Fill in rule, basis and sentences of the links of ``net`` that are not
    document -> document links (those come with the document network)."""
    evidence = link_evidence(store, net.edges(keys=True))
    for s, o, k, data in net.edges(keys=True, data=True):
        if k in ASSERTED and (s, o, k) in evidence:
            data.update(evidence[(s, o, k)])


def restrict(net: nx.MultiDiGraph, kinds: Iterable[str]) -> nx.MultiDiGraph:
    """The subnetwork of the given kinds."""
    wanted = set(kinds)
    return net.subgraph(n for n, k in net.nodes(data="kind") if k in wanted).copy()
