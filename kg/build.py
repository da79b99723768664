"""``kg build``: corpus folder in, graph files and a build report out."""
from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from .cleaning import clean
from .extract import extract_mentions
from .graph import build_graph
from .inference import check_implements, implements_edges, title_echoes
from .loading import SkippedFile, load_corpus
from .resolve import resolve
from .resources import rules_version
from .serialize import atomic_write, to_trig, to_turtle
from .store import load_graph, write_store
from .viz import write_view

GRAPH_FILE = "graph.trig"
TURTLE_FILE = "graph.ttl"
REPORT_FILE = "report.json"
HTML_FILE = "graph.html"


@dataclass
class BuildReport:
    corpus: Path
    out_dir: Path
    files_read: int = 0
    skipped: list[SkippedFile] = field(default_factory=list)
    documents: int = 0
    stubs: int = 0
    links: dict[str, int] = field(default_factory=dict)
    triples: int = 0
    warnings: list[str] = field(default_factory=list)
    outputs: list[Path] = field(default_factory=list)

    def summary(self) -> str:
        lines = [
            f"read {self.files_read} files from {self.corpus}"
            + (f", skipped {len(self.skipped)}" if self.skipped else ""),
            f"{self.documents} documents ({self.documents - self.stubs} in the corpus, {self.stubs} cited stubs)",
            "links: " + (", ".join(f"{k} {v}" for k, v in sorted(self.links.items())) or "none"),
            f"{self.triples} triples; {len(self.warnings)} warnings (see {self.out_dir / REPORT_FILE})",
        ]
        lines += [f"skipped {s}" for s in self.skipped]
        lines += [f"wrote {p}" for p in self.outputs]
        return "\n".join(lines)

    def to_json(self) -> dict:
        return {
            "corpus": str(self.corpus),
            "rules_version": rules_version(),
            "files_read": self.files_read,
            "skipped": [{"file": s.relative_path, "reason": s.reason} for s in self.skipped],
            "documents": self.documents,
            "stubs": self.stubs,
            "links": self.links,
            "triples": self.triples,
            "warnings": self.warnings,
        }


def build(corpus_dir: Path, out_dir: Path, turtle: bool = False) -> BuildReport:
    """Build the graph of a corpus into ``out_dir``; returns the report.

    Raises loading.CorpusError for a missing or empty corpus. Files that
    cannot be read are skipped and listed in the report.
    """
    corpus_dir, out_dir = Path(corpus_dir).resolve(), Path(out_dir)
    sources, skipped = load_corpus(corpus_dir)
    extractions = [extract_mentions(clean(source)) for source in sources]
    resolution = resolve(extractions)
    inferred = title_echoes(resolution.documents.values(), implements_edges(extractions, resolution, ()))
    ds = build_graph(extractions, resolution, inferred)

    report = BuildReport(corpus=corpus_dir, out_dir=out_dir, files_read=len(sources), skipped=skipped)
    report.documents = len(resolution.documents)
    report.stubs = sum(1 for d in resolution.documents.values() if d.is_stub)
    links = Counter(c.relation for x in extractions for c in x.citations)
    links.update("replies_to" for x in extractions if x.proposal is not None)
    links.update(f"{link.relation} (inferred)" for link in inferred)
    report.links = dict(links)
    report.triples = len(ds)
    report.warnings = ([f"{s.relative_path}: {note}" for s in sources for note in s.notes]
                       + [w for x in extractions for w in x.warnings] + resolution.warnings
                       + check_implements(implements_edges(extractions, resolution, inferred)))

    outputs = [(out_dir / GRAPH_FILE, to_trig(ds))]
    if turtle:
        outputs.append((out_dir / TURTLE_FILE, to_turtle(ds)))
    outputs.append((out_dir / REPORT_FILE,
                    json.dumps(report.to_json(), ensure_ascii=False, indent=2, sort_keys=True).encode("utf-8")))
    for path, data in outputs:
        atomic_write(path, data)
        report.outputs.append(path)
    store_dir = write_store(out_dir / GRAPH_FILE)
    report.outputs.append(store_dir)
    write_view(load_graph(out_dir / GRAPH_FILE), out_dir / HTML_FILE)
    report.outputs.append(out_dir / HTML_FILE)
    return report
