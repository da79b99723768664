"""A child started with die_with_parent ends when its parent is killed
(the build's workers, the store's loader): a killed build leaves no
process working on for nobody."""
from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

PARENT = """
import subprocess, sys
from kg.process_lifetime import die_with_parent
child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"], preexec_fn=die_with_parent)
print(child.pid, flush=True)
time_to_die = sys.stdin.readline()
"""


@pytest.mark.skipif(sys.platform != "linux", reason="PR_SET_PDEATHSIG is Linux's")
def test_a_child_ends_with_its_killed_parent():
    parent = subprocess.Popen([sys.executable, "-c", PARENT], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                              cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)}, text=True)
    child = int(parent.stdout.readline())
    os.kill(child, 0)                      # running while its parent lives
    parent.kill()
    parent.wait()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        if not _running(child):
            return
        time.sleep(0.05)
    pytest.fail(f"child {child} outlived its killed parent")


def _running(pid: int) -> bool:
    """Alive, and not a zombie waiting for whoever adopted it to reap it."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state not in ("Z", "X")


BUILD_POOL = """
import os, sys, time
from kg.pipeline.build import _pool
with _pool(2, 4, from_server=True) as pool:
    started = [pool.submit(time.sleep, 0.5) for _ in range(4)]     # both workers up
    workers = {pool.submit(os.getpid).result() for _ in range(8)}
    parents = {pool.submit(os.getppid).result() for _ in range(8)}
    pool.submit(time.sleep, 60)
    pool.submit(time.sleep, 60)
    print(os.getpid(), ",".join(map(str, workers)), ",".join(map(str, parents)), flush=True)
    sys.stdin.readline()
"""


@pytest.mark.skipif(sys.platform != "linux", reason="PR_SET_PDEATHSIG is Linux's")
def test_graph_writing_workers_are_no_forks_of_the_build_and_end_with_it():
    """The workers that write graph blocks are forked from a server process
    that holds only the modules: a fork of the build holds its whole heap
    and copies it page by page (over 1 GB for two workers at 100,000
    files). Killed, the build takes them with it all the same."""
    parent = subprocess.Popen([sys.executable, "-c", BUILD_POOL], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                              cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)}, text=True)
    build, workers, parents = parent.stdout.readline().split()
    workers_pids = [int(p) for p in workers.split(",")]
    assert int(build) not in {int(p) for p in parents.split(",")}
    parent.kill()
    parent.wait()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        if not any(_running(pid) for pid in workers_pids):
            return
        time.sleep(0.05)
    pytest.fail(f"workers {workers_pids} outlived the killed build")


def test_workers_forked_from_the_build_or_from_the_server_write_the_same_bytes(tmp_path, monkeypatch):
    """Below WORKERS_FROM_SERVER_FROM files the writing workers are the
    build's forks (starting a server costs more than the small heap they
    copy), from it on they are the server's: one graph either way, and the
    one a build in one process writes."""
    sys.path.insert(0, str(ROOT))
    from benchmarks.generate_corpus import generate
    from kg.pipeline import build as build_module
    corpus = tmp_path / "corpus"
    generate(corpus, 120)
    graphs = []
    for name, jobs, start in (("one", 1, 1000), ("forked", 2, 10 ** 9), ("server", 2, 0)):
        monkeypatch.setattr(build_module, "WORKERS_FROM_SERVER_FROM", start)
        build_module.build(corpus, tmp_path / name, use_cache=False, jobs=jobs)
        graphs.append((tmp_path / name / "graph.trig").read_bytes())
    assert graphs[0] == graphs[1] == graphs[2]
