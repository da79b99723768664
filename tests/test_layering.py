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
    {"models", "keys", "datafiles"},
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


def _imports(path: Path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] == "kg":
            if node.module == "kg":
                yield from (f"kg.{alias.name}" for alias in node.names)
            else:
                yield node.module
        elif isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names if alias.name.split(".")[0] == "kg")
        elif isinstance(node, ast.ImportFrom) and node.level:
            raise AssertionError(f"{path}: relative import; use kg.<stage>.<module>")


MODULES = sorted(PACKAGE.rglob("*.py"))


def test_every_module_belongs_to_a_layer():
    for path in MODULES:
        part = path.relative_to(PACKAGE).parts[0].removesuffix(".py")
        assert part in RANK, f"{path}: {part} is in no layer of tests/test_layering.py"


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_stage_imports_a_higher_one(path):
    own = path.relative_to(PACKAGE).parts[0].removesuffix(".py")
    for module in _imports(path):
        other = _part(module)
        assert RANK[other] <= RANK[own], f"{path.relative_to(PACKAGE)} ({own}) imports {module} ({other}), a higher stage"
