"""Robustness: a corpus of broken and oddly encoded files builds with one
clear reason per skipped file and the good files' facts intact; output is
never half-written; the same corpus gives the same bytes."""
from __future__ import annotations

import html
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import CORPUS, select
from kg.pipeline.build import build
from kg.cli import main
from kg.read.loading import load_corpus
from kg.store.database import load_graph

SEEDS = {p.name[:3]: p for p in sorted(CORPUS.glob("*.txt"))}
DOCUMENT_FACTS = """SELECT ?number ?title ?date WHERE {
  ?d pol:sourceFile ?f . OPTIONAL { ?d eli:id_local ?number } OPTIONAL { ?d dcterms:title ?title }
  OPTIONAL { ?d eli:date_document ?date } } ORDER BY ?number ?title"""
LINKS = "SELECT ?p (COUNT(*) AS ?n) WHERE { ?s ?p ?o VALUES ?p { eli:cites eli:applies cito:repliesTo } } GROUP BY ?p ORDER BY ?p"


def seed_text(key: str) -> str:
    return SEEDS[key].read_text(encoding="utf-8")


def as_html(text: str) -> str:
    paragraphs = "\n".join(f"<p>{html.escape(line)}</p>" for line in text.splitlines())
    return ("<!DOCTYPE html><html><head><title>portal</title><style>p { margin: 0 }</style>"
            "<script>var tracker = '国办发〔2099〕1号';</script></head><body>\n"
            f"<div class='content'>{paragraphs}</div>\n<noscript>请启用JavaScript</noscript></body></html>")


def as_docx(text: str, path: Path) -> None:
    import docx
    document = docx.Document()
    for line in text.splitlines():
        document.add_paragraph(line)
    document.save(str(path))


EXPECTED_SKIPS = {
    "empty.txt": "empty file",
    "blank.txt": "empty file",
    "scripts-only.html": "no text in the file",
    "binary.txt": "binary content",
    "garbage.txt": "not valid UTF-8, UTF-16, GB18030 or Big5",
    "stray.pdf": "PDF is not read",
    "old.doc": "legacy Word .doc",
    "broken.docx": "not a valid .docx file",
    "huge.txt": "too large",
    "image.png": "unsupported file type .png",
}


@pytest.fixture(scope="module")
def broken_corpus(tmp_path_factory):
    root = tmp_path_factory.mktemp("broken-corpus")
    (root / "003-gbk.txt").write_bytes(seed_text("003").encode("gbk"))
    (root / "000-utf16.txt").write_bytes(seed_text("000").encode("utf-16"))
    (root / "001-page.html").write_text(as_html(seed_text("001")), encoding="utf-8")
    as_docx(seed_text("002"), root / "002-word.docx")
    (root / "004-bom.txt").write_bytes(b"\xef\xbb\xbf" + seed_text("004").encode("utf-8").replace(b"\n", b"\r\n"))
    (root / "empty.txt").write_bytes(b"")
    (root / "blank.txt").write_text(" \n\t\n", encoding="utf-8")
    (root / "scripts-only.html").write_text("<html><head><script>alert(1)</script></head><body> </body></html>",
                                            encoding="utf-8")
    (root / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (root / "garbage.txt").write_bytes(b"\x80\x80\xff\xfe\x81" * 10 + b"\xff")
    (root / "stray.pdf").write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n")
    (root / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100)
    (root / "broken.docx").write_bytes(b"PK\x03\x04 this is not really a zip")
    (root / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    with (root / "huge.txt").open("wb") as fh:
        fh.truncate(21 * 1024 * 1024)
    truncated = "关于养老服务的通知\n各区民政局：\n现将有关事项通知如下。".encode("utf-8")
    (root / "truncated.txt").write_bytes(truncated[:-2])
    return root


def test_each_broken_file_gets_one_clear_reason(broken_corpus):
    sources, skipped = load_corpus(broken_corpus)
    reasons = {s.relative_path: s.reason for s in skipped}
    assert set(reasons) == set(EXPECTED_SKIPS)
    for name, reason in EXPECTED_SKIPS.items():
        assert reason in reasons[name] and "\n" not in reasons[name]
    encodings = {s.relative_path: s.encoding for s in sources}
    assert encodings == {"000-utf16.txt": "utf-16", "001-page.html": "html/utf-8", "002-word.docx": "docx",
                         "003-gbk.txt": "gb18030", "004-bom.txt": "utf-8-sig", "truncated.txt": "utf-8"}
    page = next(s for s in sources if s.relative_path == "001-page.html")
    assert "tracker" not in page.text and "portal" not in page.text and "请启用" not in page.text
    truncated = next(s for s in sources if s.relative_path == "truncated.txt")
    assert truncated.notes and truncated.text.endswith("现将有关事项通知如下")


def test_good_files_keep_their_facts(broken_corpus, seed_build, tmp_path):
    report = build(broken_corpus, tmp_path / "out")
    assert len(report.skipped) == len(EXPECTED_SKIPS)
    assert any("truncated.txt" in w and "UTF-8" in w for w in report.warnings)
    _, seed_out = seed_build
    broken, seeds = load_graph(tmp_path / "out"), load_graph(seed_out)
    facts = {(number, date): title for number, title, date in select(broken, DOCUMENT_FACTS)}
    for number, title, date in select(seeds, DOCUMENT_FACTS):
        # a web page loses the blank line between issuer and 关于…: the title then keeps its issuer
        assert facts[(number, date)].endswith(title)
    assert select(broken, LINKS) == select(seeds, LINKS)


def test_evidence_offsets_refer_to_the_text_read(broken_corpus, tmp_path):
    out = tmp_path / "out"
    build(broken_corpus, out)
    texts = {s.relative_path: s.text for s in load_corpus(broken_corpus)[0]}
    rows = select(load_graph(out), """SELECT ?file ?exact ?start ?end WHERE {
        ?x oa:hasSource ?d ; oa:exact ?exact ; oa:start ?start ; oa:end ?end .
        ?d pol:sourceFile ?file FILTER(?file IN ("001-page.html", "002-word.docx", "003-gbk.txt")) }""")
    assert len({r[0] for r in rows}) == 3
    for file, exact, start, end in rows:
        assert texts[file][int(start):int(end)] == exact


def test_strict_exits_non_zero_and_names_the_files(broken_corpus, tmp_path):
    result = CliRunner().invoke(main, ["build", str(broken_corpus), "-o", str(tmp_path / "o"), "--strict"])
    assert result.exit_code == 1
    for name in EXPECTED_SKIPS:
        assert f"skipped {name}: " in result.output
    result = CliRunner().invoke(main, ["build", str(broken_corpus), "-o", str(tmp_path / "o")])
    assert result.exit_code == 0


def test_same_corpus_same_bytes_whatever_the_file_order_or_jobs(tmp_path):
    first, second = tmp_path / "a", tmp_path / "b"
    build(CORPUS, first / "out")
    # the same files, copied in reverse order under other mtimes
    corpus_copy = tmp_path / "corpus"
    corpus_copy.mkdir()
    for path in sorted(CORPUS.iterdir(), reverse=True):
        shutil.copy(path, corpus_copy / path.name)
    build(corpus_copy, second / "out", jobs=2)
    for name in ("graph.trig", "graph.html", "documents.sqlite"):
        assert (first / "out" / name).read_bytes() == (second / "out" / name).read_bytes(), name


def test_kill_during_a_build_leaves_the_old_graph_loadable(tmp_path):
    """SIGKILL a build while it runs, many times at different moments: the
    graph of the previous build stays whole and loadable, and the cache
    serves the next build."""
    out = tmp_path / "out"
    build(CORPUS, out)
    before = (out / "graph.trig").read_bytes()
    script = f"from kg.pipeline.build import build; build({str(CORPUS)!r}, {str(out)!r})"
    for delay in (0.3, 0.8, 1.2, 1.6, 2.0):
        process = subprocess.Popen([sys.executable, "-c", script])
        time.sleep(delay)
        process.send_signal(signal.SIGKILL)
        process.wait()
        assert (out / "graph.trig").read_bytes() == before
        store = load_graph(out)
        assert select(store, "SELECT (COUNT(*) AS ?n) WHERE { ?d eli:id_local ?x }")[0][0] == "16"
        leftovers = [p.name for p in out.iterdir() if p.name.startswith(".")]
        assert all(name.startswith((".kg-current", ".store-", ".cache", ".kg-build", ".kg-store.lock",
                                    ".kg-stamp-graph.trig")) for name in leftovers)
    # the cache stayed consistent: the next build reuses it and gives the same graph,
    # and clears what the killed builds left: one unit, the current one
    build(CORPUS, out)
    assert (out / "graph.trig").read_bytes() == before
    assert sorted(p.name for p in out.iterdir() if p.name.startswith(".")) == [
        ".cache", ".kg-build.lock", ".kg-builds", ".kg-current", ".kg-stamp-graph.trig", ".kg-store.lock"]
    assert [p.name for p in (out / ".kg-builds").iterdir()] == [(out / ".kg-current").resolve().name]


def test_a_build_stopped_after_caching_its_blocks_leaves_no_stale_store(tmp_path, monkeypatch):
    """Stopped (Ctrl-C, a full disk) after it cached the changed file's block
    but before graph.trig was replaced: the next build must not patch the
    store with only what changed since, or queries answer the old number."""
    from kg.rdf import trig
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)
    out = tmp_path / "out"
    build(corpus, out)
    load_graph(out)                                   # a store for later builds to patch
    changed = sorted(corpus.glob("003_*.txt"))[0]
    changed.write_text(changed.read_text(encoding="utf-8").replace("威环政办发〔2022〕2号", "威环政办发〔2022〕9号"),
                       encoding="utf-8")
    real_replace = trig.os.replace

    def disk_full(source, target):
        if str(target).endswith("graph.trig"):
            raise OSError(28, "No space left on device")
        return real_replace(source, target)
    monkeypatch.setattr(trig.os, "replace", disk_full)
    with pytest.raises(OSError):
        build(corpus, out)
    monkeypatch.setattr(trig.os, "replace", real_replace)
    build(corpus, out)
    numbers = "SELECT ?n WHERE { ?d eli:id_local ?n FILTER(STRSTARTS(?n, '威环政办发')) }"
    assert select(load_graph(out), numbers) == [("威环政办发〔2022〕9号",)]


def test_workers_of_a_killed_build_die_with_it_and_hold_no_lock(tmp_path):
    """kill -9 of a build running in several processes: its workers do not
    live on holding the folder's lock, so the next build goes ahead."""
    from kg.pipeline.build import OutputBusy
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i in range(60):     # enough files for workers to be busy when the parent dies
        for seed in sorted(CORPUS.glob("*.txt")):
            shutil.copy(seed, corpus / f"{i:02d}-{seed.name}")
    out = tmp_path / "out"
    script = f"from kg.pipeline.build import build; build({str(corpus)!r}, {str(out)!r}, jobs=2, use_cache=False)"
    for delay in (1.5, 3.0):
        process = subprocess.Popen([sys.executable, "-c", script])
        time.sleep(delay)
        children = _children(process.pid)
        process.send_signal(signal.SIGKILL)
        process.wait()
        deadline = time.time() + 10
        while any(_alive(pid) for pid in children) and time.time() < deadline:
            time.sleep(0.1)
        assert not [pid for pid in children if _alive(pid)], "workers outlived their build"
        try:
            build(CORPUS, out)
        except OutputBusy as exc:
            raise AssertionError(f"the lock outlived the build: {exc}") from None


def _children(pid: int) -> list[int]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(c) for c in path.read_text().split()] if path.exists() else []


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0]
    except OSError:
        return False
    return state != "Z"


def test_kill_during_an_incremental_build_never_leaves_a_store_that_disagrees(tmp_path):
    """A changed file patches the store's graphs in place; killed at any
    moment, what `kg query` opens holds exactly the graphs of graph.trig as
    it is on disk (the half-patched store is not trusted)."""
    from kg.store.database import GraphStore
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)
    out = tmp_path / "out"
    build(corpus, out)
    load_graph(out)          # a store for the builds below to patch
    changed = sorted(corpus.glob("003_*.txt"))[0]
    original = changed.read_text(encoding="utf-8")
    script = f"from kg.pipeline.build import build; build({str(corpus)!r}, {str(out)!r})"
    for n, delay in enumerate((0.4, 0.9, 1.3, 1.7, 2.1, 2.6)):
        changed.write_text(original.replace("威环政办发〔2022〕2号", f"威环政办发〔2022〕{n + 10}号"), encoding="utf-8")
        process = subprocess.Popen([sys.executable, "-c", script])
        time.sleep(delay)
        process.send_signal(signal.SIGKILL)
        process.wait()
        on_disk = GraphStore.from_file(out / "graph.trig")      # parsed, no store involved
        opened = load_graph(out)
        assert len(opened) == len(on_disk), delay
        numbers = "SELECT ?n WHERE { ?d eli:id_local ?n FILTER(STRSTARTS(?n, '威环政办发')) } ORDER BY ?n"
        assert select(opened, numbers) == select(on_disk, numbers), delay
