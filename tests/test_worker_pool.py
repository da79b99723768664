"""kg serve's worker pool under concurrency: respawn threads, request
threads and close() add and retire workers at once (#36 item 6). Workers
here are stand-ins (a pipe that says "ready"), so that a thousand rounds
take seconds; the pool's code is the server's."""
from __future__ import annotations

import itertools
import multiprocessing
import os
import random
import sys
import threading
from pathlib import Path

import pytest

from kg.views.workers import WorkerPool, _Worker

ROUNDS = 1000


class StandInProcess:
    """A worker process's stand-in: ready at once, ended by kill() (its end
    of the pipe closes, as a killed process's does)."""
    pids = itertools.count(1)

    def __init__(self, conn):
        self.pid = next(self.pids)
        self._conn, self._lock = conn, threading.Lock()

    def kill(self) -> None:
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None

    def join(self, timeout=None) -> None:
        pass


class CountedWorker(_Worker):
    def __init__(self, process, conn):
        super().__init__(process, conn)
        self.stops = 0

    def stop(self) -> None:
        self.stops += 1
        super().stop()


class StandIns:
    def __init__(self):
        self.started: list[CountedWorker] = []

    def start(self, graph: str, max_bytes: int) -> _Worker:
        parent, child = multiprocessing.Pipe()
        child.send(("ready",))
        worker = CountedWorker(StandInProcess(child), parent)
        self.started.append(worker)
        return worker


@pytest.fixture
def often_switched():
    """Threads switched every microsecond (not every 5 ms): the rounds then
    interleave at many more points."""
    previous = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    yield
    sys.setswitchinterval(previous)


@pytest.fixture
def thread_errors(monkeypatch):
    errors: list[BaseException] = []
    monkeypatch.setattr(threading, "excepthook", lambda args: errors.append(args.exc_value))
    return errors


def open_descriptors() -> int:
    return len(os.listdir("/proc/self/fd"))


def test_respawning_and_closing_at_once_a_thousand_times(thread_errors, often_switched):
    """Each round: both workers are replaced in threads while close() runs,
    in a shuffled order. Afterwards every worker the pool started was stopped
    exactly once, none is left live or idle, no thread raised, and no pipe
    is left open."""
    rng = random.Random(36)
    before = open_descriptors()
    for _ in range(ROUNDS):
        stand_ins = StandIns()
        pool = WorkerPool(Path("unused.trig"), size=2, timeout=1.0, start=stand_ins.start)
        workers = [pool.idle.get(timeout=1) for _ in range(2)]
        threads = [threading.Thread(target=pool._replace, args=(w,)) for w in workers]
        threads.append(threading.Thread(target=pool.close))
        rng.shuffle(threads)
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        for t in threading.enumerate():      # the respawns the replacements started
            if t.name == "kg-serve-respawn":
                t.join()
        pool.close()                          # again: nothing is closed twice
        assert [w.stops for w in stand_ins.started] == [1] * len(stand_ins.started)
        assert not pool._workers and pool.idle.empty()
    assert thread_errors == []
    assert open_descriptors() <= before + 2
