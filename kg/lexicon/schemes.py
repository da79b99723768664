"""The SKOS schemes of ``ontology/`` read as look-up tables.

Each scheme is one Turtle file; extraction and resolution need only its
labels and notations, by concept key (the local name of the concept IRI).
The RDF layer writes the concepts themselves (``kg.rdf.ontology``).
"""
from __future__ import annotations

from functools import lru_cache

from rdflib import Graph
from rdflib.namespace import SKOS

from kg.datafiles import ONTOLOGY_DIR

LEVELS_FILE = "admin-levels.ttl"
SERVICE_MODELS_FILE = "service-models.ttl"
DOCUMENT_TYPES_FILE = "document-types.ttl"


@lru_cache(maxsize=None)
def _scheme(file_name: str) -> Graph:
    return Graph().parse(ONTOLOGY_DIR / file_name, format="turtle")


def _key(concept) -> str:
    return str(concept).rsplit("/", 1)[-1]


@lru_cache(maxsize=1)
def level_concepts() -> dict[str, tuple[int, str]]:
    """Administrative level key (``county``) -> (rank, English label)."""
    graph = _scheme(LEVELS_FILE)
    out = {}
    for concept in graph.subjects(SKOS.inScheme, None):
        label = next(str(l) for l in graph.objects(concept, SKOS.prefLabel) if getattr(l, "language", None) == "en")
        out[_key(concept)] = (int(str(graph.value(concept, SKOS.notation))), label)
    return out


def _pref_labels(file_name: str, key) -> dict:
    """key(graph, concept) -> (Chinese label, English label) of every concept of a scheme."""
    graph = _scheme(file_name)
    out = {}
    for concept in graph.subjects(SKOS.inScheme, None):
        labels = {getattr(l, "language", None): str(l) for l in graph.objects(concept, SKOS.prefLabel)}
        out[key(graph, concept)] = (labels["zh"], labels["en"])
    return out


@lru_cache(maxsize=1)
def level_labels() -> dict[int, tuple[str, str]]:
    """Level rank (1 national … 5 township) -> (Chinese label, English label)."""
    return _pref_labels(LEVELS_FILE, lambda graph, concept: int(graph.value(concept, SKOS.notation)))


@lru_cache(maxsize=1)
def document_type_labels() -> dict[str, tuple[str, str]]:
    """Document-type concept key (notice, reply …) -> (Chinese label, English label)."""
    return _pref_labels(DOCUMENT_TYPES_FILE, lambda graph, concept: _key(concept))


@lru_cache(maxsize=1)
def service_model_labels() -> dict[str, str]:
    """Every @zh label of the service-model scheme -> its concept key."""
    graph = _scheme(SERVICE_MODELS_FILE)
    out: dict[str, str] = {}
    for concept in sorted(set(graph.subjects(SKOS.inScheme, None)), key=str):
        for prop in (SKOS.prefLabel, SKOS.altLabel):
            for label in graph.objects(concept, prop):
                if getattr(label, "language", None) == "zh":
                    out.setdefault(str(label), _key(concept))
    return out
