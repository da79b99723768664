"""The build cache: per-file results of earlier builds, so that a rebuild
redoes only what changed.

Kinds of entry, each a pickle in ``OUT/.cache/<kind>/``:

- ``extract``: a file's Extraction, keyed by the file's path and bytes and
  the pipeline version (every rule, dictionary and module of ``kg``): a
  changed dictionary invalidates every extraction it could affect;
- ``graph``: a file's TriG block and contributions, keyed by its extraction
  key and the resolved nodes its mentions point to (a change elsewhere in
  the corpus that re-resolves one of them invalidates it);
- ``shared``: a marker for each shared graph (stubs, inferred, reference,
  ontology) by content, so that patching the store skips those unchanged;
- ``shared-blocks``: the shared graphs' TriG blocks, keyed by what they are
  made of (the files' contributions, the stubs, the inferred links);
- ``layout``: the overview's node positions, keyed by its nodes and links, so
  an edit that changes no link is not laid out again.

Entries are written atomically, so a killed build leaves the cache
consistent; entries no build used are pruned at the end of a build.
"""
from __future__ import annotations

import hashlib
import pickle
from functools import lru_cache
from pathlib import Path
from typing import Optional

from kg.datafiles import PACKAGE_DIR, rules_version
from kg.rdf.trig import atomic_write

CACHE_DIR = ".cache"
KINDS = ("extract", "graph", "shared", "shared-blocks", "layout", "synced")


@lru_cache(maxsize=1)
def pipeline_version() -> str:
    """A digest of the rules, dictionaries and code that shape the output."""
    digest = hashlib.sha256(rules_version().encode())
    package = PACKAGE_DIR
    for path in sorted(package.rglob("*.py")):
        digest.update(path.relative_to(package).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def key(*parts: object) -> str:
    digest = hashlib.sha256(pipeline_version().encode())
    for part in parts:
        digest.update(b"\x1f")
        digest.update(part if isinstance(part, bytes) else repr(part).encode("utf-8"))
    return digest.hexdigest()


class BuildCache:
    def __init__(self, out_dir: Path, enabled: bool = True):
        self.root = Path(out_dir) / CACHE_DIR
        self.enabled = enabled
        self.used: set[Path] = set()
        self.hits = {kind: 0 for kind in KINDS}
        self.misses = {kind: 0 for kind in KINDS}

    def _path(self, kind: str, entry: str) -> Path:
        return self.root / kind / entry[:2] / f"{entry}.pickle"

    def has(self, kind: str, entry: str) -> bool:
        return self.enabled and self._path(kind, entry).is_file()

    def get(self, kind: str, entry: str) -> Optional[object]:
        if not self.enabled:
            return None
        path = self._path(kind, entry)
        try:
            value = pickle.loads(path.read_bytes())
        except Exception:  # noqa: BLE001 - a missing, truncated or corrupted entry is a miss, never a failed build
            self.misses[kind] += 1
            return None
        self.used.add(path)
        self.hits[kind] += 1
        return value

    def put(self, kind: str, entry: str, value: object) -> None:
        if not self.enabled:
            return
        path = self._path(kind, entry)
        atomic_write(path, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
        self.used.add(path)

    def prune(self) -> int:
        """Remove the entries this build did not use; returns how many."""
        if not self.enabled or not self.root.is_dir():
            return 0
        removed = 0
        for path in self.root.rglob("*.pickle"):
            if path not in self.used:
                path.unlink(missing_ok=True)
                removed += 1
        return removed
