"""The SKOS schemes of ``ontology/`` read as look-up tables.

Extraction and resolution need only each concept's labels and notation, by
concept key (the local name of the concept IRI). ``scheme_labels.tsv``
holds them, one row per label, generated from the Turtle files by
tools/generate_vocab.py (a test checks it is current): the stages below the
RDF layer read tables, never RDF. The RDF layer writes the concepts
themselves (``kg.rdf.ontology``).
"""
from __future__ import annotations

from functools import lru_cache

from kg.datafiles import read_tsv

SCHEME_LABELS = "scheme_labels.tsv"


def _labels(scheme: str, kind: str = "pref") -> tuple[dict[str, str], ...]:
    """The rows of one scheme's labels of one kind, in concept order."""
    return tuple(row for row in read_tsv(SCHEME_LABELS) if row["scheme"] == scheme and row["kind"] == kind)


def _pref_labels(scheme: str) -> dict[str, dict[str, str]]:
    """Concept key -> {language: preferred label}."""
    out: dict[str, dict[str, str]] = {}
    for row in _labels(scheme):
        out.setdefault(row["concept"], {})[row["lang"]] = row["label"]
    return out


def _notations(scheme: str) -> dict[str, int]:
    return {row["concept"]: int(row["notation"]) for row in _labels(scheme)}


@lru_cache(maxsize=1)
def level_concepts() -> dict[str, tuple[int, str]]:
    """Administrative level key (``county``) -> (rank, English label)."""
    notations = _notations("admin-levels")
    return {key: (notations[key], labels["en"]) for key, labels in _pref_labels("admin-levels").items()}


@lru_cache(maxsize=1)
def level_labels() -> dict[int, tuple[str, str]]:
    """Level rank (1 national … 5 township) -> (Chinese label, English label)."""
    notations = _notations("admin-levels")
    return {notations[key]: (labels["zh"], labels["en"]) for key, labels in _pref_labels("admin-levels").items()}


@lru_cache(maxsize=1)
def document_type_labels() -> dict[str, tuple[str, str]]:
    """Document-type concept key (notice, reply …) -> (Chinese label, English label)."""
    return {key: (labels["zh"], labels["en"]) for key, labels in _pref_labels("document-types").items()}


@lru_cache(maxsize=1)
def service_model_labels() -> dict[str, str]:
    """Every @zh label of the service-model scheme -> its concept key (the
    first concept's, in concept order, preferred labels before alternative)."""
    out: dict[str, str] = {}
    concepts = list(_pref_labels("service-models"))
    rows = [*_labels("service-models"), *_labels("service-models", "alt")]
    for row in sorted(rows, key=lambda r: concepts.index(r["concept"])):
        if row["lang"] == "zh":
            out.setdefault(row["label"], row["concept"])
    return out
