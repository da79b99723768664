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
    "load_corpus": "loading",
    "clean": "cleaning",
    "extract_mentions": "extract",
    "resolve": "resolve",
    "build_graph": "graph",
    "build": "build",
    "load_graph": "store",
    "load_dataset": "store",
    "run_query": "query",
    "validate": "validate",
    "DocNumber": "docnumber",
    "to_networkx": "network",
    "to_resource_network": "resource_network",
    "select_view": "viz",
    "write_view": "viz",
    "resource_page": "pages",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str):
    if name in _EXPORTS:
        module = importlib.import_module(f".{_EXPORTS[name]}", __name__)
        return getattr(module, name)
    raise AttributeError(f"module 'kg' has no attribute {name!r}")
