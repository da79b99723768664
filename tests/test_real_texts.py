"""No file stops a build: every real text under ../shared (seeds, corpus-extra,
corpus-pages clean and damaged) and fuzzed variants of each (cut at random
points, lines dropped or shuffled, the header block removed, bytes flipped)
is read with no step failing, and a build of them all finishes with a
quality report. Skipped where ../shared is absent."""
from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import ROOT
from kg.cli import main
from kg.models import Extraction, SkippedFile
from kg.pipeline.build import read_and_extract

SHARED = ROOT.parent / "shared"
FOLDERS = ("seeds", "corpus-extra", "corpus-pages/clean", "corpus-pages/damaged")
REAL_TEXTS = sorted(p for folder in FOLDERS for p in (SHARED / folder).glob("*.txt")) if SHARED.is_dir() else []

needs_shared = pytest.mark.skipif(not REAL_TEXTS, reason=f"{SHARED} not present")


def _extract(path: Path):
    return read_and_extract((path, path.parent))


@needs_shared
@pytest.mark.parametrize("path", REAL_TEXTS, ids=lambda p: f"{p.parent.name}/{p.name[:24]}")
def test_real_text_is_read_with_no_step_failing(path):
    x = _extract(path)
    assert isinstance(x, Extraction), x
    assert x.errors == (), [str(e) for e in x.errors]


def _variants(data: bytes, rng: random.Random):
    """Damaged copies of a file, as real saving and copying damage them."""
    text = data.decode("utf-8", errors="replace")
    lines = text.split("\n")
    yield "cut", text[:rng.randrange(1, max(2, len(text)))].encode("utf-8")
    yield "lines dropped", "\n".join(l for l in lines if rng.random() > 0.3).encode("utf-8")
    shuffled = lines[:]
    rng.shuffle(shuffled)
    yield "lines shuffled", "\n".join(shuffled).encode("utf-8")
    yield "header removed", "\n".join(lines[rng.randrange(3, 12):]).encode("utf-8")
    flipped = bytearray(data)
    for _ in range(max(1, len(flipped) // 200)):
        flipped[rng.randrange(len(flipped))] = rng.randrange(256)
    yield "bytes flipped", bytes(flipped)
    yield "one line", text.replace("\n", " ").encode("utf-8")
    body = "".join(f"<p>{line}</p>" for line in lines[rng.randrange(1, 6):])
    yield "html titled x", f"<html><head><title>x</title></head><body>{body}</body></html>".encode("utf-8")
    yield "high bytes", bytes(rng.randrange(128, 256) for _ in range(400))


@needs_shared
@pytest.mark.parametrize("path", REAL_TEXTS, ids=lambda p: f"{p.parent.name}/{p.name[:24]}")
def test_fuzzed_variants_are_read_with_no_step_failing(path, tmp_path):
    rng = random.Random(path.name)
    for kind, data in _variants(path.read_bytes(), rng):
        variant = tmp_path / "variant.txt"
        variant.write_bytes(data)
        x = _extract(variant)
        assert isinstance(x, (Extraction, SkippedFile)), kind
        if isinstance(x, Extraction):
            assert x.errors == (), (kind, [str(e) for e in x.errors])


@needs_shared
def test_build_of_every_real_text_ends_with_a_quality_report(tmp_path):
    corpus = tmp_path / "corpus"
    for path in REAL_TEXTS:
        target = corpus / path.parent.name / path.name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(path.read_bytes())
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["build", str(corpus), "-o", str(out), "--no-cache"])
    assert result.exit_code == 0, result.output
    assert "quality:" in result.output
    quality = json.loads((out / "report.json").read_text(encoding="utf-8"))["quality"]
    assert quality["documents"] == len(REAL_TEXTS)
    assert quality["errors"] == []
    validated = CliRunner().invoke(main, ["validate", str(out)])
    assert validated.exit_code == 0 and "conforms" in validated.output, validated.output[-2000:]
    again = CliRunner().invoke(main, ["report", str(out)])
    assert again.exit_code == 0 and again.output.startswith("quality:")
    as_json = json.loads(CliRunner().invoke(main, ["report", str(out), "-f", "json"]).output)
    warnings = json.loads((out / "report.json").read_text(encoding="utf-8"))["warnings"]
    assert as_json == {**quality, "warnings": warnings}
    assert f"warnings: {len(warnings)}" in again.output      # the build's warnings, again


def test_a_page_dated_only_by_its_portal_is_not_reported_without_a_date(tmp_path):
    """The quality report counts the portal's 发布日期 as the page's date (#33):
    a page whose only date is its 发布时间 is not 'without own date'."""
    from kg.pipeline.build import build
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("关于推进养老服务发展的实施意见\n发布时间:2024-09-11 11:23\n各镇政府:\n"
                                  "为加快发展养老服务业,现提出如下意见。\n", encoding="utf-8")
    report = build(corpus, tmp_path / "out")
    assert report.quality.missing["date"] == []
