"""A file's summary in its public JSON form (#35): what resolution reads of a
file travels between machines as JSON and comes back the same, and
resolution over the read-back summaries is the resolution of the build."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import CORPUS
from kg.pipeline.build import read_and_extract
from kg.pipeline.summaries import summarize
from kg.pipeline.summary_format import SUMMARY_FORMAT, SummaryFormatError, dumps, loads
from kg.resolution.documents import resolve

SHARED = Path(__file__).resolve().parents[2] / "shared"
CORPORA = [pytest.param(CORPUS, id="seeds"),
           pytest.param(SHARED / "corpus-extra", id="corpus-extra"),
           pytest.param(SHARED / "corpus-pages", id="corpus-pages"),
           pytest.param(Path(__file__).parent / "data" / "laws", id="laws")]


def _summaries(corpus: Path):
    if not corpus.is_dir():
        pytest.skip(f"{corpus} is not here (a clone without ../shared)")
    files = sorted(p for p in corpus.rglob("*") if p.is_file() and p.suffix in (".txt", ".md", ".html", ".htm"))
    extractions = [x for x in (read_and_extract((p, corpus)) for p in files) if hasattr(x, "document")]
    return [summarize(x, f"key-{i}") for i, x in enumerate(extractions)]


@pytest.mark.parametrize("corpus", CORPORA)
def test_every_summary_comes_back_from_its_json_as_it_was(corpus):
    summaries = _summaries(corpus)
    assert summaries
    for summary in summaries:
        text = dumps(summary)
        assert json.loads(text)["format"] == SUMMARY_FORMAT
        assert loads(text) == summary, summary.relative_path
        assert loads(text.encode("utf-8")) == summary


@pytest.mark.parametrize("corpus", CORPORA[:2])
def test_resolution_over_summaries_read_back_from_json_is_the_same(corpus):
    summaries = _summaries(corpus)
    direct = resolve(s.extraction for s in summaries)
    travelled = resolve(loads(dumps(s)).extraction for s in summaries)
    assert travelled.documents == direct.documents and travelled.by_file == direct.by_file
    assert travelled.inferred == direct.inferred and travelled.warnings == direct.warnings


def test_the_typed_values_of_facts_keep_their_type():
    summaries = _summaries(CORPUS)
    values = {type(f.value) for s in summaries for f in s.extraction.facts}
    assert len(values) >= 2, values            # texts and dates at least
    for s in summaries:
        for before, after in zip(s.extraction.facts, loads(dumps(s)).extraction.facts):
            assert type(after.value) is type(before.value) and after.value == before.value


@pytest.mark.parametrize("text, problem", [
    ("not json", "not JSON"),
    ('{"format": 99, "summary": {}}', "not a summary of format"),
    ('{"format": 1, "summary": []}', "summary: list where dict is expected"),
])
def test_a_summary_that_does_not_fit_is_refused_with_what_is_wrong(text, problem):
    with pytest.raises(SummaryFormatError, match=problem):
        loads(text)


def test_a_field_of_the_wrong_type_is_named():
    summary = _summaries(CORPUS)[0]
    data = json.loads(dumps(summary))
    data["summary"]["extraction"]["date"] = "the fourth of May"
    with pytest.raises(SummaryFormatError, match=r"summary\.extraction\.date: 'the fourth of May' is no date"):
        loads(json.dumps(data, ensure_ascii=False))
    data = json.loads(dumps(summary))
    data["summary"]["extraction"]["identity"]["colour"] = "red"
    with pytest.raises(SummaryFormatError, match=r"summary\.extraction\.identity: unknown fields \['colour'\]"):
        loads(json.dumps(data, ensure_ascii=False))
