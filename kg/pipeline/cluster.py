"""``kg build --cluster``: the build's map stages on a Dask distributed
cluster (#35 item 3).

The build is map (read and extract each file), reduce (resolve, in this
process) and map again (each file's graph block). Either map runs on the
cluster's workers instead of forked processes: an address joins a running
scheduler (``tcp://host:8786``, which dask-jobqueue starts on SLURM or PBS,
dask-kubernetes on Kubernetes, dask-yarn on YARN); ``local`` starts a
cluster of worker processes on this machine. The results come back in file
order, so the outputs are the bytes a one-process build writes. Workers
read the corpus and the build's store by path: on more than one machine
both must lie on a file system they share (as a cluster's home or scratch
does). A file's time limit (600 s) holds in forked workers only: a Dask
worker runs tasks outside its main thread, where no timer can interrupt one.

Dask, not Ray or Spark: it installs from PyPI as pure Python (``pip install
policy-kg[cluster]``, about 4 s here), maps Python functions over Python
objects with no schema, and deploys on the schedulers research groups have
through maintained packages.
"""
from __future__ import annotations

from typing import Optional

LOCAL = "local"
CONNECT_SECONDS = 30


class ClusterError(RuntimeError):
    """The cluster cannot be used: Dask is not installed, or no scheduler answers at the address."""


class DaskPool:
    """A cluster behind the interface of concurrent.futures that the build's
    map stages use (``submit`` returning futures with ``result``)."""

    def __init__(self, address: str, workers: int):
        try:
            from distributed import Client, LocalCluster
        except ImportError:
            raise ClusterError("kg build --cluster needs Dask distributed: pip install 'policy-kg[cluster]'") from None
        self._cluster: Optional[object] = None
        try:
            if address == LOCAL:
                self._cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                             dashboard_address=None)
                self.client = Client(self._cluster)
            else:
                self.client = Client(address, timeout=CONNECT_SECONDS)
        except (OSError, TimeoutError, ValueError) as exc:
            raise ClusterError(f"no Dask scheduler answers at {address} ({exc})") from None
        self.workers = max(1, len(self.client.scheduler_info().get("workers", {})) or workers)

    def submit(self, fn, *args):
        # pure=False: never hash the arguments (a chunk of paths or tasks) into a task key
        return self.client.submit(fn, *args, pure=False)

    def close(self) -> None:
        self.client.close()
        if self._cluster is not None:
            self._cluster.close()       # type: ignore[attr-defined]

    def __enter__(self) -> "DaskPool":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
