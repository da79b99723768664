"""Build inputs that must not harm: links out of the corpus, huge files,
names that are not UTF-8, spreadsheet formulas in exports, long texts."""
from __future__ import annotations

import os
import random
import shutil

from conftest import CORPUS
from kg.models import Span
from kg.pipeline.build import build
from kg.read.cleaning import clean
from kg.read.loading import MAX_BYTES, read_source

SEED = CORPUS / "003_6668840891539c5f.txt"


def test_links_out_of_the_corpus_dangling_links_and_huge_files_are_named_and_not_read(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(SEED, corpus / "a.txt")
    secret = tmp_path / "secret.txt"
    secret.write_text("root:x:0:0:绝密", encoding="utf-8")
    (corpus / "out.txt").symlink_to(secret)
    (corpus / "dangling.txt").symlink_to(corpus / "nothing.txt")
    (corpus / "inside.txt").symlink_to(corpus / "a.txt")
    with open(corpus / "huge.txt", "wb") as fh:          # sparse: never written, never read
        fh.truncate(MAX_BYTES + 1)
    report = build(corpus, tmp_path / "out", use_cache=False)
    reasons = {s.relative_path: s.reason for s in report.skipped}
    assert "out of the corpus" in reasons["out.txt"] and "dangling" in reasons["dangling.txt"]
    assert reasons["huge.txt"].startswith("too large")
    assert report.files_read == 2                          # a.txt and the link inside the corpus
    assert "root:x" not in (tmp_path / "out" / "graph.trig").read_text(encoding="utf-8")


def test_a_file_swapped_for_a_link_out_of_the_corpus_during_the_build_is_not_read(tmp_path, monkeypatch):
    """The corpus is listed (every link checked), then a file is replaced by
    a link to a secret outside it before it is read: checked again as it is
    opened, it is skipped with its reason and the secret goes nowhere (#34)."""
    import kg.pipeline.build as build_module
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(SEED, corpus / "a.txt")
    shutil.copy(SEED, corpus / "b.txt")
    secret = tmp_path / "secret.txt"
    secret.write_text("威海市人民政府关于绝密事项的通知\n威政发〔2099〕1号\n", encoding="utf-8")
    listed = build_module.corpus_files

    def list_then_swap(*args, **kwargs):
        files = listed(*args, **kwargs)
        (corpus / "b.txt").unlink()
        (corpus / "b.txt").symlink_to(secret)
        return files
    monkeypatch.setattr(build_module, "corpus_files", list_then_swap)
    report = build(corpus, tmp_path / "out", use_cache=False)
    reasons = {s.relative_path: s.reason for s in report.skipped}
    assert list(reasons) == ["b.txt"] and "link out of the corpus" in reasons["b.txt"]
    assert report.files_read == 1 and "绝密" not in (tmp_path / "out" / "graph.trig").read_text(encoding="utf-8")


def test_a_name_that_is_not_utf8_is_kept_as_escaped_text(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    with open(os.path.join(os.fsencode(corpus), b"\xff\xfe.txt"), "wb") as fh:
        fh.write(SEED.read_bytes())
    report = build(corpus, tmp_path / "out", use_cache=False)
    assert report.files_read == 1
    assert 'pol:sourceFile "\\\\xff\\\\xfe.txt"' in (tmp_path / "out" / "graph.trig").read_text(encoding="utf-8")


def test_csv_cells_escape_formulas():
    from kg.store.query import spreadsheet_safe
    assert [spreadsheet_safe(v) for v in ("=HYPERLINK(1)", "+1", "-1", "@SUM(1)", "\t=1+1", "\r=1+1", "国办发", 3)] == [
        "'=HYPERLINK(1)", "'+1", "'-1", "'@SUM(1)", "'\t=1+1", "'\r=1+1", "国办发", 3]


def test_query_csv_escapes_formulas():
    from kg.models import QueryResult
    from kg.store.query import format_result
    from rdflib import Literal
    result = QueryResult(("title",), ((Literal('=HYPERLINK("http://x")'),), (Literal("国办发"),)))
    assert format_result(result, "csv").splitlines() == ["title", "\"'=HYPERLINK(\"\"http://x\"\")\"", "国办发"]


def test_sentence_of_by_bisection_equals_the_scan():
    doc = clean(read_source(SEED, CORPUS))

    def scan(span: Span) -> Span:
        start, end = span.start, span.end
        for s in doc.sentences:
            if s.start <= span.start < s.end:
                start = s.start
            if s.start < span.end <= s.end:
                end = s.end
                break
        return Span(min(start, span.start), max(end, span.end))

    rng = random.Random(7)
    for _ in range(2000):
        a = rng.randrange(len(doc.text))
        span = Span(a, min(len(doc.text), a + rng.randrange(300)))
        assert doc.sentence_of(span) == scan(span)


def _docx_bytes(text: str) -> bytes:
    import io
    import docx
    document = docx.Document()
    document.add_paragraph(text)
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def _rezip(data: bytes, replace: dict[str, bytes]) -> bytes:
    import io
    import zipfile
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            target.writestr(item.filename, replace.get(item.filename, source.read(item.filename)))
        for name, content in replace.items():
            if name not in source.namelist():
                target.writestr(name, content)
    return out.getvalue()


def test_a_docx_with_broken_xml_or_inflating_too_far_is_skipped_with_its_reason(tmp_path, monkeypatch):
    from kg.read import loading
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(SEED, corpus / "a.txt")
    good = _docx_bytes("威海市人民政府关于推进养老服务发展的实施意见")
    (corpus / "broken.docx").write_bytes(_rezip(good, {"word/document.xml": b"<w:document><w:body>"}))
    (corpus / "bomb.docx").write_bytes(_rezip(good, {"word/media/zeros.bin": bytes(2 * 1024 * 1024)}))
    monkeypatch.setattr(loading, "MAX_DOCX_INFLATED", 1024 * 1024)
    report = build(corpus, tmp_path / "out", use_cache=False)
    reasons = {s.relative_path: s.reason for s in report.skipped}
    assert reasons["broken.docx"].startswith("not a valid .docx file (XMLSyntaxError")
    assert reasons["bomb.docx"].startswith("its parts inflate to")
    assert report.files_read == 1


def _lying_sizes(data: bytes, name: str) -> bytes:
    """The package with ``name``'s declared size set to 4,000 bytes in both
    its local header and the central directory (its data inflates further)."""
    import struct
    import zipfile
    import io
    info = zipfile.ZipFile(io.BytesIO(data)).getinfo(name)
    out = bytearray(data)
    # local file header: uncompressed size at offset 22
    struct.pack_into("<I", out, info.header_offset + 22, 4000)
    # central directory entry: find it by its signature and name
    entry = out.find(b"PK\x01\x02" + out[info.header_offset + 4:info.header_offset + 6])
    while entry != -1 and out[entry + 46:entry + 46 + len(name)] != name.encode():
        entry = out.find(b"PK\x01\x02", entry + 4)
    struct.pack_into("<I", out, entry + 24, 4000)
    return bytes(out)


def test_a_docx_that_lies_about_its_sizes_or_types_is_skipped_and_the_build_goes_on(tmp_path, monkeypatch):
    from kg.read import loading
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(SEED, corpus / "a.txt")
    good = _docx_bytes("威海市人民政府关于推进养老服务发展的实施意见")
    big = _rezip(good, {"word/media/zeros.bin": bytes(3 * 1024 * 1024)})
    (corpus / "liar.docx").write_bytes(_lying_sizes(big, "word/media/zeros.bin"))
    (corpus / "types.docx").write_bytes(_rezip(good, {"[Content_Types].xml": b"<Types/>"}))
    monkeypatch.setattr(loading, "MAX_DOCX_INFLATED", 1024 * 1024)
    report = build(corpus, tmp_path / "out", use_cache=False)
    reasons = {s.relative_path: s.reason for s in report.skipped}
    assert set(reasons) == {"liar.docx", "types.docx"}, reasons
    assert all(r.startswith(("not a valid .docx", "not a readable .docx", "its parts inflate")) for r in reasons.values())
    assert report.files_read == 1


def test_a_docx_whose_compressed_text_is_damaged_is_skipped_and_the_build_goes_on(tmp_path, monkeypatch):
    """A byte of word/document.xml's deflated data flipped: zlib's own error
    (not a BadZipFile) stopped the whole build; the file is skipped with its
    reason. And whatever else a reader raises skips its file alone (found by
    tests/test_fuzz_files.py)."""
    import io
    import zipfile
    from kg.read import loading
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(SEED, corpus / "a.txt")
    good = _docx_bytes("威海市人民政府关于推进养老服务发展的实施意见")
    info = zipfile.ZipFile(io.BytesIO(good)).getinfo("word/document.xml")
    damaged = bytearray(good)
    damaged[info.header_offset + 30 + len(info.filename) + len(info.extra)] ^= 0xFF
    (corpus / "damaged.docx").write_bytes(bytes(damaged))
    (corpus / "bug.html").write_text("<p>威海市人民政府关于推进养老服务发展的实施意见</p>", encoding="utf-8")

    def a_bug(text):
        raise RecursionError("maximum recursion depth exceeded")
    monkeypatch.setattr(loading, "visible_text", a_bug)
    report = build(corpus, tmp_path / "out", use_cache=False)
    reasons = {s.relative_path: s.reason for s in report.skipped}
    assert reasons["damaged.docx"].startswith("not a valid .docx file (error: Error -3")
    assert reasons["bug.html"] == "could not be read (RecursionError: maximum recursion depth exceeded)"
    assert report.files_read == 1


def test_a_corrupted_cache_entry_is_a_miss(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(SEED, corpus / "a.txt")
    build(corpus, tmp_path / "out")
    rng = random.Random(3)
    for entry in (tmp_path / "out" / ".cache").rglob("*"):
        if entry.is_file():
            entry.write_bytes(bytes(rng.randrange(256) for _ in range(200)))
    report = build(corpus, tmp_path / "out")
    assert report.files_read == 1 and report.documents > 1
    assert any("failed its check" in w for w in report.warnings)
    again = build(corpus, tmp_path / "out")       # the rewritten entries are used again
    assert again.cache["hits"]["extract"] == 1 and not any("failed its check" in w for w in again.warnings)


class _Planted:
    """What an attacker writes into OUT/.cache: unpickling it runs code."""

    def __init__(self, marker: str):
        self.marker = marker

    def __reduce__(self):
        return (open, (self.marker, "w"))


def test_a_planted_cache_entry_runs_no_code(tmp_path):
    import pickle
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(SEED, corpus / "a.txt")
    out = tmp_path / "out"
    build(corpus, out)
    marker = tmp_path / "ran"
    planted = pickle.dumps(_Planted(str(marker)))
    entries = [e for e in (out / ".cache").rglob("*") if e.is_file()]
    for entry in entries:
        entry.write_bytes(planted)
    report = build(corpus, out)
    assert not marker.exists()
    assert sum("failed its check" in w for w in report.warnings) >= 1
    assert report.documents > 1


def test_a_signed_cache_entry_moved_to_another_key_is_refused(tmp_path):
    """Each entry is signed with its key: two files' extractions swapped in
    OUT/.cache (each validly signed) are misses, not the other file's facts."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    text = SEED.read_text(encoding="utf-8")
    (corpus / "a.txt").write_text(text, encoding="utf-8")
    (corpus / "b.txt").write_text(text.replace("威环政办发〔2022〕2号", "威环政办发〔2022〕9号"), encoding="utf-8")
    build(corpus, tmp_path / "clean", use_cache=False)
    out = tmp_path / "out"
    build(corpus, out)
    first, second = sorted((out / ".cache" / "extract").rglob("*.pickle"))
    data = first.read_bytes(), second.read_bytes()
    first.write_bytes(data[1])
    second.write_bytes(data[0])
    report = build(corpus, out)
    assert sum("failed its check" in w for w in report.warnings) == 2 and report.cache["hits"]["extract"] == 0
    assert (out / "graph.trig").read_bytes() == (tmp_path / "clean" / "graph.trig").read_bytes()


def test_a_second_build_into_the_same_folder_stops_with_a_clear_message(tmp_path):
    import fcntl
    from click.testing import CliRunner
    from kg.cli import main
    from kg.pipeline.build import LOCK_FILE
    out = tmp_path / "out"
    out.mkdir()
    with open(out / LOCK_FILE, "a+") as held:           # a build in progress
        fcntl.flock(held, fcntl.LOCK_EX)
        result = CliRunner().invoke(main, ["build", str(CORPUS), "-o", str(out)])
        assert result.exit_code != 0 and "another kg build is writing this folder" in result.output
        assert "Traceback" not in result.output and not (out / "graph.trig").exists()
    result = CliRunner().invoke(main, ["build", str(CORPUS), "-o", str(out)])
    assert result.exit_code == 0 and (out / "graph.trig").exists()


def test_a_no_cache_build_in_between_does_not_leave_the_store_behind_the_graph(tmp_path):
    """kg build A; kg build B --no-cache; kg build A: the store answers A's
    number, as graph.trig says (it kept B's when the cache of the first build
    was taken for the store's content)."""
    from kg.store.database import load_graph
    from kg.store.query import run_query
    corpus, out = tmp_path / "corpus", tmp_path / "out"
    corpus.mkdir()
    text = SEED.read_text(encoding="utf-8")
    changed = text.replace("威环政办发〔2022〕2号", "威环政办发〔2022〕9号")
    (corpus / "a.txt").write_text(text, encoding="utf-8")
    build(corpus, out)
    load_graph(out)                  # a query loads the store of A
    (corpus / "a.txt").write_text(changed, encoding="utf-8")
    build(corpus, out, use_cache=False)
    load_graph(out)                  # ... and of B, which the cache knows nothing of
    (corpus / "a.txt").write_text(text, encoding="utf-8")
    build(corpus, out)
    numbers = {str(r[0]) for r in run_query(load_graph(out), "SELECT ?n WHERE { ?d pol:sourceFile ?f ; eli:id_local ?n }").rows}
    assert numbers == {"威环政办发〔2022〕2号"}
    assert "威环政办发〔2022〕2号" in (out / "graph.trig").read_text(encoding="utf-8")


def test_a_full_disk_is_one_line_and_the_previous_build_stays(tmp_path):
    """On a small tmpfs: a build that fits, the disk filled, a second build
    of a changed corpus: one line naming the problem, the first graph whole."""
    import subprocess
    from click.testing import CliRunner
    from kg.cli import main
    disk = tmp_path / "disk"
    disk.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=40m", "tmpfs", str(disk)],
                      capture_output=True).returncode != 0:
        import pytest
        pytest.skip("cannot mount a tmpfs here (needs root)")
    try:
        corpus = tmp_path / "corpus"
        corpus.mkdir()
        shutil.copy(SEED, corpus / "a.txt")
        out = disk / "out"
        assert CliRunner().invoke(main, ["build", str(corpus), "-o", str(out)]).exit_code == 0
        before = (out / "graph.trig").read_bytes()
        with open(disk / "filler", "wb") as fh:
            try:
                while True:
                    fh.write(b"\0" * (1 << 20))
                    fh.flush()
            except OSError:
                pass
        (corpus / "a.txt").write_text(SEED.read_text(encoding="utf-8") + "\n各单位要认真抓好落实。\n", encoding="utf-8")
        result = CliRunner().invoke(main, ["build", str(corpus), "-o", str(out)])
        assert result.exit_code == 1
        lines = result.output.strip().splitlines()
        assert len(lines) == 1 and "No space left on device" in lines[0] and "unchanged" in lines[0]
        assert (out / "graph.trig").read_bytes() == before
    finally:
        subprocess.run(["umount", str(disk)], capture_output=True)


def test_an_output_path_that_is_a_file_is_one_line(tmp_path):
    from click.testing import CliRunner
    from kg.cli import main
    (tmp_path / "taken").write_text("x")
    result = CliRunner().invoke(main, ["build", str(CORPUS), "-o", str(tmp_path / "taken" / "out")])
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [
        f"Error: cannot write the build into {tmp_path / 'taken' / 'out'}: Not a directory "
        f"({tmp_path / 'taken' / 'out'}); the outputs of the previous build are unchanged"]


def test_an_output_folder_inside_the_corpus_is_not_read_as_documents(tmp_path):
    """kg build corpus -o corpus/build, twice, with --strict: its outputs are
    neither documents nor skipped files."""
    from click.testing import CliRunner
    from kg.cli import main
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(SEED, corpus / "a.txt")
    for _ in range(2):
        result = CliRunner().invoke(main, ["build", str(corpus), "-o", str(corpus / "build"), "--strict"])
        assert result.exit_code == 0, result.output
        assert "read 1 files" in result.output and "skipped" not in result.output


def test_folders_holding_other_builds_inside_the_corpus_are_not_read(tmp_path):
    """A build into corpus/old, then builds into another folder with --strict:
    the old build's graph, page, report and store are neither documents nor
    skipped files (#34); an older build's folder without a lock neither."""
    from click.testing import CliRunner
    from kg.cli import main
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(SEED, corpus / "a.txt")
    build(corpus, corpus / "old", store=True)
    shutil.copytree(corpus / "old", corpus / "older", ignore=shutil.ignore_patterns(".kg-build.lock"))
    result = CliRunner().invoke(main, ["build", str(corpus), "-o", str(tmp_path / "out"), "--strict"])
    assert result.exit_code == 0, result.output
    assert "read 1 files" in result.output and "skipped" not in result.output


def test_names_and_titles_cannot_drive_the_terminal(tmp_path):
    """A newline in a file name does not forge a summary line, and an escape
    sequence in a title or a name is not printed raw."""
    from click.testing import CliRunner
    from kg.cli import main
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a\nwrote graph.trig\x1b[31m.txt").write_text(
        "\x1b]0;owned\x07威海市民政局关于推进养老服务发展的通知\x1b[2J\n威民发〔2022〕3号\n各区:\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(corpus), "-o", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert "\x1b" not in result.output and "\x07" not in result.output
    assert not any(line.startswith("wrote graph.trig") for line in result.output.splitlines())
    trace = CliRunner().invoke(main, ["trace", "威民发〔2022〕3号", "-g", str(tmp_path / "out")])
    assert "\x1b" not in trace.output


def test_a_file_that_takes_too_long_is_skipped_with_its_reason(tmp_path, monkeypatch):
    """#34 item 6: a file within every size limit whose text takes too long
    to read is a per-file skip, named with the reason; the others are built."""
    import kg.pipeline.build as build_module
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    seed = next(CORPUS.glob("003_*.txt")).read_text(encoding="utf-8")
    (corpus / "slow.txt").write_text("\n".join([seed] * 60), encoding="utf-8")      # seconds to read
    (corpus / "quick.txt").write_text(seed, encoding="utf-8")
    monkeypatch.setattr(build_module, "FILE_SECONDS", 0.5)
    report = build_module.build(corpus, tmp_path / "out", jobs=1, use_cache=False)
    skipped = {s.relative_path: s.reason for s in report.skipped}
    assert list(skipped) == ["slow.txt"] and "took over 0.5 s" in skipped["slow.txt"]
    assert report.quality.documents == 1      # quick.txt is built


def test_a_build_folder_copied_through_its_links_builds_again(tmp_path):
    """A copy of an output folder that followed its links (shutil.copytree,
    cp -L) holds .kg-current as a folder: the next build into the copy
    switches all the same."""
    import shutil
    from kg.pipeline.build import build
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(next(CORPUS.glob("003_*.txt")).read_text(encoding="utf-8"), encoding="utf-8")
    build(corpus, tmp_path / "out", jobs=1)
    shutil.copytree(tmp_path / "out", tmp_path / "copy")
    assert (tmp_path / "copy" / ".kg-current").is_dir() and not (tmp_path / "copy" / ".kg-current").is_symlink()
    report = build(corpus, tmp_path / "copy", jobs=1)
    assert report.quality.documents == 1 and (tmp_path / "copy" / ".kg-current").is_symlink()
    assert (tmp_path / "copy" / "graph.trig").read_bytes() == (tmp_path / "out" / "graph.trig").read_bytes()
