"""A build's outputs are one unit (#34): whatever stops a build — kill -9,
Ctrl-C, a full disk — graph.trig, report.json, documents.sqlite and graph.html
are all of the previous build or all of the new one, and `kg query` answers
what graph.trig says."""
from __future__ import annotations

import hashlib
import json
import os
import random
import shutil
import signal
import sqlite3
import stat
import subprocess
import sys
import time
from contextlib import closing, contextmanager
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import CORPUS
from kg.cli import main
from kg.pipeline.build import build

SEED = CORPUS / "003_6668840891539c5f.txt"
OTHER = CORPUS / "000_c29c45a3fc6aae4a.txt"
NUMBER = "威环政办发〔2022〕2号"
UNIT = ("graph.trig", "report.json", "documents.sqlite", "graph.html")
NUMBERS = "SELECT ?n WHERE { ?d eli:id_local ?n FILTER(STRSTARTS(?n, '威环政办发')) }"


def _version(corpus: Path, k: int, with_other: bool = True) -> None:
    """The corpus in its k-th version: the seed's number is 〔2022〕k号."""
    corpus.mkdir(exist_ok=True)
    (corpus / "a.txt").write_text(SEED.read_text(encoding="utf-8").replace(NUMBER, f"威环政办发〔2022〕{k}号"),
                                  encoding="utf-8")
    if with_other:
        shutil.copy(OTHER, corpus / "b.txt")
    else:
        (corpus / "b.txt").unlink(missing_ok=True)


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def check_one_build(out: Path) -> str:
    """The outputs are those of one build, and kg query answers what
    graph.trig says; returns the number graph.trig holds."""
    folders = {(out / name).resolve().parent for name in UNIT}
    assert len(folders) == 1, f"outputs of different builds: {folders}"
    graph = out / "graph.trig"
    digest = _digest(graph)
    assert json.loads((out / "report.json").read_text(encoding="utf-8"))["graph_sha256"] == digest
    with closing(sqlite3.connect(out / "documents.sqlite")) as index:
        assert dict(index.execute("SELECT key, value FROM meta"))["graph_sha256"] == digest
    text = graph.read_text(encoding="utf-8")
    written = {n for n in (f"威环政办发〔2022〕{k}号" for k in range(200)) if f'"{n}"' in text}
    result = CliRunner().invoke(main, ["query", str(out), NUMBERS, "-f", "csv"])
    assert result.exit_code == 0, result.output
    answered = {line for line in result.stdout.splitlines()[1:] if line}
    assert answered == written and len(written) == 1, (answered, written)
    return written.pop()


def test_a_build_stopped_between_its_outputs_leaves_the_previous_set_whole(tmp_path, monkeypatch):
    """Stopped after graph.trig was written and before report.json (the
    outputs were renamed one by one: a new graph beside an old report)."""
    from kg.rdf import trig
    corpus, out = tmp_path / "corpus", tmp_path / "out"
    _version(corpus, 2, with_other=False)
    build(corpus, out)
    before = {name: (out / name).read_bytes() for name in UNIT}
    _version(corpus, 3)
    real_replace = trig.os.replace

    def stop_at_the_report(source, target):
        if Path(target).name == "report.json":
            raise KeyboardInterrupt
        return real_replace(source, target)
    monkeypatch.setattr(trig.os, "replace", stop_at_the_report)
    with pytest.raises(KeyboardInterrupt):
        build(corpus, out)
    monkeypatch.undo()
    assert {name: (out / name).read_bytes() for name in UNIT} == before
    assert json.loads((out / "report.json").read_text(encoding="utf-8"))["files_read"] == 1
    assert check_one_build(out) == "威环政办发〔2022〕2号"
    build(corpus, out)
    assert check_one_build(out) == "威环政办发〔2022〕3号"
    assert json.loads((out / "report.json").read_text(encoding="utf-8"))["files_read"] == 2


def test_the_folder_is_synced_after_each_rename(tmp_path, monkeypatch):
    """A rename is durable only once its folder is synced: every output
    renamed into place, and the switch to the new build, is followed by an
    fsync of the folder it happened in."""
    events = []
    real_replace, real_fsync = os.replace, os.fsync

    def replace(source, target):
        real_replace(source, target)
        events.append(("replace", Path(target).parent.resolve()))

    def fsync(fd):
        status = os.fstat(fd)
        if stat.S_ISDIR(status.st_mode):
            events.append(("sync", (status.st_dev, status.st_ino)))
        return real_fsync(fd)
    monkeypatch.setattr(os, "replace", replace)
    monkeypatch.setattr(os, "fsync", fsync)
    corpus = tmp_path / "corpus"
    _version(corpus, 2)
    build(corpus, tmp_path / "out", use_cache=False)
    renamed = [(i, folder) for i, (kind, folder) in enumerate(events) if kind == "replace"]
    assert len(renamed) >= 5
    for i, folder in renamed:
        identity = (folder.stat().st_dev, folder.stat().st_ino)
        assert ("sync", identity) in events[i + 1:], f"no fsync of {folder} after a rename into it"
    # the last rename is the switch, in the output folder itself
    assert renamed[-1][1] == (tmp_path / "out").resolve()


def test_a_folder_an_earlier_version_wrote_is_taken_over(tmp_path):
    """Plain files of an earlier version's build: each name shows the same
    bytes once it is a link, and the next build replaces them all."""
    corpus, out = tmp_path / "corpus", tmp_path / "out"
    _version(corpus, 2)
    build(corpus, out)
    plain = {}
    for name in UNIT + (".kg-stamp-graph.trig",):       # as an earlier version left them: plain files
        plain[name] = (out / name).read_bytes()
        (out / name).unlink()
        (out / name).write_bytes(plain[name])
    (out / ".kg-current").unlink()
    shutil.rmtree(out / ".kg-builds")
    from kg.pipeline.build import OUTPUT_NAMES
    from kg.pipeline.outputs import _adopt_plain_files
    _adopt_plain_files(out, OUTPUT_NAMES)
    assert all((out / name).is_symlink() and (out / name).read_bytes() == data for name, data in plain.items())
    assert check_one_build(out) == "威环政办发〔2022〕2号"
    _version(corpus, 4)
    build(corpus, out)
    assert check_one_build(out) == "威环政办发〔2022〕4号"


@contextmanager
def _small_disk(tmp_path: Path):
    """A 32 MB tmpfs where one can be mounted (root), else None."""
    disk = tmp_path / "disk"
    disk.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=32m", "tmpfs", str(disk)],
                      capture_output=True).returncode != 0:
        yield None
        return
    try:
        yield disk
    finally:
        subprocess.run(["umount", "-l", str(disk)], capture_output=True)


class _FullAfter:
    """Writes of outputs fail with ENOSPC past ``budget`` bytes in all (where
    no tmpfs can be mounted)."""

    def __init__(self, budget: int):
        self.left = budget

    def wrap(self, real_fdopen):
        def fdopen(fd, *args, **kwargs):
            handle = real_fdopen(fd, *args, **kwargs)
            write = handle.write

            def limited(data):
                self.left -= len(data)
                if self.left < 0:
                    raise OSError(28, "No space left on device")
                return write(data)
            handle.write = limited
            return handle
        return fdopen


def _fill(disk: Path, leave: int) -> Path:
    """A file taking all the free space of ``disk`` but ``leave`` bytes."""
    status = os.statvfs(disk)
    filler = disk / "filler"
    with open(filler, "wb") as fh:
        fh.truncate(0)
        fh.write(b"\0" * max(0, status.f_bavail * status.f_frsize - leave))
    return filler


def test_killed_interrupted_or_out_of_space_thirty_times_the_outputs_stay_one_build(tmp_path, monkeypatch):
    """The done-when loop of #34 item 1: 30 builds of a changing corpus, each
    stopped at a random moment — SIGKILL, SIGINT (Ctrl-C) or a full disk —
    and after each, the outputs are one build's and kg query answers the
    number graph.trig holds. A full build at the end takes the last version."""
    from kg.rdf import trig
    rng = random.Random(34)
    with _small_disk(tmp_path) as disk:
        out = (disk or tmp_path) / "out"
        corpus = tmp_path / "corpus"
        _version(corpus, 2)
        build(corpus, out)
        assert check_one_build(out) == "威环政办发〔2022〕2号"
        script = f"from kg.pipeline.build import build; build({str(corpus)!r}, {str(out)!r})"
        started = time.monotonic()
        subprocess.run([sys.executable, "-c", script], check=True)
        whole = time.monotonic() - started            # a whole build, interpreter start included
        outcomes = []
        for run in range(30):
            k = 10 + run
            _version(corpus, k, with_other=run % 2 == 0)
            way = ("SIGKILL", "SIGINT", "full disk")[run % 3]
            if way == "full disk":
                budget = rng.randrange(0, 6_000_000)
                if disk is not None:
                    filler = _fill(disk, budget)
                else:
                    monkeypatch.setattr(trig.os, "fdopen", _FullAfter(budget).wrap(os.fdopen))
                try:
                    build(corpus, out)
                except OSError as exc:
                    assert exc.errno == 28 or "No space" in str(exc), exc
                finally:
                    monkeypatch.undo()
                    if disk is not None:
                        filler.unlink()
            else:
                process = subprocess.Popen([sys.executable, "-c", script], stderr=subprocess.DEVNULL)
                time.sleep(rng.uniform(0.3 * whole, 1.3 * whole))
                process.send_signal(signal.SIGKILL if way == "SIGKILL" else signal.SIGINT)
                process.wait()
            number = check_one_build(out)
            assert number in ("威环政办发〔2022〕2号", *(f"威环政办发〔2022〕{j}号" for j in range(10, k + 1))), number
            outcomes.append((way, number == f"威环政办发〔2022〕{k}号"))
        build(corpus, out)
        assert check_one_build(out) == f"威环政办发〔2022〕{10 + 29}号"
        assert [p.name for p in (out / ".kg-builds").iterdir()] == [(out / ".kg-current").resolve().name]
        # the stops fell both before and after the switch, for each way of stopping
        print("finished before the stop:", outcomes)
