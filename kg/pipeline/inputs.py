"""What each block the build cache keeps is made from, declared once.

A block's cache entry is the digest of its inputs object and of nothing
else, and the block is computed from that object alone: an input missing
here is one the block cannot read, not one the key forgets. Every object
names the pipeline version (every rule, dictionary, ontology file and
module of ``kg``), itself or through the extraction it names; the build
reads it once and passes it down: no key reads a module global. tests/test_cache_contract.py mutates each input
and checks that the block is rebuilt, and that it is reused otherwise.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, fields

import networkx as nx

from kg.models import DocumentNode, InferredLink
from kg.rdf.named_graphs import FileNodes
from kg.views.overview import OverviewNetwork


@dataclass(frozen=True)
class ExtractInputs:
    """A file's extraction: its path and bytes."""
    pipeline: str
    path: str
    content: bytes


@dataclass(frozen=True)
class GraphInputs:
    """A file's graph block: its extraction (by its entry, which names the
    pipeline version) and the nodes its mentions resolved to (a resolution
    elsewhere that moves none of them leaves the block as it was)."""
    extraction: str
    nodes: FileNodes


@dataclass(frozen=True)
class SharedInputs:
    """The shared graphs (stubs, inferred links, reference data, ontology):
    the files' contributions (their digests, and where each title was read),
    every document node (stubs are described, laws get their versions) and
    the inferred links."""
    pipeline: str
    contributions: tuple[str, ...]
    title_sources: tuple[tuple[str, str], ...]
    documents: tuple[DocumentNode, ...]
    inferred: tuple[InferredLink, ...]


@dataclass(frozen=True)
class ViewInputs:
    """The overview page: what it draws (its resources and links), the
    sentences behind those links, the document network, and what draws it
    (templates, vis-network)."""
    pipeline: str
    drawn: tuple[object, ...]          # nodes, edges, links, and whether resources are drawn
    evidence: tuple[tuple, ...]
    documents: tuple[tuple, ...]
    page: str


def view_inputs(pipeline: str, network: OverviewNetwork, documents: nx.DiGraph, page: str) -> ViewInputs:
    net = network.net
    drawn = (tuple(sorted(net.nodes(data=True))), tuple(sorted(net.edges(keys=True, data=True), key=lambda e: e[:3])),
             tuple(network.links), network.resources)
    return ViewInputs(pipeline, drawn, tuple(sorted(network.evidence.items())),
                      (tuple(sorted(documents.nodes(data=True))),
                       tuple(sorted(documents.edges(data=True), key=lambda e: e[:2]))), page)


@dataclass(frozen=True)
class StoredGraph:
    """A shared graph as the store holds it (a marker: the store need not be
    patched for a graph it already holds byte for byte)."""
    graph: str
    block: bytes


Inputs = ExtractInputs | GraphInputs | SharedInputs | ViewInputs | StoredGraph


def entry(inputs: Inputs) -> str:
    """The cache entry of a block: a digest of its kind and every field."""
    digest = hashlib.sha256(type(inputs).__name__.encode("ascii"))
    for f in fields(inputs):
        value = getattr(inputs, f.name)
        digest.update(b"\x1f" + f.name.encode("ascii") + b"\x1e")
        digest.update(value if isinstance(value, bytes) else repr(value).encode("utf-8"))
    return digest.hexdigest()
