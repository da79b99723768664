"""The library facade: one verb per stage, callable again and again, and the
README's library path gives the graph ``kg build`` writes."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from rdflib import Dataset
from rdflib.compare import to_isomorphic

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"


def test_facade_verbs_work_twice_in_a_new_interpreter(tmp_path):
    # a new process: earlier tests have imported every module already
    script = f"""
import kg
from pathlib import Path
for _ in range(2):
    report = kg.build(Path({str(CORPUS)!r}), Path({str(tmp_path)!r}))
    resolution = kg.resolve([kg.extract_mentions(kg.clean(s)) for s in kg.load_corpus(Path({str(CORPUS)!r}))[0]])
    assert kg.validate(kg.load_dataset(Path({str(tmp_path)!r}))).conforms
    assert callable(kg.build) and callable(kg.resolve) and callable(kg.validate)
print(report.files_read, len(resolution.documents))
"""
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    # 38 documents, and since #31 the four 印发 notices cited by number beside their act's title
    assert done.stdout.split() == ["5", "42"]


def test_library_path_builds_the_graph_of_kg_build(seed_build):
    import kg
    sources, _ = kg.load_corpus(CORPUS)
    extractions = [kg.extract_mentions(kg.clean(s)) for s in sources]
    dataset = kg.build_graph(extractions, kg.resolve(extractions))
    built = Dataset()
    built.parse(seed_build[1] / "graph.trig", format="trig")
    ours = {str(g.identifier): g for g in dataset.graphs() if len(g)}
    theirs = {str(g.identifier): g for g in built.graphs() if len(g)}
    assert sorted(ours) == sorted(theirs)
    assert any(name.endswith("graph/inferred") for name in ours)
    for name in theirs:
        assert to_isomorphic(ours[name]) == to_isomorphic(theirs[name]), name
