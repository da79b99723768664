"""Shared fixtures: the bundled corpus built once per session."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
EXTRA = ROOT.parent / "shared" / "corpus-extra"


@pytest.fixture(scope="session")
def seed_build(tmp_path_factory):
    from kg.build import build
    out = tmp_path_factory.mktemp("seed-build")
    report = build(CORPUS, out)
    return report, out


@pytest.fixture(scope="session")
def seed_graph(seed_build):
    from kg.store import load_graph
    _, out = seed_build
    return load_graph(out / "graph.trig")


@pytest.fixture(scope="session")
def seed_extractions():
    from kg.cleaning import clean
    from kg.extract import extract_mentions
    from kg.loading import load_corpus
    sources, _ = load_corpus(CORPUS)
    return {s.relative_path: extract_mentions(clean(s)) for s in sources}


def extra_file(name: str) -> Path:
    path = EXTRA / name
    if not path.is_file():
        pytest.skip(f"{path} not present (shared/corpus-extra is optional)")
    return path


def select(graph, query: str, **bindings):
    from kg.query import run_query
    return [tuple(None if v is None else str(v) for v in row)
            for row in run_query(graph, query, bindings).rows]
