"""The build stage: extractions and their resolution as an RDF dataset.

One named graph per corpus file holds what that file says (its document, the
documents it cites as far as it names them, its links and their evidence);
the reference graph holds the areas and agencies; the ontology graph holds
the ontology and its SKOS schemes. Terms follow the graph contract.
"""
from __future__ import annotations

import hashlib
from datetime import date
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from typing import Any, Callable, Iterable, Optional

from rdflib import Dataset, Literal, URIRef
from rdflib.term import Node


from kg.keys import digest
from kg.rdf import iri
from kg.lexicon.agencies import agency, organ_named_otherwise, organs, successions
from kg.lexicon.areas import gazetteer
from kg.models import (AgencyRef, AreaRef, Citation, DocRef, DocumentNode, Evidence, Extraction, InferredLink,
                       MeasureIndex, Resolution, Span)
from kg.rdf.ontology import materialise, ontology_graph, super_properties
from kg.lexicon.titles import title_key, type_by_concept
from kg.lexicon.versions import version_cited, versions, work_key
from kg.rdf.vocab import CITO, DCTERMS, ELI, OA, ORG, POL, PREFIXES, PROV, RDF, SDO, SKOS, XSD
from kg.relations import of_kind, terms as relation_terms

def _expand(curie: str) -> URIRef:
    prefix, local = curie.split(":", 1)
    return URIRef(PREFIXES[prefix] + local)


# each relation's predicate (kg/data/relations.tsv), and what the other end is told (ELI's inverse terms)
RELATIONS = {r: _expand(t.predicate) for r, t in relation_terms().items()}
INVERSE = {r: _expand(t.inverse) for r, t in relation_terms().items() if t.inverse}
LINK_PROPERTIES = frozenset(RELATIONS.values())
STATED_BASIS_RELATIONS = of_kind("carrying-out")    # links whose assertions say pol:linkBasis "stated"
STATED_BASIS = tuple(RELATIONS[r] for r in STATED_BASIS_RELATIONS)
PUBLIC_NAMESPACES = (str(POL), "http://data.europa.eu/eli/ontology#", "http://purl.org/spar/cito/",
                     str(DCTERMS))


# A named graph while it is written: a plain set of (s, p, o) rdflib terms.
# rdflib's Graph keeps three indexes per triple, which costs far more than a
# file's graph needs before it is serialised.
Triples = set[tuple[Node, Node, Node]]


def zh(text: str) -> Literal:
    return Literal(text, lang="zh")


# The terms every assertion and span repeats, looked up once: a
# DefinedNamespace attribute and a new rdflib Literal each cost microseconds,
# which the evidence multiplies by the millions on a large corpus.
_TYPE, _SUBJECT, _PREDICATE, _OBJECT = RDF.type, RDF.subject, RDF.predicate, RDF.object
_ASSERTION, _RULE, _TRIGGER, _LINK_BASIS = POL.Assertion, POL.rule, POL.trigger, POL.linkBasis
_DERIVED_FROM, _TITLE = PROV.wasDerivedFrom, DCTERMS.title
_HAS_SOURCE, _START, _END, _EXACT = OA.hasSource, OA.start, OA.end, OA.exact


def decimal(value) -> Literal:
    """An xsd:decimal in its canonical form (``310000000``, ``3.5``): the
    form a store gives back, so that the file, the store and a push agree."""
    text = format(Decimal(str(value)).normalize(), "f")
    return Literal(text, datatype=XSD.decimal)


@lru_cache(maxsize=4096)
def _plain(text: str) -> Literal:
    return Literal(text)


@lru_cache(maxsize=1 << 16)
def _integer(value: int) -> Literal:
    return Literal(value)


class _GraphWriter:
    """Writes into one named graph, with evidence for asserted triples."""

    def __init__(self, graph: Triples, extraction: Extraction, doc_iri: URIRef, title_sources: dict):
        self.g = graph
        self.x = extraction
        self.doc_iri = doc_iri
        self.path = extraction.document.relative_path
        self.title_sources = title_sources   # document IRI -> where its title was read
        self.spans: set[URIRef] = set()      # the spans already described in this graph

    def add(self, s, p, o, evidence: Optional[Evidence] = None, trigger: Optional[str] = None,
            link_rule: Optional[str] = None, assert_only: bool = False) -> None:
        """Add a triple; with evidence, also an assertion for it and for each
        public super-property (eli:cites for eli:applies). The specific
        property's assertion names ``link_rule`` where one typed the link.
        ``assert_only``: the triple itself is written elsewhere (a stub's title
        lives in the stubs graph; this file holds the evidence for it)."""
        if not assert_only:
            self.g.add((s, p, o))
        if evidence is None:
            return
        span = self.span(evidence.sentence.start, evidence.sentence.end)
        if p == _TITLE:
            self.title_sources.setdefault(s, span)
        add = self.g.add
        for predicate in asserted_predicates(p):
            rule = link_rule if (link_rule and predicate == p) else evidence.rule
            a = iri.assertion(self.path, s, predicate, o, rule, evidence.span.start, evidence.span.end)
            add((a, _TYPE, _ASSERTION))
            add((a, _SUBJECT, s))
            add((a, _PREDICATE, predicate))
            add((a, _OBJECT, o))
            add((a, _RULE, _plain(rule)))
            add((a, _DERIVED_FROM, span))
            if trigger and predicate == p:
                add((a, _TRIGGER, zh(trigger)))
            if predicate in STATED_BASIS:
                add((a, _LINK_BASIS, _plain("stated")))

    def span(self, start: int, end: int) -> URIRef:
        """The sentence (list item, heading, table row) holding the evidence,
        described once however many assertions point to it (evidence
        version 2 of the graph contract)."""
        span = iri.span(self.path, start, end)
        if span not in self.spans:
            self.spans.add(span)
            self.g.add((span, _HAS_SOURCE, self.doc_iri))
            self.g.add((span, _START, _integer(start)))
            self.g.add((span, _END, _integer(end)))
            self.g.add((span, _EXACT, Literal(self.x.document.text[start:end])))
        return span


@lru_cache(maxsize=None)
def asserted_predicates(p: URIRef) -> tuple[URIRef, ...]:
    """The predicates a fact is asserted under. A link between documents:
    its own and each public super-property (eli:applies and eli:cites), as
    readers ask for either. Another fact: once, under the contract's
    external term where its pol: term refines one (dcterms:subject for
    pol:mentionsServiceModel), else its own and its pol: super-properties."""
    supers = sorted(q for q in super_properties().get(p, ()) if str(q).startswith(PUBLIC_NAMESPACES))
    if p in LINK_PROPERTIES:
        return (p, *supers)
    external = tuple(q for q in supers if not str(q).startswith(str(POL)))
    return external or (p, *supers)


def agency_iri(agency: AgencyRef) -> URIRef:
    return iri.agency(agency.area.code, agency.key)


def _describe_document(g: Triples, node: DocumentNode) -> None:
    """A document's resolved description: its own file's graph holds it for a
    corpus document, the stubs graph for a cited one."""
    d = iri.document(node.key)
    cls = POL[type_by_concept(node.type_concept).cls] if node.type_concept else POL.Document
    g.add((d, RDF.type, cls))
    g.add((d, POL.isStub, Literal(node.is_stub)))
    if node.number:
        g.add((d, ELI.id_local, Literal(node.number)))
    if node.title:
        g.add((d, DCTERMS.title, zh(node.title)))
    for alt in node.alternative_titles:
        g.add((d, DCTERMS.alternative, zh(alt)))
    if node.type_concept:
        g.add((d, ELI.type_document, iri.document_type(node.type_concept)))
    for agency in node.issuers:
        g.add((d, ELI.passed_by, agency_iri(agency)))
    if node.area:
        g.add((d, ELI.jurisdiction, iri.area(node.area.code)))
        g.add((d, POL.level, iri.level(node.area.level)))


def _assert_mention(w: "_GraphWriter", node: DocumentNode, ref, evidence: Evidence) -> None:
    """Evidence, in the citing file, for the number and title a mention gives
    a stub (when they are the ones the stub carries)."""
    if ref.number and ref.number == node.number:
        w.add(iri.document(node.key), ELI.id_local, Literal(node.number), evidence, assert_only=True)
    if node.title and ref.title == node.title:
        w.add(iri.document(node.key), DCTERMS.title, zh(node.title), evidence, assert_only=True)


@dataclass
class Contributions:
    """What files contribute to the shared graphs: the agencies and areas
    they name, where each title was first read, the written forms of
    agencies and programmes. Merged in file order."""
    agencies: set = field(default_factory=set)
    areas: set = field(default_factory=set)
    title_sources: dict = field(default_factory=dict)
    alt_labels: dict = field(default_factory=dict)
    programmes: dict = field(default_factory=dict)

    def digest(self) -> str:
        """A digest of the agencies, areas and written forms (the same
        whatever the order they were gathered in). Not of ``title_sources``:
        offsets that move with any edit above them, and which the merge
        takes from the first file anyway."""
        content = (sorted(map(repr, self.agencies)), sorted(self.areas),
                   sorted((node, sorted(labels)) for node, labels in self.alt_labels.items()),
                   sorted((node, name, sorted(written)) for node, (name, written) in self.programmes.items()))
        return hashlib.sha256(repr(content).encode("utf-8")).hexdigest()

    def merge(self, other: "Contributions") -> None:
        self.agencies |= other.agencies
        self.areas |= other.areas
        for node, source in other.title_sources.items():
            self.title_sources.setdefault(node, source)
        for node, labels in other.alt_labels.items():
            self.alt_labels.setdefault(node, set()).update(labels)
        for node, (name, written) in other.programmes.items():
            self.programmes.setdefault(node, (name, set()))[1].update(written)


@dataclass(frozen=True)
class FileNodes:
    """The nodes one file's graph is written from: its own document's and
    those its citations' mentions resolved to, in the order of its
    citations. With the extraction, all that ``source_part`` reads."""
    own: DocumentNode
    mentioned: dict[DocRef, DocumentNode]

    def node(self, ref: DocRef) -> DocumentNode:
        return self.mentioned[ref]


def file_nodes(x: Extraction, resolution: Resolution) -> FileNodes:
    mentioned = {}
    for c in x.citations:
        for ref in (c.target, c.source):
            if ref is not None:
                mentioned[ref] = resolution.node(ref)
    return FileNodes(resolution.of_extraction(x), mentioned)


@dataclass
class SourcePart:
    """One corpus file's named graph and its contributions: a pure function
    of the file's extraction and its ``FileNodes``, so it can be cached."""
    graph_iri: URIRef
    graph: Triples
    contributions: Contributions = field(default_factory=Contributions)


def source_part(x: Extraction, nodes: FileNodes) -> SourcePart:
    """The named graph of one corpus file."""
    part = SourcePart(iri.source_graph(x.document.relative_path), set())
    c = part.contributions
    node = nodes.own
    w = _GraphWriter(part.graph, x, iri.document(node.key), c.title_sources)
    _describe_document(part.graph, node)
    part.graph.add((w.doc_iri, POL.sourceFile, Literal(x.document.relative_path)))
    c.agencies.update(node.issuers)
    if node.area:
        c.areas.add(node.area.code)
    _write_facts(w, x, nodes.own)
    _write_citations(w, x, nodes)
    _write_measures(w, x, node, c.agencies, c.alt_labels)
    _write_themes(w, x, node, c.programmes)
    _write_agency_mentions(w, x, c)
    if x.proposal is not None:
        _write_proposal(w, x, c)
    materialise(part.graph)
    return part


# A fact about the document itself: its property and how its value is written.
FACT_PROPERTIES: dict[str, tuple[URIRef, Callable[[Any], Node]]] = {
    "number": (ELI.id_local, Literal),
    "title": (DCTERMS.title, zh),
    "date": (ELI.date_document, lambda v: Literal(v, datatype=XSD.date)),
    "publication_date": (ELI.date_publication, lambda v: Literal(v, datatype=XSD.date)),
    "issuer": (ELI.passed_by, agency_iri),
    # when it is in force (kg.extract.validity)
    "entry_into_force": (ELI.first_date_entry_in_force, lambda v: Literal(v, datatype=XSD.date)),
    "expiry": (ELI.date_no_longer_in_force, lambda v: Literal(v, datatype=XSD.date)),
    "provisional": (POL.provisional, lambda v: Literal(bool(v))),
    # what the portal's metadata says of the page, as written
    "index_number": (POL.indexNumber, Literal),
    "subject_category": (POL.subjectCategory, zh),
    "validity": (POL.statedValidity, zh),
    "source": (POL.portalSource, zh),
}


# What a file tells of its own version where the corpus holds several texts of
# one document (a regulation of 2018 and as amended in 2024): written on the
# version, not the work, except by the latest text.
VERSION_FACTS: dict[str, URIRef] = {
    "date": ELI.version_date, "publication_date": ELI.date_publication,
    "entry_into_force": ELI.first_date_entry_in_force, "expiry": ELI.date_no_longer_in_force,
    "number": DCTERMS.identifier,
}


def _write_facts(w: "_GraphWriter", x: Extraction, own: DocumentNode) -> None:
    version = _earlier_version(w, x, own)
    unbound = 0
    for fact in x.facts:
        if fact.name == "version":
            _write_own_version(w, fact)
            continue
        if fact.name == "unbound_issuer":
            unbound += 1
            _write_unbound_issuer(w, fact, unbound)
            continue
        prop, value = FACT_PROPERTIES[fact.name]
        if version is not None and fact.name in VERSION_FACTS:
            w.add(version, VERSION_FACTS[fact.name], value(fact.value), fact.evidence)
        else:
            w.add(w.doc_iri, prop, value(fact.value), fact.evidence)


def _write_unbound_issuer(w: "_GraphWriter", fact, position: int) -> None:
    """An issuer the text names by organ but not by an area it can be bound to
    (区民政局, 普陀区民政局): a node of its own, labelled as written, with its
    organ's kind and level; no org:Organization, since its area is unknown."""
    loose = fact.value
    node = iri.part(w.doc_iri, "unbound-issuer", position)
    _describe_unbound(w.g, node, loose)
    w.add(w.doc_iri, POL.unboundIssuer, node, fact.evidence)


def _describe_unbound(g: Triples, node: URIRef, loose) -> None:
    g.add((node, RDF.type, POL.UnboundAgency))
    g.add((node, SKOS.prefLabel, zh(loose.text)))
    g.add((node, POL.nameBasis, _plain("short-form")))
    if loose.level:
        g.add((node, POL.level, iri.level(loose.level)))
    if loose.organ in organs():
        g.add((node, POL.agencyKind, Literal(organs()[loose.organ].kind)))


def _earlier_version(w: "_GraphWriter", x: Extraction, own: DocumentNode) -> Optional[URIRef]:
    """The version node of a file that holds an earlier text of its document
    than another corpus file (its date is not the node's latest), else None."""
    from kg.resolution.documents import best_date
    day = best_date(x)
    if not own.dated_versions or day is None or day == own.date:
        return None
    version = iri.version(w.doc_iri, day)
    w.g.add((version, RDF.type, POL.Version))
    w.g.add((version, ELI.realizes, w.doc_iri))
    w.g.add((w.doc_iri, ELI.is_realized_by, version))
    w.g.add((version, ELI.version_date, Literal(day, datatype=XSD.date)))
    w.g.add((version, DCTERMS.source, Literal(x.document.relative_path)))
    return version


def _write_own_version(w: "_GraphWriter", fact) -> None:
    """A version a regulation's own history line gives (2014年9月26日 …修订)."""
    version_date, event = fact.value
    ver = iri.version(w.doc_iri, version_date)
    w.g.add((ver, RDF.type, POL.Version))
    w.g.add((ver, POL.versionEvent, _plain(event)))
    w.add(ver, ELI.realizes, w.doc_iri, fact.evidence)
    w.add(w.doc_iri, ELI.is_realized_by, ver, fact.evidence)
    w.add(ver, ELI.version_date, Literal(version_date, datatype=XSD.date), fact.evidence)


def _write_citations(w: "_GraphWriter", x: Extraction, nodes: FileNodes) -> None:
    for c in x.citations:
        target = nodes.node(c.target)
        source = nodes.node(c.source) if c.source is not None else nodes.own
        for other, ref in ((target, c.target), (source, c.source)):
            if ref is not None and other.is_stub:
                _assert_mention(w, other, ref, c.evidence)
        if target.key == source.key:
            continue
        w.add(iri.document(source.key), RELATIONS[c.relation], iri.document(target.key), c.evidence, c.trigger,
              c.link_rule)
        if c.relation in INVERSE:
            w.add(iri.document(target.key), INVERSE[c.relation], iri.document(source.key), c.evidence, c.trigger,
                  c.link_rule)
        _write_version_cited(w, x, source, target, c)


def _write_version_cited(w: "_GraphWriter", x: Extraction, source: DocumentNode, target: DocumentNode,
                         c: Citation) -> None:
    """Which version of a law revised over time the citation reaches: the one
    its number names, else the one in force on the citing document's date
    (none for an undated document: it cites the work)."""
    work = work_key(target.title) if target.title else None
    if c.relation in ISSUING or not (work or target.versions):
        return
    published = next((f.value for f in x.facts if f.name == "publication_date"), None)
    on = x.date or (published if isinstance(published, date) else None)
    if work:
        version = version_cited(work, on, c.target.number)
        version_date = version.date if version else None
    else:       # a corpus regulation's own history: the latest version not after the citing date
        version_date = max((d for d, _ in target.versions if on and d <= on), default=None)
    if version_date is None:
        return
    rule = "link.version-by-number" if work and c.target.number else "link.version-in-force"
    w.add(iri.document(source.key), POL.citesVersion, iri.version(iri.document(target.key), version_date),
          Evidence(rule, c.evidence.span, c.evidence.sentence))


ISSUING = of_kind("issuing")


AGENCY_ROLES = {"mentions": POL.mentionsAgency, "addressee": POL.addressee, "copy_to": POL.copyTo}


def _write_agency_mentions(w: "_GraphWriter", x: Extraction, c: "Contributions") -> None:
    for mention in x.agencies:
        c.agencies.add(mention.agency)
        c.alt_labels.setdefault(agency_iri(mention.agency), set()).add(mention.written)
        if mention.role in AGENCY_ROLES:
            ev = Evidence(mention.rule, mention.span, x.document.sentence_of(mention.span))
            w.add(w.doc_iri, AGENCY_ROLES[mention.role], agency_iri(mention.agency), ev)


def _write_proposal(w: "_GraphWriter", x: Extraction, c: "Contributions") -> None:
    """The proposal a reply letter answers, and who proposed it."""
    p, g = x.proposal, w.g
    assert p is not None, "written for a reply letter only"
    prop = proposal_iri(x)
    g.add((prop, RDF.type, POL.Proposal))
    g.add((prop, POL.isStub, Literal(True)))
    g.add((prop, ELI.type_document, iri.document_type("proposal")))
    if p.number is not None:
        w.add(prop, POL.proposalNumber, Literal(p.number, datatype=XSD.integer), p.evidence)
    elif p.raw_number:
        w.add(prop, POL.proposalLabel, Literal(p.raw_number), p.evidence)
    if p.session:
        g.add((prop, POL.session, zh(p.session)))
    if p.title:
        g.add((prop, DCTERMS.title, zh(p.title)))
    if p.body:
        g.add((prop, POL.receivedBy, agency_iri(p.body)))
        c.agencies.add(p.body)
    area = proposal_area(x)
    if area is not None:
        g.add((prop, ELI.jurisdiction, iri.area(area.code)))
        g.add((prop, POL.level, iri.level(area.level)))
        c.areas.add(area.code)
    w.add(w.doc_iri, CITO.repliesTo, prop, p.evidence)
    for mention in x.agencies:
        if mention.role == "addressee":
            ev = Evidence("reply.proposer-addressee", mention.span, x.document.sentence_of(mention.span))
            w.add(prop, POL.proposer, agency_iri(mention.agency), ev)


def proposal_area(x: Extraction) -> Optional[AreaRef]:
    """The area of the session a proposal was made at: its body's, else the
    reply's — a reply answers its own area's session (the IRI is minted so)."""
    assert x.proposal is not None, "a reply letter's proposal"
    return x.proposal.body.area if x.proposal.body else x.area


def proposal_iri(x: Extraction) -> URIRef:
    """The node of the proposal a reply letter answers."""
    p = x.proposal
    assert p is not None, "a reply letter's proposal"
    area_code = p.body.area.code if p.body else (x.area.code if x.area else "CN")
    # one known by its title only is named by its title's key
    key = p.number if p.number is not None else (p.raw_number or f"t{digest(title_key(p.title or ''), length=8)}")
    return iri.proposal(area_code, p.session or "", key)


def _owner(measures: MeasureIndex, node: DocumentNode, span) -> URIRef:
    """The measure a span lies in, else the document."""
    measure = measures.first(span)
    return iri.measure(iri.document(node.key), measure.position, measure.kind) if measure else iri.document(node.key)


def _write_themes(w: _GraphWriter, x: Extraction, node: DocumentNode, programmes: dict) -> None:
    """Service models, programmes, targets and amounts: each on the document
    and on the measure it stands in, with the first mention as evidence."""
    doc = x.document
    seen = set()
    measures = MeasureIndex(x.measures)
    for mention in x.service_models:
        ev = Evidence("theme.service-model-label", mention.span, doc.sentence_of(mention.span))
        for owner in {iri.document(node.key), _owner(measures, node, mention.span)}:
            concept = iri.service_model(mention.concept)
            if (owner, concept) not in seen:
                seen.add((owner, concept))
                w.add(owner, POL.mentionsServiceModel, concept, ev)
    for programme in x.programmes:
        p = iri.programme(programme.name)
        programmes.setdefault(p, (programme.name, set()))[1].add(programme.written)
        ev = Evidence(programme.rule, programme.span, doc.sentence_of(programme.span))
        for owner in {iri.document(node.key), _owner(measures, node, programme.span)}:
            if (owner, p) not in seen:
                seen.add((owner, p))
                w.add(owner, POL.mentionsProgramme, p, ev)
    counters: dict = {}
    for t in x.targets:
        owner = _owner(measures, node, t.span)
        counters[(owner, "target")] = counters.get((owner, "target"), 0) + 1
        target = iri.part(owner, "target", counters[(owner, "target")])
        w.g.add((target, RDF.type, POL.Target))
        w.g.add((target, POL.indicator, zh(t.indicator)))
        w.g.add((target, SDO.value, decimal(t.value)))
        if t.unit:
            w.g.add((target, SDO.unitText, Literal(t.unit)))
        w.g.add((target, POL.comparison, zh(t.comparison)))
        ev = Evidence(t.rule, t.span, doc.sentence_of(t.span))
        if t.deadline:
            w.add(target, POL.deadline, Literal(t.deadline, datatype=XSD.date), ev)
        w.add(owner, POL.hasTarget, target, ev)
    for a in x.amounts:
        owner = _owner(measures, node, a.span)
        counters[(owner, "amount")] = counters.get((owner, "amount"), 0) + 1
        amount = iri.part(owner, "amount", counters[(owner, "amount")])
        w.g.add((amount, RDF.type, SDO.MonetaryAmount))
        w.g.add((amount, SDO.currency, Literal("CNY")))
        if a.value is not None:
            w.g.add((amount, SDO.value, decimal(a.value)))
        else:
            w.g.add((amount, SDO.minValue, decimal(a.low)))
            w.g.add((amount, SDO.maxValue, decimal(a.high)))
        w.g.add((amount, POL.rawText, Literal(a.raw)))
        if a.purpose:
            w.g.add((amount, POL.purpose, zh(a.purpose)))
        if a.per:
            w.g.add((amount, POL.per, zh(a.per)))
        w.add(owner, POL.mentionsAmount, amount, Evidence("money.amount", a.span, doc.sentence_of(a.span)))


def _write_measures(w: _GraphWriter, x: Extraction, node: DocumentNode, used_agencies: set,
                    alt_labels: dict) -> None:
    g = w.g
    doc = x.document
    for m in x.measures:
        measure = iri.measure(iri.document(node.key), m.position, m.kind)
        g.add((measure, RDF.type, MEASURE_KINDS[m.kind][0]))
        g.add((measure, SKOS.prefLabel, zh(m.heading)))
        g.add((measure, POL.position, Literal(m.position, datatype=XSD.integer)))
        if m.ordinal:
            g.add((measure, POL.ordinal, Literal(m.ordinal)))
        if m.section:
            g.add((measure, POL.section, zh(m.section)))
        link, rule = MEASURE_KINDS[m.kind][1:]
        heading = doc.sentence_of(Span(m.span.start, m.span.start + 1))    # the evidence: the sentence it opens with
        w.add(iri.document(node.key), link, measure, Evidence(rule, m.span, heading))
    kinds = {m.position: m.kind for m in x.measures}
    for position, mention in x.responsible:
        used_agencies.add(mention.agency)
        alt_labels.setdefault(agency_iri(mention.agency), set()).add(mention.written)
        ev = Evidence(mention.rule, mention.span, doc.sentence_of(mention.span))
        w.add(iri.measure(iri.document(node.key), position, kinds[position]), RESPONSIBILITY_ROLES[mention.role],
              agency_iri(mention.agency), ev)
    for i, (position, collective) in enumerate(x.collective, start=1):
        measure = iri.measure(iri.document(node.key), position, kinds[position])
        group = iri.part(measure, "collective", i)
        w.g.add((group, RDF.type, POL.CollectiveResponsibility))
        w.g.add((group, SKOS.prefLabel, zh(collective.text)))
        w.g.add((group, POL.level, iri.level(collective.level)))
        if node.area:
            w.g.add((group, POL.jurisdiction, iri.area(node.area.code)))
        ev = Evidence("agency.collective-responsibility", collective.span, doc.sentence_of(collective.span))
        w.add(measure, POL.collectiveResponsibility, group, ev)
    for i, (position, loose) in enumerate(x.unbound, start=1):
        # one node per mention: without an area, two 市民政局 are not known to be one
        measure = iri.measure(iri.document(node.key), position, kinds[position])
        agency_node = iri.part(measure, "unbound-agency", i)
        _describe_unbound(w.g, agency_node, loose)
        w.g.add((agency_node, POL.role, _plain(loose.role)))
        ev = Evidence("agency.unbound", loose.span, doc.sentence_of(loose.span))
        w.add(measure, POL.unboundAgency, agency_node, ev)


# A measure or a provision: its class, the document's link to it, the rule.
MEASURE_KINDS = {"measure": (POL.Measure, POL.hasMeasure, "structure.measure"),
                 "provision": (POL.Provision, POL.hasProvision, "structure.provision")}
# The role an agency has in a responsibility list, and its property.
RESPONSIBILITY_ROLES = {"responsible": POL.responsibleAgency, "lead": POL.leadAgency,
                        "support": POL.supportingAgency}


def _write_reference(g: Triples, agencies: Iterable[AgencyRef], area_codes: Iterable[str],
                     alt_labels: dict) -> None:
    gaz = gazetteer()
    codes = set(area_codes)
    todo, done = list(agencies), set()
    while todo:                      # an agency, its parent, its parent's parent …
        a = todo.pop()
        if a in done:
            continue
        done.add(a)
        if a.parent is not None:
            todo.append(a.parent)
    described = {agency_iri(a) for a in done}
    for a in sorted(done, key=lambda a: (a.area.code, a.key)):
        codes.add(a.area.code)
        node = agency_iri(a)
        g.add((node, RDF.type, ORG.Organization))
        label, basis = agency_label(a, alt_labels.get(node, ()))
        g.add((node, SKOS.prefLabel, zh(label)))
        g.add((node, POL.nameBasis, _plain(basis)))
        for alt in sorted(set(alt_labels.get(node, ())) | {a.name}):
            if alt != label:
                g.add((node, SKOS.altLabel, zh(alt)))
        g.add((node, POL.jurisdiction, iri.area(a.area.code)))
        g.add((node, POL.level, iri.level(a.area.level)))
        organ_key = a.key.removesuffix("-branch")
        if organ_key in organs():
            g.add((node, POL.agencyKind, Literal(organs()[organ_key].kind)))
        if a.parent is not None:
            g.add((node, ORG.subOrganizationOf, agency_iri(a.parent)))
        _write_successor(g, a, described)
    for code in sorted(codes):
        for ref in gaz.chain(code):
            _describe_area(g, ref)


def _write_successor(g: Triples, a: AgencyRef, described: set) -> None:
    """An organ a reform replaced (卫生和计划生育委员会, 2018) keeps its name in
    the documents of its time and names the organ that succeeded it in the same
    area, with the date (``organ_successions.tsv``); a successor the corpus
    names itself (东莞市卫生健康局) is described where it is, by that name."""
    succession = successions().get(a.key)
    if succession is None:
        return
    successor = agency(succession.successor, a.area)
    node, next_node = agency_iri(a), agency_iri(successor)
    g.add((node, POL.succeededBy, next_node))
    g.add((node, POL.successionDate, Literal(succession.date, datatype=XSD.date)))
    if next_node in described:
        return
    g.add((next_node, RDF.type, ORG.Organization))
    g.add((next_node, SKOS.prefLabel, zh(successor.name)))
    g.add((next_node, POL.nameBasis, _plain("table")))
    g.add((next_node, POL.jurisdiction, iri.area(successor.area.code)))
    g.add((next_node, POL.level, iri.level(successor.area.level)))


def agency_label(a: AgencyRef, written: Iterable[str]) -> tuple[str, str]:
    """An agency's name as the corpus writes it in full (天津市住房和城乡建设委员会,
    with its area's name before it), the most often written form winning;
    else the organ tables' name for its level. And which it is: ``written``
    or ``table``."""
    gaz = gazetteer()
    if a.area.level == "national":
        return a.name, "table"      # a ministry's name is the table's (国家医保局 is a short form)
    # the area's full name only: a short one (邹城, 青岛) leaves no clean organ part
    prefixes = sorted({gaz.qualified_name(a.area), a.area.name}, key=len, reverse=True)
    organ = organs().get(a.key.removesuffix("-branch"))
    shorts = (set(organ.short_names) - {n.replace("{area}", "") for n in organ.names.values()}) if organ else set()
    organ_parts: Counter[str] = Counter()
    for w in written:
        prefix = next((p for p in prefixes if w.startswith(p) and len(w) > len(p) + 1), None)
        # a short name after the area (江苏省政府) is no better than the table's full one
        if prefix is not None and w[len(prefix):] not in shorts:
            organ_parts[w[len(prefix):]] += 1
    if not organ_parts:
        return _named_after_level(a, written, prefixes)
    part = min(organ_parts, key=lambda p: (-organ_parts[p], p))
    return gaz.qualified_name(a.area) + part, "written"


LEVEL_PREFIXES = ("自治区", "省", "市", "区", "县", "州", "旗", "盟")


def _named_after_level(a: AgencyRef, written: Iterable[str], prefixes: list[str]) -> tuple[str, str]:
    """Where the corpus writes the organ only after its level word (县水务局,
    县教体局), the name that form says it goes by, if the table's does not fit
    it (水利局 is no 水务局); else the table's."""
    table = next((a.name[len(p):] for p in prefixes if a.name.startswith(p)), None)
    parts: Counter[tuple[str, str]] = Counter()
    for w in written:
        level = next((lv for lv in LEVEL_PREFIXES if w.startswith(lv)), None)
        named = organ_named_otherwise(w[len(level):], a.key.removesuffix("-branch"), table) if level and table else None
        if named:
            parts[named] += 1
    if not parts:
        return a.name, "table"
    part, basis = min(parts, key=lambda p: (-parts[p], p))
    return gazetteer().qualified_name(a.area) + part, basis


def _write_programmes(g: Triples, programmes: dict) -> None:
    for node, (name, written) in sorted(programmes.items()):
        g.add((node, RDF.type, POL.Programme))
        g.add((node, RDF.type, SKOS.Concept))
        g.add((node, SKOS.inScheme, POL.ProgrammeScheme))
        g.add((node, SKOS.prefLabel, zh(name)))
        for alt in sorted(written - {name}):
            g.add((node, SKOS.altLabel, zh(alt)))


def _describe_area(g: Triples, ref: AreaRef) -> None:
    node = iri.area(ref.code)
    g.add((node, RDF.type, SKOS.Concept))
    g.add((node, SKOS.inScheme, POL.AdminDivisionScheme))
    g.add((node, SKOS.prefLabel, zh(ref.name)))
    g.add((node, SKOS.notation, Literal(ref.code)))
    g.add((node, POL.level, iri.level(ref.level)))
    if ref.parent:
        g.add((node, SKOS.broader, iri.area(ref.parent)))
    else:
        g.add((node, SKOS.topConceptOf, POL.AdminDivisionScheme))


def _write_stubs(g: Triples, documents: tuple[DocumentNode, ...], used_agencies: set, used_areas: set) -> None:
    """Every cited document the corpus lacks, described once."""
    for node in documents:
        if node.is_stub:
            _describe_document(g, node)
            used_agencies.update(node.issuers)
            if node.area:
                used_areas.add(node.area.code)
    materialise(g)


def _write_versions(g: Triples, documents: tuple[DocumentNode, ...]) -> None:
    """The dated versions of every law or rule the table lists that the graph
    holds: each realizes the work (one node however often it was revised), with the
    order that published it, its date, when it came into force, and the
    table row's source."""
    for node in documents:
        work = work_key(node.title) if node.title else None
        for v in versions(work) if work else ():
            d, ver = iri.document(node.key), iri.version(iri.document(node.key), v.date)
            g.add((d, ELI.is_realized_by, ver))
            g.add((ver, RDF.type, POL.Version))
            g.add((ver, ELI.realizes, d))
            g.add((ver, DCTERMS.title, zh(v.work)))
            g.add((ver, DCTERMS.identifier, Literal(v.number)))   # not eli:id_local: that names documents
            g.add((ver, ELI.version_date, Literal(v.date, datatype=XSD.date)))
            g.add((ver, ELI.first_date_entry_in_force, Literal(v.in_force, datatype=XSD.date)))
            g.add((ver, POL.versionEvent, _plain(v.event)))
            g.add((ver, DCTERMS.source, zh(v.source)))
    materialise(g)


def _write_inferred(g: Triples, links: Iterable[InferredLink], title_sources: dict) -> None:
    """Inferred links, in their own graph; their evidence is the sentences
    where the two titles were read (spans described in those files' graphs)."""
    for link in links:
        predicate = RELATIONS[link.relation]
        g.add((iri.document(link.source.key), predicate, iri.document(link.target.key)))
        for p in [predicate] + sorted(super_properties().get(predicate, ())):
            a = iri.assertion("inferred", iri.document(link.source.key), p, iri.document(link.target.key), link.rule)
            g.add((a, RDF.type, POL.Assertion))
            g.add((a, RDF.subject, iri.document(link.source.key)))
            g.add((a, RDF.predicate, p))
            g.add((a, RDF.object, iri.document(link.target.key)))
            g.add((a, POL.rule, Literal(link.rule)))
            g.add((a, POL.linkBasis, Literal("inferred")))
            for node in (iri.document(link.source.key), iri.document(link.target.key)):
                if node in title_sources:
                    g.add((a, PROV.wasDerivedFrom, title_sources[node]))
    materialise(g)


def document_nodes(resolution: Resolution) -> tuple[DocumentNode, ...]:
    """Every document node, in key order: what the shared graphs read of
    them (stubs are described, laws get their versions)."""
    return tuple(sorted(resolution.documents.values(), key=lambda n: n.key))


def shared_graphs(state: Contributions, documents: tuple[DocumentNode, ...], inferred: Iterable[InferredLink]
                  ) -> list[tuple[URIRef, Triples]]:
    """The graphs after the files' own: stubs, inferred links, reference data
    (areas, agencies, programmes) and the ontology, in that order. Made from
    the files' contributions (``state``, which it extends with the stubs'
    agencies and areas), ``document_nodes`` and the inferred links."""
    stubs: Triples = set()
    links: Triples = set()
    reference: Triples = set()
    _write_stubs(stubs, documents, state.agencies, state.areas)
    _write_inferred(links, inferred, state.title_sources)
    _write_reference(reference, state.agencies, state.areas, state.alt_labels)
    _write_programmes(reference, state.programmes)
    _write_versions(reference, documents)
    return [(iri.STUBS_GRAPH, stubs), (iri.INFERRED_GRAPH, links), (iri.REFERENCE_GRAPH, reference),
            (iri.ONTOLOGY_GRAPH, set(ontology_graph()))]


def build_graph(extractions: Iterable[Extraction], resolution: Resolution,
                derived: Iterable[tuple[URIRef, Triples]] = ()) -> Dataset:
    """The dataset for a corpus, in memory: a graph per file, inferred links,
    reference data and the ontology, and ``derived`` graphs (the validity
    graph: ``kg.pipeline.build.graph_dataset`` passes it). (``kg build``
    streams the same graphs to disk one at a time instead.)"""
    ds = Dataset()
    for prefix, namespace in PREFIXES.items():
        ds.bind(prefix, namespace, replace=True)
    state = Contributions()
    for x in sorted(extractions, key=lambda x: x.document.relative_path):
        part = source_part(x, file_nodes(x, resolution))
        state.merge(part.contributions)
        _copy(ds, part.graph_iri, part.graph)
    for graph_iri, graph in [*shared_graphs(state, document_nodes(resolution), resolution.inferred), *derived]:
        _copy(ds, graph_iri, graph)
    return ds


def _copy(ds: Dataset, graph_iri: URIRef, graph: Triples) -> None:
    target = ds.graph(graph_iri)
    for triple in graph:
        target.add(triple)
