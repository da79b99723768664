"""What the build keeps of each file between reading it and writing its
graph block: a summary, not the whole extraction (#35).

Resolution, the report and the document network read a file's identity,
citations, facts and warnings; only its graph block reads its text, its
measures, agencies, service models and targets. So once a file is extracted
its full extraction goes to the build cache (or, with the cache off, to a
spill folder of the build's own) and memory keeps a ``FileSummary``: the
extraction without those parts and without its text, what the silver checks
found in the text, and the sentence behind each citation (the network's
evidence). Writing the block reads the full extraction back by its cache
key. Memory then grows with the summaries (a few KB a file), not with the
extractions (some 150 KB a file).
"""
from __future__ import annotations

import shutil
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Optional, cast

from kg.models import Document, Extraction
from kg.pipeline import cache as build_cache
from kg.pipeline.silver import silver_flags

SPILL_PREFIX = ".kg-spill-"      # remove_leftovers clears one a killed build left


@dataclass(frozen=True)
class FileSummary:
    extraction: Extraction              # without text, measures, agencies, themes, targets
    key: str                            # the full extraction's entry in the store
    silver: tuple[str, ...]             # the silver checks the text fails
    sentences: tuple[str, ...]          # the sentence of each citation, in order

    @property
    def relative_path(self) -> str:
        return self.extraction.document.relative_path


def summarize(x: Extraction, key: str) -> FileSummary:
    doc = x.document
    light_doc = Document(source=replace(doc.source, text=""), text="", view="", residue=(), portal=(),
                         sentences=(), layout=None)
    light = replace(x, document=light_doc, measures=(), agencies=(), responsible=(), collective=(), unbound=(),
                    service_models=(), programmes=(), targets=(), amounts=())
    return FileSummary(light, key, tuple(silver_flags(x)),
                       tuple(c.evidence.sentence.slice(doc.text) for c in x.citations))


@dataclass(frozen=True)
class StoreFolder:
    """An extraction store used by path: a cluster's worker puts the
    extraction it made there, and reads back the one a graph block needs."""
    folder: Path

    def get(self, key: str) -> Optional[Extraction]:
        return cast(Optional[Extraction], build_cache.BuildCache(self.folder).read("extract", key))

    def put(self, key: str, x: Extraction) -> None:
        build_cache.BuildCache(self.folder).put("extract", key, x)

    def __str__(self) -> str:
        return str(self.folder)


class ExtractionStore:
    """Where full extractions wait for their graph blocks: the build cache,
    or with the cache off a spill folder in the output folder, removed when
    the build ends (and by the next build, if this one is killed)."""

    def __init__(self, cache: build_cache.BuildCache, out_dir: Path):
        self.spill: Optional[Path] = None
        if cache.enabled:
            self.cache = cache
        else:
            out_dir.mkdir(parents=True, exist_ok=True)
            self.spill = out_dir / f"{SPILL_PREFIX}{id(self):x}"
            self.cache = build_cache.BuildCache(self.spill, scratch=True)

    def put(self, key: str, x: Extraction) -> None:
        self.cache.put("extract", key, x)

    def get(self, key: str) -> Optional[Extraction]:
        """The full extraction, or None where its entry cannot be read."""
        return cast(Optional[Extraction], self.cache.read("extract", key))

    def adopt(self, key: str) -> None:
        """An extraction a worker put in the store (``StoreFolder.put``): this
        build's, kept when the cache is pruned."""
        self.cache.mark_used("extract", key)

    def reader(self) -> "StoreFolder":
        """What a worker elsewhere needs to use it: its folder, not this
        build's bookkeeping (the set of entries used, which grows with the corpus)."""
        return StoreFolder(self.cache.root.parent)

    def __str__(self) -> str:
        return str(self.cache.root)

    def close(self) -> None:
        if self.spill is not None:
            shutil.rmtree(self.spill, ignore_errors=True)
