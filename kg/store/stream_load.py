"""Load the query store while the build writes its graph (``kg build --store``).

One after the other, a 100,000-file build and the bulk load of its graph
took 752 + 506 s (benchmarks/README.md). Fed the same bytes as they are
written, in a process of its own (the loader holds the GIL while it parses),
the loader works beside the build's writing and its index and overview, on
whatever the build leaves of the cores. The store is built aside and
swapped in only once the graph file it holds is in place, as
``write_store`` does for a finished file.

Run as ``python -m kg.store.stream_load DIR``: loads TriG from stdin into a
new store in DIR.
"""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path
from typing import Optional

from kg.process_lifetime import die_with_parent

# Linux lets a pipe hold up to 1 MiB (/proc/sys/fs/pipe-max-size): fewer
# waits for the writer when the loader is busy with a batch
PIPE_BYTES = 1 << 20


class StoreLoader:
    """A store being loaded, in another process, from what is written to it."""

    def __init__(self, directory: Path):
        from kg.store.database import new_store_dir
        self.fresh = new_store_dir(Path(directory))
        self.failure: Optional[str] = None
        self.process = subprocess.Popen(loader_command(self.fresh), stdin=subprocess.PIPE, stderr=subprocess.PIPE,
                                        preexec_fn=die_with_parent if sys.platform == "linux" else None)
        _widen_pipe(self.process.stdin)

    def write(self, data: bytes) -> None:
        if self.failure is not None:
            return
        try:
            self.process.stdin.write(data)          # type: ignore[union-attr]
        except BrokenPipeError:
            self._ended("stopped reading")

    def finish(self) -> Optional[Path]:
        """The loaded store's folder, once the loader has read everything;
        None when it failed (``failure`` says why)."""
        if self.failure is None:
            try:
                self.process.stdin.close()          # type: ignore[union-attr]
            except BrokenPipeError:
                pass
            self._ended("failed")
        if self.failure is not None:
            shutil.rmtree(self.fresh, ignore_errors=True)
            return None
        return self.fresh

    def abandon(self) -> None:
        """Stop the loader and remove what it loaded (the build failed, or
        patched the previous store instead)."""
        self.process.kill()
        self.process.wait()
        for stream in (self.process.stdin, self.process.stderr):
            if stream is not None:
                stream.close()
        shutil.rmtree(self.fresh, ignore_errors=True)

    def _ended(self, what: str) -> None:
        errors = self.process.stderr.read().decode("utf-8", "replace").strip()   # type: ignore[union-attr]
        self.process.stderr.close()                                             # type: ignore[union-attr]
        if self.process.wait() != 0 and self.failure is None:
            last = errors.splitlines()[-1] if errors else f"exit status {self.process.returncode}"
            self.failure = f"the store's loader {what}: {last}"


def loader_command(target: Path) -> list[str]:
    """The loader's process: this module, with this interpreter."""
    return [sys.executable, "-m", "kg.store.stream_load", str(target)]


def _widen_pipe(stream) -> None:
    try:
        import fcntl
        fcntl.fcntl(stream.fileno(), getattr(fcntl, "F_SETPIPE_SZ", 1031), PIPE_BYTES)
    except (ImportError, OSError):
        pass        # another system, or a lower limit: the default pipe works, with more waits


def main(argv: list[str]) -> int:
    import pyoxigraph as ox
    (target,) = argv
    store = ox.Store(target)
    # the bytes are the build's own TriG, written by this version of the code
    # (tests parse it strictly): not checked again, as a user's file would be
    store.bulk_load(input=sys.stdin.buffer, format=ox.RdfFormat.TRIG, lenient=True)
    store.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

