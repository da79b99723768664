"""A bounded load test of ``kg serve`` on loopback.

Starts ``kg serve`` on a built graph as a separate process, then CLIENTS
threads for SECONDS each send, in turn, a saved query, a cartesian product
(which must be stopped at the time limit), a resource page and the index.
Prints the answers by status, latency medians by kind, the peak memory of
the server's process tree (sampled every 0.2 s), and how long a simple query
takes once the load stops.

    python benchmarks/serve_load.py BUILD_DIR [--clients 50] [--seconds 30] [--timeout 10] [--drippers 100]

With ``--drippers N``, N more connections drip a request one header line
every DRIP_SECONDS (a slow client, or a slowloris attack) for the whole run;
the answers of the ordinary clients show whether the server still serves.

Exit status 1 when an answer falls outside what the server documents
(200, 400, 404, 422, 503) or the server does not answer a simple query
within a second afterwards.
"""
from __future__ import annotations

import argparse
import collections
import os
import shutil
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import quote, urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.store.query import query_text  # noqa: E402

DOCUMENTED = {200, 400, 404, 422, 503}
CARTESIAN = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
SIMPLE = "SELECT ?n WHERE { ?d eli:id_local ?n } LIMIT 1"
RESOURCE = "/id/" + quote("doc/国办发/2019/5")


def _requests() -> list[tuple[str, str]]:
    """(kind, path) in the order each client cycles through."""
    saved = ["documents", "cites", "cited-by", "evidence", "chains", "agencies-by-measures", "measures-by-agency"]
    out = [("saved query", "/sparql?" + urlencode({"query": query_text(name)})) for name in saved]
    out.insert(2, ("cartesian product", "/sparql?" + urlencode({"query": CARTESIAN})))
    out.insert(5, ("resource page", RESOURCE))
    out.append(("index", "/"))
    return out


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _tree_rss(pid: int) -> int:
    """Resident bytes of a process and its children (from /proc)."""
    total, pending = 0, [pid]
    children = collections.defaultdict(list)
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
                children[int(fields[1])].append(int(entry.name))
            except (OSError, IndexError):
                pass
    while pending:
        current = pending.pop()
        try:
            for line in (Path("/proc") / str(current) / "status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1]) * 1024
        except OSError:
            pass
        pending += children.get(current, [])
    return total


def _get(url: str, timeout: float) -> tuple[int, float]:
    started = time.monotonic()
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            response.read()
            status = response.status
    except urllib.error.HTTPError as err:
        err.read()
        status = err.code
    except OSError:
        status = -1            # connection refused, reset or timed out
    return status, time.monotonic() - started


DRIP_SECONDS = 10


def _drip(port: int, stop: float, held: list[int]) -> None:
    """One slow client: a request line, then a header line every DRIP_SECONDS,
    never the blank line that ends the request; a new connection whenever the
    server closes one (``held`` counts how long connections stayed open)."""
    while time.monotonic() < stop:
        opened = time.monotonic()
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=DRIP_SECONDS * 2) as conn:
                conn.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n")
                n = 0
                while time.monotonic() < stop:
                    time.sleep(min(DRIP_SECONDS, max(0.0, stop - time.monotonic())))
                    if time.monotonic() >= stop:
                        break           # the run is over: the slow client goes too
                    conn.sendall(f"X-Drip-{n}: 1\r\n".encode())
                    n += 1
        except OSError:
            pass            # the server shut the connection: the deadline worked
        held.append(int(time.monotonic() - opened))


def run(build: Path, clients: int, seconds: float, timeout: float, drippers: int = 0) -> int:
    port = _free_port()
    kg = shutil.which("kg") or str(Path(sys.executable).parent / "kg")
    server = subprocess.Popen([kg, "serve", str(build), "--port", str(port), "--timeout", str(timeout)],
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while _get(base + "/sparql?" + urlencode({"query": SIMPLE}), 5)[0] != 200:
            if time.monotonic() > deadline or server.poll() is not None:
                print("the server did not start:", server.stdout.read() if server.poll() is not None else "")
                return 1
            time.sleep(0.2)
        idle_rss = _tree_rss(server.pid)
        results: dict[str, list[tuple[int, float]]] = collections.defaultdict(list)
        lock, stop = threading.Lock(), time.monotonic() + seconds
        peak = [idle_rss]

        def client(offset: int) -> None:
            requests = _requests()
            i = offset
            while time.monotonic() < stop:
                kind, path = requests[i % len(requests)]
                status, took = _get(base + path, timeout * 4)
                with lock:
                    results[kind].append((status, took))
                i += 1

        def sample() -> None:
            while time.monotonic() < stop:
                peak[0] = max(peak[0], _tree_rss(server.pid))
                time.sleep(0.2)

        held: list[int] = []
        dripping = [threading.Thread(target=_drip, args=(port, stop, held), daemon=True) for _ in range(drippers)]
        for t in dripping:
            t.start()
        if drippers:
            time.sleep(1)               # the slow connections are open before the ordinary clients start
        threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
        threads.append(threading.Thread(target=sample))
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        after_status, after = _get(base + "/sparql?" + urlencode({"query": SIMPLE}), 5)
        statuses = collections.Counter(s for rows in results.values() for s, _ in rows)

        print(f"kg serve on {build}: {clients} clients for {seconds:g} s, --timeout {timeout:g}, "
              f"{os.cpu_count()} cores" + (f", {drippers} slow clients dripping a header line every "
                                           f"{DRIP_SECONDS} s" if drippers else ""))
        if held:
            print(f"slow connections shut by the server: {len(held)}, held open for a median "
                  f"{statistics.median(held)} s (max {max(held)} s)")
        print(f"answers: {sum(statuses.values())}; by status: "
              + ", ".join(f"{s}: {n}" for s, n in sorted(statuses.items())))
        for kind, rows in sorted(results.items()):
            kinds = collections.Counter(s for s, _ in rows)
            print(f"  {kind:<18} {len(rows):>6} answers, median {statistics.median(t for _, t in rows):.3f} s, "
                  + ", ".join(f"{s}: {n}" for s, n in sorted(kinds.items())))
        print(f"server memory (process tree RSS): idle {idle_rss / 2**20:.0f} MB, peak {peak[0] / 2**20:.0f} MB")
        print(f"a simple query afterwards: {after_status} in {after:.3f} s")
        unexpected = {s: n for s, n in statuses.items() if s not in DOCUMENTED}
        if unexpected or after_status != 200 or after > 1.0:
            print(f"FAILED: unexpected answers {unexpected}" if unexpected else "FAILED: slow or no answer afterwards")
            return 1
        return 0
    finally:
        server.terminate()
        server.wait(10)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("build", type=Path, help="a build folder (kg build … -o BUILD)")
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--timeout", type=float, default=10)
    parser.add_argument("--drippers", type=int, default=0, help="slow clients that drip a request's header lines")
    args = parser.parse_args()
    sys.exit(run(args.build, args.clients, args.seconds, args.timeout, args.drippers))


if __name__ == "__main__":
    main()
