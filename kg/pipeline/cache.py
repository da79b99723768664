"""The build cache: per-file results of earlier builds, so that a rebuild
redoes only what changed.

Kinds of entry, each a pickle in ``OUT/.cache/<kind>/``:

- ``extract``: a file's Extraction;
- ``graph``: a file's TriG block and contributions;
- ``shared``: a marker for each shared graph (stubs, inferred, reference,
  ontology) by content, so that patching the store skips those unchanged;
- ``shared-blocks``: the shared graphs' TriG blocks;
- ``view``: the overview page;
- ``synced``: the fingerprint of the graph file the store holds.

Each is keyed by what it is made from, declared in ``kg.pipeline.inputs``
(the pipeline version, every rule, dictionary, ontology file and module of
``kg``, among them): a changed dictionary invalidates every entry.

Entries are written atomically, so a killed build leaves the cache
consistent; entries no build used are pruned at the end of a build.

An entry is a pickle, and unpickling runs code: so each entry carries an
HMAC of its bytes, its kind and its cache key, under a key that lives
outside the output folder, in the user's configuration
(``~/.config/policy-kg/cache.key``, mode 0600, made on first use;
``KG_CACHE_KEY_FILE`` overrides the place). An entry planted in
``OUT/.cache`` by anyone without that key, or a signed entry moved to
another entry's place, fails the check and is never unpickled: like a
truncated or corrupted entry it is a miss, counted in ``rejected`` and
reported as a warning.
"""
from __future__ import annotations

import hashlib
import hmac
import os
import pickle
import secrets
from functools import lru_cache
from pathlib import Path
from typing import Optional

from kg.datafiles import ONTOLOGY_DIR, PACKAGE_DIR
from kg.rdf.trig import atomic_write

CACHE_DIR = ".cache"
KINDS = ("extract", "graph", "shared", "shared-blocks", "synced", "view")
MAC_SIZE = 32


def key_file() -> Path:
    override = os.environ.get("KG_CACHE_KEY_FILE")
    if override:
        return Path(override)
    config = os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config"
    return Path(config) / "policy-kg" / "cache.key"


@lru_cache(maxsize=1)
def signing_key() -> bytes:
    """The user's cache key, made on first use. Where it cannot be kept (no
    writable home), a key for this process only: the cache then works
    within one build and earlier entries are misses."""
    path = key_file()
    try:
        data = path.read_bytes()
        if len(data) >= 32:
            return data
    except OSError:
        pass
    fresh = secrets.token_bytes(32)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "wb") as fh:
            fh.write(fresh)
    except FileExistsError:          # another build made it first
        return path.read_bytes()
    except OSError:
        pass
    return fresh


def _mac(kind: str, entry: str, payload: bytes) -> bytes:
    """The HMAC of an entry's bytes together with its kind and key: an entry
    signed for one key is not valid under another (an entry copied over
    another's file fails its check instead of being read as that one)."""
    return hmac.new(signing_key(), f"{kind}\x1f{entry}\x1f".encode("ascii") + payload, hashlib.sha256).digest()


def pipeline_version() -> str:
    """A digest of what shapes the output besides the corpus: the code, the
    rules and dictionaries (``kg/data``) and the ontology (its SKOS schemes
    are read by extraction as well as written). Every block's inputs name it
    (``kg.pipeline.inputs``)."""
    return _version(PACKAGE_DIR, ONTOLOGY_DIR)


@lru_cache(maxsize=None)
def _version(package: Path, ontology: Path) -> str:
    digest = hashlib.sha256()
    for folder, pattern in ((package, "*.py"), (package / "data", "*"), (ontology, "*")):
        for path in sorted(folder.rglob(pattern)):
            if path.is_file():
                digest.update(f"{folder.name}/{path.relative_to(folder).as_posix()}".encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


class BuildCache:
    def __init__(self, out_dir: Path, enabled: bool = True, scratch: bool = False):
        self.root = Path(out_dir) / CACHE_DIR
        self.enabled = enabled
        # a scratch cache lives for one build only (a spill folder, removed at its end):
        # entries are written in place, with no rename to make them atomic
        self.scratch = scratch
        self.used: set[Path] = set()
        self.hits = {kind: 0 for kind in KINDS}
        self.misses = {kind: 0 for kind in KINDS}
        self.rejected: list[Path] = []      # entries present but failing their check

    def _path(self, kind: str, entry: str) -> Path:
        return self.root / kind / entry[:2] / f"{entry}.pickle"

    def has(self, kind: str, entry: str) -> bool:
        return self.enabled and self._path(kind, entry).is_file()

    def get(self, kind: str, entry: str) -> Optional[object]:
        """An entry of an earlier build (counted as a hit or a miss)."""
        if not self.enabled:
            return None
        path = self._path(kind, entry)
        try:
            data = path.read_bytes()
        except OSError:
            self.misses[kind] += 1
            return None
        value = self._checked(kind, entry, path, data)
        if value is None:
            self.misses[kind] += 1
            return None
        self.used.add(path)
        self.hits[kind] += 1
        return value

    def read(self, kind: str, entry: str) -> Optional[object]:
        """An entry this build wrote or already counted (not counted again;
        callable from a worker process)."""
        if not self.enabled:
            return None
        path = self._path(kind, entry)
        try:
            return self._checked(kind, entry, path, path.read_bytes())
        except OSError:
            return None

    def _checked(self, kind: str, entry: str, path: Path, data: bytes) -> Optional[object]:
        mac, payload = data[:MAC_SIZE], data[MAC_SIZE:]
        try:
            if not hmac.compare_digest(mac, _mac(kind, entry, payload)):
                raise ValueError("not signed with this user's cache key")
            return pickle.loads(payload)
        except Exception:  # noqa: BLE001 - a forged, truncated or corrupted entry is a miss, never a failed build
            self.rejected.append(path)
            return None

    def put(self, kind: str, entry: str, value: object) -> None:
        if not self.enabled:
            return
        path = self._path(kind, entry)
        payload = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        if self.scratch:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(_mac(kind, entry, payload) + payload)
        else:
            atomic_write(path, _mac(kind, entry, payload) + payload, durable=False)     # a lost entry is a miss
        self.used.add(path)

    def mark_used(self, kind: str, entry: str) -> None:
        """An entry written by another process for this build: kept by ``prune``."""
        self.used.add(self._path(kind, entry))

    def forget(self, kind: str, entry: str) -> None:
        """Remove one entry now (a record that stops being true while the
        build runs, such as which graph the store holds)."""
        if self.enabled:
            self._path(kind, entry).unlink(missing_ok=True)

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
