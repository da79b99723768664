"""Vocabulary terms: generated from ontology/policy.ttl by tools/generate_vocab.py.

Do not edit by hand; rerun the generator after changing the ontology.
"""
from typing import TYPE_CHECKING

from rdflib import Namespace, URIRef
from rdflib.namespace import DCTERMS, ORG, PROV, RDF, RDFS, SDO, SKOS, XSD, DefinedNamespace

__all__ = ['POL', 'ELI', 'OA', 'CITO', 'DTYPE', 'LEVEL', 'SMODEL', 'ID', 'DCTERMS', 'ORG', 'PROV',
           'RDF', 'RDFS', 'SDO', 'SKOS', 'XSD', 'PREFIXES']


class POL(DefinedNamespace):
    _NS = Namespace("https://w3id.org/policy-kg/ontology#")
    _fail = True
    AdminDivisionScheme: URIRef
    AdminLevelScheme: URIRef
    Announcement: URIRef
    Assertion: URIRef
    Circular: URIRef
    CollectiveResponsibility: URIRef
    Communique: URIRef
    Decision: URIRef
    Document: URIRef
    DocumentTypeScheme: URIRef
    ImplementationOpinion: URIRef
    Interpretation: URIRef
    Law: URIRef
    Letter: URIRef
    List: URIRef
    Measure: URIRef
    Measures: URIRef
    Minutes: URIRef
    Notice: URIRef
    Opinion: URIRef
    Plan: URIRef
    Programme: URIRef
    ProgrammeScheme: URIRef
    Proposal: URIRef
    Provision: URIRef
    Regulation: URIRef
    ReplyLetter: URIRef
    Report: URIRef
    Request: URIRef
    ServiceModelScheme: URIRef
    Standard: URIRef
    Target: URIRef
    UnboundAgency: URIRef
    Version: URIRef
    addressee: URIRef
    agencyKind: URIRef
    citesVersion: URIRef
    collectiveResponsibility: URIRef
    comparison: URIRef
    copyTo: URIRef
    deadline: URIRef
    forwards: URIRef
    hasMeasure: URIRef
    hasProvision: URIRef
    hasTarget: URIRef
    indexNumber: URIRef
    indicator: URIRef
    isStub: URIRef
    jurisdiction: URIRef
    leadAgency: URIRef
    level: URIRef
    linkBasis: URIRef
    mentionsAgency: URIRef
    mentionsAmount: URIRef
    mentionsProgramme: URIRef
    mentionsServiceModel: URIRef
    nameBasis: URIRef
    ordinal: URIRef
    per: URIRef
    portalSource: URIRef
    position: URIRef
    promulgates: URIRef
    proposalLabel: URIRef
    proposalNumber: URIRef
    proposer: URIRef
    provisional: URIRef
    purpose: URIRef
    rawText: URIRef
    receivedBy: URIRef
    responsibleAgency: URIRef
    role: URIRef
    rule: URIRef
    section: URIRef
    session: URIRef
    sourceFile: URIRef
    statedValidity: URIRef
    subjectCategory: URIRef
    succeededBy: URIRef
    successionDate: URIRef
    supportingAgency: URIRef
    trigger: URIRef
    unboundAgency: URIRef
    unboundIssuer: URIRef
    validityAsOf: URIRef
    validityBasis: URIRef
    versionEvent: URIRef


class ELI(DefinedNamespace):
    _NS = Namespace("http://data.europa.eu/eli/ontology#")
    _fail = True
    LegalResource: URIRef
    id_local: URIRef
    passed_by: URIRef
    jurisdiction: URIRef
    date_document: URIRef
    date_publication: URIRef
    type_document: URIRef
    cites: URIRef
    applies: URIRef
    based_on: URIRef
    first_date_entry_in_force: URIRef
    date_no_longer_in_force: URIRef
    version_date: URIRef
    LegalExpression: URIRef
    realizes: URIRef
    is_realized_by: URIRef
    repeals: URIRef
    repealed_by: URIRef
    amends: URIRef
    amended_by: URIRef
    in_force: URIRef
    _extras = ['InForce-inForce', 'InForce-notInForce']


class OA(DefinedNamespace):
    _NS = Namespace("http://www.w3.org/ns/oa#")
    _fail = True
    hasSource: URIRef
    exact: URIRef
    start: URIRef
    end: URIRef


class CITO(DefinedNamespace):
    _NS = Namespace("http://purl.org/spar/cito/")
    _fail = True
    repliesTo: URIRef


DTYPE = Namespace("https://w3id.org/policy-kg/ontology/document-type/")
LEVEL = Namespace("https://w3id.org/policy-kg/ontology/level/")
SMODEL = Namespace("https://w3id.org/policy-kg/ontology/service-model/")
ID = Namespace("https://w3id.org/policy-kg/id/")

# Prefixes bound in every graph the project writes (graph contract).
PREFIXES = {
    "pol": "https://w3id.org/policy-kg/ontology#",
    "id": str(ID),
    "eli": "http://data.europa.eu/eli/ontology#",
    "dcterms": str(DCTERMS),
    "org": str(ORG),
    "skos": str(SKOS),
    "prov": str(PROV),
    "oa": "http://www.w3.org/ns/oa#",
    "cito": "http://purl.org/spar/cito/",
    "schema": str(SDO),
    "dtype": str(DTYPE),
    "level": str(LEVEL),
    "smodel": str(SMODEL),
    "xsd": str(XSD),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
}


class _Terms:
    """A namespace whose declared terms are plain attributes. DefinedNamespace
    checks every attribute access (a function call each time), which costs
    seconds per build when assertions are written by the million."""

    def __init__(self, namespace):
        self._namespace = namespace
        for name in namespace.__annotations__:
            setattr(self, name, namespace[name])

    def __getattr__(self, name: str) -> URIRef:   # a term not declared: DefinedNamespace decides
        return getattr(self._namespace, name)

    def __getitem__(self, name: str) -> URIRef:
        return self._namespace[name]

    def __contains__(self, term) -> bool:
        return term in self._namespace

    def __str__(self) -> str:
        return str(self._namespace)


if not TYPE_CHECKING:     # the type checker reads the declared classes; the program uses plain attributes
    POL, ELI, OA, CITO = _Terms(POL), _Terms(ELI), _Terms(OA), _Terms(CITO)
    DCTERMS, ORG, PROV, RDF, RDFS, SDO, SKOS, XSD = (
        _Terms(DCTERMS), _Terms(ORG), _Terms(PROV), _Terms(RDF), _Terms(RDFS), _Terms(SDO), _Terms(SKOS),
        _Terms(XSD))
