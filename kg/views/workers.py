"""The processes that answer ``kg serve``'s requests.

A SPARQL engine cannot be interrupted from another thread: a thread that
runs past its time keeps the cores busy, and a query that crashes the engine
takes the process with it. So every page and query runs in a worker process
of a fixed pool, each with its own read-only view of the store; a request
past its time ends its worker (SIGKILL) and a fresh one takes its place, and
a worker that dies is replaced the same way. The server itself never runs a
query.
"""
from __future__ import annotations

import multiprocessing
import queue
import threading
import time
from dataclasses import dataclass
from http import HTTPStatus
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Callable, Optional

from kg.views.site import Refused

DEFAULT_WORKERS = 2
DEFAULT_TIMEOUT = 10.0        # seconds per request
START_TIMEOUT = 120.0         # a worker opening a graph file parses it first


def _work(conn: Connection, graph: str, max_bytes: int) -> None:
    """A worker's loop: open the graph, then answer (method, args) with
    ("ok", media, body) or ("refused", status, message)."""
    from kg.store.database import GraphFileError, load_graph
    from kg.views.site import Site

    try:
        site = Site(load_graph(Path(graph)), max_bytes=max_bytes, corpus=corpus_of(Path(graph)))
    except GraphFileError as exc:
        conn.send(("failed", str(exc)))
        return
    conn.send(("ready",))
    while True:
        try:
            method, args = conn.recv()
        except (EOFError, OSError):      # the server is gone
            return
        try:
            media, body = getattr(site, method)(*args)
            if len(body) > max_bytes:
                raise Refused(HTTPStatus.UNPROCESSABLE_ENTITY,
                              f"the answer is larger than {max_bytes} bytes; add a LIMIT or narrow the request")
            reply = ("ok", media, body)
        except Refused as exc:
            reply = ("refused", exc.status.value, exc.message)
        except Exception as exc:        # a bug answers 500; the worker goes on
            reply = ("refused", HTTPStatus.INTERNAL_SERVER_ERROR.value, f"{type(exc).__name__}: {exc}")
        conn.send(reply)


def corpus_of(graph: Path):
    """The corpus a build read (its report says), for the documents' texts;
    None when there is no report or the folder is gone."""
    import json
    folder = graph if graph.is_dir() else graph.parent
    try:
        corpus = Path(json.loads((folder / "report.json").read_text(encoding="utf-8"))["corpus"])
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return corpus if corpus.is_dir() else None


class WorkerStartError(RuntimeError):
    """A worker could not open the graph; the message names the file."""


@dataclass
class _Worker:
    process: multiprocessing.process.BaseProcess
    conn: Connection

    def kill(self) -> None:
        """End the process, touching no descriptor: safe from any thread (the
        thread that holds the worker then reads EOF and retires it)."""
        self.process.kill()         # a no-op once the process has ended

    def stop(self) -> None:
        """End the process and close the pipe: only by the worker's holder."""
        self.kill()
        self.process.join(5)
        self.conn.close()


def start_process(graph: str, max_bytes: int) -> _Worker:
    """A worker process opening ``graph``, and the server's end of its pipe."""
    # spawn, not fork: the server has threads, and a forked child would
    # inherit their locks
    context = multiprocessing.get_context("spawn")
    parent, child = context.Pipe()
    process = context.Process(target=_work, args=(child, graph, max_bytes), name="kg-serve-worker", daemon=True)
    process.start()
    child.close()
    return _Worker(process, parent)


class WorkerPool:
    """``size`` worker processes over ``graph``; ``call(method, *args)`` runs
    a ``Site`` method in one of them within ``timeout`` seconds (waiting for
    a free worker included).

    Each worker has one holder at a time: the idle queue, the request
    thread that took it, or the thread that started it. Only the holder
    closes its pipe (a pipe closed under another thread's poll is EBADF, or
    worse, a reused descriptor); ``close()`` ends the processes it does not
    hold by signal, and each holder then retires its own. ``_lock`` guards
    ``_closed``, the live workers and what enters the idle queue, so that
    nothing is offered to a closed pool."""

    def __init__(self, graph: Path, size: int = DEFAULT_WORKERS, timeout: float = DEFAULT_TIMEOUT,
                 max_bytes: int = 20 * 1024 * 1024, start: Callable[[str, int], _Worker] = start_process,
                 wait: bool = True):
        self.graph, self.timeout, self.max_bytes = str(graph), timeout, max_bytes
        self._start = start
        self.idle: queue.Queue[_Worker] = queue.Queue()
        self.replacements = 0
        self._closed = False
        self._workers: dict[int, _Worker] = {}     # every live worker, by pid, for close()
        self._lock = threading.Lock()
        self._starting: list[_Worker] = []         # held here until offered
        try:
            for _ in range(max(1, size)):
                worker = self._spawn()
                if worker is None:
                    raise WorkerStartError(f"{self.graph}: the pool was closed while it started")
                self._starting.append(worker)
        except BaseException:
            self.close()
            for worker in self._starting:
                self._retire(worker)
            raise
        if wait:
            self.wait_ready()

    def wait_ready(self) -> None:
        """Wait for the workers started with the pool to open the graph
        (``wait=False`` lets several pools open it at once), then offer them.
        Raises WorkerStartError, the pool closed."""
        started, self._starting = self._starting, []
        try:
            for worker in started:
                self._await_ready(worker)
            for worker in started:
                self._offer(worker)
        except BaseException:
            self.close()
            for worker in started:
                self._retire(worker)
            raise

    def _spawn(self) -> Optional[_Worker]:
        """A started worker, registered; None once the pool is closed."""
        if self._closed:
            return None
        worker = self._start(self.graph, self.max_bytes)
        pid = worker.process.pid
        assert pid is not None, "a started process has its pid"
        with self._lock:
            closed = self._closed
            if not closed:
                self._workers[pid] = worker
        if closed:                 # close() came while it started: it never saw this one
            worker.stop()
            return None
        return worker

    def _await_ready(self, worker: _Worker) -> None:
        try:
            if not worker.conn.poll(START_TIMEOUT):
                raise WorkerStartError(f"{self.graph}: the graph did not open within {START_TIMEOUT:g} s")
            message = worker.conn.recv()
        except (EOFError, OSError):
            raise WorkerStartError(f"{self.graph}: the worker process ended while opening the graph") from None
        if message[0] != "ready":
            raise WorkerStartError(message[1])

    def _offer(self, worker: _Worker) -> None:
        """Back to the idle queue; retired instead once the pool is closed."""
        with self._lock:
            if not self._closed:
                self.idle.put(worker)
                return
        self._retire(worker)

    def _replace(self, worker: _Worker) -> None:
        """End ``worker`` and start another in the background (the request
        that ended it is answered at once)."""
        self._retire(worker)
        with self._lock:
            self.replacements += 1
            if self._closed:
                return
        threading.Thread(target=self._respawn, name="kg-serve-respawn", daemon=True).start()

    def _respawn(self) -> None:
        fresh = self._spawn()
        if fresh is None:
            return
        try:
            self._await_ready(fresh)
        except WorkerStartError:     # the graph no longer opens, or close() ended it
            self._retire(fresh)
            return
        self._offer(fresh)

    def call(self, method: str, *args) -> tuple[str, bytes]:
        deadline = time.monotonic() + self.timeout
        try:
            worker = self.idle.get(timeout=self.timeout)
        except queue.Empty:
            raise Refused(HTTPStatus.SERVICE_UNAVAILABLE,
                          f"every worker stayed busy for {self.timeout:g} s; try again later") from None
        try:
            worker.conn.send((method, args))
            if not worker.conn.poll(max(0.0, deadline - time.monotonic())):
                self._replace(worker)
                raise Refused(HTTPStatus.SERVICE_UNAVAILABLE,
                              f"the request exceeded the time limit of {self.timeout:g} s and was stopped")
            reply = worker.conn.recv()
        except (EOFError, OSError):
            self._replace(worker)
            raise Refused(HTTPStatus.INTERNAL_SERVER_ERROR,
                          "the query engine stopped on this request; the server goes on") from None
        self._offer(worker)
        if reply[0] == "ok":
            return reply[1], reply[2]
        raise Refused(HTTPStatus(reply[1]), reply[2])

    def _retire(self, worker: _Worker) -> None:
        """Stop a worker its caller holds (once: it leaves the live set)."""
        pid = worker.process.pid
        with self._lock:
            mine = pid is not None and self._workers.get(pid) is worker
            if mine and pid is not None:
                del self._workers[pid]
        if mine:
            worker.stop()

    def close(self) -> None:
        """End every worker, busy or idle: the idle ones here, the others by
        signal (their holders retire them)."""
        with self._lock:
            self._closed = True
            busy = list(self._workers.values())
        while True:
            try:
                idle = self.idle.get_nowait()
            except queue.Empty:
                break
            self._retire(idle)
        for worker in busy:
            worker.kill()
