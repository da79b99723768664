"""kg build --cluster (#35 item 3): the map stages on a local Dask cluster of
worker processes give the bytes a one-process build writes, with the same
cache and the same per-file isolation."""
from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from conftest import CORPUS, EXTRA

pytest.importorskip("distributed")

ROOT = Path(__file__).resolve().parent.parent


PAGES = EXTRA.parent / "corpus-pages"


def _corpus(tmp_path: Path) -> Path:
    """The seeds, the extra real texts and the real pages (clean and damaged)
    where present, 200 generated documents and a file no reader can read."""
    sys.path.insert(0, str(ROOT))
    from benchmarks.generate_corpus import generate
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)
    if EXTRA.is_dir():
        shutil.copytree(EXTRA, corpus / "extra")
    for part in ("clean", "damaged"):
        if (PAGES / part).is_dir():
            shutil.copytree(PAGES / part, corpus / "pages" / part)
    generate(corpus / "generated", 200)
    (corpus / "broken.txt").write_bytes(b"\x00\x01binary")
    return corpus


def test_a_cluster_build_writes_the_bytes_of_a_one_process_build(tmp_path):
    from kg.pipeline.build import build
    corpus = _corpus(tmp_path)
    one = build(corpus, tmp_path / "one", use_cache=False)
    cluster = build(corpus, tmp_path / "cluster", use_cache=False, jobs=2, cluster="local")
    for name in ("graph.trig", "documents.sqlite", "graph.html"):
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "cluster" / name).read_bytes(), name
    assert [(s.relative_path, s.reason) for s in cluster.skipped] == [(s.relative_path, s.reason) for s in one.skipped]
    assert [s.relative_path for s in cluster.skipped] == ["broken.txt"]
    # with the cache: a second cluster build reuses every extraction and block, and writes the same bytes
    build(corpus, tmp_path / "cached", jobs=2, cluster="local")
    again = build(corpus, tmp_path / "cached", jobs=2, cluster="local")
    build(corpus, tmp_path / "cached-one")
    again_one = build(corpus, tmp_path / "cached-one")
    assert again.cache == again_one.cache and again.cache["misses"]["graph"] == 0
    assert again.cache["misses"]["extract"] == 1        # the broken file, never cached, is read again
    assert (tmp_path / "cached" / "graph.trig").read_bytes() == (tmp_path / "one" / "graph.trig").read_bytes()


def test_an_address_where_no_scheduler_answers_is_refused_by_name(tmp_path, monkeypatch):
    from click.testing import CliRunner
    from kg.cli import main
    from kg.pipeline import cluster
    monkeypatch.setattr(cluster, "CONNECT_SECONDS", 2)
    result = CliRunner().invoke(main, ["build", str(CORPUS), "-o", str(tmp_path / "out"),
                                       "--cluster", "tcp://127.0.0.1:9"])
    assert result.exit_code != 0 and "no Dask scheduler answers at tcp://127.0.0.1:9" in result.output
    assert not (tmp_path / "out" / "graph.trig").exists()


def test_a_cluster_worker_stores_the_extraction_and_sends_back_its_summary_as_json(tmp_path):
    """What crosses the network from a worker: the file's summary in its
    public JSON form (a few KB), while the extraction goes to the build's
    store, from which its graph block reads it back."""
    from kg.pipeline.build import extract_to_store, read_and_extract_keyed
    from kg.pipeline.summaries import StoreFolder, summarize
    from kg.pipeline.summary_format import loads
    path = sorted(CORPUS.glob("*.txt"))[0]
    folder = StoreFolder(tmp_path / "store")
    key, sent = extract_to_store((path, CORPUS, "v", folder))
    expected_key, extraction = read_and_extract_keyed((path, CORPUS, "v"))
    assert key == expected_key and isinstance(sent, str) and len(sent.encode("utf-8")) < 20_000
    assert loads(sent) == summarize(extraction, key)
    assert folder.get(key) == extraction
    key, sent = extract_to_store((tmp_path / "missing.txt", tmp_path, "v", folder))
    assert key is None and "missing.txt" in str(sent)
