"""A failure inside one step of one file loses only that step's findings: the
document keeps what the other steps read, the error names file, stage and
step, and the build finishes with the error in its quality report."""
from __future__ import annotations

import json
import shutil

from conftest import CORPUS
from kg.extract import document as extract_document
from kg.models import Extraction
from kg.pipeline import build as build_module
from kg.pipeline.build import build, read_and_extract

SEED = CORPUS / "003_6668840891539c5f.txt"     # 威环政办发〔2022〕2号, 17 measures


def _boom(*args, **kwargs):
    raise RuntimeError("boom")


def test_a_failing_step_keeps_the_rest_of_the_document(monkeypatch):
    monkeypatch.setattr(extract_document, "find_measures", _boom)
    x = read_and_extract((SEED, SEED.parent))
    assert isinstance(x, Extraction)
    assert x.identity.number == "威环政办发〔2022〕2号"
    assert x.measures == () and x.citations
    [error] = x.errors
    assert (error.file, error.stage, error.rule, error.message) == (
        SEED.name, "extract", "extract.measures", "RuntimeError: boom")


def test_a_failing_cleaning_keeps_the_document_with_its_text(monkeypatch):
    monkeypatch.setattr(build_module, "clean", _boom)
    x = read_and_extract((SEED, SEED.parent))
    assert x.errors[0].stage == "read" and x.errors[0].rule == "read.clean"
    assert x.document.text == SEED.read_text(encoding="utf-8")
    assert x.identity.number == "威环政办发〔2022〕2号"      # read without the layout


def test_a_failing_identity_gives_the_document_an_identity_from_its_file(monkeypatch, tmp_path):
    monkeypatch.setattr(extract_document, "read_identity", _boom)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for path in sorted(CORPUS.glob("*.txt"))[:2]:
        shutil.copy(path, corpus)
    report = build(corpus, tmp_path / "out", use_cache=False)
    assert report.files_read == 2
    assert {e.rule for e in report.quality.errors} == {"extract.identity"}
    saved = json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))
    assert len(saved["quality"]["errors"]) == 2
    assert (tmp_path / "out" / "graph.trig").stat().st_size > 0
