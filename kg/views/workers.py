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

    def stop(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join(5)
        self.conn.close()


class WorkerPool:
    """``size`` worker processes over ``graph``; ``call(method, *args)`` runs
    a ``Site`` method in one of them within ``timeout`` seconds (waiting for
    a free worker included)."""

    def __init__(self, graph: Path, size: int = DEFAULT_WORKERS, timeout: float = DEFAULT_TIMEOUT,
                 max_bytes: int = 20 * 1024 * 1024, wait: bool = True):
        self.graph, self.timeout, self.max_bytes = str(graph), timeout, max_bytes
        # spawn, not fork: the server has threads, and a forked child would
        # inherit their locks
        self.context = multiprocessing.get_context("spawn")
        self.idle: queue.Queue[_Worker] = queue.Queue()
        self.replacements = 0
        self._closed = False
        self._workers: dict[int, _Worker] = {}     # every live worker, by pid, for close()
        # the respawn threads, the request threads and close() all add and
        # retire workers: one lock, and a worker is stopped by whoever takes
        # it out of the dict (never twice: a double close is EBADF)
        self._lock = threading.Lock()
        self._starting = [self._spawn() for _ in range(max(1, size))]
        if wait:
            self.wait_ready()

    def wait_ready(self) -> None:
        """Wait for the workers started with the pool to open the graph
        (``wait=False`` lets several pools open it at once). Raises
        WorkerStartError, the pool closed."""
        starting, self._starting = self._starting, []
        try:
            for worker in starting:
                self._await_ready(worker)
                self.idle.put(worker)
        except BaseException:
            self.close()
            raise

    def _spawn(self) -> _Worker:
        parent, child = self.context.Pipe()
        process = self.context.Process(target=_work, args=(child, self.graph, self.max_bytes),
                                       name="kg-serve-worker", daemon=True)
        process.start()
        child.close()
        worker = _Worker(process, parent)
        assert process.pid is not None, "a started process has its pid"
        with self._lock:
            self._workers[process.pid] = worker
        return worker

    def _await_ready(self, worker: _Worker) -> None:
        if not worker.conn.poll(START_TIMEOUT):
            raise WorkerStartError(f"{self.graph}: the graph did not open within {START_TIMEOUT:g} s")
        try:
            message = worker.conn.recv()
        except EOFError:
            raise WorkerStartError(f"{self.graph}: the worker process ended while opening the graph") from None
        if message[0] != "ready":
            raise WorkerStartError(message[1])

    def _replace(self, worker: _Worker) -> None:
        """End ``worker`` and start another in the background (the request
        that ended it is answered at once)."""
        self._retire(worker)
        self.replacements += 1

        def start() -> None:
            fresh = self._spawn()
            try:
                self._await_ready(fresh)
            except WorkerStartError:
                self._retire(fresh)
                return
            if self._closed:
                self._retire(fresh)
            else:
                self.idle.put(fresh)
        threading.Thread(target=start, name="kg-serve-respawn", daemon=True).start()

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
        self.idle.put(worker)
        if reply[0] == "ok":
            return reply[1], reply[2]
        raise Refused(HTTPStatus(reply[1]), reply[2])

    def _retire(self, worker: _Worker) -> None:
        pid = worker.process.pid
        with self._lock:
            mine = pid is not None and self._workers.get(pid) is worker
            if mine and pid is not None:
                del self._workers[pid]
        if mine:
            worker.stop()

    def close(self) -> None:
        """End every worker, busy or idle."""
        with self._lock:
            self._closed = True
            workers = list(self._workers.values())
        for worker in workers:
            self._retire(worker)
