"""Hostile files at the build (#34 done-when): .txt, .html and .docx files
mutated at random — bytes flipped, cut short, a member of the Word package
corrupted (re-zipped, so that only its content is wrong), nested thousands
deep — go into builds beside a good file. Every build finishes; every file is
either built or skipped with one of the named reasons; the graph parses and
holds each file built."""
from __future__ import annotations

import io
import tempfile
import zipfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings, strategies as st

from conftest import CORPUS
from kg.pipeline.build import build
from kg.store.database import GraphStore
from test_robustness import as_html

SEED = CORPUS / "003_6668840891539c5f.txt"
TEXT = SEED.read_text(encoding="utf-8")
# what a skipped file's reason begins with (kg.read.loading, kg.pipeline.build)
REASONS = ("empty file", "no text in the file", "binary content", "not valid UTF-8, UTF-16, GB18030 or Big5",
           "not a valid .docx file", "not a readable .docx file", "its parts inflate", "it holds",
           "too large", "reading it took over", "not a regular file", "could not be read")


def _docx(text: str) -> bytes:
    import docx
    document = docx.Document()
    for line in text.splitlines():
        document.add_paragraph(line)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


BASES = {"txt": TEXT.encode("utf-8"), "gbk.txt": TEXT.encode("gb18030"), "html": as_html(TEXT).encode("utf-8"),
         "docx": _docx(TEXT)}
DOCX_MEMBERS = zipfile.ZipFile(io.BytesIO(BASES["docx"])).namelist()
PARAGRAPH = '<w:p><w:r><w:t>{}</w:t></w:r></w:p>'
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _rezip(data: bytes, member: str, content: bytes | None) -> bytes:
    """The package with ``member`` holding ``content`` (None: left out)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            if item.filename != member:
                target.writestr(item.filename, source.read(item.filename))
            elif content is not None:
                target.writestr(item.filename, content)
    return out.getvalue()


def _nested(kind: str, depth: int) -> bytes:
    """The seed nested ``depth`` deep in what each format nests."""
    if kind == "html":
        return ("<html><body>" + "<div>" * depth + TEXT + "</div>" * depth + "</body></html>").encode("utf-8")
    if kind == "docx":
        cell = PARAGRAPH.format("威海市人民政府关于推进养老服务发展的实施意见")
        for _ in range(depth):
            cell = f"<w:tbl><w:tr><w:tc>{cell}<w:p/></w:tc></w:tr></w:tbl>"
        body = f'<?xml version="1.0" encoding="UTF-8"?><w:document {W}><w:body>{cell}</w:body></w:document>'
        return _rezip(BASES["docx"], "word/document.xml", body.encode("utf-8"))
    return ("（" * depth + "《" * depth + TEXT + "》" * depth + "）" * depth).encode("utf-8" if kind == "txt" else "gb18030")


@st.composite
def mutated(draw) -> tuple[str, bytes]:
    kind = draw(st.sampled_from(sorted(BASES)))
    data = bytearray(BASES[kind])
    how = draw(st.sampled_from(["flip", "cut", "member", "nest"]))
    if how == "member" and kind == "docx":
        member = draw(st.sampled_from(DOCX_MEMBERS))
        original = zipfile.ZipFile(io.BytesIO(bytes(data))).read(member)
        content = draw(st.one_of(
            st.none(), st.binary(max_size=64),
            st.integers(0, len(original)).map(lambda cut: original[:cut]),
            st.lists(st.integers(0, max(0, len(original) - 1)), min_size=1, max_size=8).map(
                lambda spots: bytes(b ^ 0x5A if i in spots else b for i, b in enumerate(original)))))
        return kind, _rezip(bytes(data), member, content)
    if how == "nest":
        return kind, _nested(kind, draw(st.sampled_from([10, 300, 3000, 30000])))
    if how == "cut":
        return kind, bytes(data[:draw(st.integers(0, len(data)))])
    for spot in draw(st.lists(st.integers(0, len(data) - 1), min_size=1, max_size=30)):
        data[spot] ^= draw(st.integers(1, 255))
    return kind, bytes(data)


@settings(max_examples=60, deadline=None, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.lists(mutated(), min_size=1, max_size=6))
def test_every_mutated_file_is_built_or_skipped_with_its_reason(files):
    with tempfile.TemporaryDirectory() as folder:
        corpus = Path(folder) / "corpus"
        corpus.mkdir()
        (corpus / "good.txt").write_text(TEXT, encoding="utf-8")
        names = {"good.txt"}
        for i, (kind, data) in enumerate(files):
            name = f"m{i}.{kind.split('.')[-1]}"
            (corpus / name).write_bytes(data)
            names.add(name)
        report = build(corpus, Path(folder) / "out", jobs=1, use_cache=False)
        skipped = {s.relative_path: s.reason for s in report.skipped}
        assert report.files_read + len(skipped) == len(names), (report.files_read, skipped)
        assert "good.txt" not in skipped
        for name, reason in skipped.items():
            assert reason.startswith(REASONS), (name, reason)
        graph = GraphStore.from_file(Path(folder) / "out" / "graph.trig")
        sources = {row[0].value for row in graph.select("SELECT DISTINCT ?f WHERE { ?d pol:sourceFile ?f }",
                                                       {"pol": "https://w3id.org/policy-kg/ontology#"})}
        assert sources == names - set(skipped), (sources, skipped)
