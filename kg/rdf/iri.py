"""The one place that mints IRIs. Every IRI is a function of stable keys
(document numbers, area codes, organ keys, file paths, offsets), so the same
corpus always gives the same IRIs."""
from __future__ import annotations

from functools import lru_cache
from urllib.parse import quote

from rdflib import URIRef

from kg.keys import digest, segment as _segment
from kg.models import DocumentKey
from kg.rdf.vocab import DTYPE, ID, LEVEL, SMODEL


def document(key: DocumentKey) -> URIRef:
    """id:doc/国办发/2019/5, id:doc/t/<digest> (kg.keys)."""
    return ID[key]


def version(document_iri: URIRef, version_date) -> URIRef:
    """A dated version of a law or rule: <work>/version/2018-12-29 (ELI's
    point-in-time convention)."""
    return URIRef(f"{document_iri}/version/{version_date.isoformat()}")


def service_model(concept: str) -> URIRef:
    return SMODEL[concept]


def proposal(area_code: str, session: str, number: object) -> URIRef:
    return ID[f"proposal/{area_code}/{digest(session, length=8)}/{number}"]


def measure(document_iri: URIRef, position: int, kind: str = "measure") -> URIRef:
    """<document>/measure/3, or <document>/provision/12 for an article."""
    return URIRef(f"{document_iri}/{kind}/{position}")


def programme(name: str) -> URIRef:
    return ID[f"programme/{_segment(name)}"]


def part(owner: URIRef, kind: str, position: int) -> URIRef:
    """A target or amount of a measure or document: <owner>/target/2."""
    return URIRef(f"{owner}/{kind}/{position}")


@lru_cache(maxsize=1 << 14)
def agency(area_code: str, organ_key: str) -> URIRef:
    return ID[f"agency/{area_code}/{_segment(organ_key)}"]


def area(code: str) -> URIRef:
    return ID[f"area/{code}"]


def source_graph(relative_path: str) -> URIRef:
    return ID[f"graph/{quote(relative_path, safe='/')}"]


REFERENCE_GRAPH = ID["graph/reference"]
INFERRED_GRAPH = ID["graph/inferred"]
STUBS_GRAPH = ID["graph/stubs"]
VALIDITY_GRAPH = ID["graph/validity"]     # eli:in_force on the build's reference day
ONTOLOGY_GRAPH = URIRef("https://w3id.org/policy-kg/ontology")


@lru_cache(maxsize=1024)
def _file_key(relative_path: str) -> str:
    return digest(relative_path, length=10)


def span(relative_path: str, start: int, end: int) -> URIRef:
    """A span of the text read from a corpus file, by an RFC 5147 fragment:
    id:text/<file key>#char=start,end."""
    return ID[f"text/{_file_key(relative_path)}#char={start},{end}"]


def assertion(*parts: object) -> URIRef:
    return ID[f"assertion/{digest(*parts)}"]


def document_type(concept: str) -> URIRef:
    return DTYPE[concept]


def level(name: str) -> URIRef:
    return LEVEL[name]
