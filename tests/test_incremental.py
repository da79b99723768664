"""Incremental builds: the cache redoes only what changed, and the result
is byte for byte what a build from scratch gives."""
from __future__ import annotations

import shutil

import pytest

from conftest import CORPUS, select
from kg.pipeline.build import build
from kg.store.database import load_graph, store_matches

ADDED = "\n根据《国务院关于加快发展养老服务业的若干意见》（国发〔2013〕35号），进一步做好相关工作。\n"


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "corpus"
    shutil.copytree(CORPUS, folder)
    return folder


def numbers(out):
    return {row[0] for row in select(load_graph(out), "SELECT ?n WHERE { ?d eli:id_local ?n }")}


def test_one_changed_file_is_redone_and_the_result_equals_a_fresh_build(corpus, tmp_path):
    out = tmp_path / "out"
    build(corpus, out)
    load_graph(out)          # the first query loads the store, which the next build patches
    changed = sorted(corpus.glob("001_*.txt"))[0]
    changed.write_text(changed.read_text(encoding="utf-8") + ADDED, encoding="utf-8")
    report = build(corpus, out)
    assert (report.cache["hits"]["extract"], report.cache["hits"]["graph"]) == (4, 4)
    fresh = build(corpus, tmp_path / "fresh", use_cache=False)
    assert (fresh.cache["hits"]["extract"], fresh.cache["hits"]["graph"]) == (0, 0)
    assert (out / "graph.trig").read_bytes() == (tmp_path / "fresh" / "graph.trig").read_bytes()
    # a new cited document: the overview is drawn again, as a fresh build draws it
    assert report.cache["misses"]["view"] == 1
    assert (out / "graph.html").read_bytes() == (tmp_path / "fresh" / "graph.html").read_bytes()
    # the patched store holds the new graph, quad for quad
    assert store_matches(out / "graph.trig")
    assert "国发〔2013〕35号" in numbers(out)
    patched, rebuilt = load_graph(out), load_graph(tmp_path / "fresh")
    assert len(patched) == len(rebuilt) and set(patched.store) == set(rebuilt.store)


def test_a_removed_file_leaves_the_store(corpus, tmp_path):
    out = tmp_path / "out"
    build(corpus, out)
    assert "温民提〔2017〕77号" in numbers(out)
    sorted(corpus.glob("001_*.txt"))[0].unlink()
    build(corpus, out)
    assert "温民提〔2017〕77号" not in numbers(out)
    graphs = select(load_graph(out), "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
    assert not any("001_" in g[0] for g in graphs)


def test_an_edit_that_changes_no_link_reuses_the_shared_graphs(corpus, tmp_path):
    out = tmp_path / "out"
    build(corpus, out)
    changed = sorted(corpus.glob("003_*.txt"))[0]
    changed.write_text(changed.read_text(encoding="utf-8") + "\n各单位要认真抓好落实。\n", encoding="utf-8")
    report = build(corpus, out)
    assert (report.cache["hits"]["extract"], report.cache["hits"]["graph"]) == (4, 4)
    assert report.cache["hits"]["shared-blocks"] == 1
    assert report.cache["hits"]["view"] == 1       # nothing the overview shows changed: its page is kept
    build(corpus, tmp_path / "fresh", use_cache=False)
    for name in ("graph.trig", "graph.html"):
        assert (out / name).read_bytes() == (tmp_path / "fresh" / name).read_bytes(), name


def test_the_store_is_loaded_by_the_first_query_or_by_build_store(corpus, tmp_path):
    """kg build writes no store; the first query loads it from graph.trig
    (once: the second opens it), and kg build --store loads it at once."""
    from click.testing import CliRunner
    from kg.cli import main
    out = tmp_path / "out"
    build(corpus, out)
    assert not (out / "store").exists()
    first = load_graph(out)
    assert store_matches(out / "graph.trig") and first.source == str(out / "store")
    stamp = (out / "store" / "graph.stamp").stat().st_mtime_ns
    assert len(load_graph(out)) == len(first)
    assert (out / "store" / "graph.stamp").stat().st_mtime_ns == stamp
    result = CliRunner().invoke(main, ["build", str(corpus), "-o", str(tmp_path / "eager"), "--store"])
    assert result.exit_code == 0 and f"wrote {tmp_path / 'eager' / 'store'}" in result.output
    assert store_matches(tmp_path / "eager" / "graph.trig")


def test_a_store_of_an_older_graph_is_loaded_again_by_the_next_query(corpus, tmp_path):
    out = tmp_path / "out"
    build(corpus, out)
    load_graph(out)
    sorted(corpus.glob("001_*.txt"))[0].unlink()
    build(corpus, out, use_cache=False)       # nothing to patch from: the store is left as it was
    assert not store_matches(out / "graph.trig")
    assert "温民提〔2017〕77号" not in numbers(out)
    assert store_matches(out / "graph.trig")


def test_a_folder_where_no_store_can_be_written_is_queried_from_the_file(corpus, tmp_path, monkeypatch):
    from kg.store import database

    def read_only(directory):
        raise OSError(30, "Read-only file system", str(directory))

    out = tmp_path / "out"
    build(corpus, out)
    monkeypatch.setattr(database, "store_lock", read_only)
    store = load_graph(out)
    assert store.source == str(out / "graph.trig") and not (out / "store").exists()
    assert "国办发〔2019〕5号" in numbers(out)


def test_a_file_edited_during_the_build_is_cached_under_what_was_read(tmp_path, monkeypatch):
    """#34 item 7: the build looks at a file (A), the file changes (B) before
    the worker reads it, and changes back (A). The extraction of B must be
    cached under B's bytes, so the next build of A reads A's number again."""
    from kg.read import loading
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    a = "关于推进养老服务发展的实施意见\n威环政办发〔2022〕2号\n各镇政府：\n现提出如下意见。\n"
    b = a.replace("2号", "9号")
    page = corpus / "a.txt"
    page.write_text(a, encoding="utf-8")
    real = loading.read_bytes
    calls = []

    def edited_under_the_reader(path, *rest):
        calls.append(path)
        if len(calls) == 1:                            # the build's first look (for the cache key) sees A
            return real(path, *rest)
        page.write_text(b, encoding="utf-8")           # the edit lands between the look and the read
        data = real(path, *rest)
        page.write_text(a, encoding="utf-8")           # and is undone at once
        return data

    monkeypatch.setattr("kg.pipeline.build.read_bytes", edited_under_the_reader)
    build(corpus, tmp_path / "out", jobs=1)
    assert numbers(tmp_path / "out") == {"威环政办发〔2022〕9号"}     # what was read
    monkeypatch.undo()
    build(corpus, tmp_path / "out", jobs=1)
    assert numbers(tmp_path / "out") == {"威环政办发〔2022〕2号"}     # not B's number from the cache


def test_build_store_loads_the_store_as_the_graph_is_written(corpus, tmp_path):
    """kg build --store feeds the blocks to a loader as it writes them: the
    store holds the file's quads, stamped with it, and no store is left half
    made beside it."""
    out = tmp_path / "out"
    report = build(corpus, out, store=True)
    assert out / "store" in report.outputs and store_matches(out / "graph.trig")
    assert not list(out.glob(".store-*"))
    loaded = load_graph(out)
    assert loaded.source == str(out / "store")
    from kg.store.database import GraphStore
    from_file = GraphStore.from_file(out / "graph.trig")
    assert len(loaded) == len(from_file) and set(loaded.store) == set(from_file.store)


def test_a_failed_loader_leaves_the_store_to_the_file(corpus, tmp_path, monkeypatch):
    """A loader that dies (no memory, a full disk) costs the build nothing:
    it says so and loads the store from the finished file."""
    import sys
    from kg.store import stream_load
    monkeypatch.setattr(stream_load, "loader_command", lambda target: [
        sys.executable, "-c", "import sys; sys.stdin.buffer.read(10); sys.exit('No space left on device')"])
    out = tmp_path / "out"
    report = build(corpus, out, store=True)
    assert any("the store's loader" in w and "No space left on device" in w and "from the graph file" in w
               for w in report.warnings), report.warnings
    assert store_matches(out / "graph.trig") and not list(out.glob(".store-*"))
    assert "温民提〔2017〕77号" in numbers(out)


def test_a_build_that_fails_while_writing_keeps_the_previous_store(corpus, tmp_path, monkeypatch):
    from kg.pipeline import build as build_module
    out = tmp_path / "out"
    build(corpus, out, store=True)
    before = (out / "store" / "graph.stamp").read_text(encoding="utf-8")
    blocks = build_module.graph_blocks

    def fails_after_one(*args, **kwargs):
        for i, block in enumerate(blocks(*args, **kwargs)):
            if i == 1:
                raise OSError(28, "No space left on device")
            yield block

    monkeypatch.setattr(build_module, "graph_blocks", fails_after_one)
    sorted(corpus.glob("001_*.txt"))[0].unlink()
    with pytest.raises(OSError):
        build(corpus, out, store=True, use_cache=False)
    assert (out / "store" / "graph.stamp").read_text(encoding="utf-8") == before
    assert store_matches(out / "graph.trig") and not list(out.glob(".store-*"))
    assert "温民提〔2017〕77号" in numbers(out)
