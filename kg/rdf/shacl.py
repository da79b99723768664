"""SHACL validation of a built graph against ontology/shapes.ttl."""
from __future__ import annotations

from dataclasses import dataclass

from rdflib import Dataset, Graph

from kg.rdf.ontology import ontology_graph, shapes_graph


@dataclass(frozen=True)
class ValidationResult:
    conforms: bool
    report: str


def validate(ds: Dataset) -> ValidationResult:
    """Validate the union of a dataset's graphs (the ontology included)."""
    import pyshacl  # heavy: imported only when validating

    data = Graph()
    for s, p, o, _ in ds.quads((None, None, None, None)):
        data.add((s, p, o))
    conforms, _, text = pyshacl.validate(data, shacl_graph=shapes_graph(), ont_graph=ontology_graph(),
                                         inference="none", advanced=True, allow_warnings=True)
    return ValidationResult(bool(conforms), text)
