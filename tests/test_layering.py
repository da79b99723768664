"""The package's folders are the pipeline's stages, and a stage imports only
the stages below it: read → extract → resolve → RDF → store → networks →
views, with orchestration and the command line on top."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "kg"

# Lowest first; a module may import its own layer and any layer below.
LAYERS = [
    {"models", "keys", "datafiles", "relations", "process_lifetime"},
    {"lexicon"},
    {"read"},
    {"extract"},
    {"resolution"},
    {"rdf"},
    {"store"},
    {"network"},
    {"views"},
    {"pipeline", "terms"},
    {"cli", "__init__"},
]
RANK = {part: rank for rank, parts in enumerate(LAYERS) for part in parts}


def _part(module: str) -> str:
    """kg.extract.citations -> extract; kg.models -> models."""
    return module.split(".")[1] if "." in module else "__init__"


def _imports(source: str, top: str = "kg"):
    """The modules of package ``top`` that ``source`` imports, at any depth
    (a function's own imports too)."""
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] == top:
            if node.module == top:
                yield from (f"{top}.{alias.name}" for alias in node.names)
            else:
                yield node.module
        elif isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names if alias.name.split(".")[0] == top)
        elif isinstance(node, ast.ImportFrom) and node.level:
            raise AssertionError("relative import; use kg.<stage>.<module>")


MODULES = sorted(PACKAGE.rglob("*.py"))


def test_every_module_belongs_to_a_layer():
    for path in MODULES:
        part = path.relative_to(PACKAGE).parts[0].removesuffix(".py")
        assert part in RANK, f"{path}: {part} is in no layer of tests/test_layering.py"


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_stage_imports_a_higher_one(path):
    own = path.relative_to(PACKAGE).parts[0].removesuffix(".py")
    for module in _imports(path.read_text(encoding="utf-8")):
        other = _part(module)
        assert RANK[other] <= RANK[own], f"{path.relative_to(PACKAGE)} ({own}) imports {module} ({other}), a higher stage"


# RDF libraries: the RDF layer and those above it read and write RDF; the
# stages below it work on text and tables (a stage that parsed Turtle would
# load rdflib into every extraction worker, and tie the words it reads to a
# serialisation).
RDF_LIBRARIES = ("rdflib", "pyoxigraph")


def rdf_imports(source: str, rank: int) -> list[str]:
    """The RDF libraries a module of layer ``rank`` imports though it lies below the RDF layer."""
    if rank >= RANK["rdf"]:
        return []
    return [module for top in RDF_LIBRARIES for module in _imports(source, top)]


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_stage_below_rdf_imports_an_rdf_library(path):
    own = path.relative_to(PACKAGE).parts[0].removesuffix(".py")
    found = rdf_imports(path.read_text(encoding="utf-8"), RANK[own])
    assert not found, f"{path.relative_to(PACKAGE)} ({own}, below rdf) imports {', '.join(found)}"


@pytest.mark.parametrize("source,layer,expected", [
    ("from rdflib import Graph\n", "lexicon", ["rdflib.Graph"]),
    ("def f():\n    import pyoxigraph\n", "extract", ["pyoxigraph"]),     # inside a function too
    ("from rdflib.namespace import SKOS\n", "resolution", ["rdflib.namespace"]),
    ("from rdflib import Graph\n", "rdf", []),
    ("import pyoxigraph\n", "store", []),
    ("import re\n", "read", []),
])
def test_the_rule_names_each_rdf_import_below_the_rdf_layer(source, layer, expected):
    assert rdf_imports(source, RANK[layer]) == expected
