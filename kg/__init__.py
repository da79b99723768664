"""policy-kg: Chinese public-policy documents as an explainable RDF graph.

The pipeline, one public verb per stage::

    sources, skipped = load_corpus(Path("corpus"))
    extractions = [extract_mentions(clean(s)) for s in sources]
    resolution = resolve(extractions)
    dataset = build_graph(extractions, resolution)

or all of it, with output files: ``build(Path("corpus"), Path("build"))``.
Names are imported on first use, so ``import kg`` stays cheap.
"""
from __future__ import annotations

import importlib

__version__ = "0.1.0"

_EXPORTS = {
    "load_corpus": "read.loading",
    "clean": "read.cleaning",
    "extract_mentions": "extract.document",
    "resolve": "resolution.documents",
    "build_graph": "pipeline.build:graph_dataset",
    "build": "pipeline.build",
    "load_graph": "store.database",
    "load_dataset": "store.database",
    "run_query": "store.query",
    "validate": "rdf.shacl",
    "DocNumber": "lexicon.docnumber",
    "to_networkx": "network.documents",
    "to_resource_network": "network.resources",
    "select_view": "views.viz",
    "write_view": "views.viz",
    "resource_page": "views.pages",
    "to_dataframe": "views.tables",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str):
    if name in _EXPORTS:       # "module" or "module:its name for it"
        module_name, _, attr = _EXPORTS[name].partition(":")
        return getattr(importlib.import_module(f".{module_name}", __name__), attr or name)
    raise AttributeError(f"module 'kg' has no attribute {name!r}")
